/**
 * The payout journal: payouts submitted in the application's own database transaction,
 * dispatched once across crashes and instances, and reconciled to a final state.
 */
@NullMarked
package me.tokenpay.spring.journal;

import org.jspecify.annotations.NullMarked;

/**
 * Several merchants in one application: named merchants, where they come from, and the
 * operations of each.
 */
@NullMarked
package me.tokenpay.spring.client.merchant;

import org.jspecify.annotations.NullMarked;

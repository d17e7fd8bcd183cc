/**
 * What the starter's tables need to know of the database they live in.
 */
@NullMarked
package me.tokenpay.spring.jdbc;

import org.jspecify.annotations.NullMarked;

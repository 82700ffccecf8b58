/**
 * Contracts with providers: committed spend, reserved capacity, storage, right of first refusal,
 * rate cards.
 */
@NullMarked
package io.nuage.contract;

import org.jspecify.annotations.NullMarked;

/**
 * Sizing a committed-spend deal before signing it (docs/deals.md): the deal at several sizes and
 * not signed, over the same sampled futures, and the demand at which it pays for itself.
 */
@NullMarked
package io.nuage.deal;

import org.jspecify.annotations.NullMarked;

/** What the store's bills cover, per provider, as a re-plan reads it before fixing months. */
@NullMarked
package io.nuage.store.billing;

import org.jspecify.annotations.NullMarked;

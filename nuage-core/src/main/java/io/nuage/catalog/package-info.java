/** Providers, regions, accelerators, priced offerings and capacity schedules. */
@NullMarked
package io.nuage.catalog;

import org.jspecify.annotations.NullMarked;

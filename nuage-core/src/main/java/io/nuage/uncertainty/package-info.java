/**
 * The uncertainty a scenario states (its {@code uncertainty:} section): what each source may draw
 * when the future is not the one written down. Values only; drawing and serving futures is {@code
 * io.nuage.risk} (docs/risk.md).
 */
@NullMarked
package io.nuage.uncertainty;

import org.jspecify.annotations.NullMarked;

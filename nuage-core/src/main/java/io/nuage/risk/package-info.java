/**
 * Risk: what the signed contracts cost over many futures drawn from a scenario's uncertainty, each
 * served by a recourse plan, with the statistical error of every figure (docs/risk.md).
 */
@NullMarked
package io.nuage.risk;

import org.jspecify.annotations.NullMarked;

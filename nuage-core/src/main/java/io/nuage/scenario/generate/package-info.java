/**
 * Generated scenarios for benchmarks and randomized tests: real prices, trace-shaped job sizes,
 * capacity and contracts sized around a reference placement (docs/generate.md).
 */
@NullMarked
package io.nuage.scenario.generate;

import org.jspecify.annotations.NullMarked;

/** Benchmarks (JMH) and benchmark drivers; their figures go to docs/benchmarks.md. */
@NullMarked
package io.nuage.bench;

import org.jspecify.annotations.NullMarked;

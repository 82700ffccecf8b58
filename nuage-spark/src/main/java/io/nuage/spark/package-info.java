/**
 * Nuage on Apache Spark (docs/scale-out.md): risk sweeps whose futures are served by executors,
 * found by the CLI through {@link io.nuage.scaleout.ScaleOutEngine} only when {@code --engine
 * spark} is asked for.
 */
@NullMarked
package io.nuage.spark;

import org.jspecify.annotations.NullMarked;

/**
 * The seam to a distributed engine (docs/scale-out.md): what the CLI asks of one ({@link
 * ScaleOut}), how it is found ({@link Engines}, a {@link java.util.ServiceLoader} over a module the
 * launcher puts on the class path only for {@code --engine spark}), and the recipes it is handed.
 */
@NullMarked
package io.nuage.scaleout;

import org.jspecify.annotations.NullMarked;

/** Shared foundations: the root exception, located problems and month arithmetic. */
@NullMarked
package io.nuage.core;

import org.jspecify.annotations.NullMarked;

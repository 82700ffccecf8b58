@NullMarked
package io.nuage.testing;

import org.jspecify.annotations.NullMarked;

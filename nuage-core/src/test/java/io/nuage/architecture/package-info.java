@NullMarked
package io.nuage.architecture;

import org.jspecify.annotations.NullMarked;

@NullMarked
package io.nuage.scenario;

import org.jspecify.annotations.NullMarked;

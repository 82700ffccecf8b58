@NullMarked
package io.nuage.report;

import org.jspecify.annotations.NullMarked;

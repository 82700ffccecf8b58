@NullMarked
package io.nuage.catalog.imports;

import org.jspecify.annotations.NullMarked;

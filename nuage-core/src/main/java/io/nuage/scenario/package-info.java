/** A scenario: everything a plan needs, read from one YAML file. */
@NullMarked
package io.nuage.scenario;

import org.jspecify.annotations.NullMarked;

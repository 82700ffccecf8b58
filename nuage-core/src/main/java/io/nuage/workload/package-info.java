/** Demand: training runs, inference fleets and storage. */
@NullMarked
package io.nuage.workload;

import org.jspecify.annotations.NullMarked;

/**
 * The honest projection of a contract year (docs/ledger-drawdown.md, section 4): actuals to date
 * plus a plan's consumption for the rest of the year, or the run rate "if spending stays at today's
 * rate"; a year not started is not projected from a run rate and owes no shortfall.
 */
@NullMarked
package io.nuage.ledger.projection;

import org.jspecify.annotations.NullMarked;

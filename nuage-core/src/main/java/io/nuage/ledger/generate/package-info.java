/**
 * FOCUS bills that follow a plan (docs/billing-from-plan.md): the plan's placements, reservations,
 * storage and egress billed per provider dialect, exact to the cent, with documented drift. What is
 * billed is decided here, as typed rows ({@link io.nuage.ledger.generate.BillRow}); the file
 * formats (CSV, the JSON cells) are written by the CLI.
 */
@NullMarked
package io.nuage.ledger.generate;

import org.jspecify.annotations.NullMarked;

/**
 * {@code nuage generate-billing --from-plan} (docs/billing-from-plan.md): reads the plan file and
 * finds its scenario, and writes the bills and the Contract Commitment dataset that {@code
 * io.nuage.ledger.generate} decides, as FOCUS CSV (Apache Commons CSV, the JSON cells with
 * Jackson's streaming generator).
 */
@NullMarked
package io.nuage.cli.billing;

import org.jspecify.annotations.NullMarked;

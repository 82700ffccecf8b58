package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.ledger.DuckDbCharges;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The ledger part of a report: the draw-down JSON of a scenario over a ledger database. */
final class LedgerReport {
  private LedgerReport() {}

  /**
   * The draw-down JSON {@code nuage ledger --format json} prints, as of the day after the last
   * charge; null when the ledger holds no rows (the report then shows the plan alone).
   */
  static @Nullable String drawDownJson(Scenario scenario, Path db, String from) {
    // opening a missing file would create an empty database: a typo must not pass silently
    if (!Files.isRegularFile(db)) {
      throw new NuageException(
          from + ": no ledger database at " + db + " (expected a file written by nuage ingest)");
    }
    try (Store store = Store.open(db)) {
      DuckDbCharges charges = new DuckDbCharges(store);
      if (charges.lastChargeDay().isEmpty()) return null;
      return LedgerJson.drawDown(new CommitmentLedger(scenario).report(charges, null));
    }
  }
}

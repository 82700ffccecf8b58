package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import java.nio.file.Path;

/** The ledger part of a report: the draw-down JSON of a scenario over a ledger database. */
final class LedgerReport {
  private LedgerReport() {}

  // Wired to the ledger's draw-down (CommitmentLedger over the store) once that lands in main.
  static String drawDownJson(Scenario scenario, Path db) {
    throw new NuageException(
        "--db: the ledger draw-down is not available in this build yet (got "
            + db
            + " for scenario "
            + scenario.name()
            + ")");
  }
}

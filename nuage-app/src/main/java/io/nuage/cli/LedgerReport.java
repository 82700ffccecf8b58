package io.nuage.cli;

import io.nuage.cli.billing.PlannedSpend;
import io.nuage.core.NuageException;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.generate.PlannedBills;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.ledger.DuckDbCharges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The ledger part of a report: the draw-down JSON of a scenario over a ledger database. */
final class LedgerReport {
  private LedgerReport() {}

  /**
   * Every contract's commitment of every kind per contract year with nothing consumed yet: the
   * draw-down of an empty ledger as of the horizon's first day (a re-plan's: its as-of date),
   * projected with the plan (at the run rate, that is zero, when it places nothing). The headline's
   * "total committed" and the burn-down of reservations and storage in a report without bills come
   * from it.
   */
  static String commitmentsJson(
      Scenario scenario, String scenarioFile, String planJson, String planName) {
    boolean placed = PlanJsonReader.hasPlacements(planJson);
    PlannedConsumption planned =
        placed ? PlanJsonReader.consumption(planJson, planName, scenario) : null;
    // a re-plan places nothing before its as-of date (those months were billed): it projects
    // from that date, not from the horizon's start
    LocalDate asOf =
        planned != null && planned.decidesFrom() != null
            ? planned.decidesFrom()
            : scenario.horizon().start().atDay(1);
    return LedgerJson.drawDown(
        new CommitmentLedger(scenario, scenarioFile)
            .report(java.util.List.of(), java.util.List.of(), asOf, planned));
  }

  /** A ledger database that exists, and the option or variable that named it. */
  record Source(Path db, String from) {
    /**
     * Checks the file exists (opening a missing file would create an empty database) and opens it,
     * before any planning: a store that cannot be read fails in a second, not after the solve.
     */
    static Source of(Path db, String from) {
      if (!Files.isRegularFile(db)) {
        throw new NuageException(
            from + ": no ledger database at " + db + " (expected a file written by nuage ingest)");
      }
      try (Store store = Store.openReadOnly(db)) {
        new DuckDbCharges(store).lastChargeDay();
      } catch (NuageException e) {
        throw new NuageException(
            from
                + ": "
                + e.getMessage()
                + (from.startsWith("the default store")
                    ? " (a report reads the default store when it exists: name another ledger"
                        + " with --db, or move this one aside)"
                    : ""),
            e);
      }
      return new Source(db, from);
    }

    /**
     * The draw-down JSON {@code nuage ledger --plan PLAN --format json} prints, as of the end of
     * what was billed, projected with the report's own plan ({@code planJson}, named {@code
     * planName}); null when the ledger holds no rows (the report then shows the plan alone).
     */
    @Nullable String drawDownJson(
        Scenario scenario, String scenarioFile, String planJson, String planName) {
      try (Store store = Store.openReadOnly(db)) {
        DuckDbCharges charges = new DuckDbCharges(store);
        if (charges.lastChargeDay().isEmpty()) return null;
        // a plan without placements (an infeasible one) projects nothing: the run rate does
        boolean placed = PlanJsonReader.hasPlacements(planJson);
        return LedgerJson.drawDown(
            new CommitmentLedger(scenario, scenarioFile)
                .report(
                    charges,
                    null,
                    placed ? PlanJsonReader.consumption(planJson, planName, scenario) : null));
      }
    }

    /**
     * The JSON of {@code nuage ledger vs-plan --plan PLAN --format json}: every part the plan bills
     * (usage, reservation fees, storage, egress, true-ups) against the bills, up to their end; null
     * when the ledger holds no rows.
     */
    @Nullable String vsPlanJson(Scenario scenario, Path scenarioFile, Path planFile) {
      PlannedBills planned = PlannedSpend.read(planFile, scenarioFile);
      try (Store store = Store.openReadOnly(db)) {
        DuckDbCharges charges = new DuckDbCharges(store);
        if (charges.lastChargeDay().isEmpty()) return null;
        return LedgerVsPlanCommand.compare(
                scenario, scenarioFile.toString(), planned, charges, null)
            .json();
      }
    }
  }
}

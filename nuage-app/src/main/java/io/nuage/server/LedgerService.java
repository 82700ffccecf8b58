package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.scenario.Scenario;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The ledger as the server uses it: ingest a file with the CLI's atomicity, and the reports as the
 * CLI's JSON (money as decimal strings).
 */
public interface LedgerService {
  /**
   * Ingests one FOCUS file in one transaction; a file with any bad row changes nothing and throws
   * {@link io.nuage.core.ValidationException} naming the rejected rows.
   *
   * @param name how messages name the file (the uploader's file name)
   */
  Ingested ingest(Path file, String name);

  /** The JSON of {@code nuage ledger --format json}, at the run rate. */
  default JsonNode drawdown(Scenario scenario, @Nullable LocalDate asOf) {
    return drawdown(scenario, scenario.name(), asOf, null);
  }

  /**
   * The JSON of {@code nuage ledger --format json}.
   *
   * @param source how messages name the scenario (a missing exchange rate is located at it)
   * @param plan projects each year not closed as actuals plus this plan; the run rate when null
   * @throws io.nuage.core.ValidationException (422) when a currency lacks a rate
   */
  JsonNode drawdown(
      Scenario scenario,
      String source,
      @Nullable LocalDate asOf,
      @Nullable PlannedConsumption plan);

  /**
   * The JSON of {@code nuage ledger vs-plan --format json}: what {@code planned} bills against the
   * bills, up to their end; null when the ledger holds no rows or this ledger cannot tell.
   */
  default @Nullable JsonNode vsPlan(
      Scenario scenario, String source, io.nuage.ledger.generate.PlannedBills planned) {
    return null;
  }

  /**
   * The scenario's latest feasible plan in the store, what a draw-down projects with when no plan
   * job is named; empty when there is none.
   */
  default java.util.Optional<io.nuage.plan.history.StoredPlan> latestPlan(
      Scenario scenario, @Nullable LocalDate asOf) {
    return java.util.Optional.empty();
  }

  /** The draw-down's {@code asOf}, {@code currency}, {@code spend}, {@code shares}, conversions. */
  default JsonNode spend(Scenario scenario) {
    return spend(scenario, scenario.name());
  }

  /** As {@link #spend(Scenario)}, naming the scenario {@code source} in messages. */
  JsonNode spend(Scenario scenario, String source);

  /** The JSON of {@code nuage ledger reconcile --format json}. */
  JsonNode reconciliation(Scenario scenario);

  /**
   * What one ingest did.
   *
   * @param report the ingest report as the CLI's JSON gives it
   */
  record Ingested(long accepted, long duplicates, long rejected, Object report) {}
}

package io.nuage.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.cli.LedgerJson;
import io.nuage.core.NuageException;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.CommitmentLedger;
import io.nuage.ledger.ContractRate;
import io.nuage.ledger.DrawDownReport;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.scenario.Scenario;
import io.nuage.store.Store;
import io.nuage.store.ledger.DuckDbCharges;
import io.nuage.store.ledger.IngestOptions;
import io.nuage.store.ledger.IngestReport;
import io.nuage.store.ledger.Ingestions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ledger in the store, as the server uses it. Reports read through a connection of their own
 * ({@link Store#duplicate}), so an ingest in progress on the store's connection never holds them:
 * they see the ledger as last committed.
 */
public final class StoreLedger implements LedgerService {
  /** Flagged rows listed in a reconciliation answer (all are counted in its totals). */
  static final int RECONCILED_ROWS_SHOWN = 50;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Store store;

  public StoreLedger(Store store) {
    this.store = store;
  }

  @Override
  public Ingested ingest(Path file, String name) {
    IngestReport report;
    try {
      // the upload is in a temporary file: the ledger records it by the name it was sent as
      report = Ingestions.in(store).ingest(file, IngestOptions.DEFAULT.named(name));
      // the server holds its store for days: fold the write-ahead log in after each file, under
      // the store's torn-write guard (DuckDB's own automatic checkpoints are off)
      store.checkpoint();
    } catch (ValidationException e) {
      // the upload went to a temporary file: name it as the uploader did
      List<Problem> renamed =
          e.problems().stream()
              .map(p -> new Problem(name, p.line(), p.column(), p.path(), p.message()))
              .toList();
      throw new ValidationException(renamed);
    } catch (NuageException e) {
      if (e.exitCode() == 1) throw e;
      throw new NuageException(e.getMessage().replace(file.toString(), name));
    }
    IngestReport named =
        new IngestReport(
            name,
            report.format(),
            report.focusVersion(),
            report.rowsRead(),
            report.accepted(),
            report.duplicates(),
            report.rejected(),
            report.rejectedByReason(),
            report.normalisations(),
            report.ignoredColumns(),
            report.firstRejects(),
            null,
            report.dataset());
    return new Ingested(report.accepted(), report.duplicates(), report.rejected(), named);
  }

  @Override
  public JsonNode drawdown(
      Scenario scenario,
      String source,
      @Nullable LocalDate asOf,
      @Nullable PlannedConsumption plan) {
    return json(LedgerJson.drawDown(report(scenario, source, asOf, plan)));
  }

  @Override
  public @Nullable JsonNode vsPlan(
      Scenario scenario, String source, io.nuage.ledger.generate.PlannedBills planned) {
    try (Store reader = store.duplicate()) {
      DuckDbCharges charges = new DuckDbCharges(reader);
      if (charges.lastChargeDay().isEmpty()) return null;
      return json(
          io.nuage.cli.LedgerVsPlanCommand.compare(scenario, source, planned, charges, null)
              .json());
    }
  }

  @Override
  public java.util.Optional<io.nuage.plan.history.StoredPlan> latestPlan(
      Scenario scenario, @Nullable LocalDate asOf) {
    try (Store reader = store.duplicate()) {
      return io.nuage.cli.LatestPlan.of(reader, scenario, asOf);
    }
  }

  @Override
  public JsonNode spend(Scenario scenario, String source) {
    ObjectNode full = (ObjectNode) json(LedgerJson.drawDown(report(scenario, source, null, null)));
    ObjectNode out = JSON.createObjectNode();
    out.set("asOf", full.get("asOf"));
    out.set("currency", full.get("currency"));
    out.set("spend", full.get("spend"));
    out.set("shares", full.get("shares"));
    out.set("conversions", full.get("conversions"));
    return out;
  }

  @Override
  public JsonNode reconciliation(Scenario scenario) {
    Reconciliation r;
    LocalDate asOf;
    try (Store reader = store.duplicate()) {
      DuckDbCharges charges = new DuckDbCharges(reader);
      asOf =
          charges.lastUsageEnd().isEmpty()
              ? null
              : CommitmentLedger.asOfAfter(charges.lastUsageEnd());
      r =
          charges.reconcile(
              ContractRate.of(scenario),
              BillingProviders.of(scenario),
              RECONCILED_ROWS_SHOWN,
              scenario.currency());
    }
    return json(LedgerJson.reconciliation(r, asOf));
  }

  private DrawDownReport report(
      Scenario scenario,
      String source,
      @Nullable LocalDate asOf,
      @Nullable PlannedConsumption plan) {
    try (Store reader = store.duplicate()) {
      return new CommitmentLedger(scenario, source).report(new DuckDbCharges(reader), asOf, plan);
    }
  }

  /** The CLI's JSON (LedgerJson), so the API and `nuage ledger --format json` never differ. */
  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the ledger JSON is not JSON", e);
    }
  }
}

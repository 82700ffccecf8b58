package io.nuage.cli;

import io.nuage.ledger.ContractDrawDown;
import io.nuage.ledger.DrawDownLine;
import io.nuage.ledger.DrawDownReport;
import io.nuage.ledger.MonthlySpend;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.PlanVariance;
import io.nuage.ledger.Reconciliation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The ledger's tables as CSV (RFC 4180), for {@code --format csv} and the API's {@code Accept:
 * text/csv}: the exact decimals of the JSON, written as it writes them (docs/ledger.md, "CSV"), an
 * empty field where the JSON has null. One table each: the contract years of the draw-down, spend
 * by provider and month, the reconciliation's flagged rows, the plan-against-actual lines.
 */
public final class LedgerCsv {
  private LedgerCsv() {}

  /** {@code nuage ledger --format csv}: a row per contract year. */
  public static String contractYears(DrawDownReport r) {
    return table(
        csv -> {
          for (ContractDrawDown c : r.contracts())
            for (DrawDownLine y : c.years())
              csv.printRecord(
                  c.contract(),
                  c.kind(),
                  c.provider(),
                  c.unit(),
                  y.period().year(),
                  y.period().from(),
                  y.period().to(),
                  y.status().label(),
                  plain(y.committed()),
                  plain(y.consumed()),
                  plain(y.remaining()),
                  plain(y.projected()),
                  plain(y.projectedShortfall()),
                  y.projectionSource() == null ? "" : y.projectionSource().label(),
                  y.runRate() == null ? "" : plain(y.runRate().projected()),
                  y.runRate() == null ? "" : plain(y.runRate().projectedShortfall()),
                  plain(y.trueUp()),
                  y.settlement() == null ? "" : y.settlement().label(),
                  r.asOf());
        },
        "contract",
        "kind",
        "provider",
        "unit",
        "year",
        "from",
        "to",
        "status",
        "committed",
        "consumed",
        "remaining",
        "projected",
        "projected_shortfall",
        "projection_source",
        "run_rate_projected",
        "run_rate_shortfall",
        "true_up",
        "settlement",
        "as_of");
  }

  /** The spend endpoint's CSV: a row per provider and month, in the scenario's currency. */
  public static String spend(DrawDownReport r) {
    return table(
        csv -> {
          for (MonthlySpend s : r.spend())
            csv.printRecord(
                s.provider(),
                s.month(),
                plain(s.billed()),
                plain(s.effective()),
                plain(s.gpuHours()),
                plain(s.trueUp()),
                r.currency());
        },
        "provider",
        "month",
        "billed",
        "effective",
        "gpu_hours",
        "true_up",
        "currency");
  }

  /** {@code nuage ledger reconcile --format csv}: a row per flagged row, in its own currency. */
  public static String reconciliation(Reconciliation r) {
    return table(
        csv -> {
          for (OverbilledRow o : r.rows())
            csv.printRecord(
                o.provider(),
                o.chargePeriodStart(),
                text(o.serviceName()),
                text(o.skuId()),
                text(o.resourceId()),
                text(o.contract()),
                plain(o.billed()),
                plain(o.expected()),
                plain(o.excess()));
        },
        "provider",
        "charge_period_start",
        "service",
        "sku_id",
        "resource_id",
        "contract",
        "billed",
        "expected",
        "excess");
  }

  /** {@code nuage ledger vs-plan --format csv}: a row per provider and month. */
  public static String variance(java.util.List<PlanVariance> lines) {
    return table(
        csv -> {
          for (PlanVariance v : lines) {
            var p = v.plannedParts();
            csv.printRecord(
                v.provider(),
                v.month(),
                plain(v.plannedSpend()),
                plain(v.actualSpend()),
                plain(v.spendVariance()),
                ratio(v.spendVarianceRatio()),
                plain(v.plannedGpuHours()),
                plain(v.actualGpuHours()),
                plain(v.gpuHoursVariance()),
                ratio(v.gpuHoursVarianceRatio()),
                plain(p.usage()),
                plain(p.reservedFees()),
                plain(p.storage()),
                plain(p.egress()),
                plain(p.trueUp()));
          }
        },
        "provider",
        "month",
        "planned_spend",
        "actual_spend",
        "spend_variance",
        "spend_variance_ratio",
        "planned_gpu_hours",
        "actual_gpu_hours",
        "gpu_hours_variance",
        "gpu_hours_variance_ratio",
        "planned_usage",
        "planned_reserved_fees",
        "planned_storage",
        "planned_egress",
        "planned_true_up");
  }

  private interface Rows {
    void print(CSVPrinter csv) throws IOException;
  }

  private static String table(Rows rows, String... header) {
    StringWriter w = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get())) {
      rows.print(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** An amount as the JSON writes it ({@code LedgerJson.s}); empty for null. */
  private static String plain(@Nullable BigDecimal v) {
    String s = LedgerJson.s(v);
    return s == null ? "" : s;
  }

  /** A fraction as the JSON writes it; empty for null. */
  private static String ratio(@Nullable BigDecimal v) {
    String s = LedgerJson.f(v);
    return s == null ? "" : s;
  }

  private static String text(@Nullable String v) {
    return v == null ? "" : v;
  }
}

package io.nuage.cli;

import static io.nuage.cli.JsonCsv.Column.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's tables as CSV (docs/ledger.md, "CSV"), each made from the answer's JSON ({@link
 * LedgerJson}) by {@link JsonCsv}: the CLI's {@code --format csv} and the API's {@code Accept:
 * text/csv} are the same bytes, and every amount is the JSON's decimal string.
 */
public final class LedgerCsv {
  private LedgerCsv() {}

  private static final List<JsonCsv.Column> YEARS =
      List.of(
          of("contract", "/contract"),
          of("kind", "/kind"),
          of("provider", "/provider"),
          of("unit", "/unit"),
          of("year", "/year"),
          of("from", "/from"),
          of("to", "/to"),
          of("status", "/status"),
          of("committed", "/committed"),
          of("consumed", "/consumed"),
          of("remaining", "/remaining"),
          of("projected", "/projected"),
          of("projected_shortfall", "/projectedShortfall"),
          of("projection_source", "/projectionSource"),
          of("run_rate_projected", "/runRate/projected"),
          of("run_rate_shortfall", "/runRate/projectedShortfall"),
          of("true_up", "/trueUp"),
          of("settlement", "/settlement"),
          of("as_of", "/asOf"));

  /**
   * The draw-down ({@code nuage ledger}, {@code /api/ledger/drawdown}): a row per contract year,
   * and a row without a year for a contract without minimums (what it drew).
   */
  public static String drawDown(JsonNode answer) {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode c : answer.path("contracts")) {
      if (c.path("years").isEmpty()) {
        // a contract with no minimums (a rate card): one row of what it drew, no year
        ObjectNode row = c.deepCopy();
        row.remove(List.of("years", "projectedShortfall", "trueUp"));
        row.set("asOf", answer.get("asOf"));
        rows.add(row);
      }
      for (JsonNode y : c.path("years")) {
        ObjectNode row = y.deepCopy();
        for (String f : List.of("contract", "kind", "provider", "unit")) row.set(f, c.get(f));
        row.set("asOf", answer.get("asOf"));
        rows.add(row);
      }
    }
    return JsonCsv.table(rows, YEARS);
  }

  /** Spend by provider and month ({@code /api/ledger/spend}), in the answer's currency. */
  public static String spend(JsonNode answer) {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode s : answer.path("spend")) {
      ObjectNode row = s.deepCopy();
      row.set("currency", answer.get("currency"));
      rows.add(row);
    }
    return JsonCsv.table(
        rows,
        List.of(
            of("provider", "/provider"),
            of("month", "/month"),
            of("billed", "/billed"),
            of("effective", "/effective"),
            of("gpu_hours", "/gpuHours"),
            of("currency", "/currency")));
  }

  /** The reconciliation's flagged rows, each in its own billing currency. */
  public static String reconciliation(JsonNode answer) {
    return JsonCsv.table(
        answer.path("overbilled"),
        List.of(
            of("provider", "/provider"),
            of("charge_period_start", "/chargePeriodStart"),
            of("service", "/serviceName"),
            of("sku_id", "/skuId"),
            of("resource_id", "/resourceId"),
            of("contract", "/contract"),
            of("billed", "/billed"),
            of("expected", "/expected"),
            of("excess", "/excess")));
  }

  /** Plan against actual ({@code nuage ledger vs-plan}): a row per provider and month. */
  public static String variance(JsonNode answer) {
    return JsonCsv.table(
        answer.path("planVsActual"),
        List.of(
            of("provider", "/provider"),
            of("month", "/month"),
            of("partial", "/partial"),
            of("planned_spend", "/plannedSpend"),
            of("actual_spend", "/actualSpend"),
            of("spend_variance", "/spendVariance"),
            of("spend_variance_ratio", "/spendVarianceRatio"),
            of("planned_gpu_hours", "/plannedGpuHours"),
            of("actual_gpu_hours", "/actualGpuHours"),
            of("gpu_hours_variance", "/gpuHoursVariance"),
            of("gpu_hours_variance_ratio", "/gpuHoursVarianceRatio"),
            of("planned_usage", "/planned/usage"),
            of("planned_reserved_fees", "/planned/reservedFees"),
            of("planned_storage", "/planned/storage"),
            of("planned_egress", "/planned/egress"),
            of("planned_true_up", "/planned/trueUp")));
  }
}

package io.nuage.report;

import io.nuage.scenario.Policy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one report shows: a plan and, when a ledger is at hand, its draw-down and spend. The plan
 * and ledger parts are JSON texts in the shapes of docs/plan-json.md and docs/dashboard.md, exactly
 * as the API serves them, so the report and the dashboard feed the same chart code.
 *
 * @param title shown as the report's heading (usually the scenario's name)
 * @param generatedAt when the report was made, printed in its header
 * @param policy the scenario's diversification policy (the caps of the share chart)
 * @param planJson the plan JSON object
 * @param ledgerJson {@code {"drawdown": [...], "spend": [...]}} or null when there is no ledger
 * @param riskJson the JSON of {@code nuage risk --format json} (docs/risk-json.md), or null
 * @param concentrationJson the JSON of {@code nuage whatif --concentration --format json}, or null
 * @param commitmentsJson the draw-down JSON of an empty ledger at the horizon's start (every
 *     contract of every kind, its committed amount per year, projected with the plan), or null
 * @param dealJson the JSON of {@code nuage deal --format json} (docs/deal-json.md), or null
 */
public record ReportBundle(
    String title,
    Instant generatedAt,
    Policy policy,
    String planJson,
    @Nullable String ledgerJson,
    @Nullable String riskJson,
    @Nullable String concentrationJson,
    @Nullable String commitmentsJson,
    @Nullable String dealJson) {
  public ReportBundle {
    Objects.requireNonNull(title, "title");
    // Seconds are precise enough for a memo and keep the header short.
    generatedAt = generatedAt.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(policy, "policy");
    requireObject(planJson, "planJson");
    if (ledgerJson != null) requireObject(ledgerJson, "ledgerJson");
    if (riskJson != null) requireObject(riskJson, "riskJson");
    if (concentrationJson != null) requireObject(concentrationJson, "concentrationJson");
    if (commitmentsJson != null) requireObject(commitmentsJson, "commitmentsJson");
    if (dealJson != null) requireObject(dealJson, "dealJson");
  }

  /** A bundle of a plan and, when there is one, a ledger: no risk figures. */
  public ReportBundle(
      String title,
      Instant generatedAt,
      Policy policy,
      String planJson,
      @Nullable String ledgerJson) {
    this(title, generatedAt, policy, planJson, ledgerJson, null, null, null, null);
  }

  private static void requireObject(String json, String field) {
    Objects.requireNonNull(json, field);
    String trimmed = json.strip();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw new IllegalArgumentException(
          field + " must be a JSON object (got text starting with '" + head(trimmed) + "')");
    }
  }

  private static String head(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}

package io.nuage.cli;

import static io.nuage.cli.JsonCsv.Column.of;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A plan's placements as one CSV table (docs/plan-json.md, "CSV"), made from the plan JSON by
 * {@link JsonCsv}: {@code nuage plan --format csv} and {@code GET /api/plans/{id}} with {@code
 * Accept: text/csv} are the same bytes, every amount the JSON's decimal string (US dollars to the
 * cent, GPU-hours to three decimals).
 */
public final class PlanCsv {
  private PlanCsv() {}

  static final List<JsonCsv.Column> COLUMNS =
      List.of(
          of("workload", "/workload"),
          of("kind", "/kind"),
          of("month", "/month"),
          of("provider", "/provider"),
          of("region", "/region"),
          of("accelerator", "/accelerator"),
          of("pricing", "/pricing"),
          of("contract", "/contract"),
          of("gpus", "/gpus"),
          of("gpu_hours", "/gpuHours"),
          of("rate_usd", "/rate"),
          of("cost_usd", "/cost"));

  /** The placements of {@code plan} (the plan JSON); the header alone when it has none. */
  public static String placements(JsonNode plan) {
    return JsonCsv.table(plan.path("placements"), COLUMNS);
  }
}

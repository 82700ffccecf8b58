package io.nuage.plancheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One {@code placements[]} row of a plan JSON, read without any optimiser class.
 *
 * @param region the full region id ({@code provider/name}); a bare name in the JSON is prefixed
 *     with the row's provider
 */
record PlanRow(
    int index,
    String workload,
    String provider,
    String region,
    String accelerator,
    YearMonth month,
    long gpus,
    BigDecimal gpuHours,
    String pricing,
    BigDecimal rate,
    BigDecimal cost) {

  static PlanRow of(int index, JsonNode row) {
    String provider = text(row, "provider");
    String region = text(row, "region");
    if (!region.contains("/")) region = provider + "/" + region;
    return new PlanRow(
        index,
        text(row, "workload"),
        provider,
        region,
        text(row, "accelerator"),
        YearMonth.parse(text(row, "month")),
        row.path("gpus").asLong(),
        new BigDecimal(text(row, "gpuHours")),
        row.path("pricing").asText("on-demand"),
        new BigDecimal(row.path("rate").asText("0")),
        new BigDecimal(text(row, "cost")));
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field " + field + " in " + node);
    }
    return value.asText();
  }

  boolean reserved() {
    return pricing.equals("reserved");
  }

  String where() {
    return "placements[" + index + "] " + workload + " " + region + " " + accelerator + " " + month;
  }
}

package io.nuage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One measured {@code nuage plan} process. */
record BenchRow(
    String name,
    int run,
    int exitCode,
    double wallSeconds,
    double cpuSeconds,
    @Nullable JsonNode plan,
    long peakHeapMib,
    long rssMib) {

  static final String HEADER =
      "| scenario | run | exit | wall s (JVM incl.) | CPU s | solve s | status | gap | total cost | best baseline | peak heap MiB | peak RSS MiB | gang options pruned |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

  String markdown() {
    String status = plan == null ? "no JSON" : plan.path("status").asText();
    String solve =
        plan == null
            ? ""
            : String.format(Locale.ROOT, "%.1f", plan.path("solveSeconds").asDouble());
    String gap = plan == null ? "" : plan.path("gap").asText();
    String total = plan == null ? "" : plan.path("totalCost").asText();
    String baseline = "";
    if (plan != null) {
      for (JsonNode b : plan.path("baselines")) {
        if (b.path("feasible").asBoolean()) {
          String cost = b.path("totalCost").asText();
          if (baseline.isEmpty()
              || new java.math.BigDecimal(cost).compareTo(new java.math.BigDecimal(baseline)) < 0) {
            baseline = cost;
          }
        }
      }
    }
    String pruned = plan == null ? "" : plan.path("optionsPruned").asText();
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.1f | %.1f | %s | %s | %s | %s | %s | %d | %d | %s |",
        name,
        run,
        exitCode,
        wallSeconds,
        cpuSeconds,
        solve,
        status,
        gap,
        total,
        baseline,
        peakHeapMib,
        rssMib,
        pruned);
  }
}

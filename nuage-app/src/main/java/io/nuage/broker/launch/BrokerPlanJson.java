package io.nuage.broker.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.broker.BrokerPlan;
import io.nuage.broker.CapacityKind;
import io.nuage.broker.CellTerms;
import io.nuage.broker.PlanPrices;
import io.nuage.broker.PlannedRow;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the broker needs of a plan JSON (docs/plan-json.md): placements, binding shadow prices
 * and the spend per plan year; refuses a plan of another scenario, or one with no placements (an
 * infeasible plan), naming the plan and the field.
 */
public final class BrokerPlanJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BrokerPlanJson() {}

  /**
   * @param name the plan's name in messages (a file, or a plan job's id)
   * @param scenario the scenario the plan must be of (its name)
   */
  public static BrokerPlan read(String json, String name, Scenario scenario) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new NuageException(name + ": not a plan JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (root == null || !root.isObject())
      throw new NuageException(name + ": not a plan JSON (expected an object)");
    String of = root.path("scenario").asText("");
    if (!of.equals(scenario.name()))
      throw new NuageException(
          name
              + ": scenario: the plan is of another scenario (got "
              + (of.isEmpty() ? "none" : of)
              + ", expected "
              + scenario.name()
              + ", the scenario given with --scenario)");
    JsonNode placements = root.get("placements");
    if (placements == null || !placements.isArray() || placements.isEmpty())
      throw new NuageException(
          name
              + ": placements: none (status "
              + root.path("status").asText("?")
              + "; expected a feasible plan with placements)");
    List<PlannedRow> rows = new ArrayList<>();
    java.util.Set<String> workloads = new java.util.HashSet<>();
    scenario.workloads().forEach(w -> workloads.add(w.id()));
    CellTerms reserved = new CellTerms(scenario);
    for (int i = 0; i < placements.size(); i++) {
      PlannedRow r = row(name, placements.get(i), i);
      // same name, another version: a workload the file no longer has
      if (!workloads.contains(r.workload()))
        throw new NuageException(
            name
                + ": placements["
                + i
                + "].workload: "
                + r.workload()
                + " is no workload of "
                + scenario.name()
                + " (the plan was made from another version of the scenario; plan it again)");
      if (!regionOf(scenario, r.region()))
        throw new NuageException(
            name
                + ": placements["
                + i
                + "].region: "
                + r.region()
                + " is not a region of "
                + scenario.name()
                + " (expected one of its catalog's regions; the plan was made from another"
                + " version of the scenario, or edited)");
      if (r.pricing() == CapacityKind.RESERVED
          && scenario.catalog().accelerator(r.accelerator()).isPresent()
          && reserved.reservedGpus(r.region(), r.accelerator(), r.month()) == 0)
        throw new NuageException(
            name
                + ": placements["
                + i
                + "].pricing: reserved, but "
                + scenario.name()
                + " reserves no "
                + r.accelerator()
                + " in "
                + r.region()
                + " in "
                + r.month()
                + " (the plan was made from another version of the scenario; plan it again)");
      if (scenario.catalog().accelerator(r.accelerator()).isEmpty())
        throw new NuageException(
            name
                + ": placements["
                + i
                + "].accelerator: "
                + r.accelerator()
                + " is not in the catalog of "
                + scenario.name()
                + " (the plan was made from another version of the scenario; plan it again)");
      rows.add(r);
    }
    Map<String, BigDecimal> binding = new LinkedHashMap<>();
    JsonNode b = root.path("binding");
    for (int i = 0; i < b.size(); i++)
      binding.put(
          text(name, b.get(i), "binding[" + i + "]", "constraint"),
          decimal(name, b.get(i), "binding[" + i + "]", "shadowPrice"));
    Map<Integer, BigDecimal> spend = new TreeMap<>();
    JsonNode p = root.path("providers");
    for (int i = 0; i < p.size(); i++) {
      JsonNode y = p.get(i).get("year");
      if (y == null || !y.canConvertToInt())
        throw new NuageException(name + ": providers[" + i + "].year: not a year (got " + y + ")");
      spend.merge(
          y.asInt(), decimal(name, p.get(i), "providers[" + i + "]", "spend"), BigDecimal::add);
    }
    try {
      return new BrokerPlan(of, rows, PlanPrices.of(binding, spend));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new NuageException(name + ": binding: " + e.getMessage());
    }
  }

  /** A region of the scenario: in its catalog, or priced or scheduled there. */
  static boolean regionOf(Scenario scenario, String region) {
    return scenario.catalog().region(region).isPresent()
        || scenario.capacity().stream().anyMatch(c -> c.region().equals(region))
        || scenario.catalog().offerings().stream().anyMatch(o -> o.region().equals(region));
  }

  private static PlannedRow row(String name, JsonNode p, int i) {
    String at = "placements[" + i + "]";
    String region = text(name, p, at, "region");
    String provider = text(name, p, at, "provider");
    if (!region.contains("/")) region = provider + "/" + region;
    String pricing = text(name, p, at, "pricing");
    CapacityKind kind =
        CapacityKind.of(pricing)
            .orElseThrow(
                () ->
                    new NuageException(
                        name
                            + ": "
                            + at
                            + ".pricing: unknown (got \""
                            + pricing
                            + "\", expected reserved, committed or on-demand)"));
    JsonNode gpus = p.get("gpus");
    if (gpus == null || !gpus.canConvertToLong() || gpus.asLong() < 0)
      throw new NuageException(name + ": " + at + ".gpus: not a GPU count (got " + gpus + ")");
    JsonNode contract = p.get("contract");
    String month = text(name, p, at, "month");
    YearMonth m;
    try {
      m = YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new NuageException(
          name + ": " + at + ".month: not a month (got \"" + month + "\", expected YYYY-MM)");
    }
    return new PlannedRow(
        text(name, p, at, "workload"),
        text(name, p, at, "kind"),
        provider,
        region,
        text(name, p, at, "accelerator"),
        m,
        gpus.asLong(),
        decimal(name, p, at, "gpuHours"),
        kind,
        contract != null && contract.isTextual() ? contract.asText() : null);
  }

  private static String text(String name, JsonNode p, String at, String field) {
    JsonNode v = p.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank())
      throw new NuageException(
          name + ": " + at + "." + field + ": missing or not a string (got " + v + ")");
    return v.asText();
  }

  private static BigDecimal decimal(String name, JsonNode p, String at, String field) {
    String s = text(name, p, at, field);
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new NuageException(
          name
              + ": "
              + at
              + "."
              + field
              + ": not a decimal (got \""
              + s
              + "\", expected e.g. \"12.50\")");
    }
  }

  private static String firstLine(@org.jspecify.annotations.Nullable String m) {
    String s = String.valueOf(m);
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}

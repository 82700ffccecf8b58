package io.nuage.plancheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.plan.Baseline;
import io.nuage.plan.ContractYear;
import io.nuage.plan.CostBreakdown;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import io.nuage.plan.Plan;
import io.nuage.plan.PlanOutcome;
import io.nuage.plan.ProviderYear;
import io.nuage.plan.past.ActualConsumption;
import io.nuage.plan.past.ActualSpend;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import io.nuage.plan.verify.PlanVerifier;
import io.nuage.plan.verify.Rule;
import io.nuage.plan.verify.Violation;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks a plan JSON (docs/plan-json.md): reads it into the plan records by the documented field
 * names, without the planner's writer, so the JSON contract is checked too, and hands it to the
 * main-code {@link PlanVerifier}, which holds every rule.
 */
public final class PlanChecker {
  private PlanChecker() {}

  /** Every violation found; empty for a valid plan (and for an INFEASIBLE one: no plan). */
  public static List<Violation> check(Scenario scenario, JsonNode json) {
    var found = new ArrayList<Violation>();
    try {
      String status = json.path("status").asText();
      if (status.equals("INFEASIBLE")) return List.of();
      Plan plan = read(json, found);
      PlanOutcome outcome =
          status.equals("OPTIMAL")
              ? new PlanOutcome.Optimal(plan)
              : new PlanOutcome.Feasible(plan, plan.gap());
      found.addAll(PlanVerifier.verify(scenario, outcome));
    } catch (RuntimeException e) {
      found.add(new Violation(Rule.SHAPE, "unreadable plan: " + e.getMessage()));
    }
    return List.copyOf(found);
  }

  public static List<Violation> check(Scenario scenario, String planJson) {
    try {
      return check(scenario, new ObjectMapper().readTree(planJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JSON's own sums (totalCost, fixedCost) are checked here: the records derive them. */
  private static Plan read(JsonNode json, List<Violation> found) {
    JsonNode b = json.path("costBreakdown");
    var breakdown =
        new CostBreakdown(
            money(b, "usage"),
            money(b, "reserved"),
            money(b, "shortfall"),
            money(b, "egress"),
            money(b, "storage"),
            b.has("actual") ? money(b, "actual") : new BigDecimal("0.00"));
    BigDecimal total = money(json, "totalCost");
    if (total.compareTo(breakdown.total()) != 0) {
      found.add(
          new Violation(
              Rule.TOTAL,
              "totalCost " + total + " is not the sum of costBreakdown, " + breakdown.total()));
    }
    if (json.has("fixedCost") && money(json, "fixedCost").compareTo(breakdown.fixed()) != 0) {
      found.add(
          new Violation(
              Rule.TOTAL,
              "fixedCost " + money(json, "fixedCost") + " is not reserved + storage + actual"));
    }
    return new Plan(
        json.path("scenario").asText(""),
        breakdown.total(),
        money(json, "lowerBound"),
        money(json, "gap"),
        json.path("optionsPruned").asBoolean(false),
        json.path("solveSeconds").asDouble(0),
        json.path("source").asText("solver"),
        strings(json.path("solverNotes")),
        breakdown,
        list(json, "baselines", PlanChecker::baseline),
        list(json, "placements", PlanChecker::placement),
        list(json, "egress", PlanChecker::egress),
        list(json, "providers", PlanChecker::provider),
        list(json, "contracts", PlanChecker::contract),
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        json.path("gangOptions").asInt(0),
        json.has("fixedPast") ? fixedPast(json.get("fixedPast")) : null);
  }

  /** A re-plan's fixed past (docs/plan-json.md, "Re-plans"), by its documented field names. */
  private static FixedPast fixedPast(JsonNode n) {
    var finished = new java.util.TreeSet<String>();
    n.path("finishedRuns").forEach(f -> finished.add(f.asText()));
    return new FixedPast(
        YearMonth.parse(text(n, "firstOpenMonth")),
        list(
            n,
            "spend",
            s ->
                new ActualSpend(
                    text(s, "provider"), YearMonth.parse(text(s, "month")), money(s, "billed"))),
        list(
            n,
            "consumed",
            c ->
                new ActualConsumption(
                    text(c, "contract"), c.path("year").asInt(), money(c, "amount"))),
        list(
            n,
            "runningRuns",
            r ->
                new RunningRun(
                    text(r, "workload"),
                    text(r, "provider"),
                    text(r, "region"),
                    text(r, "accelerator"),
                    YearMonth.parse(text(r, "start")))),
        finished);
  }

  private static Baseline baseline(JsonNode n) {
    JsonNode cost = n.path("totalCost");
    return new Baseline(
        text(n, "name"),
        n.path("feasible").asBoolean(false),
        cost.isNull() || cost.isMissingNode() ? null : new BigDecimal(cost.asText()),
        n.path("note").asText(""));
  }

  private static Placement placement(JsonNode n) {
    JsonNode contract = n.path("contract");
    return new Placement(
        text(n, "workload"),
        n.path("kind").asText(""),
        text(n, "provider"),
        text(n, "region"),
        text(n, "accelerator"),
        YearMonth.parse(text(n, "month")),
        n.path("gpus").asInt(),
        money(n, "gpuHours"),
        n.path("pricing").asText("on-demand"),
        contract.isTextual() ? contract.asText() : null,
        new BigDecimal(n.path("rate").asText("0")),
        money(n, "cost"));
  }

  private static EgressCharge egress(JsonNode n) {
    return new EgressCharge(
        text(n, "workload"),
        n.path("from").asText(""),
        n.path("to").asText(""),
        n.path("provider").asText(""),
        YearMonth.parse(text(n, "month")),
        new BigDecimal(n.path("terabytes").asText("0")),
        new BigDecimal(n.path("cost").asText("0")));
  }

  private static ProviderYear provider(JsonNode n) {
    return new ProviderYear(
        text(n, "provider"),
        n.path("year").asInt(),
        money(n, "spend"),
        new BigDecimal(n.path("share").asText("0")));
  }

  private static ContractYear contract(JsonNode n) {
    return new ContractYear(
        text(n, "contract"),
        n.path("provider").asText(""),
        n.path("year").asInt(),
        money(n, "committed"),
        money(n, "consumed"),
        money(n, "shortfall"),
        n.path("takeOrPay").asBoolean(false),
        n.has("consumedToDate") ? money(n, "consumedToDate") : BigDecimal.ZERO);
  }

  private static <T> List<T> list(JsonNode json, String field, Function<JsonNode, T> read) {
    var out = new ArrayList<T>();
    json.path(field).forEach(n -> out.add(read.apply(n)));
    return out;
  }

  private static BigDecimal money(JsonNode node, String field) {
    return new BigDecimal(text(node, field));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field " + field + " in " + node);
    }
    return value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

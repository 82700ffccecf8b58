package io.nuage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.plan.recourse.CapExcess;
import io.nuage.plan.recourse.RecourseMethod;
import io.nuage.plan.recourse.RecoursePlan;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.risk.Concentration;
import io.nuage.risk.WhatIf;
import io.nuage.risk.WhatIfResult;
import io.nuage.scenario.Scenario;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.TreeMap;

/** A what-if and the concentration report as docs/risk-json.md ("What-ifs") writes them. */
final class WhatifJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WhatifJson() {}

  static String of(Scenario s, WhatIfResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", r.scenario());
    root.put("currency", r.currency());
    root.put("recourse", method(r.method()));
    root.put(
        "unmetPenaltyPerGpuHour", RecourseTerms.of(s).unmetPenaltyPerGpuHour().toPlainString());
    whatIf(root.putObject("whatIf"), r.whatIf());
    root.put("verified", true);
    root.put("asWritten", r.asWritten().toPlainString());
    side(root.putObject("base"), r.base());
    side(root.putObject("future"), r.future());
    root.put("delta", r.delta().toPlainString());
    ArrayNode components = root.putArray("components");
    for (WhatIfResult.Component c : r.components()) {
      ObjectNode n = components.addObject();
      n.put("name", c.name());
      n.put("base", c.base().toPlainString());
      n.put("future", c.future().toPlainString());
      n.put("delta", c.delta().toPlainString());
    }
    ArrayNode years = root.putArray("contractYears");
    for (WhatIfResult.YearShortfall y : r.contractYears()) {
      ObjectNode n = years.addObject();
      n.put("contract", y.contract());
      n.put("year", y.year());
      n.put("firstMonth", y.firstMonth() == null ? null : y.firstMonth().toString());
      n.put("committed", y.committed().toPlainString());
      n.put("baseConsumed", y.baseConsumed().toPlainString());
      n.put("futureConsumed", y.futureConsumed().toPlainString());
      n.put("baseShortfall", y.baseShortfall().toPlainString());
      n.put("futureShortfall", y.futureShortfall().toPlainString());
      n.put("delta", y.delta().toPlainString());
    }
    ArrayNode providers = root.putArray("providers");
    for (WhatIfResult.ProviderMove p : r.providers()) {
      ObjectNode n = providers.addObject();
      n.put("provider", p.provider());
      n.put("baseGpuHours", hours(p.baseGpuHours()));
      n.put("futureGpuHours", hours(p.futureGpuHours()));
      n.put("baseCost", p.baseCost().toPlainString());
      n.put("futureCost", p.futureCost().toPlainString());
      n.put("costDelta", p.costDelta().toPlainString());
    }
    return text(root);
  }

  /** The concentration JSON of the scenario file whose content hash is {@code scenarioHash}. */
  static String of(Scenario s, Concentration.Report r, String scenarioHash) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", s.name());
    root.put("scenarioHash", scenarioHash);
    root.put("currency", s.currency());
    root.put(
        "recourse", r.rows().isEmpty() ? "mip" : method(r.rows().getFirst().whatIf().method()));
    root.put("from", r.from().toString());
    root.put("verified", true);
    root.put("asWritten", r.asWritten().toPlainString());
    side(root.putObject("base"), r.base());
    root.put("baseMargin", Concentration.margin(r.base()).toPlainString());
    ArrayNode rows = root.putArray("providers");
    for (Concentration.Row row : r.rows()) {
      ObjectNode n = rows.addObject();
      n.put("provider", row.provider());
      n.put("from", row.from().toString());
      n.put("totalCost", row.whatIf().future().totalCost().toPlainString());
      n.put("extraCost", row.extraCost().toPlainString());
      n.put("shortfallChange", row.shortfallChange().toPlainString());
      n.put("unmetGpuHours", hours(row.unmetGpuHours()));
      n.put(
          "unmetCost",
          row.unmetCost().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
      n.put("margin", row.margin().toPlainString());
    }
    return text(root);
  }

  static String method(RecourseMethod m) {
    return m == RecourseMethod.MIP ? "mip" : "rounded";
  }

  private static void whatIf(ObjectNode n, WhatIf w) {
    ArrayNode changes = n.putArray("changes");
    w.changes().forEach(changes::add);
    n.put("loseProvider", w.lostProvider());
    n.put("from", w.lostFrom() == null ? null : w.lostFrom().toString());
    ArrayNode delays = n.putArray("delays");
    new TreeMap<String, Integer>(
            w.delays().entrySet().stream()
                .collect(
                    java.util.stream.Collectors.toMap(
                        e -> e.getKey().toString(), e -> e.getValue())))
        .forEach((step, k) -> delays.addObject().put("step", step).put("months", k));
    n.put("demand", w.demandFactor().toPlainString());
    ArrayNode prices = n.putArray("prices");
    new TreeMap<>(w.prices())
        .forEach(
            (a, f) -> prices.addObject().put("accelerator", a).put("factor", f.toPlainString()));
    ArrayNode cancel = n.putArray("cancel");
    w.cancelled().stream().sorted().forEach(cancel::add);
  }

  /**
   * GPU-hours as everywhere else (docs/plan-json.md): three decimals, HALF_EVEN as {@code
   * RecoursePlan.unmetGpuHours}; a training run's unmet hours are whole, written 200000.000.
   */
  static String hours(BigDecimal v) {
    return v.setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** One side's totals, its proven bound and what it left unmet or over a cap. */
  private static void side(ObjectNode n, RecoursePlan p) {
    n.put("fromPlanFile", WhatifBase.fromFile(p));
    n.put("totalCost", p.totalCost().toPlainString());
    // the bound is on the objective (cost and steering), not on the cost: both named so
    n.put("objective", p.objective().toPlainString());
    n.put("objectiveLowerBound", p.lowerBound().toPlainString());
    n.put("steering", p.steering().toPlainString());
    n.put("unmetGpuHours", hours(p.unmetGpuHours()));
    n.put("unmetCost", p.unmetCost().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
    ArrayNode unmet = n.putArray("unmet");
    for (WhatIfResult.UnmetWorkload u : WhatIfResult.unmetOf(p)) {
      ObjectNode o = unmet.addObject();
      o.put("workload", u.workload());
      o.put("referenceGpuHours", hours(u.referenceGpuHours()));
      o.put("cost", u.cost().toPlainString());
    }
    ArrayNode caps = n.putArray("capExcess");
    for (CapExcess e : p.capExcess()) {
      ObjectNode o = caps.addObject();
      o.put("provider", e.provider());
      o.put("year", e.year());
      o.put("amount", e.amount().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
    }
  }

  private static String text(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

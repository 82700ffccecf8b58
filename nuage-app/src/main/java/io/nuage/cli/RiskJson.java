package io.nuage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.risk.Estimate;
import io.nuage.risk.RiskReport;
import java.io.UncheckedIOException;

/** The risk report as docs/risk-json.md writes it: money and probabilities as decimal strings. */
public final class RiskJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RiskJson() {}

  /**
   * The risk JSON of a report computed from the scenario file whose content hash ({@code
   * Plans.contentHash}) is {@code scenarioHash}: {@code nuage report --risk} refuses it for any
   * other version of the file.
   */
  public static String of(RiskReport r, String scenarioHash) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", r.scenario());
    root.put("scenarioHash", scenarioHash);
    root.put("currency", r.currency());
    root.put("policy", r.policy());
    root.put("seed", r.seed());
    root.put("futures", r.futures());
    root.put("exact", r.exact());
    root.put("asWritten", r.asWritten().toPlainString());
    root.put("asWrittenByRecourse", r.asWrittenByRecourse().toPlainString());
    ObjectNode cost = root.putObject("cost");
    estimate(cost.putObject("mean"), r.meanCost());
    estimate(cost.putObject("meanUnmetPenalty"), r.meanUnmetPenalty());
    estimate(cost.putObject("meanBilled"), r.meanBilled());
    ArrayNode quantiles = cost.putArray("quantiles");
    for (RiskReport.Quantile q : r.quantiles()) {
      ObjectNode n = quantiles.addObject();
      n.put("p", q.p().toPlainString());
      n.put("value", q.value().toPlainString());
      n.put("low", q.low().toPlainString());
      n.put("high", q.high().toPlainString());
    }
    estimate(cost.putObject("cvar95"), r.cvar95());
    estimate(root.putObject("breach"), r.breachProbability());
    root.put("unmetPenaltyPerGpuHour", r.unmetPenaltyPerGpuHour().toPlainString());
    ArrayNode years = root.putArray("years");
    for (RiskReport.YearCost y : r.years()) {
      ObjectNode n = years.addObject();
      n.put("year", y.year());
      n.put("asWritten", y.asWritten().toPlainString());
      estimate(n.putObject("mean"), y.mean());
      ArrayNode q = n.putArray("quantiles");
      for (RiskReport.YearQuantile p : y.quantiles()) {
        ObjectNode e = q.addObject();
        e.put("p", p.p().toPlainString());
        e.put("value", p.value().toPlainString());
      }
    }
    root.put("meanGap", r.meanGap().toPlainString());
    ArrayNode contracts = root.putArray("contractYears");
    for (RiskReport.YearRisk y : r.contractYears()) {
      ObjectNode n = contracts.addObject();
      n.put("contract", y.key());
      n.put("year", y.year());
      estimate(n.putObject("shortfallProbability"), y.probability());
      estimate(n.putObject("expectedShortfall"), y.expected());
      n.put("p95Shortfall", y.p95().toPlainString());
    }
    ArrayNode providers = root.putArray("providerYears");
    for (RiskReport.YearRisk y : r.providerYears()) {
      ObjectNode n = providers.addObject();
      n.put("provider", y.key());
      n.put("year", y.year());
      estimate(n.putObject("overCapProbability"), y.probability());
      estimate(n.putObject("expectedExcess"), y.expected());
      n.put("p95Excess", y.p95().toPlainString());
    }
    ArrayNode sources = root.putArray("sources");
    for (RiskReport.SourceCost s : r.sources()) {
      ObjectNode n = sources.addObject();
      n.put("source", s.source());
      n.put("futures", s.futures());
      estimate(n.putObject("meanCost"), s.meanCost());
      n.put("delta", s.delta().toPlainString());
    }
    ArrayNode convergence = root.putArray("convergence");
    for (RiskReport.Convergence c : r.convergence()) {
      ObjectNode n = convergence.addObject();
      n.put("futures", c.futures());
      n.put("standardError", c.standardError().toPlainString());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void estimate(ObjectNode n, Estimate e) {
    n.put("value", e.value().toPlainString());
    // null: not estimable from these futures (one future, a tail of one), never a made-up 0
    if (e.standardError() == null) n.putNull("standardError");
    else n.put("standardError", e.standardError().toPlainString());
  }
}

package io.nuage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.deal.BreakEven;
import io.nuage.deal.DealReport;
import io.nuage.deal.OptimisedDeal;
import io.nuage.risk.Estimate;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The deal report as docs/deal-json.md writes it: money and probabilities as decimal strings. */
public final class DealJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DealJson() {}

  /**
   * @param scenarioHash the content hash of the scenario file the report is of (as the risk JSON's,
   *     docs/deal-json.md)
   */
  public static String of(DealReport r, String scenarioHash) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", r.scenario());
    root.put("scenarioHash", scenarioHash);
    root.put("currency", r.currency());
    root.put("contract", r.contract());
    root.put("provider", r.provider());
    root.put("takeOrPay", r.takeOrPay());
    root.put("tiered", r.tiered());
    root.put("recourse", r.recourse());
    root.put("seed", r.seed());
    root.put("futures", r.futures());
    root.put("exact", r.exact());
    root.put("unmetPenaltyPerGpuHour", r.unmetPenaltyPerGpuHour().toPlainString());
    var sizes = root.putArray("sizes");
    for (DealReport.Size s : r.sizes()) size(sizes.addObject(), s);
    size(root.putObject("notSigned"), r.notSigned());
    root.put("best", r.best());
    text(root, "writtenAboveBest", r.writtenAboveBest());
    breakEven(root, r.breakEven());
    var notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code --optimise}: docs/deal-json.md, second part. */
  public static String of(OptimisedDeal d, String scenarioHash) {
    ObjectNode root = JSON.createObjectNode();
    root.put("scenario", d.scenario());
    root.put("scenarioHash", scenarioHash);
    root.put("currency", d.currency());
    root.put("contract", d.contract());
    root.put("provider", d.provider());
    root.put("seed", d.seed());
    root.put("futures", d.futures());
    root.put("exact", d.exact());
    root.put("replications", d.replications());
    root.put("freshFutures", d.freshFutures());
    root.put("secondStage", d.secondStage());
    ObjectNode rec = root.putObject("recommendation");
    rec.put("sign", d.signs());
    text(rec, "discount", d.discount());
    var minimums = rec.putArray("minimums");
    d.minimums().forEach(m -> minimums.add(m.toPlainString()));
    rec.put("commitment", d.commitment().toPlainString());
    text(rec, "writtenAboveBest", d.writtenAboveBest());
    OptimisedDeal.Reservation r = d.reservation();
    if (r != null) {
      // only for a reserved-capacity contract: a committed-spend answer's bytes are unchanged
      ObjectNode res = rec.putObject("reservation");
      res.put("gpus", r.gpus());
      res.put("continuousGpus", r.continuousGpus().toPlainString());
      ObjectNode spread = res.putObject("replications");
      spread.put("mean", r.replicationsMean().toPlainString());
      spread.put("low", r.replicationsLow().toPlainString());
      spread.put("high", r.replicationsHigh().toPlainString());
      res.put("feePerGpu", r.feePerGpu().toPlainString());
    }
    ObjectNode sample = root.putObject("sampleProblem");
    sample.put("value", d.sampleValue().toPlainString());
    sample.put("bound", d.sampleBound().toPlainString());
    sample.put("decompositionGap", d.decompositionGap().toPlainString());
    sample.put("iterations", d.iterations());
    sample.put("converged", d.converged());
    RiskJson.estimate(root.putObject("expectedCost"), d.expectedCost());
    RiskJson.estimate(root.putObject("steering"), d.steering());
    RiskJson.estimate(root.putObject("notSigned"), d.notSigned());
    RiskJson.estimate(root.putObject("saving"), d.saving());
    RiskJson.estimate(root.putObject("costsMoreProbability"), d.costsMoreProbability());
    ObjectNode bounds = root.putObject("optimalityGap");
    RiskJson.estimate(bounds.putObject("lowerBound"), d.lowerBound());
    bounds.put("lowerLimit", d.lowerLimit().toPlainString());
    RiskJson.estimate(bounds.putObject("upperBound"), d.upperBound());
    bounds.put("upperLimit", d.upperLimit().toPlainString());
    bounds.put("gap", d.gap().toPlainString());
    bounds.put("gapLimit", d.gapLimit().toPlainString());
    RiskJson.estimate(root.putObject("vss"), d.vss());
    RiskJson.estimate(root.putObject("evpi"), d.evpi());
    cvarLimit(root, d.cvarLimit());
    breakEven(root, d.breakEven());
    var notes = root.putArray("notes");
    d.notes().forEach(notes::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void cvarLimit(ObjectNode root, OptimisedDeal.@Nullable CvarCheck c) {
    if (c == null) {
      root.putNull("cvarLimit");
      return;
    }
    ObjectNode n = root.putObject("cvarLimit");
    n.put("measure", c.measure());
    n.put("level", c.level().toPlainString());
    n.put("max", c.max().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
    n.put("sample", c.sample().toPlainString());
    RiskJson.estimate(n.putObject("fresh"), c.fresh());
    n.put("met", c.met());
    n.put("expectedValueDecision", c.expectedValueDecision().toPlainString());
    n.put("expectedValueMet", c.expectedValueMet());
    n.put("expectedValueWithin", c.expectedValueWithin());
  }

  /**
   * The break-even bracket's ends with the same number of decimals: the fewer that shows both
   * exactly (review of issue 13, item 7: they printed with different scales).
   */
  static String[] bracket(java.math.BigDecimal low, java.math.BigDecimal high) {
    int scale =
        Math.max(0, Math.max(low.stripTrailingZeros().scale(), high.stripTrailingZeros().scale()));
    return new String[] {
      low.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString(),
      high.setScale(scale, java.math.RoundingMode.UNNECESSARY).toPlainString()
    };
  }

  private static void breakEven(ObjectNode root, @Nullable BreakEven b) {
    if (b == null) {
      root.putNull("breakEven");
      return;
    }
    ObjectNode n = root.putObject("breakEven");
    n.put("outcome", b.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    text(n, "demand", b.demand());
    String[] bracket = bracket(b.low(), b.high());
    n.put("low", bracket[0]);
    n.put("high", bracket[1]);
    n.put("extraAtLow", b.extraAtLow().toPlainString());
    n.put("extraAtHigh", b.extraAtHigh().toPlainString());
    n.put("tolerance", b.tolerance().toPlainString());
    n.put("replans", b.replans());
  }

  private static void size(ObjectNode n, DealReport.Size s) {
    n.put("label", s.label());
    text(n, "scale", s.scale() == null ? null : s.scale().stripTrailingZeros());
    n.put("commitment", s.commitment().toPlainString());
    var minimums = n.putArray("minimums");
    s.minimums().forEach(m -> minimums.add(m.toPlainString()));
    text(n, "discount", s.discount());
    n.put("asWritten", s.asWritten().toPlainString());
    RiskJson.estimate(n.putObject("meanCost"), s.meanCost());
    RiskJson.estimate(n.putObject("cvar95"), s.cvar95());
    estimate(n, "shortfallProbability", s.shortfallProbability());
    estimate(n, "expectedShortfall", s.expectedShortfall());
    estimate(n, "saving", s.saving());
    estimate(n, "costsMoreProbability", s.costsMoreProbability());
  }

  private static void estimate(ObjectNode n, String field, @Nullable Estimate e) {
    if (e == null) n.putNull(field);
    else RiskJson.estimate(n.putObject(field), e);
  }

  private static void text(ObjectNode n, String field, @Nullable BigDecimal v) {
    if (v == null) n.putNull(field);
    else n.put(field, v.toPlainString());
  }
}

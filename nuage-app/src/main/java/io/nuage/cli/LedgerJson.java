package io.nuage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nuage.ledger.CommitmentBalance;
import io.nuage.ledger.ContractAppliedMismatch;
import io.nuage.ledger.ContractDrawDown;
import io.nuage.ledger.DrawDownLine;
import io.nuage.ledger.DrawDownReport;
import io.nuage.ledger.MonthlySpend;
import io.nuage.ledger.OverbilledRow;
import io.nuage.ledger.PlanVariance;
import io.nuage.ledger.ProviderShare;
import io.nuage.ledger.Reconciliation;
import io.nuage.ledger.ReconciliationTotal;
import io.nuage.ledger.currency.Conversion;
import io.nuage.ledger.matching.MatchRule;
import io.nuage.ledger.matching.MatchedAmount;
import io.nuage.ledger.matching.ProviderSpend;
import io.nuage.ledger.projection.ProjectionSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON of the ledger commands: money and quantities as decimal strings, never numbers. */
public final class LedgerJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LedgerJson() {}

  public static String drawDown(DrawDownReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("asOf", r.asOf().toString());
    root.put("chargesThrough", r.chargesThrough().toString());
    root.put("currency", r.currency());
    ObjectNode projection = root.putObject("projection");
    projection.put("source", r.projection().label());
    if (r.projection() instanceof ProjectionSource.Plan p) projection.put("plan", p.plan());
    else projection.put("label", ProjectionSource.RUN_RATE_LABEL);
    ArrayNode contracts = root.putArray("contracts");
    for (ContractDrawDown c : r.contracts()) contract(contracts.addObject(), c);
    byProvider(root.putArray("outsideContracts"), r.outsideContracts());
    byProvider(root.putArray("unmatched"), r.unmatched());
    ArrayNode conversions = root.putArray("conversions");
    for (Conversion v : r.conversions()) {
      ObjectNode n = conversions.addObject();
      n.put("currency", v.currency());
      n.put("month", v.month().toString());
      n.put("amount", s(v.amount()));
      n.put("rate", f(v.rate()));
      n.put("converted", s(v.converted()));
    }
    ArrayNode spend = root.putArray("spend");
    for (MonthlySpend m : r.spend()) {
      ObjectNode n = spend.addObject();
      n.put("provider", m.provider());
      n.put("month", m.month().toString());
      n.put("billed", s(m.billed()));
      n.put("effective", s(m.effective()));
      n.put("gpuHours", s(m.gpuHours()));
    }
    ArrayNode shares = root.putArray("shares");
    for (ProviderShare p : r.shares()) {
      ObjectNode n = shares.addObject();
      n.put("provider", p.provider());
      n.put("year", p.year());
      n.put("billed", s(p.billed()));
      n.put("share", f(p.share()));
      n.put("cap", f(p.cap()));
      n.put("over", p.over());
    }
    root.put("balanced", r.balanced());
    ArrayNode balances = root.putArray("commitmentBalance");
    for (CommitmentBalance b : r.balances()) {
      ObjectNode n = balances.addObject();
      n.put("commitmentDiscountId", b.commitmentDiscountId());
      n.put("provider", b.provider());
      n.put("purchased", s(b.purchased()));
      n.put("amortisedPurchase", s(b.amortisedPurchase()));
      n.put("used", s(b.used()));
      n.put("unused", s(b.unused()));
      n.put("utilisation", f(b.utilisation()));
      n.put("verdict", b.verdict().name());
      n.put("currency", b.currency());
    }
    return write(root);
  }

  private static void contract(ObjectNode n, ContractDrawDown c) {
    n.put("contract", c.contract());
    n.put("kind", c.kind());
    n.put("shortfallKind", c.shortfallKind());
    n.put("provider", c.provider());
    n.put("unit", c.unit());
    if (c.pricePerUnit() != null) n.put("pricePerUnit", s(c.pricePerUnit()));
    n.put("committed", s(c.committed()));
    n.put("consumed", s(c.consumed()));
    n.put("trueUp", s(c.trueUp()));
    n.put("remaining", s(c.remaining()));
    n.put("projectedAtTermEnd", s(c.projectedAtTermEnd()));
    n.put("projectedShortfall", s(c.projectedShortfall()));
    if (c.pricePerUnit() != null) {
      n.put("committedCost", s(c.committed().multiply(c.pricePerUnit())));
      n.put("consumedCost", s(c.consumed().multiply(c.pricePerUnit())));
      n.put("remainingCost", s(c.remaining().multiply(c.pricePerUnit())));
    }
    ObjectNode matched = n.putObject("matched");
    for (MatchRule rule : MatchRule.values()) {
      BigDecimal amount =
          c.matched().stream()
              .filter(m -> m.rule() == rule)
              .map(MatchedAmount::amount)
              .findFirst()
              .orElse(BigDecimal.ZERO);
      matched.put(rule.label(), s(amount));
    }
    ArrayNode years = n.putArray("years");
    for (DrawDownLine y : c.years()) {
      ObjectNode l = years.addObject();
      l.put("year", y.period().year());
      l.put("from", y.period().from().toString());
      l.put("to", y.period().to().toString());
      l.put("status", y.status().label());
      l.put("committed", s(y.committed()));
      l.put("consumed", s(y.consumed()));
      l.put("remaining", s(y.remaining()));
      l.put("elapsedDays", y.elapsedDays());
      l.put("billedUntil", y.billedUntil() == null ? null : y.billedUntil().toString());
      l.put("runRatePerDay", s(y.runRatePerDay()));
      l.put("projected", s(y.projected()));
      l.put("projectedShortfall", s(y.projectedShortfall()));
      l.put("trueUp", s(y.trueUp()));
      l.put("settlement", y.settlement() == null ? null : y.settlement().label());
      l.put("trueUpDifference", s(y.trueUpDifference()));
      l.put("projectionSource", y.projectionSource() == null ? null : y.projectionSource().label());
      if (y.runRate() == null) l.putNull("runRate");
      else {
        ObjectNode rr = l.putObject("runRate");
        rr.put("label", ProjectionSource.RUN_RATE_LABEL);
        rr.put("perDay", s(y.runRate().perDay()));
        rr.put("projected", s(y.runRate().projected()));
        rr.put("projectedShortfall", s(y.runRate().projectedShortfall()));
      }
      if (c.pricePerUnit() != null) {
        l.put("committedCost", s(y.committed().multiply(c.pricePerUnit())));
        l.put("consumedCost", s(y.consumed().multiply(c.pricePerUnit())));
        l.put("remainingCost", s(y.remaining().multiply(c.pricePerUnit())));
      }
    }
  }

  public static String reconciliation(Reconciliation r) {
    return reconciliation(r, null);
  }

  /**
   * @param asOf the end of what was billed (the reconciliation checks every row ingested)
   */
  public static String reconciliation(Reconciliation r, @Nullable LocalDate asOf) {
    ObjectNode root = JSON.createObjectNode();
    if (asOf != null) {
      root.put("asOf", asOf.toString());
      root.put("chargesThrough", asOf.minusDays(1).toString());
    }
    ArrayNode totals = root.putArray("totals");
    for (ReconciliationTotal t : r.totals()) {
      ObjectNode n = totals.addObject();
      n.put("provider", t.provider());
      n.put("rowsChecked", t.rowsChecked());
      n.put("rowsFlagged", t.rowsFlagged());
      n.put("billed", s(t.billed()));
      n.put("expected", s(t.expected()));
      n.put("excess", s(t.excess()));
      n.put("currency", t.currency());
    }
    ArrayNode rows = root.putArray("overbilled");
    for (OverbilledRow o : r.rows()) {
      ObjectNode n = rows.addObject();
      n.put("provider", o.provider());
      n.put("chargePeriodStart", o.chargePeriodStart().toString());
      n.put("serviceName", o.serviceName());
      n.put("skuId", o.skuId());
      n.put("resourceId", o.resourceId());
      n.put("contract", o.contract());
      n.put("billed", s(o.billed()));
      n.put("expected", s(o.expected()));
      n.put("excess", s(o.excess()));
    }
    ArrayNode applied = root.putArray("contractApplied");
    for (ContractAppliedMismatch m : r.contractApplied()) {
      ObjectNode n = applied.addObject();
      n.put("source", m.source());
      n.put("provider", m.provider());
      n.put(
          "chargePeriodStart",
          m.chargePeriodStart() == null ? null : m.chargePeriodStart().toString());
      n.put("serviceName", m.serviceName());
      n.put("resourceId", m.resourceId());
      n.put("commitments", m.commitments());
      n.put("currency", m.currency());
      n.put("effectiveCost", s(m.effectiveCost()));
      n.put("applied", s(m.applied()));
      n.put("difference", s(m.difference()));
    }
    return write(root);
  }

  /**
   * @param asOf months from the one starting on or after it are not compared
   * @param leftOut how many planned months were left out for it
   */
  public static String variance(List<PlanVariance> lines, LocalDate asOf, long leftOut) {
    ObjectNode root = JSON.createObjectNode();
    root.put("asOf", asOf.toString());
    root.put("plannedMonthsAfterAsOf", leftOut);
    ArrayNode a = root.putArray("planVsActual");
    for (PlanVariance v : lines) {
      ObjectNode n = a.addObject();
      n.put("provider", v.provider());
      n.put("month", v.month().toString());
      n.put("partial", PlanVariance.isPartial(v.month(), asOf));
      n.put("plannedSpend", s(v.plannedSpend()));
      ObjectNode parts = n.putObject("planned");
      parts.put("usage", s(v.plannedParts().usage()));
      parts.put("reservedFees", s(v.plannedParts().reservedFees()));
      parts.put("storage", s(v.plannedParts().storage()));
      parts.put("egress", s(v.plannedParts().egress()));
      parts.put("trueUp", s(v.plannedParts().trueUp()));
      n.put("actualSpend", s(v.actualSpend()));
      n.put("spendVariance", s(v.spendVariance()));
      n.put("spendVarianceRatio", f(v.spendVarianceRatio()));
      n.put("plannedGpuHours", s(v.plannedGpuHours()));
      n.put("actualGpuHours", s(v.actualGpuHours()));
      n.put("gpuHoursVariance", s(v.gpuHoursVariance()));
      n.put("gpuHoursVarianceRatio", f(v.gpuHoursVarianceRatio()));
    }
    return write(root);
  }

  /** Exact decimal string; trailing zeros beyond the cent are dropped, never digits. */
  static @Nullable String s(@Nullable BigDecimal v) {
    if (v == null) return null;
    BigDecimal t = v.stripTrailingZeros();
    return (t.scale() < 2 ? t.setScale(2) : t).toPlainString();
  }

  /** A fraction (share, utilisation, ratio) exactly as computed. */
  static @Nullable String f(@Nullable BigDecimal v) {
    return v == null ? null : v.toPlainString();
  }

  /**
   * The server's compact answer laid out as this class writes it, so {@code --server} prints what
   * the local command prints (numbers kept exact: no money is a JSON number, but none may turn into
   * a double either).
   */
  static String indent(String json) {
    try {
      var reader =
          JSON.reader()
              .with(
                  com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
      return JSON.writeValueAsString(reader.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ServerClient.ServerFailure("--server: the ledger answer is not JSON");
    }
  }

  /** An answer this class wrote with {@code part}, another of its answers, as {@code field}. */
  static String with(String json, String field, String part) {
    ObjectNode root = (ObjectNode) tree(json);
    root.set(field, tree(part));
    return write(root);
  }

  /** An answer this class wrote, read back as a tree (for its CSV: {@link LedgerCsv}). */
  public static JsonNode tree(String json) {
    try {
      return JSON.reader()
          .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void byProvider(ArrayNode out, List<ProviderSpend> spend) {
    for (ProviderSpend u : spend) {
      ObjectNode n = out.addObject();
      n.put("provider", u.provider());
      n.put("billed", s(u.billed()));
      n.put("effective", s(u.effective()));
      n.put("rows", u.rows());
    }
  }
}

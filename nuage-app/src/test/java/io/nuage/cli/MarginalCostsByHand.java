package io.nuage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.scenario.Scenario;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * docs/broker.md's marginal cost, written again from the document for the tests, reading the plan
 * JSON as JSON and the scenario as parsed: a run's best start in each other region and accelerator.
 */
final class MarginalCostsByHand {
  private static final MathContext MC = MathContext.DECIMAL128;
  private final Scenario s;
  private final JsonNode plan;
  private final Map<String, BigDecimal> binding = new HashMap<>();
  private final Map<Integer, BigDecimal> yearSpend = new HashMap<>();

  MarginalCostsByHand(Scenario s, JsonNode plan) {
    this.s = s;
    this.plan = plan;
    for (JsonNode b : plan.get("binding"))
      binding.put(b.get("constraint").asText(), new BigDecimal(b.get("shadowPrice").asText()));
    for (JsonNode p : plan.get("providers"))
      yearSpend.merge(
          p.get("year").asInt(), new BigDecimal(p.get("spend").asText()), BigDecimal::add);
  }

  /** "region ACC" of every other place the run fits, with its least marginal cost, to the cent. */
  Map<String, BigDecimal> alternatives(TrainingRun run) {
    String plannedRegion = null;
    String plannedAcc = null;
    for (JsonNode p : plan.get("placements"))
      if (p.get("workload").asText().equals(run.id())) {
        plannedRegion = p.get("region").asText();
        plannedAcc = p.get("accelerator").asText();
      }
    Map<String, BigDecimal> out = new TreeMap<>();
    java.util.Set<String> cells = new java.util.TreeSet<>();
    for (Offering o : s.catalog().offerings())
      if (o.pricing() == PricingKind.ON_DEMAND) cells.add(o.region() + " " + o.accelerator());
    for (ReservedCapacity r : s.contracts(ReservedCapacity.class))
      cells.add(r.region() + " " + r.accelerator());
    for (String cell : cells) {
      String region = cell.split(" ")[0];
      String accName = cell.split(" ")[1];
      Accelerator acc = s.catalog().accelerator(accName).orElse(null);
      if (acc == null || !s.policy().allows(region)) continue;
      if (!run.accelerators().contains(acc.name()) && !run.accelerators().contains(acc.family()))
        continue;
      if (region.equals(plannedRegion) && accName.equals(plannedAcc)) continue;
      BigDecimal best = null;
      YearMonth from =
          run.earliestStart().isBefore(s.horizon().start())
              ? s.horizon().start()
              : run.earliestStart();
      for (YearMonth start = from; !start.isAfter(run.deadline()); start = start.plusMonths(1)) {
        BigDecimal c = cost(run, region, acc, start);
        if (c != null && (best == null || c.compareTo(best) < 0)) best = c;
      }
      if (best != null) out.put(cell, best.setScale(2, RoundingMode.HALF_EVEN));
    }
    return out;
  }

  private BigDecimal cost(TrainingRun run, String region, Accelerator acc, YearMonth start) {
    String provider = region.substring(0, region.indexOf('/'));
    BigDecimal n = BigDecimal.valueOf(run.gpus());
    BigDecimal left = run.referenceHours().divide(acc.throughput(), 3, RoundingMode.CEILING);
    BigDecimal egress = BigDecimal.ZERO;
    if (!region.equals(run.datasetHome())) {
      String home = run.datasetHome().substring(0, run.datasetHome().indexOf('/'));
      egress = run.datasetTb().multiply(s.catalog().provider(home).orElseThrow().egressPerTb());
    }
    String home = run.datasetHome().substring(0, run.datasetHome().indexOf('/'));
    BigDecimal total = egress.multiply(BigDecimal.ONE.add(share(home, start.getYear())));
    for (YearMonth m = start; left.signum() > 0; m = m.plusMonths(1)) {
      if (m.isAfter(run.deadline()) || m.isAfter(s.horizon().end())) return null;
      if (capacity(region, acc.name(), m) < run.gpus()) return null;
      BigDecimal hours = BigDecimal.valueOf(m.lengthOfMonth() * 24L);
      BigDecimal w = left.min(hours);
      left = left.subtract(w);
      BigDecimal gh = w.multiply(n);
      BigDecimal paid =
          gh.subtract(spare(run.id(), region, acc.name(), m, hours)).max(BigDecimal.ZERO);
      BigDecimal perDollar = BigDecimal.ONE.add(share(provider, m.getYear()));
      CommittedSpend deal = null;
      for (CommittedSpend c : s.contracts(CommittedSpend.class))
        if (c.provider().equals(provider)
            && c.term().contains(m)
            && (deal == null || c.term().start().isBefore(deal.term().start()))) deal = c;
      BigDecimal discount = BigDecimal.ZERO;
      if (deal != null) {
        discount = deal.discount();
        perDollar =
            perDollar.subtract(
                binding.getOrDefault(
                    "minimum[" + deal.id() + "," + deal.term().yearOf(m) + "]", BigDecimal.ZERO));
      } else {
        for (RateCard r : s.contracts(RateCard.class))
          if (r.provider().equals(provider) && r.term().contains(m))
            discount = discount.max(r.discount());
      }
      BigDecimal rate = list(region, acc.name()).multiply(BigDecimal.ONE.subtract(discount));
      BigDecimal kappa =
          binding.getOrDefault(
              "capacity[" + region + "," + acc.name() + "," + m + "]", BigDecimal.ZERO);
      total =
          total
              .add(paid.multiply(rate).multiply(perDollar))
              .add(kappa.multiply(gh).divide(hours, MC));
    }
    return total;
  }

  private BigDecimal list(String region, String acc) {
    BigDecimal min = null;
    for (Offering o : s.catalog().offerings())
      if (o.pricing() == PricingKind.ON_DEMAND
          && o.region().equals(region)
          && o.accelerator().equals(acc))
        min = min == null ? o.pricePerGpuHour() : min.min(o.pricePerGpuHour());
    return min == null ? BigDecimal.ZERO : min;
  }

  private int reserved(String region, String acc, YearMonth m) {
    int g = 0;
    for (ReservedCapacity r : s.contracts(ReservedCapacity.class))
      if (r.region().equals(region) && r.accelerator().equals(acc) && r.term().contains(m))
        g += r.gpus();
    return g;
  }

  private int capacity(String region, String acc, YearMonth m) {
    int res = reserved(region, acc, m);
    if (list(region, acc).signum() == 0) return res;
    CapacityStep last = null;
    for (CapacityStep c : s.capacity())
      if (c.region().equals(region)
          && c.accelerator().equals(acc)
          && !c.from().isAfter(m)
          && (last == null || c.from().isAfter(last.from()))) last = c;
    int schedule = last == null ? 0 : last.gpus();
    return Math.max(res, schedule);
  }

  private BigDecimal spare(String run, String region, String acc, YearMonth m, BigDecimal hours) {
    BigDecimal free = BigDecimal.valueOf(reserved(region, acc, m)).multiply(hours);
    for (JsonNode p : plan.get("placements"))
      if (p.get("pricing").asText().equals("reserved")
          && !p.get("workload").asText().equals(run)
          && p.get("region").asText().equals(region)
          && p.get("accelerator").asText().equals(acc)
          && p.get("month").asText().equals(m.toString()))
        free = free.subtract(new BigDecimal(p.get("gpuHours").asText()));
    return free.max(BigDecimal.ZERO);
  }

  private BigDecimal share(String provider, int year) {
    BigDecimal sum = BigDecimal.ZERO;
    for (var e : binding.entrySet()) {
      String k = e.getKey();
      if (!k.startsWith("share[") || !k.endsWith("," + year + "]")) continue;
      String q = k.substring(6, k.indexOf(','));
      BigDecimal sigma = e.getValue().divide(yearSpend.get(year).movePointLeft(2), MC);
      BigDecimal own = q.equals(provider) ? BigDecimal.ONE : BigDecimal.ZERO;
      sum = sum.add(sigma.multiply(own.subtract(s.policy().maxShareOf(q))));
    }
    return sum;
  }
}

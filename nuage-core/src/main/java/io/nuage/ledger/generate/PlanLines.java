package io.nuage.ledger.generate;

import io.nuage.catalog.Offering;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.ReservedCapacity;
import io.nuage.core.NuageException;
import io.nuage.plan.Placement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The plan's placements as bill lines, month by month: each checked against the scenario (region,
 * contract, reservation, and its rate: the list price less the discount the planner applies), then
 * drifted (docs/billing-from-plan.md, "Drift"). Everything that can refuse a plan is found here,
 * before a row is written.
 */
final class PlanLines {
  private final ScenarioPrices prices;
  private final BillablePlan plan;
  private final String scenarioFile;
  private final Drifts drifts;

  private PlanLines(ScenarioPrices prices, BillablePlan plan, String scenarioFile, Drifts drifts) {
    this.prices = prices;
    this.plan = plan;
    this.scenarioFile = scenarioFile;
    this.drifts = drifts;
  }

  /** The lines of every month from {@code first} through {@code until}, by month. */
  static Map<YearMonth, List<Line>> of(
      ScenarioPrices prices,
      BillablePlan plan,
      String scenarioFile,
      Drifts drifts,
      YearMonth first,
      YearMonth until) {
    PlanLines p = new PlanLines(prices, plan, scenarioFile, drifts);
    Map<String, BigDecimal> runHours = p.runHours();
    Map<YearMonth, List<Line>> byMonth = new TreeMap<>();
    List<Placement> all = plan.placements();
    for (int i = 0; i < all.size(); i++) {
      Placement pl = all.get(i);
      if (pl.month().isBefore(first) || pl.month().isAfter(until)) continue;
      Line line = p.line(i, pl, runHours);
      byMonth.computeIfAbsent(pl.month(), m -> new ArrayList<>()).add(line);
    }
    ReservedHours fit = new ReservedHours(prices, p::outside, p::bad);
    byMonth.replaceAll((m, lines) -> fit.fit(lines, drifts));
    return byMonth;
  }

  /** Σ gpuHours of each training run in each month, all pricings: the gang's hours x its GPUs. */
  private Map<String, BigDecimal> runHours() {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Placement pl : plan.placements()) {
      if (pl.kind().equals("training"))
        out.merge(pl.workload() + "|" + pl.month(), pl.gpuHours(), BigDecimal::add);
    }
    return out;
  }

  private Line line(int i, Placement pl, Map<String, BigDecimal> runHours) {
    String region = pl.qualifiedRegion();
    String at = at(i, pl, region);
    if (prices.scenario().catalog().region(region).isEmpty())
      throw bad(at + ".region: '" + region + "' is not a region of " + scenarioFile);
    Line.Pricing pricing = pricing(at, pl.pricing());
    if (pl.gpuHours().stripTrailingZeros().scale() > 3)
      throw bad(at + ".gpuHours: " + pl.gpuHours().toPlainString() + " has more than 3 decimals");
    Offering offering = prices.offering(region, pl.accelerator());
    YearMonth m = pl.month();
    BigDecimal hours = BigDecimal.valueOf(24L * m.lengthOfMonth());
    BigDecimal active = hours;
    if (pl.kind().equals("training")) {
      if (pl.gpus() <= 0) throw bad(at + ".gpus: a training placement has its gang's GPUs");
      BigDecimal run = runHours.get(pl.workload() + "|" + m);
      active = run.divide(BigDecimal.valueOf(pl.gpus()), 3, RoundingMode.CEILING).min(hours);
    }
    CommittedSpend contract = null;
    BigDecimal list;
    BigDecimal discount;
    if (pricing == Line.Pricing.RESERVED) {
      List<ReservedCapacity> held = prices.reservations(region, pl.accelerator(), m);
      if (held.isEmpty())
        throw bad(at + ": reserved, but " + scenarioFile + " reserves nothing there that month");
      if (pl.rate().signum() != 0 || pl.cost().signum() != 0)
        throw bad(at + ": a reserved placement has rate and cost 0 (its fee is a fixed cost)");
      list = offering != null ? offering.pricePerGpuHour() : held.getFirst().pricePerGpuHour();
      discount = prices.rateCardDiscount(pl.provider(), m);
    } else {
      if (offering == null)
        throw bad(at + ": " + scenarioFile + " has no on-demand offering of it to price it from");
      list = offering.pricePerGpuHour();
      if (pricing == Line.Pricing.COMMITTED) {
        contract = committed(at, pl);
        discount = contract.discount();
      } else discount = prices.rateCardDiscount(pl.provider(), m);
      BigDecimal expected = list.multiply(BigDecimal.ONE.subtract(discount));
      if (pl.rate().compareTo(expected) != 0) {
        throw bad(
            at
                + ".rate: "
                + pl.rate().toPlainString()
                + " is not the list price "
                + list.toPlainString()
                + " less "
                + (contract != null ? "contract " + contract.id() + "'s" : "the rate card's")
                + " discount "
                + discount.toPlainString()
                + " (expected "
                + expected.stripTrailingZeros().toPlainString()
                + "): the plan was made from another version of "
                + scenarioFile
                + "; plan it again");
      }
      BigDecimal cost = pl.gpuHours().multiply(pl.rate()).setScale(2, RoundingMode.HALF_EVEN);
      if (pl.cost().compareTo(cost) != 0)
        throw bad(
            at
                + ".cost: "
                + pl.cost().toPlainString()
                + " is not round(gpuHours x rate, 2) = "
                + cost.toPlainString());
    }
    return drifted(i, pl, region, pricing, contract, list, discount, active);
  }

  private Line drifted(
      int i,
      Placement pl,
      String region,
      Line.Pricing pricing,
      @Nullable CommittedSpend contract,
      BigDecimal list,
      BigDecimal discount,
      BigDecimal active) {
    BigDecimal demand = drifts.demand(pl.provider(), pl.month());
    BigDecimal price = drifts.price(pl.provider(), pl.month());
    BigDecimal over = drifts.overbill(pl.provider(), pl.month());
    BigDecimal hours =
        demand.compareTo(BigDecimal.ONE) == 0
            ? pl.gpuHours()
            : pl.gpuHours().multiply(demand).setScale(3, RoundingMode.HALF_EVEN);
    BigDecimal listNow = list.multiply(price);
    BigDecimal contracted = listNow.multiply(BigDecimal.ONE.subtract(discount));
    boolean reserved = pricing == Line.Pricing.RESERVED;
    BigDecimal billed = reserved ? BigDecimal.ZERO : contracted.multiply(over);
    BigDecimal cost = null;
    if (!reserved) {
      boolean unchanged =
          demand.compareTo(BigDecimal.ONE) == 0
              && price.compareTo(BigDecimal.ONE) == 0
              && over.compareTo(BigDecimal.ONE) == 0;
      cost = unchanged ? pl.cost() : hours.multiply(billed).setScale(2, RoundingMode.HALF_EVEN);
    }
    return new Line(
        i,
        pl.workload(),
        pl.kind(),
        pl.provider(),
        region,
        pl.accelerator(),
        pl.month(),
        hours,
        pricing,
        contract,
        strip(listNow),
        strip(contracted),
        strip(billed),
        cost,
        active);
  }

  /**
   * A line for reserved hours a reservation could not hold (demand drift), at the provider's price
   * outside reservations.
   */
  Line outside(Line reserved, BigDecimal hours) {
    YearMonth m = reserved.month();
    String provider = reserved.provider();
    CommittedSpend contract = prices.committedAt(provider, m);
    BigDecimal discount = prices.discountOutsideReservations(provider, m);
    Offering offering = prices.offering(reserved.region(), reserved.accelerator());
    BigDecimal list =
        offering == null
            ? reserved.list()
            : offering.pricePerGpuHour().multiply(drifts.price(provider, m));
    BigDecimal contracted = list.multiply(BigDecimal.ONE.subtract(discount));
    BigDecimal billed = contracted.multiply(drifts.overbill(provider, m));
    return new Line(
        -1,
        reserved.workload(),
        reserved.kind(),
        provider,
        reserved.region(),
        reserved.accelerator(),
        m,
        hours,
        contract != null ? Line.Pricing.COMMITTED : Line.Pricing.ON_DEMAND,
        contract,
        strip(list),
        strip(contracted),
        strip(billed),
        hours.multiply(billed).setScale(2, RoundingMode.HALF_EVEN),
        reserved.activeHours());
  }

  private CommittedSpend committed(String at, Placement pl) {
    String id = pl.contract();
    if (id == null) throw bad(at + ".contract: a committed placement names its contract");
    Contract c =
        prices.scenario().contracts().stream()
            .filter(k -> k.id().equals(id))
            .findFirst()
            .orElse(null);
    if (!(c instanceof CommittedSpend spend)
        || !spend.provider().equals(pl.provider())
        || !spend.term().contains(pl.month())) {
      throw bad(
          at
              + ".contract: '"
              + id
              + "' is not a committed-spend contract of "
              + pl.provider()
              + " in "
              + scenarioFile
              + " whose term holds "
              + pl.month());
    }
    return spend;
  }

  private Line.Pricing pricing(String at, String text) {
    for (Line.Pricing p : Line.Pricing.values()) if (p.label.equals(text)) return p;
    throw bad(at + ".pricing: '" + text + "' (expected committed, on-demand or reserved)");
  }

  private String at(int i, Placement pl, String region) {
    return "placements["
        + i
        + "] ("
        + pl.workload()
        + " "
        + region
        + " "
        + pl.accelerator()
        + " "
        + pl.month()
        + ")";
  }

  private NuageException bad(String what) {
    return new NuageException(plan.file() + ": " + what);
  }

  static BigDecimal strip(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}

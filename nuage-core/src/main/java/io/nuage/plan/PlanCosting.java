package io.nuage.plan;

import io.nuage.contract.CommittedSpend;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one cost function: turns an {@link Assignment} into placements and prices everything in
 * {@code BigDecimal}. The plan and both baselines go through it, so they are comparable.
 */
final class PlanCosting {
  private static final BigDecimal HALF_THOUSANDTH = new BigDecimal("0.0005");

  /** Everything money-related about one assignment. */
  record Priced(
      List<Placement> placements,
      List<EgressCharge> egress,
      CostBreakdown breakdown,
      List<ProviderYear> providers,
      List<ContractYear> contracts) {
    BigDecimal total() {
      return breakdown.total();
    }

    /** Each calendar year's spend over all providers: the denominator of every share. */
    Map<Integer, BigDecimal> yearTotals() {
      Map<Integer, BigDecimal> totals = new HashMap<>();
      providers.forEach(p -> totals.merge(p.year(), p.spend(), BigDecimal::add));
      return totals;
    }
  }

  private PlanCosting() {}

  static Priced price(PlanData data, Assignment a) {
    List<Placement> placements = placements(data, a);
    List<EgressCharge> egress = egress(data, a);
    FixedCosts fixed = FixedCosts.of(data);
    List<ContractYear> contracts = contracts(data, placements);
    BigDecimal usage = sum(placements.stream().map(Placement::cost).toList());
    BigDecimal shortfall =
        sum(
            contracts.stream()
                .filter(ContractYear::takeOrPay)
                .map(ContractYear::shortfall)
                .toList());
    BigDecimal egressTotal = sum(egress.stream().map(EgressCharge::cost).toList());
    Map<FixedCosts.Key, BigDecimal> actual = actualSpend(data);
    CostBreakdown breakdown =
        new CostBreakdown(
            usage,
            fixed.reservedTotal(),
            shortfall,
            egressTotal,
            fixed.storageTotal(),
            sum(List.copyOf(actual.values())));
    return new Priced(
        placements,
        egress,
        breakdown,
        providers(data, placements, egress, contracts, fixed, actual),
        contracts);
  }

  /**
   * What a re-plan's fixed months billed, per provider and calendar year inside the horizon,
   * rounded to the cent (docs/plan-json.md, "Re-plans"); empty for a plan from scratch.
   */
  static Map<FixedCosts.Key, BigDecimal> actualSpend(PlanData data) {
    Map<FixedCosts.Key, BigDecimal> out = new TreeMap<>();
    if (data.past == null) return out;
    for (var s : data.past.spend()) {
      if (!data.scenario.horizon().contains(s.month())) continue;
      out.merge(new FixedCosts.Key(s.provider(), s.month().getYear()), s.amount(), BigDecimal::add);
    }
    out.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
    return out;
  }

  static List<Placement> placements(PlanData data, Assignment a) {
    // Per cell and month, the workloads there in allocation order: gangs first, then fleets.
    Map<Integer, Map<String, BigDecimal[]>> byCellMonth = new TreeMap<>();
    int months = data.monthCount();
    for (int j = 0; j < a.optionOfRun().length; j++) {
      if (a.optionOfRun()[j] < 0) continue;
      GangOption o = data.options.get(a.optionOfRun()[j]);
      TrainingRun run = data.runs.get(j);
      for (int i = 0; i < o.months(); i++) {
        BigDecimal gh =
            o.wallHours()[i]
                .multiply(BigDecimal.valueOf(run.gpus()))
                .setScale(3, RoundingMode.UNNECESSARY);
        slot(
            byCellMonth,
            o.cell().index() * months + o.start() + i,
            "0|" + run.id(),
            gh,
            run.gpus());
      }
    }
    for (FleetDemand d : data.demands) {
      for (int k = 0; k < d.cells().size(); k++) {
        BigDecimal gh =
            BigDecimal.valueOf(a.fleetHours()[d.index()][k]).setScale(3, RoundingMode.HALF_UP);
        if (gh.compareTo(HALF_THOUSANDTH) < 0) continue;
        slot(byCellMonth, d.cells().get(k).index() * months + d.month(), "1|" + d.fleet(), gh, 0);
      }
    }
    List<Placement> out = new ArrayList<>();
    for (var e : byCellMonth.entrySet()) {
      Cell c = data.cells.get(e.getKey() / months);
      int t = e.getKey() % months;
      BigDecimal h = data.hours[t];
      BigDecimal reservedLeft = h.multiply(BigDecimal.valueOf(c.reservedGpus()[t]));
      for (var w : e.getValue().entrySet()) {
        boolean gang = w.getKey().startsWith("0|");
        String workload = w.getKey().substring(2);
        BigDecimal gh = w.getValue()[0];
        int gpus = gang ? w.getValue()[1].intValue() : 0;
        BigDecimal fromReserved = gh.min(reservedLeft);
        reservedLeft = reservedLeft.subtract(fromReserved);
        BigDecimal rest = gh.subtract(fromReserved);
        if (fromReserved.signum() > 0) {
          out.add(
              row(
                  data,
                  c,
                  t,
                  workload,
                  gang,
                  gpus,
                  fromReserved,
                  "reserved",
                  null,
                  BigDecimal.ZERO));
        }
        if (rest.signum() > 0) {
          CommittedSpend k = c.committed()[t];
          out.add(
              row(
                  data,
                  c,
                  t,
                  workload,
                  gang,
                  gpus,
                  rest,
                  k == null ? "on-demand" : "committed",
                  k == null ? null : k.id(),
                  c.rate()[t]));
        }
      }
    }
    out.sort(
        Comparator.comparing(Placement::workload)
            .thenComparing(Placement::month)
            .thenComparing(Placement::region)
            .thenComparing(Placement::accelerator)
            .thenComparing(Placement::pricing));
    return out;
  }

  private static void slot(
      Map<Integer, Map<String, BigDecimal[]>> m, int key, String who, BigDecimal gh, int gpus) {
    BigDecimal[] v =
        m.computeIfAbsent(key, k -> new TreeMap<>())
            .computeIfAbsent(
                who, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(gpus)});
    v[0] = v[0].add(gh);
  }

  private static Placement row(
      PlanData data,
      Cell c,
      int t,
      String workload,
      boolean gang,
      int gangGpus,
      BigDecimal gh,
      String pricing,
      String contract,
      BigDecimal rate) {
    BigDecimal h = data.hours[t];
    int gpus = gang ? gangGpus : gh.divide(h, 0, RoundingMode.CEILING).intValueExact();
    BigDecimal cost = gh.multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
    return new Placement(
        workload,
        gang ? "training" : "inference",
        c.provider(),
        c.region(),
        c.accName(),
        data.months.get(t),
        gpus,
        gh,
        pricing,
        contract,
        rate.stripTrailingZeros(),
        cost);
  }

  static List<EgressCharge> egress(PlanData data, Assignment a) {
    List<EgressCharge> out = new ArrayList<>();
    for (int j = 0; j < a.optionOfRun().length; j++) {
      if (a.optionOfRun()[j] < 0) continue;
      GangOption o = data.options.get(a.optionOfRun()[j]);
      if (o.egress().signum() == 0) continue;
      TrainingRun run = data.runs.get(j);
      out.add(
          new EgressCharge(
              run.id(),
              run.datasetHome(),
              o.cell().region(),
              data.providerOf(run.datasetHome()),
              data.months.get(o.start()),
              run.datasetTb(),
              o.egress().setScale(2, RoundingMode.HALF_EVEN)));
    }
    return out;
  }

  private static final BigDecimal ZERO_CENTS = new BigDecimal("0.00");

  /**
   * Whether consumption that falls short of {@code minimum} (as the sum of costs rounded to the
   * cent) met it before rounding: the unrounded costs (GPU-hours x rate) plus half a 1e-3 GPU-hour
   * step per placement (GPU-hours are written with three decimals) come within a cent of it. Then
   * the shortfall is the rounding, not money owed (no "$0.01 shortfall"). A shortfall of exact
   * costs is owed however many placements there are (NextBestAndCentsTest).
   */
  static boolean metBeforeRounding(
      BigDecimal minimum, BigDecimal consumedToDate, List<Placement> consuming) {
    BigDecimal reach = new BigDecimal("0.01").add(consumedToDate);
    for (Placement p : consuming) {
      reach =
          reach
              .add(p.gpuHours().multiply(p.rate()))
              .add(new BigDecimal("0.0005").multiply(p.rate()));
    }
    return reach.compareTo(minimum) >= 0;
  }

  static List<ContractYear> contracts(PlanData data, List<Placement> placements) {
    List<ContractYear> out = new ArrayList<>();
    for (CommittedSpend k : data.scenario.contracts(CommittedSpend.class)) {
      for (CommitmentYear cy : CommitmentYear.of(k, data)) {
        var inYear = new java.util.HashSet<java.time.YearMonth>();
        for (int t : cy.months()) inYear.add(data.months.get(t));
        List<Placement> consuming =
            placements.stream()
                .filter(p -> k.id().equals(p.contract()) && inYear.contains(p.month()))
                .toList();
        BigDecimal consumed =
            sum(consuming.stream().map(Placement::cost).toList()).add(cy.actual());
        BigDecimal shortfall =
            cy.minimum()
                .subtract(consumed)
                .max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.HALF_EVEN);
        if (shortfall.signum() > 0
            && metBeforeRounding(
                cy.minimum().setScale(2, RoundingMode.HALF_EVEN), cy.actual(), consuming))
          shortfall = ZERO_CENTS;
        out.add(
            new ContractYear(
                k.id(),
                k.provider(),
                cy.year(),
                cy.minimum().setScale(2, RoundingMode.HALF_EVEN),
                consumed,
                shortfall,
                k.takeOrPay(),
                cy.actual()));
      }
    }
    return out;
  }

  private static List<ProviderYear> providers(
      PlanData data,
      List<Placement> placements,
      List<EgressCharge> egress,
      List<ContractYear> contracts,
      FixedCosts fixed,
      Map<FixedCosts.Key, BigDecimal> actual) {
    Map<FixedCosts.Key, BigDecimal> spend = new TreeMap<>(fixed.byProviderAndYear());
    actual.forEach((k, v) -> spend.merge(k, v, BigDecimal::add));
    for (Placement p : placements)
      spend.merge(new FixedCosts.Key(p.provider(), p.month().getYear()), p.cost(), BigDecimal::add);
    for (EgressCharge e : egress)
      spend.merge(new FixedCosts.Key(e.provider(), e.month().getYear()), e.cost(), BigDecimal::add);
    Map<String, CommittedSpend> byId = new HashMap<>();
    data.scenario.contracts(CommittedSpend.class).forEach(k -> byId.put(k.id(), k));
    Map<String, Integer> lastYear = new LinkedHashMap<>();
    for (CommittedSpend k : byId.values()) {
      for (CommitmentYear cy : CommitmentYear.of(k, data))
        lastYear.put(k.id() + "#" + cy.year(), cy.lastYear());
    }
    for (ContractYear c : contracts) {
      if (!c.takeOrPay() || c.shortfall().signum() == 0) continue;
      spend.merge(
          new FixedCosts.Key(c.provider(), lastYear.get(c.contract() + "#" + c.year())),
          c.shortfall(),
          BigDecimal::add);
    }
    Map<Integer, BigDecimal> totals = new TreeMap<>();
    spend.forEach((k, v) -> totals.merge(k.year(), v, BigDecimal::add));
    List<ProviderYear> out = new ArrayList<>();
    spend.forEach(
        (k, v) -> {
          BigDecimal total = totals.get(k.year());
          BigDecimal share =
              total.signum() == 0 ? BigDecimal.ZERO : v.divide(total, 4, RoundingMode.HALF_EVEN);
          out.add(new ProviderYear(k.provider(), k.year(), v, share));
        });
    return out;
  }

  static BigDecimal sum(List<BigDecimal> values) {
    return values.stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_EVEN);
  }
}

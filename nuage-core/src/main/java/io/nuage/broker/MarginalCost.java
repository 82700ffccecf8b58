package io.nuage.broker;

import io.nuage.catalog.Accelerator;
import io.nuage.contract.CommittedSpend;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What placing a training run somewhere adds to the plan at the plan's shadow prices: a first-order
 * reduced cost read from the plan JSON and the scenario, without solving anything (docs/broker.md,
 * "Marginal cost"). For an option of N GPUs running {@code w_t} hours in month t:
 *
 * <pre>
 * marginal = egress x (1 + s(home, y0))
 *          + Σ_t [ paid_t x rate_t x (1 - m(c, t) + s(p, y_t))  +  κ_t x N x w_t / hours_t ]
 * </pre>
 *
 * where {@code paid_t} is the GPU-hours beyond the reservation hours the rest of the plan leaves
 * spare (those are sunk), {@code κ_t} the capacity shadow price per GPU-month, {@code m(c, t)} the
 * shadow price per dollar of the minimum of the committed-spend contract that usage consumes (0
 * when none), and {@code s(p, y) = Σ_q σ_q,y x ([q = p] - cap_q)} the share rows' duals per dollar.
 */
public final class MarginalCost {
  private static final MathContext MC = MathContext.DECIMAL64;
  private final CellTerms terms;
  private final BrokerPlan plan;

  public MarginalCost(CellTerms terms, BrokerPlan plan) {
    this.terms = terms;
    this.plan = plan;
  }

  /** Wall-clock hours of the run on an accelerator: reference hours / throughput, up to 1e-3 h. */
  public static BigDecimal wallHours(TrainingRun run, Accelerator a) {
    return run.referenceHours().divide(a.throughput(), 3, RoundingMode.CEILING);
  }

  /**
   * The option of {@code run} in the cell from {@code start}, or empty when it does not fit: it
   * must end by the deadline and inside the horizon, and the cell must deliver the whole gang every
   * month.
   */
  public Optional<Candidate> option(
      TrainingRun run, String region, String accelerator, YearMonth start, boolean planned) {
    Accelerator acc = terms.accelerator(accelerator);
    List<BigDecimal> parts = new ArrayList<>();
    BigDecimal left = wallHours(run, acc);
    YearMonth last = terms.scenario().horizon().end();
    for (YearMonth m = start; left.signum() > 0; m = m.plusMonths(1)) {
      if (m.isAfter(last) || m.isAfter(run.deadline())) return Optional.empty();
      if (terms.totalGpus(region, accelerator, m) < run.gpus()) return Optional.empty();
      BigDecimal w = left.min(CellTerms.hours(m));
      parts.add(w);
      left = left.subtract(w);
    }
    return Optional.of(price(run, region, accelerator, start, parts, planned));
  }

  /**
   * The plan's own placement of a run, from its rows: its hours in a month are that month's
   * GPU-hours (a reserved and a paid row may share a month) over the gang size.
   */
  public Candidate planned(TrainingRun run, List<PlannedRow> rows) {
    java.util.TreeMap<YearMonth, BigDecimal> byMonth = new java.util.TreeMap<>();
    for (PlannedRow r : rows) byMonth.merge(r.month(), r.gpuHours(), BigDecimal::add);
    List<BigDecimal> parts = new ArrayList<>();
    for (YearMonth m = byMonth.firstKey(); !m.isAfter(byMonth.lastKey()); m = m.plusMonths(1))
      parts.add(
          byMonth
              .getOrDefault(m, BigDecimal.ZERO)
              .divide(BigDecimal.valueOf(run.gpus()), 3, RoundingMode.HALF_UP));
    PlannedRow first = rows.getFirst();
    return price(run, first.region(), first.accelerator(), byMonth.firstKey(), parts, true);
  }

  private Candidate price(
      TrainingRun run,
      String region,
      String accelerator,
      YearMonth start,
      List<BigDecimal> parts,
      boolean planned) {
    String provider = terms.scenario().providerOf(region);
    BigDecimal n = BigDecimal.valueOf(run.gpus());
    BigDecimal egress = egress(run, region);
    BigDecimal standAlone = egress;
    BigDecimal marginal =
        egress.multiply(
            BigDecimal.ONE.add(share(terms.scenario().providerOf(run.datasetHome()), start)));
    Set<String> draws = new LinkedHashSet<>();
    List<String> why = new ArrayList<>();
    boolean usedReserved = false;
    BigDecimal minimumDual = BigDecimal.ZERO;
    BigDecimal capacityPrice = BigDecimal.ZERO;
    for (int i = 0; i < parts.size(); i++) {
      YearMonth m = start.plusMonths(i);
      BigDecimal gpuHours = parts.get(i).multiply(n);
      BigDecimal spare = spareReserved(run.id(), region, accelerator, m);
      BigDecimal paid = gpuHours.subtract(spare).max(BigDecimal.ZERO);
      if (paid.compareTo(gpuHours) < 0) {
        usedReserved = true;
        terms.reservations(region, accelerator, m).forEach(r -> draws.add(r.id()));
      }
      BigDecimal rate = terms.rate(region, accelerator, m);
      BigDecimal usage = paid.multiply(rate);
      standAlone = standAlone.add(usage);
      BigDecimal perDollar = BigDecimal.ONE.add(share(provider, m));
      Optional<CommittedSpend> c = terms.committed(provider, m);
      if (c.isPresent() && paid.signum() > 0 && terms.listPrice(region, accelerator) != null) {
        draws.add(c.get().id());
        BigDecimal dual = plan.prices().minimum(c.get().id(), c.get().term().yearOf(m));
        minimumDual = minimumDual.max(dual);
        perDollar = perDollar.subtract(dual);
      }
      BigDecimal kappa = plan.prices().capacity(region, accelerator, m);
      capacityPrice = capacityPrice.add(kappa);
      marginal =
          marginal
              .add(usage.multiply(perDollar))
              .add(kappa.multiply(gpuHours).divide(CellTerms.hours(m), MC));
    }
    why.add(payment(provider, start, usedReserved, draws));
    if (minimumDual.signum() > 0)
      why.add("each $1 it spends there saves $" + minimumDual.toPlainString() + " of minimum");
    if (capacityPrice.signum() > 0) why.add("it takes binding capacity");
    if (egress.signum() > 0) why.add("dataset egress $" + cents(egress).toPlainString());
    return new Candidate(
        region,
        provider,
        accelerator,
        start,
        parts,
        cents(marginal),
        cents(standAlone),
        draws.isEmpty() ? null : String.join(", ", draws),
        String.join("; ", why),
        planned);
  }

  private String payment(String provider, YearMonth start, boolean reserved, Set<String> draws) {
    Optional<CommittedSpend> c = terms.committed(provider, start);
    String usage =
        c.isPresent()
            ? "committed spend at list less " + percent(c.get().discount())
            : terms
                .rateCard(provider, start)
                .map(r -> "on-demand at list less " + percent(r.discount()) + " (" + r.id() + ")")
                .orElse("on-demand at list");
    return reserved ? "spare reserved hours (fee sunk), then " + usage : usage;
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /**
   * Reserved GPU-hours of the cell-month the rest of the plan leaves unused (rows of other
   * workloads priced {@code reserved}).
   */
  BigDecimal spareReserved(String workload, String region, String accelerator, YearMonth m) {
    int reserved = terms.reservedGpus(region, accelerator, m);
    if (reserved == 0) return BigDecimal.ZERO;
    BigDecimal used = BigDecimal.ZERO;
    for (PlannedRow r : plan.rowsIn(m)) {
      if (r.pricing() == CapacityKind.RESERVED
          && !r.workload().equals(workload)
          && r.region().equals(region)
          && r.accelerator().equals(accelerator)) used = used.add(r.gpuHours());
    }
    return BigDecimal.valueOf(reserved)
        .multiply(CellTerms.hours(m))
        .subtract(used)
        .max(BigDecimal.ZERO);
  }

  /** Σ_q σ_q,y x ([q = provider] - cap_q): what the share rows add to a dollar of its spend. */
  BigDecimal share(String provider, YearMonth m) {
    int year = m.getYear();
    BigDecimal sum = BigDecimal.ZERO;
    for (String q : plan.prices().sharedProviders(year)) {
      BigDecimal sigma = plan.prices().sharePerDollar(q, year);
      BigDecimal own = q.equals(provider) ? BigDecimal.ONE : BigDecimal.ZERO;
      sum = sum.add(sigma.multiply(own.subtract(terms.scenario().policy().maxShareOf(q))));
    }
    return sum;
  }

  /**
   * Marginal cost of one reference GPU-hour of a flavor in a month: spare reserved hours are sunk
   * (rate 0), a full reservation's next hour is a paid one (the paid flavor's cost), committed ones
   * earn the minimum's shadow price back; every kind pays the cell's capacity shadow price per hour
   * (for Kueue's flavor order).
   */
  public BigDecimal perReferenceHour(
      String region, String accelerator, CapacityKind kind, YearMonth m) {
    String provider = terms.scenario().providerOf(region);
    if (kind == CapacityKind.RESERVED && reservationFull(region, accelerator, m))
      return perReferenceHour(
          region,
          accelerator,
          terms.committed(provider, m).isPresent()
              ? CapacityKind.COMMITTED
              : CapacityKind.ON_DEMAND,
          m);
    BigDecimal rate =
        kind == CapacityKind.RESERVED ? BigDecimal.ZERO : terms.rate(region, accelerator, m);
    BigDecimal perDollar = BigDecimal.ONE.add(share(provider, m));
    if (kind == CapacityKind.COMMITTED) {
      Optional<CommittedSpend> c = terms.committed(provider, m);
      if (c.isPresent())
        perDollar =
            perDollar.subtract(plan.prices().minimum(c.get().id(), c.get().term().yearOf(m)));
    }
    BigDecimal perHour =
        rate.multiply(perDollar)
            .add(plan.prices().capacity(region, accelerator, m).divide(CellTerms.hours(m), MC));
    return perHour.divide(terms.accelerator(accelerator).throughput(), 6, RoundingMode.HALF_EVEN);
  }

  /**
   * Whether the plan uses every reserved GPU-hour of the cell-month and the cell sells GPUs beyond
   * them. The planner's reserved cell is one row {@code use = u^R + u^D} (PlanModel): once the
   * reservation is full, one more GPU-hour "on the reservation" is one more paid GPU-hour, so the
   * reserved flavor's marginal cost is the paid one's, not 0 (within 1e-6 of the reserved hours,
   * the LP's tolerance at this scale).
   */
  boolean reservationFull(String region, String accelerator, YearMonth m) {
    int reserved = terms.reservedGpus(region, accelerator, m);
    if (reserved == 0
        || terms.listPrice(region, accelerator) == null
        || terms.totalGpus(region, accelerator, m) <= reserved) return false;
    BigDecimal hours = BigDecimal.valueOf(reserved).multiply(CellTerms.hours(m));
    BigDecimal used = BigDecimal.ZERO;
    for (PlannedRow r : plan.rowsIn(m))
      if (r.pricing() == CapacityKind.RESERVED
          && r.region().equals(region)
          && r.accelerator().equals(accelerator)) used = used.add(r.gpuHours());
    return hours.subtract(used).compareTo(hours.movePointLeft(6)) <= 0;
  }

  /** Egress of moving the run's dataset to the region: its home provider's price per TB. */
  BigDecimal egress(TrainingRun run, String region) {
    if (region.equals(run.datasetHome()) || run.datasetTb().signum() == 0) return BigDecimal.ZERO;
    return terms
        .scenario()
        .catalog()
        .provider(terms.scenario().providerOf(run.datasetHome()))
        .map(p -> run.datasetTb().multiply(p.egressPerTb()))
        .orElse(BigDecimal.ZERO);
  }

  static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN);
  }
}

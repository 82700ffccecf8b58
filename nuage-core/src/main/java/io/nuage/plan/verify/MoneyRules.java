package io.nuage.plan.verify;

import io.nuage.catalog.StoragePrice;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.MonthRange;
import io.nuage.plan.ContractYear;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.ProviderYear;
import io.nuage.workload.StorageDemand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Recomputes every figure of money in BigDecimal from the scenario and the plan's own rows: rates
 * and costs per placement, egress, reserved fees, storage, committed-spend shortfall, spend and
 * share per provider and plan year, the breakdown and the total, to the cent.
 */
final class MoneyRules {
  private final ScenarioFacts facts;
  private final RecourseRules declared;
  private final Consumer<Violation> report;

  /** provider -> plan year -> exact spend. */
  private final Map<String, Map<Integer, BigDecimal>> spend = new TreeMap<>();

  /** provider -> plan year -> how many amounts, each rounded to the cent, make its spend. */
  private final Map<String, Map<Integer, Integer>> amounts = new TreeMap<>();

  private BigDecimal usage = BigDecimal.ZERO;

  MoneyRules(ScenarioFacts facts, RecourseRules declared, Consumer<Violation> report) {
    this.facts = facts;
    this.declared = declared;
    this.report = report;
  }

  static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** Checks rate and cost of each row; returns the recomputed cost per row index. */
  Map<Integer, BigDecimal> placements(List<PlanRow> rows) {
    var costs = new HashMap<Integer, BigDecimal>();
    for (PlanRow row : rows) {
      Optional<BigDecimal> rate = expectedRate(row);
      if (rate.isEmpty()) continue;
      BigDecimal cost = cents(row.gpuHours().multiply(rate.get()));
      costs.put(row.index(), cost);
      if (row.rate().compareTo(rate.get()) != 0) {
        fail(
            Rule.COST,
            row.where()
                + ": rate "
                + row.rate().toPlainString()
                + ", expected "
                + rate.get().toPlainString()
                + " ("
                + row.pricing()
                + ")");
      }
      if (row.cost().compareTo(cost) != 0) {
        fail(
            Rule.COST, row.where() + ": cost " + row.cost().toPlainString() + ", expected " + cost);
      }
      usage = usage.add(cost);
      add(row.provider(), row.month(), cost);
    }
    return costs;
  }

  private Optional<BigDecimal> expectedRate(PlanRow row) {
    if (row.reserved()) return Optional.of(BigDecimal.ZERO);
    Optional<BigDecimal> list = facts.listPrice(row.region(), row.accelerator());
    if (list.isEmpty()) return Optional.empty(); // reported as UNKNOWN_OFFERING
    Optional<CommittedSpend> commit = facts.committed(row.provider(), row.month());
    BigDecimal discount;
    if (row.pricing().equals("committed")) {
      if (commit.isEmpty()) {
        fail(
            Rule.COST,
            row.where() + ": priced committed, but no committed-spend contract is active");
        return Optional.empty();
      }
      discount = commit.get().discount();
      // a contract that follows the list takes its discount off the drawn list too
      if (commit.get().followsList())
        list = facts.onDemandList(row.region(), row.accelerator(), row.month());
    } else if (row.pricing().equals("on-demand")) {
      if (commit.isPresent()) {
        fail(
            Rule.COST,
            row.where() + ": priced on-demand, but it consumes contract " + commit.get().id());
      }
      discount = facts.rateCardDiscount(row.provider(), row.month());
      // a future's drawn list moves on-demand rates (docs/plan-verifier.md, "Recourse plans")
      list = facts.onDemandList(row.region(), row.accelerator(), row.month());
    } else {
      fail(Rule.SHAPE, row.where() + ": unknown pricing " + row.pricing());
      return Optional.empty();
    }
    return Optional.of(list.get().multiply(BigDecimal.ONE.subtract(discount)));
  }

  /** Reserved fees: every GPU-hour of each term month inside the horizon, used or not. */
  BigDecimal reservedFees() {
    BigDecimal total = BigDecimal.ZERO;
    for (ReservedCapacity k : facts.scenario.contracts(ReservedCapacity.class)) {
      for (YearMonth m : inside(k.term())) {
        if (!facts.open(m)) continue; // a re-plan's fixed months are billed (actual)
        BigDecimal fee =
            BigDecimal.valueOf(k.gpus())
                .multiply(ScenarioFacts.hours(m))
                .multiply(k.pricePerGpuHour());
        total = total.add(fee);
        add(k.provider(), m, fee);
      }
    }
    return cents(total);
  }

  /** Storage: committed TB-months paid anyway, use above them at the provider's list price. */
  BigDecimal storage() {
    BigDecimal total = BigDecimal.ZERO;
    var providers = new java.util.TreeSet<String>();
    facts.scenario.contracts(StorageCommitment.class).forEach(k -> providers.add(k.provider()));
    facts.scenario.workloads(StorageDemand.class).forEach(d -> providers.add(d.provider()));
    for (String provider : providers) {
      for (YearMonth m : facts.scenario.horizon().months()) {
        if (!facts.open(m)) continue; // billed (actual)
        var commitments =
            facts.scenario.contracts(StorageCommitment.class).stream()
                .filter(k -> k.provider().equals(provider) && k.term().contains(m))
                .toList();
        BigDecimal committed =
            commitments.stream()
                .map(StorageCommitment::committedTb)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paidCommitted =
            commitments.stream()
                .map(k -> k.committedTb().multiply(k.pricePerTbMonth()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal used =
            facts.scenario.workloads(StorageDemand.class).stream()
                .filter(d -> d.provider().equals(provider) && d.months().contains(m))
                .map(StorageDemand::tb)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        // above the commitment: the provider's list storage price (StorageCommitment's contract;
        // docs/planner.md says the commitment's price, its code and the domain say list)
        BigDecimal overPrice =
            facts.scenario.catalog().storagePrices().stream()
                .filter(p -> p.provider().equals(provider))
                .map(StoragePrice::pricePerTbMonth)
                .findFirst()
                .orElse(
                    commitments.isEmpty()
                        ? BigDecimal.ZERO
                        : commitments.getFirst().pricePerTbMonth());
        BigDecimal cost =
            paidCommitted.add(used.subtract(committed).max(BigDecimal.ZERO).multiply(overPrice));
        total = total.add(cost);
        add(provider, m, cost);
      }
    }
    return cents(total);
  }

  /** Checks contracts[] against consumption of committed rows; returns the paid shortfall. */
  BigDecimal shortfall(
      List<PlanRow> rows, Map<Integer, BigDecimal> costs, List<ContractYear> contracts) {
    var reported = new HashMap<String, ContractYear>();
    contracts.forEach(c -> reported.put(c.contract() + "#" + c.year(), c));
    BigDecimal paid = BigDecimal.ZERO;
    for (CommittedSpend k : facts.scenario.contracts(CommittedSpend.class)) {
      for (int y = 0; y < k.term().years(); y++) {
        MonthRange year = k.term().year(y);
        List<YearMonth> in = inside(year);
        if (in.isEmpty()) continue;
        BigDecimal committed =
            cents(
                k.yearlyMinimums()
                    .get(y)
                    .multiply(BigDecimal.valueOf(in.size()))
                    .divide(BigDecimal.valueOf(year.length()), 10, RoundingMode.HALF_EVEN));
        // a re-plan's consumption billed before its as-of date, to the cent (docs/plan-json.md)
        BigDecimal toDate =
            facts.past == null ? BigDecimal.ZERO : cents(facts.past.consumed(k.id(), y));
        BigDecimal consumed = toDate;
        // what the consuming rows reach before rounding: GPU-hours x rate, plus half a 1e-3
        // GPU-hour step each, plus a cent
        BigDecimal reach = new BigDecimal("0.01").add(toDate);
        var months = new java.util.HashSet<>(in);
        for (PlanRow row : rows) {
          if (row.pricing().equals("committed")
              && row.provider().equals(k.provider())
              && months.contains(row.month())
              && facts.committed(row.provider(), row.month()).map(c -> c == k).orElse(false)) {
            consumed = consumed.add(costs.getOrDefault(row.index(), BigDecimal.ZERO));
            reach =
                reach
                    .add(row.gpuHours().multiply(row.rate()))
                    .add(new BigDecimal("0.0005").multiply(row.rate()));
          }
        }
        BigDecimal shortfall = committed.subtract(consumed).max(BigDecimal.ZERO);
        // docs/plan-json.md: a shortfall is none when the minimum was met before costs were
        // rounded (the unrounded consumption reaches it); a shortfall of exact costs is owed.
        if (reach.compareTo(committed) >= 0) shortfall = BigDecimal.ZERO;
        ContractYear row = reported.get(k.id() + "#" + y);
        compareContractRow(row, k.id(), y, committed, consumed, shortfall);
        if (row != null && facts.past != null) {
          same(
              Rule.FIXED_PAST,
              "contract " + k.id() + " year " + y + " consumedToDate",
              row.consumedToDate(),
              toDate);
        }
        if (k.takeOrPay() && shortfall.signum() > 0) {
          paid = paid.add(shortfall);
          add(k.provider(), in.getLast(), shortfall);
        }
      }
    }
    return paid;
  }

  private void compareContractRow(
      @Nullable ContractYear row,
      String id,
      int year,
      BigDecimal committed,
      BigDecimal consumed,
      BigDecimal shortfall) {
    String what = "contract " + id + " year " + year;
    if (row == null) {
      fail(Rule.SHORTFALL, what + " missing from contracts[]");
      return;
    }
    same(Rule.SHORTFALL, what + " committed", row.committed(), committed);
    same(Rule.SHORTFALL, what + " consumed", row.consumed(), consumed);
    same(Rule.SHORTFALL, what + " shortfall", row.shortfall(), shortfall);
  }

  /** Egress of each run placed away from its dataset's home, charged to the home provider. */
  BigDecimal egress(Map<String, PlanRow> firstRowByRun, List<EgressCharge> egressRows) {
    var reported = new HashMap<String, BigDecimal>();
    egressRows.forEach(e -> reported.merge(e.workload(), e.cost(), BigDecimal::add));
    BigDecimal total = BigDecimal.ZERO;
    for (var run : facts.scenario.workloads(io.nuage.workload.TrainingRun.class)) {
      PlanRow first = firstRowByRun.get(run.id());
      BigDecimal expected = BigDecimal.ZERO;
      // a run under way at a re-plan's as-of date paid its egress when it started (billed)
      boolean started = facts.running(run.id()).isPresent();
      if (first != null && !started && !first.region().equals(run.datasetHome())) {
        var home = facts.region(run.datasetHome()).map(r -> r.provider()).orElse("?");
        BigDecimal perTb =
            facts
                .scenario
                .catalog()
                .provider(home)
                .map(p -> p.egressPerTb())
                .orElse(BigDecimal.ZERO);
        expected = cents(run.datasetTb().multiply(perTb));
        if (expected.signum() > 0) add(home, first.month(), expected);
      }
      BigDecimal got = reported.getOrDefault(run.id(), BigDecimal.ZERO);
      if (got.compareTo(expected) != 0) {
        fail(
            Rule.EGRESS,
            "training run "
                + run.id()
                + ": egress "
                + got.toPlainString()
                + ", expected "
                + expected);
      }
      total = total.add(expected);
    }
    return total;
  }

  BigDecimal usage() {
    return usage;
  }

  /**
   * What a re-plan's fixed months billed: per provider and plan year to the cent
   * (docs/plan-json.md, "Re-plans"), counted in each provider's spend; 0 for a plan from scratch.
   */
  BigDecimal actual() {
    if (facts.past == null) return BigDecimal.ZERO.setScale(2);
    var byProviderYear = new TreeMap<String, BigDecimal>();
    for (var s : facts.past.spend()) {
      if (!facts.scenario.horizon().contains(s.month())) continue;
      byProviderYear.merge(
          s.provider() + "\u0000" + facts.planYear(s.month()), s.amount(), BigDecimal::add);
    }
    BigDecimal total = BigDecimal.ZERO.setScale(2);
    for (var e : byProviderYear.entrySet()) {
      String[] key = e.getKey().split("\u0000");
      BigDecimal amount = cents(e.getValue());
      total = total.add(amount);
      spend
          .computeIfAbsent(key[0], p -> new TreeMap<>())
          .merge(Integer.parseInt(key[1]), amount, BigDecimal::add);
      amounts
          .computeIfAbsent(key[0], p -> new TreeMap<>())
          .merge(Integer.parseInt(key[1]), 1, Integer::sum);
    }
    return total;
  }

  /** Checks providers[] and every provider's share against its cap. */
  void shares(List<ProviderYear> providers) {
    var reported = new HashMap<String, ProviderYear>();
    providers.forEach(p -> reported.put(p.provider() + "#" + p.year(), p));
    var totals = new TreeMap<Integer, BigDecimal>();
    spend.values().forEach(byYear -> byYear.forEach((y, s) -> totals.merge(y, s, BigDecimal::add)));
    var spent = new java.util.HashSet<String>();
    spend.forEach(
        (provider, byYear) ->
            byYear.keySet().forEach(y -> spent.add(provider + "#" + facts.planYearLabel(y))));
    declared.declaredExcess().stream()
        .filter(k -> !spent.contains(k))
        .sorted()
        .forEach(k -> fail(Rule.SHARE, "excess declared for " + k + ", which spends nothing"));
    spend.forEach(
        (provider, byYear) ->
            byYear.forEach(
                (y, s) -> {
                  int label = facts.planYearLabel(y);
                  BigDecimal total = totals.get(y);
                  BigDecimal share =
                      total.signum() == 0
                          ? BigDecimal.ZERO
                          : s.divide(total, 10, RoundingMode.HALF_EVEN);
                  BigDecimal cap = facts.scenario.policy().maxShareOf(provider);
                  // a year a re-plan found billed in full is past: its shares are reported only
                  // over in money, not in share (1e-4 of a $20B year is $2M): the spend may
                  // exceed cap x total only by the rounding of its amounts, a cent each
                  BigDecimal allowed =
                      new BigDecimal("0.01")
                          .multiply(BigDecimal.valueOf(amountsIn(provider, y)))
                          .max(new BigDecimal("0.01"));
                  boolean over = s.subtract(cap.multiply(total)).compareTo(allowed) > 0;
                  BigDecimal excess = declared.excess(provider, label);
                  // a recourse declares its excess from providers[] (each spend to the cent): a
                  // cent per provider of the year, and one more, of rounding between the two; it
                  // declares every excess above that rounding, so above twice it one is owed
                  BigDecimal rounding =
                      new BigDecimal("0.01").multiply(BigDecimal.valueOf(providersIn(y) + 1L));
                  BigDecimal expected = cents(s.subtract(cap.multiply(total)));
                  if (declared.isRecourse()) over = expected.compareTo(rounding.add(rounding)) > 0;
                  if (excess != null) {
                    // a recourse may exceed a cap, by the excess it declares
                    if (excess.subtract(expected).abs().compareTo(rounding) > 0
                        || expected.signum() <= 0)
                      fail(
                          Rule.SHARE,
                          provider
                              + " "
                              + label
                              + ": declared excess "
                              + excess.toPlainString()
                              + ", expected "
                              + (over ? expected.toPlainString() : "none (within its cap)"));
                  } else if (facts.openPlanYear(y) && over) {
                    fail(
                        Rule.SHARE,
                        provider
                            + " takes "
                            + share.setScale(4, RoundingMode.HALF_EVEN)
                            + " of "
                            + label
                            + " spend, cap "
                            + cap.toPlainString());
                  }
                  ProviderYear row = reported.get(provider + "#" + label);
                  if (row == null) {
                    if (cents(s).signum() != 0)
                      fail(Rule.SHARE, provider + " " + label + " missing from providers[]");
                    return;
                  }
                  same(Rule.SHARE, provider + " " + label + " spend", row.spend(), cents(s));
                  BigDecimal got = row.share();
                  if (got.subtract(share).abs().compareTo(new BigDecimal("0.0001")) > 0) {
                    fail(
                        Rule.SHARE,
                        provider
                            + " "
                            + label
                            + " share "
                            + got
                            + ", expected "
                            + share.setScale(4, RoundingMode.HALF_EVEN));
                  }
                }));
  }

  private int amountsIn(String provider, int planYear) {
    return amounts.getOrDefault(provider, Map.of()).getOrDefault(planYear, 0);
  }

  private long providersIn(int planYear) {
    return spend.values().stream().filter(byYear -> byYear.containsKey(planYear)).count();
  }

  void same(Rule rule, String what, @Nullable BigDecimal got, BigDecimal expected) {
    if (got == null) {
      fail(rule, what + " missing, expected " + expected.toPlainString());
      return;
    }
    if (got.compareTo(expected) != 0) {
      fail(rule, what + " is " + got.toPlainString() + ", expected " + expected.toPlainString());
    }
  }

  private List<YearMonth> inside(MonthRange range) {
    return range.months().stream().filter(facts.scenario.horizon()::contains).toList();
  }

  private void add(String provider, YearMonth month, BigDecimal amount) {
    if (!facts.scenario.horizon().contains(month)) return;
    spend
        .computeIfAbsent(provider, p -> new TreeMap<>())
        .merge(facts.planYear(month), amount, BigDecimal::add);
    amounts
        .computeIfAbsent(provider, p -> new TreeMap<>())
        .merge(facts.planYear(month), 1, Integer::sum);
  }

  private void fail(Rule rule, String message) {
    report.accept(new Violation(rule, message));
  }
}

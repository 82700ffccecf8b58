package io.nuage.plan.replan;

import io.nuage.catalog.StoragePrice;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import io.nuage.plan.Plan;
import io.nuage.plan.past.ActualConsumption;
import io.nuage.plan.past.ActualSpend;
import io.nuage.plan.past.FixedPast;
import io.nuage.plan.past.RunningRun;
import io.nuage.scenario.Scenario;
import io.nuage.workload.StorageDemand;
import io.nuage.workload.TrainingRun;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Bills that follow a plan exactly, as the fixed past a re-plan reads from the ledger: for every
 * month before {@code firstOpen}, each provider's spend (its placements, the egress it charges, its
 * reservations' fees and its storage, recomputed here from the scenario) and each committed-spend
 * contract year's consumption (its committed placements), with the runs under way or done where the
 * plan put them. Written from docs/planner.md and docs/plan-json.md, not from the planner.
 */
final class PastFromPlan {
  private PastFromPlan() {}

  static FixedPast of(Scenario scenario, Plan plan, YearMonth firstOpen) {
    Map<String, BigDecimal> spend = new TreeMap<>(); // provider|month
    for (Placement p : plan.placements())
      if (p.month().isBefore(firstOpen))
        spend.merge(key(p.provider(), p.month()), p.cost(), BigDecimal::add);
    for (EgressCharge e : plan.egress())
      if (e.month().isBefore(firstOpen))
        spend.merge(key(e.provider(), e.month()), e.cost(), BigDecimal::add);
    for (YearMonth m : scenario.horizon().months()) {
      if (!m.isBefore(firstOpen)) break;
      BigDecimal hours = BigDecimal.valueOf(24L * m.lengthOfMonth());
      for (ReservedCapacity r : scenario.contracts(ReservedCapacity.class)) {
        if (r.term().contains(m))
          spend.merge(
              key(r.provider(), m),
              BigDecimal.valueOf(r.gpus()).multiply(hours).multiply(r.pricePerGpuHour()),
              BigDecimal::add);
      }
      Set<String> storers = new TreeSet<>();
      scenario.workloads(StorageDemand.class).forEach(d -> storers.add(d.provider()));
      scenario.contracts(StorageCommitment.class).forEach(c -> storers.add(c.provider()));
      for (String provider : storers) {
        BigDecimal cost = storage(scenario, provider, m);
        if (cost.signum() != 0) spend.merge(key(provider, m), cost, BigDecimal::add);
      }
    }
    List<ActualSpend> actual = new ArrayList<>();
    spend.forEach(
        (k, v) ->
            actual.add(new ActualSpend(k.split("\\|")[0], YearMonth.parse(k.split("\\|")[1]), v)));

    List<ActualConsumption> consumed = new ArrayList<>();
    for (CommittedSpend k : scenario.contracts(CommittedSpend.class)) {
      for (int y = 0; y < k.term().years(); y++) {
        var year = k.term().year(y);
        BigDecimal sum = BigDecimal.ZERO;
        for (Placement p : plan.placements()) {
          if (k.id().equals(p.contract())
              && year.contains(p.month())
              && p.month().isBefore(firstOpen)) sum = sum.add(p.cost());
        }
        if (sum.signum() != 0) consumed.add(new ActualConsumption(k.id(), y, sum));
      }
    }

    List<RunningRun> running = new ArrayList<>();
    Set<String> finished = new TreeSet<>();
    for (TrainingRun run : scenario.workloads(TrainingRun.class)) {
      List<Placement> rows =
          plan.placements().stream().filter(p -> p.workload().equals(run.id())).toList();
      Placement first = rows.stream().min(Comparator.comparing(Placement::month)).orElseThrow();
      YearMonth last =
          rows.stream().map(Placement::month).max(Comparator.naturalOrder()).orElseThrow();
      if (!first.month().isBefore(firstOpen)) continue;
      if (last.isBefore(firstOpen)) finished.add(run.id());
      else
        running.add(
            new RunningRun(
                run.id(), first.provider(), first.region(), first.accelerator(), first.month()));
    }
    return new FixedPast(firstOpen, actual, consumed, running, finished);
  }

  /** Committed TB at the commitments' price, TB above them at the provider's list price. */
  static BigDecimal storage(Scenario scenario, String provider, YearMonth m) {
    BigDecimal stored =
        scenario.workloads(StorageDemand.class).stream()
            .filter(d -> d.provider().equals(provider) && d.months().contains(m))
            .map(StorageDemand::tb)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    for (StorageCommitment c : scenario.contracts(StorageCommitment.class)) {
      if (c.provider().equals(provider) && c.term().contains(m)) {
        committed = committed.add(c.committedTb());
        cost = cost.add(c.committedTb().multiply(c.pricePerTbMonth()));
      }
    }
    BigDecimal above = stored.subtract(committed).max(BigDecimal.ZERO);
    BigDecimal list =
        scenario.catalog().storagePrices().stream()
            .filter(s -> s.provider().equals(provider))
            .map(StoragePrice::pricePerTbMonth)
            .findFirst()
            .orElse(BigDecimal.ZERO);
    return cost.add(above.multiply(list));
  }

  private static String key(String provider, YearMonth month) {
    return provider + "|" + month;
  }
}

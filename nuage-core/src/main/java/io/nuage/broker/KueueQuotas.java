package io.nuage.broker;

import io.nuage.core.NuageException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one month of a plan into Kueue quotas: the plan's GPUs of that month summed per cluster,
 * accelerator and capacity kind (a flavor), each flavor in the queue of its region's geography, the
 * queue's flavors cheapest marginal cost first (Kueue tries them in that order).
 */
public final class KueueQuotas {
  private final CellTerms terms;
  private final BrokerPlan plan;
  private final MarginalCost costs;
  private final Geographies geographies;

  public KueueQuotas(CellTerms terms, BrokerPlan plan) {
    this.terms = terms;
    this.plan = plan;
    this.costs = new MarginalCost(terms, plan);
    this.geographies = new Geographies(terms.scenario());
  }

  /**
   * The month's objects.
   *
   * @throws NuageException when the plan places nothing in that month's range, or the map misses a
   *     region the plan uses that month
   */
  public KueueMonth of(YearMonth month, ClusterMap clusters, String mapSource) {
    if (!plan.covers(month))
      throw new NuageException(
          "--month: "
              + month
              + " is outside the plan (it places GPUs from "
              + plan.firstMonth()
              + " to "
              + plan.lastMonth()
              + ")");
    List<PlannedRow> rows = plan.rowsIn(month);
    TreeSet<String> regions = new TreeSet<>();
    rows.forEach(r -> regions.add(r.region()));
    clusters.requireAll(regions, mapSource);
    Map<String, KueueMonth.Flavor> flavors = new TreeMap<>();
    Map<String, Long> gpus = new TreeMap<>();
    Map<PlannedRow, Long> share = gangShares(rows);
    for (PlannedRow r : rows) {
      if (r.gpus() == 0) continue;
      String cluster = clusters.clusterOf(r.region());
      String name =
          cluster
              + "-"
              + r.accelerator().toLowerCase(java.util.Locale.ROOT)
              + "-"
              + r.pricing().label();
      flavors.computeIfAbsent(
          name,
          n ->
              new KueueMonth.Flavor(
                  n,
                  cluster,
                  r.region(),
                  r.accelerator(),
                  r.pricing(),
                  costs
                      .perReferenceHour(r.region(), r.accelerator(), r.pricing(), month)
                      .setScale(3, RoundingMode.HALF_EVEN),
                  billed(r, month)));
      gpus.merge(name, share.getOrDefault(r, r.gpus()), Long::sum);
    }
    Map<String, List<KueueMonth.Quota>> byGeography = new TreeMap<>();
    for (KueueMonth.Flavor f : flavors.values())
      byGeography
          .computeIfAbsent(geographies.of(f.region()), g -> new ArrayList<>())
          .add(new KueueMonth.Quota(f, gpus.get(f.name())));
    List<KueueMonth.Queue> queues = new ArrayList<>();
    byGeography.forEach(
        (g, quotas) -> {
          quotas.sort(
              Comparator.comparing((KueueMonth.Quota q) -> q.flavor().perReferenceHour())
                  .thenComparing(q -> q.flavor().ratePerReferenceHour())
                  .thenComparing(q -> q.flavor().name()));
          queues.add(new KueueMonth.Queue(g, Geographies.objectName(g), quotas));
        });
    TreeSet<String> used = new TreeSet<>();
    flavors.values().forEach(f -> used.add(f.cluster()));
    return new KueueMonth(month, List.copyOf(flavors.values()), queues, List.copyOf(used));
  }

  /**
   * A gang whose month is split between rows (reserved hours, then paid ones) holds its N GPUs
   * once: each row gets N in proportion to its GPU-hours (rounded down, the rest to the largest),
   * so that the flavors' quotas add up to the gang, not to N per row.
   */
  private static Map<PlannedRow, Long> gangShares(List<PlannedRow> rows) {
    Map<String, List<PlannedRow>> byGang = new TreeMap<>();
    for (PlannedRow r : rows)
      if (r.training()) byGang.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
    Map<PlannedRow, Long> out = new java.util.IdentityHashMap<>();
    for (List<PlannedRow> gang : byGang.values()) {
      if (gang.size() < 2) continue;
      long n = gang.getFirst().gpus();
      BigDecimal hours = BigDecimal.ZERO;
      for (PlannedRow r : gang) hours = hours.add(r.gpuHours());
      if (hours.signum() == 0) continue;
      long given = 0;
      PlannedRow largest = gang.getFirst();
      for (PlannedRow r : gang) {
        long part =
            BigDecimal.valueOf(n)
                .multiply(r.gpuHours())
                .divide(hours, 0, RoundingMode.FLOOR)
                .longValueExact();
        out.put(r, part);
        given += part;
        if (r.gpuHours().compareTo(largest.gpuHours()) > 0) largest = r;
      }
      out.merge(largest, n - given, Long::sum);
    }
    return out;
  }

  /** The rate a reference GPU-hour of the row's flavor is billed at (reserved: 0, sunk). */
  private BigDecimal billed(PlannedRow r, YearMonth month) {
    if (r.pricing() == CapacityKind.RESERVED) return BigDecimal.ZERO;
    return terms
        .rate(r.region(), r.accelerator(), month)
        .divide(terms.accelerator(r.accelerator()).throughput(), 6, RoundingMode.HALF_EVEN);
  }
}

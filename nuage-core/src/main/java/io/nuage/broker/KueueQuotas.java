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
    return of(month, clusters, mapSource, "--month");
  }

  /**
   * The month's objects; {@code monthSource} names where the month came from in messages ({@code
   * --month}, {@code --months}, the query parameter {@code month}).
   */
  public KueueMonth of(YearMonth month, ClusterMap clusters, String mapSource, String monthSource) {
    if (!plan.covers(month))
      throw new NuageException(
          monthSource
              + ": "
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
    capToCapacity(flavors, gpus, month);
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

  /**
   * Keeps the quotas within what the cell delivers: a gang holds its N GPUs for the whole month in
   * the rows, next to fleets' average GPUs rounded up, so the rows of a cell-month can add up to
   * more GPUs than it has. The reserved flavor is held to the reserved GPUs, the paid flavors
   * (committed, on-demand) to the GPUs beyond them; a group above its cap is scaled down to it in
   * proportion, by largest remainders (exact integers, ties by flavor name).
   */
  private void capToCapacity(
      Map<String, KueueMonth.Flavor> flavors, Map<String, Long> gpus, YearMonth month) {
    Map<String, List<KueueMonth.Flavor>> groups = new TreeMap<>();
    for (KueueMonth.Flavor f : flavors.values())
      groups
          .computeIfAbsent(
              CellTerms.key(f.region(), f.accelerator())
                  + "|"
                  + (f.kind() == CapacityKind.RESERVED),
              k -> new ArrayList<>())
          .add(f);
    for (List<KueueMonth.Flavor> group : groups.values()) {
      KueueMonth.Flavor first = group.getFirst();
      int reserved = terms.reservedGpus(first.region(), first.accelerator(), month);
      long cap =
          first.kind() == CapacityKind.RESERVED
              ? reserved
              : terms.totalGpus(first.region(), first.accelerator(), month) - reserved;
      Map<String, Long> wanted = new TreeMap<>();
      group.forEach(f -> wanted.put(f.name(), gpus.get(f.name())));
      gpus.putAll(apportion(wanted, Math.max(0, cap)));
    }
  }

  /**
   * {@code wanted} scaled down to sum to {@code cap} when it sums to more (largest remainder:
   * floors first, then one more to the largest fractional parts, ties by name), else unchanged.
   */
  static Map<String, Long> apportion(Map<String, Long> wanted, long cap) {
    long total = wanted.values().stream().mapToLong(Long::longValue).sum();
    if (total <= cap) return wanted;
    Map<String, Long> out = new TreeMap<>();
    Map<String, Long> remainder = new TreeMap<>();
    long given = 0;
    for (var e : wanted.entrySet()) {
      long scaled = Math.multiplyExact(e.getValue(), cap);
      out.put(e.getKey(), scaled / total);
      remainder.put(e.getKey(), scaled % total);
      given += scaled / total;
    }
    List<String> byRemainder = new ArrayList<>(remainder.keySet());
    byRemainder.sort(
        Comparator.comparing((String k) -> remainder.get(k)).reversed().thenComparing(k -> k));
    for (int i = 0; given < cap; i++, given++) out.merge(byRemainder.get(i), 1L, Long::sum);
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

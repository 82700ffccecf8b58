package io.nuage.plan;

import io.nuage.contract.RightOfFirstRefusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The right-of-first-refusal rule of docs/planner.md: what counts as new capacity, which holder
 * capacity matches it, and after the solve every placement where the holder was passed over, with
 * the reason (holder-full or holder-dearer; anything else is reported as a violation).
 */
final class RightOfFirstRefusalReport {
  private RightOfFirstRefusalReport() {}

  /** On-demand capacity bought from a non-holder outside any contract with it that month. */
  static boolean isNewCapacity(PlanData data, RightOfFirstRefusal right, Cell c, int t) {
    return right.term().contains(data.months.get(t))
        && !c.provider().equals(right.provider())
        && c.committed()[t] == null
        && c.reservedGpus()[t] == 0
        && c.onDemandGpus()[t] > 0;
  }

  /**
   * The holder's cells of accelerator {@code acc} with capacity in {@code t}, within {@code
   * allowed}.
   */
  static List<Cell> holderCells(
      PlanData data,
      RightOfFirstRefusal right,
      String acc,
      int t,
      @Nullable Set<String> allowed,
      int minGpus) {
    return data.cells.stream()
        .filter(
            c ->
                c.provider().equals(right.provider())
                    && c.accName().equals(acc)
                    && c.totalGpus(t) >= Math.max(1, minGpus))
        .filter(c -> allowed == null || allowed.contains(c.region()))
        .toList();
  }

  /**
   * The price at which the holder would match: its cheapest effective on-demand price among its
   * cells (list less the active discount). A reservation is capacity, not a price: it makes no cell
   * free to match with, and a cell whose GPUs are all reserved has none on demand to match at its
   * list price (RofrHolderPriceTest). Null when no holder cell sells on demand.
   */
  static @Nullable BigDecimal holderRate(List<Cell> cells, int t) {
    return cells.stream()
        .filter(c -> c.listPrice() != null && c.onDemandGpus()[t] > 0)
        .map(c -> c.rate()[t])
        .min(BigDecimal::compareTo)
        .orElse(null);
  }

  /** Whether the holder would match new capacity bought at {@code rate}. */
  static boolean wouldMatch(
      @Nullable BigDecimal holderRate, RightOfFirstRefusal right, BigDecimal rate) {
    return holderRate != null
        && holderRate.compareTo(rate.multiply(BigDecimal.ONE.add(right.matchingMargin()))) <= 0;
  }

  static List<RofrPassOver> report(PlanData data, List<Placement> placements) {
    List<RofrPassOver> out = new ArrayList<>();
    Map<String, BigDecimal> used = new HashMap<>();
    for (Placement p : placements)
      used.merge(
          p.region() + "|" + p.accelerator() + "|" + p.month(), p.gpuHours(), BigDecimal::add);
    Map<String, Cell> cells = new HashMap<>();
    data.cells.forEach(c -> cells.put(c.region() + "|" + c.accName(), c));
    // A fleet's rows carry no geography: a row is judged against each geography of its fleet
    // and month whose allowed regions hold the row's region, and passes if one allows it.
    Map<String, List<Set<String>>> allowedOf = new HashMap<>();
    data.demands.forEach(
        d ->
            allowedOf
                .computeIfAbsent(d.fleet() + "|" + d.month(), k -> new ArrayList<>())
                .add(d.allowedRegions()));
    // a run under way was placed before a re-plan's as-of date: not new capacity bought now
    Set<String> running = new java.util.HashSet<>();
    for (int j = 0; j < data.runs.size(); j++)
      if (data.isRunning(j)) running.add(data.runs.get(j).id());
    for (RightOfFirstRefusal right : data.scenario.contracts(RightOfFirstRefusal.class)) {
      for (Placement p : placements) {
        if (!p.pricing().equals("on-demand") || running.contains(p.workload())) continue;
        Cell c = cells.get(p.region() + "|" + p.accelerator());
        int t = data.monthIndex(p.month());
        if (c == null || t < 0 || !isNewCapacity(data, right, c, t)) continue;
        boolean gang = p.kind().equals("training");
        List<@Nullable Set<String>> sets = new ArrayList<>();
        if (gang) sets.add(null);
        else
          allowedOf.getOrDefault(p.workload() + "|" + t, List.of()).stream()
              .filter(set -> set.contains(p.region()))
              .forEach(sets::add);
        RofrPassOver worst = null;
        for (Set<String> allowed : sets) {
          RofrPassOver judged = judge(data, right, p, t, allowed, used);
          if (judged == null) {
            worst = null; // the holder offers nothing to this geography: no pass-over at all
            break;
          }
          if (worst == null || worst.reason().equals("violation")) worst = judged;
        }
        if (worst != null) out.add(worst);
      }
    }
    return out;
  }

  /** Why the holder was passed over for placement p judged against {@code allowed}; null: n/a. */
  private static @Nullable RofrPassOver judge(
      PlanData data,
      RightOfFirstRefusal right,
      Placement p,
      int t,
      @Nullable Set<String> allowed,
      Map<String, BigDecimal> used) {
    boolean gang = p.kind().equals("training");
    List<Cell> holder = holderCells(data, right, p.accelerator(), t, allowed, gang ? p.gpus() : 1);
    if (holder.isEmpty()) return null;
    BigDecimal holderRate = holderRate(holder, t);
    String reason;
    String why;
    if (!wouldMatch(holderRate, right, p.rate())) {
      reason = "holder-dearer";
      why =
          holderRate == null
              ? right.provider() + " sells no " + p.accelerator() + " on demand there"
              : right.provider()
                  + " charges $"
                  + holderRate.stripTrailingZeros().toPlainString()
                  + " per "
                  + p.accelerator()
                  + " GPU-hour, more than "
                  + percent(right.matchingMargin())
                  + " above $"
                  + p.rate().toPlainString()
                  + " at "
                  + p.region();
    } else if (isFull(data, holder, t, used, gang ? p.gpus() : 1)) {
      reason = "holder-full";
      why =
          right.provider()
              + (gang ? " has fewer than " + p.gpus() + " " : " has no ")
              + p.accelerator()
              + " left in "
              + p.month()
              + (allowed == null ? "" : " in the regions allowed for " + p.workload());
    } else {
      reason = "violation";
      why =
          right.provider()
              + " could have matched $"
              + p.rate().toPlainString()
              + " and still had capacity";
    }
    return new RofrPassOver(
        p.workload(),
        right.provider(),
        p.provider(),
        p.region(),
        p.accelerator(),
        p.month(),
        reason,
        why);
  }

  private static boolean isFull(
      PlanData data, List<Cell> holder, int t, Map<String, BigDecimal> used, int gpus) {
    for (Cell c : holder) {
      BigDecimal cap = data.hours[t].multiply(BigDecimal.valueOf(c.totalGpus(t)));
      BigDecimal u =
          used.getOrDefault(
              c.region() + "|" + c.accName() + "|" + data.months.get(t), BigDecimal.ZERO);
      // Full for a gang of n GPUs: fewer than n GPUs free for the month, i.e. at most (n - 1) x
      // hours free. Fleet hours are rounded to 1e-3 per row: within a GPU-hour of that is full.
      BigDecimal room = data.hours[t].multiply(BigDecimal.valueOf(gpus - 1L)).add(BigDecimal.ONE);
      if (cap.subtract(u).compareTo(room) > 0) return false;
    }
    return true;
  }

  static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}

package io.nuage.broker;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's terms per cell (region x accelerator) and month, as the planner prices them
 * (docs/planner.md): the cheapest on-demand list price less the active committed-spend discount
 * (else the best rate card), the GPUs deliverable (reserved, and the schedule beyond them), and the
 * contract usage draws down.
 */
public final class CellTerms {
  private final Scenario scenario;
  private final Map<String, BigDecimal> listPrice = new TreeMap<>();
  private final TreeSet<String> cells = new TreeSet<>();

  public CellTerms(Scenario scenario) {
    this.scenario = scenario;
    for (Offering o : scenario.catalog().offerings()) {
      if (o.pricing() != PricingKind.ON_DEMAND) continue;
      listPrice.merge(key(o.region(), o.accelerator()), o.pricePerGpuHour(), BigDecimal::min);
    }
    cells.addAll(listPrice.keySet());
    for (ReservedCapacity r : scenario.contracts(ReservedCapacity.class))
      cells.add(key(r.region(), r.accelerator()));
    cells.removeIf(
        k ->
            !scenario.policy().allows(regionOf(k))
                || scenario.catalog().accelerator(acceleratorOf(k)).isEmpty());
  }

  public Scenario scenario() {
    return scenario;
  }

  /** Every priced or reserved (region, accelerator) the policy allows, as {@code region|acc}. */
  public List<String> cells() {
    return List.copyOf(cells);
  }

  public static String key(String region, String accelerator) {
    return region + "|" + accelerator;
  }

  public static String regionOf(String cell) {
    return cell.substring(0, cell.indexOf('|'));
  }

  public static String acceleratorOf(String cell) {
    return cell.substring(cell.indexOf('|') + 1);
  }

  public Accelerator accelerator(String name) {
    return scenario.catalog().accelerator(name).orElseThrow();
  }

  /** GPUs reserved in the cell in that month (Σ reservations whose term holds it). */
  public int reservedGpus(String region, String accelerator, YearMonth m) {
    return reservations(region, accelerator, m).stream().mapToInt(ReservedCapacity::gpus).sum();
  }

  public List<ReservedCapacity> reservations(String region, String accelerator, YearMonth m) {
    return scenario.contracts(ReservedCapacity.class).stream()
        .filter(
            r ->
                r.region().equals(region)
                    && r.accelerator().equals(accelerator)
                    && r.term().contains(m))
        .toList();
  }

  /** GPUs the cell delivers in that month: its reservations, plus the schedule above them. */
  public int totalGpus(String region, String accelerator, YearMonth m) {
    int reserved = reservedGpus(region, accelerator, m);
    if (!listPrice.containsKey(key(region, accelerator))) return reserved;
    List<CapacityStep> steps = new ArrayList<>();
    for (CapacityStep s : scenario.capacity())
      if (s.region().equals(region) && s.accelerator().equals(accelerator)) steps.add(s);
    steps.sort(Comparator.comparing(CapacityStep::from));
    int schedule = 0;
    for (CapacityStep s : steps) if (!s.from().isAfter(m)) schedule = s.gpus();
    return reserved + Math.max(0, schedule - reserved);
  }

  /** The committed-spend contract usage at the provider consumes in that month (earliest term). */
  public Optional<CommittedSpend> committed(String provider, YearMonth m) {
    return scenario.contracts(CommittedSpend.class).stream()
        .filter(c -> c.provider().equals(provider) && c.term().contains(m))
        .min(
            Comparator.comparing((CommittedSpend c) -> c.term().start())
                .thenComparing(CommittedSpend::id));
  }

  /** The rate card that discounts on-demand usage at the provider in that month, if any. */
  public Optional<RateCard> rateCard(String provider, YearMonth m) {
    return scenario.contracts(RateCard.class).stream()
        .filter(c -> c.provider().equals(provider) && c.term().contains(m))
        .max(Comparator.comparing(RateCard::discount));
  }

  /** The cheapest on-demand list price of the cell, null when it only has reservations. */
  public @Nullable BigDecimal listPrice(String region, String accelerator) {
    return listPrice.get(key(region, accelerator));
  }

  /** Effective price per GPU-hour beyond reservations: list x (1 - discount); 0 without a list. */
  public BigDecimal rate(String region, String accelerator, YearMonth m) {
    BigDecimal list = listPrice(region, accelerator);
    if (list == null) return BigDecimal.ZERO;
    String provider = scenario.providerOf(region);
    BigDecimal discount =
        committed(provider, m)
            .map(CommittedSpend::discount)
            .orElseGet(() -> rateCard(provider, m).map(RateCard::discount).orElse(BigDecimal.ZERO));
    return list.multiply(BigDecimal.ONE.subtract(discount));
  }

  /** Hours in a month: days x 24. */
  public static BigDecimal hours(YearMonth m) {
    return BigDecimal.valueOf(m.lengthOfMonth() * 24L);
  }
}

package io.nuage.ledger.generate;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.StoragePrice;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The prices and contracts a scenario gives a bill line, as the planner reads them
 * (docs/planner.md): the cheapest on-demand offering of a region and accelerator, the
 * committed-spend deal active at a provider (the earliest), its largest active rate-card discount,
 * the reservations of a region and accelerator.
 */
final class ScenarioPrices {
  private final Scenario scenario;
  private final Map<String, Offering> cheapest = new HashMap<>();

  ScenarioPrices(Scenario scenario) {
    this.scenario = scenario;
    for (Offering o : scenario.catalog().offerings()) {
      if (o.pricing() != PricingKind.ON_DEMAND) continue;
      cheapest.merge(
          key(o.region(), o.accelerator()),
          o,
          (a, b) -> b.pricePerGpuHour().compareTo(a.pricePerGpuHour()) < 0 ? b : a);
    }
  }

  Scenario scenario() {
    return scenario;
  }

  /** The offering a placement is priced from, or null when the catalog has none. */
  @Nullable Offering offering(String region, String accelerator) {
    return cheapest.get(key(region, accelerator));
  }

  @Nullable CommittedSpend committedAt(String provider, YearMonth m) {
    return scenario.contracts(CommittedSpend.class).stream()
        .filter(c -> c.provider().equals(provider) && c.term().contains(m))
        .min(
            Comparator.comparing((CommittedSpend c) -> c.term().start())
                .thenComparing(CommittedSpend::id))
        .orElse(null);
  }

  BigDecimal rateCardDiscount(String provider, YearMonth m) {
    return scenario.contracts(RateCard.class).stream()
        .filter(c -> c.provider().equals(provider) && c.term().contains(m))
        .map(RateCard::discount)
        .max(Comparator.naturalOrder())
        .orElse(BigDecimal.ZERO);
  }

  /** Reservations of a region and accelerator active in a month, in scenario order. */
  List<ReservedCapacity> reservations(String region, String accelerator, YearMonth m) {
    return scenario.contracts(ReservedCapacity.class).stream()
        .filter(
            r ->
                r.region().equals(region)
                    && r.accelerator().equals(accelerator)
                    && r.term().contains(m))
        .toList();
  }

  List<StorageCommitment> storageCommitments(String provider, YearMonth m) {
    return scenario.contracts(StorageCommitment.class).stream()
        .filter(c -> c.provider().equals(provider) && c.term().contains(m))
        .toList();
  }

  @Nullable BigDecimal storageList(String provider) {
    return scenario.catalog().storagePrices().stream()
        .filter(s -> s.provider().equals(provider))
        .map(StoragePrice::pricePerTbMonth)
        .findFirst()
        .orElse(null);
  }

  /** What GPU-hours outside any reservation cost at a provider: its deal's rate, else on demand. */
  BigDecimal discountOutsideReservations(String provider, YearMonth m) {
    CommittedSpend c = committedAt(provider, m);
    return c != null ? c.discount() : rateCardDiscount(provider, m);
  }

  private static String key(String region, String accelerator) {
    return region + "|" + accelerator;
  }
}

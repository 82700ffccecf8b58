package io.nuage.plan;

import io.nuage.catalog.StoragePrice;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.workload.StorageDemand;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * The costs no decision changes: reserved-capacity fees (paid whether used or not) and storage
 * (storage workloads are not placed). Exact, rounded to the cent per provider and calendar year.
 */
record FixedCosts(Map<Key, BigDecimal> reserved, Map<Key, BigDecimal> storage) {

  /** A provider in a calendar year. */
  record Key(String provider, int year) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Integer.compare(year, o.year);
      return c != 0 ? c : provider.compareTo(o.provider);
    }
  }

  /** Every reserved fee and storage cost, summed. */
  BigDecimal total() {
    BigDecimal sum = BigDecimal.ZERO;
    for (BigDecimal v : reserved.values()) sum = sum.add(v);
    for (BigDecimal v : storage.values()) sum = sum.add(v);
    return sum;
  }

  static FixedCosts of(PlanData data) {
    return of(data, null);
  }

  /**
   * The same without the fees of reservation {@code without} (a deal that sizes it pays its fee in
   * the first stage, docs/deals.md section 5.1); null: every fee.
   */
  static FixedCosts of(PlanData data, @org.jspecify.annotations.Nullable String without) {
    Map<Key, BigDecimal> reserved = new TreeMap<>();
    Map<Key, BigDecimal> storage = new TreeMap<>();
    for (int t = 0; t < data.monthCount(); t++) {
      YearMonth m = data.months.get(t);
      for (ReservedCapacity r : data.scenario.contracts(ReservedCapacity.class)) {
        if (!r.term().contains(m) || r.id().equals(without)) continue;
        BigDecimal fee =
            r.pricePerGpuHour().multiply(BigDecimal.valueOf(r.gpus())).multiply(data.hours[t]);
        reserved.merge(new Key(r.provider(), m.getYear()), fee, BigDecimal::add);
      }
      for (String p : data.providers.keySet()) {
        BigDecimal cost = storageCost(data, p, m);
        if (cost.signum() != 0) storage.merge(new Key(p, m.getYear()), cost, BigDecimal::add);
      }
    }
    reserved.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
    storage.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
    return new FixedCosts(reserved, storage);
  }

  private static BigDecimal storageCost(PlanData data, String provider, YearMonth m) {
    BigDecimal stored = BigDecimal.ZERO;
    for (StorageDemand d : data.scenario.workloads(StorageDemand.class)) {
      if (d.provider().equals(provider) && d.months().contains(m)) stored = stored.add(d.tb());
    }
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    for (StorageCommitment c : data.scenario.contracts(StorageCommitment.class)) {
      if (c.provider().equals(provider) && c.term().contains(m)) {
        committed = committed.add(c.committedTb());
        cost = cost.add(c.committedTb().multiply(c.pricePerTbMonth()));
      }
    }
    BigDecimal above = stored.subtract(committed).max(BigDecimal.ZERO);
    if (above.signum() > 0) {
      BigDecimal list =
          data.scenario.catalog().storagePrices().stream()
              .filter(s -> s.provider().equals(provider))
              .map(StoragePrice::pricePerTbMonth)
              .findFirst()
              .orElse(BigDecimal.ZERO);
      cost = cost.add(above.multiply(list));
    }
    return cost;
  }

  Map<Key, BigDecimal> byProviderAndYear() {
    Map<Key, BigDecimal> all = new TreeMap<>(reserved);
    storage.forEach((k, v) -> all.merge(k, v, BigDecimal::add));
    return all;
  }

  BigDecimal reservedTotal() {
    return reserved.values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_EVEN);
  }

  BigDecimal storageTotal() {
    return storage.values().stream()
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.HALF_EVEN);
  }
}

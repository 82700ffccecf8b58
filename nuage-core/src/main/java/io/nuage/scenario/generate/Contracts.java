package io.nuage.scenario.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Contracts and the share cap sized from the reference placement (docs/generate.md, items 4 and 5):
 * a committed minimum it meets, a reservation it uses, a storage commitment below its data, and a
 * cap it satisfies with five points to spare.
 */
record Contracts(
    List<BigDecimal> committedMinimums,
    int reservedSlot,
    int reservedGpus,
    int reservedMonths,
    BigDecimal reservedPrice,
    String storageProvider,
    BigDecimal storageTb,
    BigDecimal committedTb,
    BigDecimal storagePrice,
    BigDecimal maxShare) {

  static Contracts size(GenerateSpec spec, ReferencePlacement ref, List<Draws.Run> runs) {
    Map<String, double[]> spend = ScenarioGenerator.spendTable(spec);
    // reservation: lambda's busiest slot over the first two years, half its average GPUs
    int reservedMonths = Math.min(24, spec.months());
    int slot = -1;
    double best = -1;
    for (int s = 0; s < ref.slots.size(); s++) {
      if (!ref.slots.get(s).provider().equals(ScenarioGenerator.RESERVED)) continue;
      double sum = 0;
      for (int t = 0; t < reservedMonths; t++) sum += ref.gpus[s][t];
      if (sum > best) {
        best = sum;
        slot = s;
      }
    }
    int reservedGpus =
        slot < 0 ? 0 : Math.max(64, 8 * (int) Math.floor(best / reservedMonths / 2 / 8));
    BigDecimal reservedPrice =
        slot < 0
            ? BigDecimal.ZERO
            : ref.slots
                .get(slot)
                .price()
                .multiply(ScenarioGenerator.RESERVED_PRICE_FACTOR)
                .setScale(2, RoundingMode.HALF_EVEN);

    double[] committed = new double[ScenarioGenerator.years(spec)];
    for (int s = 0; s < ref.slots.size(); s++) {
      Slot sl = ref.slots.get(s);
      double price = sl.price().doubleValue();
      for (int t = 0; t < spec.months(); t++) {
        int y = t / 12;
        double hours = ref.gpuHours[s][t];
        double cost;
        if (s == slot && t < reservedMonths) {
          double reservedHours = reservedGpus * ReferencePlacement.hours(ref.month(t));
          cost =
              reservedHours * reservedPrice.doubleValue()
                  + Math.max(0, hours - reservedHours) * price;
        } else if (sl.provider().equals(ScenarioGenerator.COMMITTED)) {
          cost = hours * price * (1 - ScenarioGenerator.COMMITTED_DISCOUNT.doubleValue());
          committed[y] += cost;
        } else if (sl.provider().equals(ScenarioGenerator.RATE_CARD)) {
          cost = hours * price * (1 - ScenarioGenerator.RATE_CARD_DISCOUNT.doubleValue());
        } else {
          cost = hours * price;
        }
        spend.get(sl.provider())[y] += cost;
      }
    }
    // storage: the provider holding most dataset TB stores them all
    var tbByProvider = new java.util.TreeMap<String, BigDecimal>();
    for (Draws.Run run : runs) {
      tbByProvider.merge(
          run.datasetHome().substring(0, run.datasetHome().indexOf('/')),
          run.datasetTb(),
          BigDecimal::add);
    }
    String storageProvider =
        tbByProvider.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse("gcp");
    BigDecimal storageTb = tbByProvider.getOrDefault(storageProvider, BigDecimal.ZERO);
    BigDecimal storagePrice =
        ScenarioGenerator.EGRESS_AND_STORAGE
            .get(storageProvider)[1]
            .multiply(new BigDecimal("0.8"))
            .setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal committedTb =
        storageTb.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.DOWN);
    for (int t = 0; t < spec.months(); t++) {
      spend.get(storageProvider)[t / 12] += storageTb.multiply(storagePrice).doubleValue();
    }

    var minimums =
        ScenarioGenerator.range(committed.length).stream()
            .map(
                y ->
                    BigDecimal.valueOf(Math.floor(committed[y] / 2 / 1000) * 1000)
                        .setScale(0, RoundingMode.DOWN))
            .toList();
    double share = 0;
    for (int y = 0; y < committed.length; y++) {
      double total = 0;
      for (double[] s : spend.values()) total += s[y];
      for (double[] s : spend.values()) if (total > 0) share = Math.max(share, s[y] / total);
    }
    double cap = Math.min(1.0, Math.max(0.35, Math.ceil((share + 0.05) * 20 - 1e-9) / 20));
    return new Contracts(
        minimums,
        slot,
        reservedGpus,
        reservedMonths,
        reservedPrice,
        storageProvider,
        storageTb,
        committedTb,
        storagePrice,
        BigDecimal.valueOf(cap).setScale(2, RoundingMode.HALF_EVEN));
  }
}

package io.nuage.scenario.generate;

import java.math.BigDecimal;

/**
 * A kept offering: one (region, accelerator) the generated scenario can place work in, with its
 * cheapest on-demand list price and where that price comes from.
 */
record Slot(
    String provider,
    String region,
    String geography,
    String accelerator,
    String family,
    int memoryGib,
    BigDecimal throughput,
    BigDecimal price,
    String instanceType,
    String source) {

  String key() {
    return region + " " + accelerator;
  }
}

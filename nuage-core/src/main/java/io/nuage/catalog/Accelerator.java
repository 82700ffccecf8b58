package io.nuage.catalog;

import io.nuage.core.Checks;
import java.math.BigDecimal;

/**
 * A GPU model, normalised.
 *
 * @param name the normalised name ({@code H100}, {@code H100-SXM}, {@code A100-80GB}, ...)
 * @param family the family ({@code H100}, {@code A100}, {@code B200}, ...): workloads may ask for a
 *     whole family
 * @param memoryGib memory per GPU in GiB, 0 when unknown
 * @param throughput training/inference speed relative to the reference H100 = 1.0; a workload
 *     needing H reference hours needs H / throughput hours on this accelerator
 */
public record Accelerator(String name, String family, int memoryGib, BigDecimal throughput) {
  public Accelerator {
    Checks.id(name, "accelerator.name");
    Checks.id(family, "accelerator.family");
    if (memoryGib < 0) {
      throw new IllegalArgumentException(
          "accelerator.memoryGib cannot be negative (got " + memoryGib + ")");
    }
    Checks.positive(throughput, "accelerator.throughput");
  }

  /** The part of the name after the family, e.g. {@code SXM} for {@code H100-SXM}; may be empty. */
  public String variant() {
    return name.length() > family.length() && name.startsWith(family)
        ? name.substring(family.length()).replaceFirst("^-", "")
        : "";
  }
}

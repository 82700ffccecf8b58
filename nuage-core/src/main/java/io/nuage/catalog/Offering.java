package io.nuage.catalog;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Provider x region x accelerator x pricing, with a list price per GPU-hour.
 *
 * @param region the region id ({@code provider/name})
 * @param accelerator the normalised accelerator name
 * @param pricePerGpuHour exact USD per GPU-hour
 * @param instanceType the instance or shape it was priced from, empty when inline
 * @param source where the price came from ({@code file:line}, or a note), for provenance
 */
public record Offering(
    String provider,
    String region,
    String accelerator,
    PricingKind pricing,
    BigDecimal pricePerGpuHour,
    String instanceType,
    String source) {
  public Offering {
    Checks.id(provider, "offering.provider");
    Checks.id(region, "offering.region");
    Checks.id(accelerator, "offering.accelerator");
    Objects.requireNonNull(pricing, "offering.pricing");
    Checks.nonNegative(pricePerGpuHour, "offering.pricePerGpuHour");
    Objects.requireNonNull(instanceType, "offering.instanceType");
    Objects.requireNonNull(source, "offering.source");
  }
}

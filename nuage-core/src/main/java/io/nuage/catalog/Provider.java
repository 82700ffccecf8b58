package io.nuage.catalog;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A cloud or GPU supplier.
 *
 * @param id short lowercase id used everywhere ({@code oci}, {@code azure}, {@code gcp}, ...)
 * @param name display name
 * @param billingNames names the provider uses for itself in billing exports (FOCUS ProviderName /
 *     PublisherName, e.g. {@code Oracle}, {@code Microsoft}), matched case-insensitively
 * @param egressPerTb price of moving one TB out of this provider's regions (exact USD)
 */
public record Provider(String id, String name, Set<String> billingNames, BigDecimal egressPerTb) {
  public Provider {
    Checks.id(id, "provider.id");
    Checks.id(name, "provider.name");
    billingNames = Set.copyOf(billingNames);
    Checks.nonNegative(egressPerTb, "provider.egressPerTb");
  }

  public static Provider of(String id) {
    return new Provider(id, id, Set.of(), BigDecimal.ZERO);
  }
}

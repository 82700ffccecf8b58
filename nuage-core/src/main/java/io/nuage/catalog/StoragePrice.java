package io.nuage.catalog;

import io.nuage.core.Checks;
import java.math.BigDecimal;

/** A provider's list price for storing one TB for one month (exact USD). */
public record StoragePrice(String provider, BigDecimal pricePerTbMonth) {
  public StoragePrice {
    Checks.id(provider, "storagePrice.provider");
    Checks.nonNegative(pricePerTbMonth, "storagePrice.pricePerTbMonth");
  }
}

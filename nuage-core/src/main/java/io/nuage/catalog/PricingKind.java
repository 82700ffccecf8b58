package io.nuage.catalog;

import java.util.Locale;

/** How an offering is priced. */
public enum PricingKind {
  ON_DEMAND,
  SPOT,
  /** AWS's 1-year no-upfront reserved rate, quoted per hour. */
  RESERVED_1Y;

  /** The lowercase, dashed form used in files and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static PricingKind fromLabel(String label) {
    for (PricingKind kind : values()) {
      if (kind.label().equals(label)) return kind;
    }
    throw new IllegalArgumentException(
        "unknown pricing kind (got " + label + ", expected on-demand, spot or reserved-1y)");
  }
}

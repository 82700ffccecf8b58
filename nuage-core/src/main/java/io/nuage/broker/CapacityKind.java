package io.nuage.broker;

import java.util.Locale;
import java.util.Optional;

/** How a plan's GPUs are paid, as its {@code pricing} field says: one Kueue flavor per kind. */
public enum CapacityKind {
  /** drawn from a reservation: the fee is sunk */
  RESERVED("reserved"),
  /** on-demand at a provider whose committed-spend contract is active: consumes it */
  COMMITTED("committed"),
  /** list less any rate-card discount */
  ON_DEMAND("on-demand");

  private final String label;

  CapacityKind(String label) {
    this.label = label;
  }

  /** The plan JSON's word for it, also the suffix of a flavor name. */
  public String label() {
    return label;
  }

  public static Optional<CapacityKind> of(String label) {
    for (CapacityKind k : values())
      if (k.label.equals(label.toLowerCase(Locale.ROOT))) return Optional.of(k);
    return Optional.empty();
  }
}

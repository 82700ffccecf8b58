package io.nuage.ledger.generate;

import io.nuage.ledger.FocusVersion;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * How to bill a plan: through which month, in which FOCUS version, with which charge periods, seed
 * (ids only) and drifts.
 */
public record BillingOptions(
    YearMonth until, FocusVersion version, ChargePeriod period, long seed, List<Drift> drifts) {
  public BillingOptions {
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(period, "period");
    drifts = List.copyOf(drifts);
  }
}

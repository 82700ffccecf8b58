package io.nuage.ledger.generate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A documented way for bills to depart from their plan (docs/billing-from-plan.md, "Drift"): at one
 * provider or all ({@code provider} null), from a month on, by a percentage.
 */
public sealed interface Drift {
  /** The provider id it applies to, or null for every provider. */
  @Nullable String provider();

  /** Signed percentage, at most two decimal places. */
  BigDecimal percent();

  /** The first month it applies to. */
  YearMonth from();

  /** The {@code --drift} value as given, for messages. */
  String spec();

  default boolean applies(String providerId, YearMonth month) {
    String p = provider();
    return (p == null || p.equals(providerId)) && !month.isBefore(from());
  }

  /** {@code 1 + percent / 100}, exact. */
  default BigDecimal factor() {
    return BigDecimal.ONE.add(percent().movePointLeft(2));
  }

  /** GPU-hours of usage scaled. */
  record Demand(@Nullable String provider, BigDecimal percent, YearMonth from, String spec)
      implements Drift {
    public Demand {
      check(percent, from, spec);
    }
  }

  /** List prices of GPU usage scaled; contracted rates follow. */
  record Price(@Nullable String provider, BigDecimal percent, YearMonth from, String spec)
      implements Drift {
    public Price {
      check(percent, from, spec);
    }
  }

  /** Billed above the contracted rate: list and contracted costs stay, billed cost is scaled. */
  record Overbill(@Nullable String provider, BigDecimal percent, YearMonth from, String spec)
      implements Drift {
    public Overbill {
      check(percent, from, spec);
      if (percent.signum() <= 0) throw new IllegalArgumentException(spec + ": must be above 0%");
    }
  }

  private static void check(BigDecimal percent, YearMonth from, String spec) {
    Objects.requireNonNull(percent, "percent");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(spec, "spec");
    if (percent.compareTo(BigDecimal.valueOf(-100)) <= 0)
      throw new IllegalArgumentException(spec + ": must be above -100%");
  }
}

package io.nuage.broker;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One place a training run could run: a region and accelerator from a start month, with what it
 * would add to the plan at the plan's shadow prices ({@code marginalCost}, docs/broker.md) and what
 * it costs on its own at its effective rates ({@code standAloneCost}, egress included).
 *
 * @param wallHours hours the gang runs in each month from {@code start}
 * @param drawsDown the contract its usage draws down (a reservation or a committed-spend deal),
 *     null when it is plain on-demand
 * @param why in words: how it is paid and which shadow prices moved its cost
 * @param planned whether this is the plan's own placement
 */
public record Candidate(
    String region,
    String provider,
    String accelerator,
    YearMonth start,
    List<BigDecimal> wallHours,
    BigDecimal marginalCost,
    BigDecimal standAloneCost,
    @Nullable String drawsDown,
    String why,
    boolean planned) {
  public Candidate {
    Objects.requireNonNull(region, "region");
    wallHours = List.copyOf(wallHours);
    if (wallHours.isEmpty()) throw new IllegalArgumentException("a candidate runs some months");
  }

  public YearMonth end() {
    return start.plusMonths(wallHours.size() - 1L);
  }

  /** {@code provider/region-name}, as SkyPilot's {@code infra} wants it. */
  public String infra() {
    return region;
  }
}

package io.nuage.ledger;

import io.nuage.ledger.matching.MatchedAmount;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One contract's draw-down, year by year, with totals over its term, and how much of it each
 * matching rule drew (docs/ledger-drawdown.md, sections 1 and 3).
 *
 * @param kind {@code committed-spend}, {@code reserved-capacity}, {@code storage-commitment} or
 *     {@code rate-card} (matched only: no years)
 * @param unit what its figures are in: the scenario's currency, or {@code GPU-hours} for a
 *     reservation
 * @param pricePerUnit a reservation's price per GPU-hour (its money figures are hours times it);
 *     null for the others
 * @param matched what each rule drew, in {@code unit}, strongest rule first
 */
public record ContractDrawDown(
    String contract,
    String kind,
    String provider,
    List<DrawDownLine> years,
    String unit,
    @Nullable BigDecimal pricePerUnit,
    List<MatchedAmount> matched) {
  /** What {@code unit} is for a reservation. */
  public static final String GPU_HOURS = "GPU-hours";

  public ContractDrawDown {
    years = List.copyOf(years);
    Objects.requireNonNull(unit, "unit");
    matched = List.copyOf(matched);
  }

  /** A contract in US dollars without a record of how it was matched. */
  public ContractDrawDown(String contract, String kind, String provider, List<DrawDownLine> years) {
    this(contract, kind, provider, years, "USD", null, List.of());
  }

  public BigDecimal committed() {
    return sum(DrawDownLine::committed);
  }

  /** What was matched over the term: the years' consumption, or a rate card's matched spend. */
  public BigDecimal consumed() {
    if (years.isEmpty())
      return matched.stream().map(MatchedAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum(DrawDownLine::consumed);
  }

  /** The take-or-pay true-ups billed over the term: shortfalls paid, not consumption. */
  public BigDecimal trueUp() {
    return sum(DrawDownLine::trueUp);
  }

  public BigDecimal remaining() {
    return sum(DrawDownLine::remaining);
  }

  /**
   * Consumption projected at the end of the term: the sum of each year's projection; null when a
   * year has none (a year not started, without a plan) or the contract has no years.
   */
  public @Nullable BigDecimal projectedAtTermEnd() {
    if (years.isEmpty() || years.stream().anyMatch(y -> y.projected() == null)) return null;
    return sum(DrawDownLine::projected);
  }

  /** The shortfall of the years that have one (closed or in progress). */
  public BigDecimal projectedShortfall() {
    return years.stream()
        .map(DrawDownLine::projectedShortfall)
        .filter(Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Whether the contract's figures are GPU-hours (a reservation). */
  public boolean inGpuHours() {
    return GPU_HOURS.equals(unit);
  }

  private BigDecimal sum(Function<DrawDownLine, BigDecimal> figure) {
    return years.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * What a shortfall of this contract means (docs/ledger-drawdown.md, section 3): {@code true-up}
   * for committed spend (billed when the year ends), {@code unused} for a reservation or a storage
   * commitment (its fee is paid whatever is used: the shortfall was paid for and not used, nothing
   * more is owed), {@code none} for a rate card (it commits to nothing).
   */
  public String shortfallKind() {
    return switch (kind) {
      case "committed-spend" -> "true-up";
      case "reserved-capacity", "storage-commitment" -> "unused";
      default -> "none";
    };
  }
}

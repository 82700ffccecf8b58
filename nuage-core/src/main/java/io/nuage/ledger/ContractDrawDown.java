package io.nuage.ledger;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * One contract's draw-down, year by year, with totals over its term.
 *
 * @param kind {@code committed-spend}, {@code reserved-capacity} or {@code storage-commitment}
 */
public record ContractDrawDown(
    String contract, String kind, String provider, List<DrawDownLine> years) {
  public ContractDrawDown {
    years = List.copyOf(years);
  }

  public BigDecimal committed() {
    return sum(DrawDownLine::committed);
  }

  public BigDecimal consumed() {
    return sum(DrawDownLine::consumed);
  }

  public BigDecimal remaining() {
    return sum(DrawDownLine::remaining);
  }

  /** Consumption projected at the end of the term: the sum of each year's projection. */
  public BigDecimal projectedAtTermEnd() {
    return sum(DrawDownLine::projected);
  }

  public BigDecimal projectedShortfall() {
    return sum(DrawDownLine::projectedShortfall);
  }

  private BigDecimal sum(Function<DrawDownLine, BigDecimal> figure) {
    return years.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

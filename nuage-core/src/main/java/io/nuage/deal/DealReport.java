package io.nuage.deal;

import io.nuage.risk.Estimate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A deal evaluated at several sizes and not signed, over the same futures (docs/deals.md sections
 * 2-4; docs/deal-json.md). Money is in the scenario's currency, to the cent; probabilities have 6
 * decimals; every estimate carries its standard error (0 when the futures were enumerated).
 *
 * @param sizes the deal at each scale asked, in the order asked
 * @param notSigned the scenario without the deal
 * @param best the label of the answer of least expected cost (a size, or {@code not signed})
 * @param writtenAboveBest how far the written size (x1) is above the best size, in percent of the
 *     best size (negative: below it); null when x1 was not evaluated or not signing is best
 * @param breakEven the demand at which the written deal pays for itself; null when not asked
 * @param notes what a reader must know to read the figures (sizing a deal without tiers changes
 *     only its shortfall risk, and so on)
 */
public record DealReport(
    String scenario,
    String currency,
    String contract,
    String provider,
    boolean takeOrPay,
    boolean tiered,
    String recourse,
    long seed,
    long futures,
    boolean exact,
    List<Size> sizes,
    Size notSigned,
    String best,
    @Nullable BigDecimal writtenAboveBest,
    @Nullable BreakEven breakEven,
    List<String> notes,
    BigDecimal unmetPenaltyPerGpuHour) {
  public DealReport {
    sizes = List.copyOf(sizes);
    Objects.requireNonNull(notSigned, "notSigned");
    notes = List.copyOf(notes);
  }

  /**
   * One answer over the futures.
   *
   * @param scale the minimums' multiplier; null when not signed
   * @param commitment the total of the minimums (0 when not signed)
   * @param minimums the yearly minimums, in contract-year order (empty when not signed)
   * @param discount the discount the size earns; null when not signed
   * @param asWritten the cost of the scenario as written with this answer
   * @param shortfallProbability P(any shortfall of the deal's years); null when not signed
   * @param expectedShortfall the mean of the deal's shortfalls summed over its years; null when not
   *     signed
   * @param saving the mean saving against not signing (the paired difference); null when not signed
   * @param costsMoreProbability P(this size costs more than not signing, in the same future); null
   *     when not signed
   */
  public record Size(
      String label,
      @Nullable BigDecimal scale,
      BigDecimal commitment,
      List<BigDecimal> minimums,
      @Nullable BigDecimal discount,
      BigDecimal asWritten,
      Estimate meanCost,
      Estimate cvar95,
      @Nullable Estimate shortfallProbability,
      @Nullable Estimate expectedShortfall,
      @Nullable Estimate saving,
      @Nullable Estimate costsMoreProbability) {
    public Size {
      minimums = List.copyOf(minimums);
    }
  }
}

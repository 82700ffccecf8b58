package io.nuage.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The FOCUS commitment balance rule for one {@code CommitmentDiscountId}: the usage rows' effective
 * cost, split into Used and Unused, equals what the purchase billed for the same time span
 * (docs/ledger-drawdown.md, section 6).
 *
 * @param purchased {@code Σ BilledCost} of the purchase rows
 * @param amortisedPurchase the part of {@code purchased} that falls in the usage rows' time span
 * @param utilisation {@code used / (used + unused)}, 4 decimals; null without usage
 * @param currency the billing currency of the commitment's rows: its figures are in it (checked per
 *     currency, never converted)
 */
public record CommitmentBalance(
    String commitmentDiscountId,
    String provider,
    BigDecimal purchased,
    BigDecimal amortisedPurchase,
    BigDecimal used,
    BigDecimal unused,
    @Nullable BigDecimal utilisation,
    Verdict verdict,
    String currency) {

  /** A balance in US dollars. */
  public CommitmentBalance(
      String commitmentDiscountId,
      String provider,
      BigDecimal purchased,
      BigDecimal amortisedPurchase,
      BigDecimal used,
      BigDecimal unused,
      @Nullable BigDecimal utilisation,
      Verdict verdict) {
    this(
        commitmentDiscountId,
        provider,
        purchased,
        amortisedPurchase,
        used,
        unused,
        utilisation,
        verdict,
        "USD");
  }

  /** The outcome of the check. */
  public enum Verdict {
    /** used + unused equals the amortised purchase, to the cent */
    BALANCED,
    /** they differ */
    UNBALANCED,
    /** usage rows but no purchase row in the ledger: nothing to compare with */
    NO_PURCHASE,
    /** a purchase but no usage rows yet */
    NO_USAGE
  }

  /**
   * One balance per commitment discount id and billing currency found in the charges, ordered by id
   * and currency (a commitment's figures are never summed across currencies).
   */
  public static List<CommitmentBalance> of(List<ChargeSum> charges, BillingProviders names) {
    Map<List<String>, List<ChargeSum>> byId =
        new TreeMap<>(
            java.util.Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
    for (ChargeSum c : charges) {
      if (c.commitmentDiscountId() != null) {
        byId.computeIfAbsent(
                List.of(c.commitmentDiscountId(), c.currency()), k -> new ArrayList<>())
            .add(c);
      }
    }
    List<CommitmentBalance> balances = new ArrayList<>();
    byId.forEach((id, rows) -> balances.add(check(id.get(0), rows, names)));
    return balances;
  }

  static CommitmentBalance check(String id, List<ChargeSum> rows, BillingProviders names) {
    BigDecimal purchased = BigDecimal.ZERO;
    BigDecimal used = BigDecimal.ZERO;
    BigDecimal unused = BigDecimal.ZERO;
    LocalDateTime usageStart = null;
    LocalDateTime usageEnd = null;
    List<ChargeSum> purchases = new ArrayList<>();
    for (ChargeSum c : rows) {
      if (c.isPurchase()) {
        purchased = purchased.add(c.billed());
        purchases.add(c);
      } else if (c.isUsage() && (c.hasStatus("Used") || c.hasStatus("Unused"))) {
        if (c.hasStatus("Used")) used = used.add(c.effective());
        else unused = unused.add(c.effective());
        usageStart =
            usageStart == null || c.firstStart().isBefore(usageStart) ? c.firstStart() : usageStart;
        usageEnd = usageEnd == null || c.lastEnd().isAfter(usageEnd) ? c.lastEnd() : usageEnd;
      }
    }
    BigDecimal amortised = BigDecimal.ZERO;
    if (usageStart != null) {
      for (ChargeSum p : purchases) amortised = amortised.add(amortise(p, usageStart, usageEnd));
    }
    BigDecimal drawn = used.add(unused);
    BigDecimal utilisation =
        usageStart == null || drawn.signum() == 0
            ? null
            : used.divide(drawn, 4, RoundingMode.HALF_EVEN);
    Verdict verdict;
    if (usageStart == null) verdict = Verdict.NO_USAGE;
    else if (purchases.isEmpty()) verdict = Verdict.NO_PURCHASE;
    else verdict = cents(drawn).equals(cents(amortised)) ? Verdict.BALANCED : Verdict.UNBALANCED;
    String provider = names.resolve(rows.get(0).providerName());
    return new CommitmentBalance(
        id,
        provider,
        purchased,
        amortised,
        used,
        unused,
        utilisation,
        verdict,
        rows.get(0).currency());
  }

  /** The purchase's billed cost spread evenly over its charge span, cut to the usage span. */
  static BigDecimal amortise(ChargeSum purchase, LocalDateTime from, LocalDateTime to) {
    long span = Duration.between(purchase.firstStart(), purchase.lastEnd()).toSeconds();
    LocalDateTime a = purchase.firstStart().isAfter(from) ? purchase.firstStart() : from;
    LocalDateTime b = purchase.lastEnd().isBefore(to) ? purchase.lastEnd() : to;
    long overlap = Math.max(0, Duration.between(a, b).toSeconds());
    if (span <= 0 || overlap >= span) return purchase.billed();
    return purchase
        .billed()
        .multiply(BigDecimal.valueOf(overlap))
        .divide(BigDecimal.valueOf(span), 10, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }
}

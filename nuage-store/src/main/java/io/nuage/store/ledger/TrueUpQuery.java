package io.nuage.store.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.ledger.AppliedSum;
import io.nuage.ledger.ChargeSum;
import io.nuage.ledger.ContractApplication;
import io.nuage.ledger.TrueUpCharges;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the take-or-pay true-ups (docs/ledger-drawdown.md, section 1, "Take-or-pay true-ups"): the
 * {@code Usage} rows tagged {@code "nuage-kind": "true-up"}, or whose {@code ResourceId} is the
 * {@code ContractCommitmentId} of one of their own {@code ContractApplied} elements. Each row is
 * returned as a sum of one row, with the columns the matching rules read, as {@link DailyAggregate}
 * sums them, so that the draw-down can match them by the same rules. They are few (one per contract
 * year at most, in bills that follow the FOCUS reading), so they are read row by row; the SQL keeps
 * only candidates (a text search of {@code Tags}, a join on the known commitment ids) and Java
 * decides.
 */
final class TrueUpQuery {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SQL =
      """
      SELECT ProviderName, ChargePeriodStart, ChargeCategory, CommitmentDiscountId,
             CommitmentDiscountStatus, coalesce(BilledCost, 0), coalesce(EffectiveCost, 0),
             CASE WHEN lower(ConsumedUnit) IN ('gpu-hours', 'gpu hours', 'gpu-hour', 'gpu hour')
                  THEN coalesce(ConsumedQuantity, 0) ELSE 0 END,
             ChargePeriodEnd, BillingAccountId, BillingCurrency, RegionId, ServiceCategory, %s,
             ContractApplied, ConsumedUnit, PricingCategory, ResourceId, Tags,
             date_trunc('month', ChargePeriodStart)::DATE
      FROM billing_rows
      WHERE ChargePeriodStart < ? AND ChargeCategory = 'Usage'
        AND (Tags LIKE '%%true-up%%'
             OR (ContractApplied IS NOT NULL
                 AND ResourceId IN (SELECT ContractCommitmentId FROM contract_applied_daily)))
      ORDER BY ChargePeriodStart, ProviderName, ResourceId
      """
          .formatted(DailyAggregate.ACCELERATOR);

  private TrueUpQuery() {}

  static TrueUpCharges before(Connection c, LocalDate before) throws SQLException {
    List<ChargeSum> charges = new ArrayList<>();
    List<AppliedSum> applied = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(SQL)) {
      s.setObject(1, before.atStartOfDay());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String text = r.getString(15);
          List<ContractApplication> elements = elements(text);
          if (!isTrueUp(r.getString(19), r.getString(18), elements)) continue;
          String provider = String.valueOf(r.getString(1));
          LocalDate month = r.getDate(20).toLocalDate();
          String currency = String.valueOf(r.getString(11));
          TreeSet<String> pairs = new TreeSet<>();
          List<ChargeSum.AppliedId> ids = new ArrayList<>();
          for (ContractApplication a : elements) {
            var id = new ChargeSum.AppliedId(a.contractId(), a.commitmentId());
            if (pairs.add(a.contractId() + "\u001f" + a.commitmentId())) ids.add(id);
            applied.add(
                new AppliedSum(
                    provider,
                    month,
                    currency,
                    id,
                    a.appliedUnit(),
                    orZero(a.appliedCost()),
                    orZero(a.appliedQuantity())));
          }
          charges.add(
              new ChargeSum(
                  provider,
                  month,
                  String.valueOf(r.getString(3)),
                  r.getString(4),
                  r.getString(5),
                  r.getBigDecimal(6),
                  r.getBigDecimal(7),
                  r.getBigDecimal(8),
                  1,
                  r.getTimestamp(2).toLocalDateTime(),
                  r.getTimestamp(9).toLocalDateTime(),
                  r.getString(10),
                  currency,
                  r.getString(12),
                  r.getString(13),
                  r.getString(14),
                  ids,
                  r.getString(16),
                  r.getString(17)));
        }
      }
    }
    return new TrueUpCharges(charges, applied);
  }

  /** The generator's marker, or the FOCUS reading: the row's resource is its own commitment. */
  static boolean isTrueUp(
      @Nullable String tags, @Nullable String resourceId, List<ContractApplication> elements) {
    if (resourceId != null && elements.stream().anyMatch(a -> a.commitmentId().equals(resourceId)))
      return true;
    if (tags == null || !tags.contains("true-up")) return false;
    try {
      JsonNode kind = JSON.readTree(tags).path("nuage-kind");
      return kind.isTextual() && kind.asText().equals("true-up");
    } catch (java.io.IOException notJson) {
      return false; // Tags the issuer wrote as something else: no marker
    }
  }

  /** The row's elements; none when it has no valid ContractApplied (the ingest refuses those). */
  private static List<ContractApplication> elements(@Nullable String text) {
    if (text == null || text.isBlank()) return List.of();
    try {
      return ContractAppliedJson.parse(text);
    } catch (IllegalArgumentException invalid) {
      return List.of();
    }
  }

  private static BigDecimal orZero(@Nullable BigDecimal amount) {
    return amount == null ? BigDecimal.ZERO : amount;
  }
}

package io.nuage.ledger;

import static io.nuage.ledger.FeatureLevel.CONDITIONAL;
import static io.nuage.ledger.FeatureLevel.MANDATORY;
import static io.nuage.ledger.FeatureLevel.RECOMMENDED;
import static io.nuage.ledger.FocusType.DATETIME;
import static io.nuage.ledger.FocusType.DECIMAL;
import static io.nuage.ledger.FocusType.JSON;
import static io.nuage.ledger.FocusType.STRING;
import static io.nuage.ledger.FocusVersion.V1_0;
import static io.nuage.ledger.FocusVersion.V1_1;
import static io.nuage.ledger.FocusVersion.V1_2;
import static io.nuage.ledger.FocusVersion.V1_3;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The 57 columns of FOCUS 1.2 (a superset of 1.0 and 1.1), in the order of COLUMNS.md, then the
 * three Cost and Usage columns of FOCUS 1.3 the ledger keeps ({@code ContractApplied}, {@code
 * HostProviderName}, {@code ServiceProviderName}), with the spec's allowed values. The order is
 * part of the ledger's row identity: never reorder, only append.
 */
public final class FocusColumns {
  private FocusColumns() {}

  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          "ChargeCategory", List.of("Adjustment", "Credit", "Purchase", "Tax", "Usage"),
          "ChargeClass", List.of("Correction"),
          "ChargeFrequency", List.of("One-Time", "Recurring", "Usage-Based"),
          "CommitmentDiscountCategory", List.of("Spend", "Usage"),
          "CommitmentDiscountStatus", List.of("Used", "Unused"),
          "CapacityReservationStatus", List.of("Used", "Unused"),
          "PricingCategory", List.of("Standard", "Dynamic", "Committed", "Other"),
          "ServiceCategory",
              List.of(
                  "AI and Machine Learning",
                  "Analytics",
                  "Business Applications",
                  "Compute",
                  "Databases",
                  "Developer Tools",
                  "Multicloud",
                  "Identity",
                  "Integration",
                  "Internet of Things",
                  "Management and Governance",
                  "Media",
                  "Migration",
                  "Mobile",
                  "Networking",
                  "Security",
                  "Storage",
                  "Web",
                  "Other"));

  /**
   * Non-nullable columns whose nulls the ingest tolerates (and counts), because real exports leave
   * them empty: Oracle's rows in the FinOps sample have no ContractedCost.
   */
  public static final Set<String> TOLERATED_NULLS = Set.of("ContractedCost");

  /**
   * Columns left out of a row's identity (docs/ledger.md): display names of things that have an ID
   * column, free text, and user metadata. They can change between two exports of the same charge
   * (an account renamed, a resource re-tagged) without making it another charge.
   */
  public static final Set<String> NOT_IN_IDENTITY =
      Set.of(
          "BillingAccountName",
          "SubAccountName",
          "RegionName",
          "ResourceName",
          "CommitmentDiscountName",
          "ChargeDescription",
          "Tags",
          "SkuPriceDetails");

  private static final List<FocusColumn> ALL =
      List.of(
          col("AvailabilityZone", STRING, RECOMMENDED, true, V1_0),
          col("BilledCost", DECIMAL, MANDATORY, false, V1_0),
          col("BillingAccountId", STRING, MANDATORY, false, V1_0),
          col("BillingAccountName", STRING, MANDATORY, true, V1_0),
          col("BillingAccountType", STRING, CONDITIONAL, false, V1_2),
          col("BillingCurrency", STRING, MANDATORY, false, V1_0),
          col("BillingPeriodEnd", DATETIME, MANDATORY, false, V1_0),
          col("BillingPeriodStart", DATETIME, MANDATORY, false, V1_0),
          col("CapacityReservationId", STRING, CONDITIONAL, true, V1_1),
          col("CapacityReservationStatus", STRING, CONDITIONAL, true, V1_1),
          col("ChargeCategory", STRING, MANDATORY, false, V1_0),
          col("ChargeClass", STRING, MANDATORY, true, V1_0),
          col("ChargeDescription", STRING, MANDATORY, true, V1_0),
          col("ChargeFrequency", STRING, RECOMMENDED, false, V1_0),
          col("ChargePeriodEnd", DATETIME, MANDATORY, false, V1_0),
          col("ChargePeriodStart", DATETIME, MANDATORY, false, V1_0),
          col("CommitmentDiscountCategory", STRING, CONDITIONAL, true, V1_0),
          col("CommitmentDiscountId", STRING, CONDITIONAL, true, V1_0),
          col("CommitmentDiscountName", STRING, CONDITIONAL, true, V1_0),
          col("CommitmentDiscountQuantity", DECIMAL, CONDITIONAL, true, V1_1),
          col("CommitmentDiscountStatus", STRING, CONDITIONAL, true, V1_0),
          col("CommitmentDiscountType", STRING, CONDITIONAL, true, V1_0),
          col("CommitmentDiscountUnit", STRING, CONDITIONAL, true, V1_1),
          col("ConsumedQuantity", DECIMAL, CONDITIONAL, true, V1_0),
          col("ConsumedUnit", STRING, CONDITIONAL, true, V1_0),
          col("ContractedCost", DECIMAL, MANDATORY, false, V1_0),
          col("ContractedUnitPrice", DECIMAL, CONDITIONAL, true, V1_0),
          col("EffectiveCost", DECIMAL, MANDATORY, false, V1_0),
          col("InvoiceId", STRING, RECOMMENDED, true, V1_2),
          col("InvoiceIssuerName", STRING, MANDATORY, false, V1_0),
          col("ListCost", DECIMAL, MANDATORY, false, V1_0),
          col("ListUnitPrice", DECIMAL, CONDITIONAL, true, V1_0),
          col("PricingCategory", STRING, CONDITIONAL, true, V1_0),
          col("PricingCurrency", STRING, CONDITIONAL, true, V1_2),
          col("PricingCurrencyContractedUnitPrice", DECIMAL, CONDITIONAL, true, V1_2),
          col("PricingCurrencyEffectiveCost", DECIMAL, CONDITIONAL, true, V1_2),
          col("PricingCurrencyListUnitPrice", DECIMAL, CONDITIONAL, true, V1_2),
          col("PricingQuantity", DECIMAL, MANDATORY, true, V1_0),
          col("PricingUnit", STRING, MANDATORY, true, V1_0),
          col("ProviderName", STRING, MANDATORY, false, V1_0),
          col("PublisherName", STRING, MANDATORY, false, V1_0),
          col("RegionId", STRING, CONDITIONAL, true, V1_0),
          col("RegionName", STRING, CONDITIONAL, true, V1_0),
          col("ResourceId", STRING, CONDITIONAL, true, V1_0),
          col("ResourceName", STRING, CONDITIONAL, true, V1_0),
          col("ResourceType", STRING, CONDITIONAL, true, V1_0),
          col("ServiceCategory", STRING, MANDATORY, false, V1_0),
          col("ServiceName", STRING, MANDATORY, false, V1_0),
          col("ServiceSubcategory", STRING, RECOMMENDED, false, V1_1),
          col("SkuId", STRING, CONDITIONAL, true, V1_0),
          col("SkuMeter", STRING, CONDITIONAL, true, V1_1),
          col("SkuPriceDetails", JSON, CONDITIONAL, true, V1_1),
          col("SkuPriceId", STRING, CONDITIONAL, true, V1_0),
          col("SubAccountId", STRING, CONDITIONAL, true, V1_0),
          col("SubAccountName", STRING, CONDITIONAL, true, V1_0),
          col("SubAccountType", STRING, CONDITIONAL, true, V1_2),
          col("Tags", JSON, CONDITIONAL, true, V1_0),
          // FOCUS 1.3 (shared/data/focus/focus-1.3/COLUMNS-1.3.md): mandatory in a 1.3 file only
          col("ContractApplied", JSON, CONDITIONAL, true, V1_3),
          col("HostProviderName", STRING, MANDATORY, true, V1_3),
          col("ServiceProviderName", STRING, MANDATORY, false, V1_3));

  /**
   * Columns FOCUS 1.3 deprecates but still requires, with the 1.3 column a file may carry instead:
   * a 1.3 file without them gets their value from it (counted as a normalisation), so the
   * draw-down, which reads {@code ProviderName}, sees the provider of every file.
   */
  public static final Map<String, String> DEPRECATED_IN_1_3 =
      Map.of("ProviderName", "ServiceProviderName", "PublisherName", "ServiceProviderName");

  private static final Map<String, FocusColumn> BY_LOWER_ID = index();

  private static FocusColumn col(
      String id, FocusType type, FeatureLevel level, boolean nullable, FocusVersion since) {
    return new FocusColumn(id, type, level, nullable, since, ALLOWED.getOrDefault(id, List.of()));
  }

  private static Map<String, FocusColumn> index() {
    var map = new LinkedHashMap<String, FocusColumn>();
    for (FocusColumn c : ALL) map.put(c.id().toLowerCase(Locale.ROOT), c);
    return map;
  }

  /** All 60 columns, in identity order. */
  public static List<FocusColumn> all() {
    return ALL;
  }

  /** The column with this ID, matched case-insensitively (exports vary: {@code SkuPriceid}). */
  public static Optional<FocusColumn> find(String name) {
    return Optional.ofNullable(BY_LOWER_ID.get(name.strip().toLowerCase(Locale.ROOT)));
  }

  /**
   * Whether a file of {@code version} must have this column: mandatory, and in the spec since that
   * version (a 1.2 file need not have the 1.3 columns).
   */
  public static boolean requiredIn(FocusColumn column, FocusVersion version) {
    return column.mandatory() && column.since().compareTo(version) <= 0;
  }

  /** Whether the ledger refuses a null in this column (when the column is present). */
  public static boolean refusesNull(FocusColumn column) {
    return !column.nullable() && !TOLERATED_NULLS.contains(column.id());
  }
}

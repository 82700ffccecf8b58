package io.nuage.ledger;

import static io.nuage.ledger.FeatureLevel.MANDATORY;
import static io.nuage.ledger.FocusType.DATETIME;
import static io.nuage.ledger.FocusType.DECIMAL;
import static io.nuage.ledger.FocusType.STRING;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The 13 columns of the FOCUS 1.3 Contract Commitment dataset (COLUMNS-1.3.md, section 1), all
 * mandatory, in the spec's (alphabetical) order: one row per contract commitment.
 */
public final class ContractCommitmentColumns {
  private ContractCommitmentColumns() {}

  private static final List<FocusColumn> ALL =
      List.of(
          col("BillingCurrency", STRING, true, List.of()),
          col("ContractCommitmentCategory", STRING, false, List.of("Spend", "Usage")),
          col("ContractCommitmentCost", DECIMAL, true, List.of()),
          col("ContractCommitmentDescription", STRING, true, List.of()),
          col("ContractCommitmentId", STRING, false, List.of()),
          col("ContractCommitmentPeriodEnd", DATETIME, false, List.of()),
          col("ContractCommitmentPeriodStart", DATETIME, false, List.of()),
          col("ContractCommitmentQuantity", DECIMAL, true, List.of()),
          col("ContractCommitmentType", STRING, false, List.of()),
          col("ContractCommitmentUnit", STRING, true, List.of()),
          col("ContractId", STRING, false, List.of()),
          col("ContractPeriodEnd", DATETIME, false, List.of()),
          col("ContractPeriodStart", DATETIME, false, List.of()));

  /**
   * The column whose presence marks a file as this dataset: a Cost and Usage file names commitments
   * only inside {@code ContractApplied}.
   */
  public static final String MARKER = "ContractCommitmentId";

  private static FocusColumn col(
      String id, FocusType type, boolean nullable, List<String> allowed) {
    return new FocusColumn(id, type, MANDATORY, nullable, FocusVersion.V1_3, allowed);
  }

  /** All 13, in the spec's order. */
  public static List<FocusColumn> all() {
    return ALL;
  }

  /** The column with this ID, matched case-insensitively. */
  public static Optional<FocusColumn> find(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(c -> c.id().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
  }
}

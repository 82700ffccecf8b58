package io.nuage.contract;

import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;

/**
 * A storage commitment: {@code committedTb} TB each month of the term at {@code pricePerTbMonth},
 * paid whether stored or not; storage above it is priced at the provider's list storage price.
 */
public record StorageCommitment(
    String id, String provider, MonthRange term, BigDecimal committedTb, BigDecimal pricePerTbMonth)
    implements Contract {
  public StorageCommitment {
    Checks.id(id, "contract.id");
    Checks.id(provider, "contract.provider");
    Checks.nonNegative(committedTb, "contract.committedTb");
    Checks.nonNegative(pricePerTbMonth, "contract.pricePerTbMonth");
  }

  /** TB-months committed over the whole term. */
  public BigDecimal committedTbMonths() {
    return committedTb.multiply(BigDecimal.valueOf(term.length()));
  }
}

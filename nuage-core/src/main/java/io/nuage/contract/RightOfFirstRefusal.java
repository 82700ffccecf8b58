package io.nuage.contract;

import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;

/**
 * The holder (a historic provider) keeps a right of first refusal on new capacity: capacity bought
 * outside existing contracts may go to another provider only where the holder has none left that
 * month, or the holder's price is dearer by more than {@code matchingMargin} (a fraction). The
 * planner's documentation (docs/planner.md) gives the exact rule.
 */
public record RightOfFirstRefusal(
    String id, String provider, MonthRange term, BigDecimal matchingMargin) implements Contract {
  public RightOfFirstRefusal {
    Checks.id(id, "contract.id");
    Checks.id(provider, "contract.provider");
    Checks.nonNegative(matchingMargin, "contract.matchingMargin");
  }
}

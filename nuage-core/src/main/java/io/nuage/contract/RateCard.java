package io.nuage.contract;

import io.nuage.core.Checks;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;

/** On-demand usage with a provider during the term, at list price less a negotiated discount. */
public record RateCard(String id, String provider, MonthRange term, BigDecimal discount)
    implements Contract {
  public RateCard {
    Checks.id(id, "contract.id");
    Checks.id(provider, "contract.provider");
    Checks.fraction(discount, "contract.discount");
  }
}

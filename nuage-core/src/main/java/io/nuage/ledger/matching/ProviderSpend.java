package io.nuage.ledger.matching;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Usage and purchase charges of one provider that no contract matched, in the scenario's currency
 * (those outside every contract, or those unmatched): listed so that they are never silently
 * counted or dropped.
 *
 * @param provider the scenario provider id, or the normalised billing name when unknown
 */
public record ProviderSpend(String provider, BigDecimal billed, BigDecimal effective, long rows) {
  public ProviderSpend {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(billed, "billed");
    Objects.requireNonNull(effective, "effective");
  }
}

package io.nuage.scenario;

import io.nuage.core.Checks;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The diversification and placement policy.
 *
 * @param maxShare the largest share of a calendar year's spend any one provider may take, in (0,
 *     1]; 1 means no cap
 * @param maxShareByProvider per-provider overrides of {@code maxShare}
 * @param allowedRegions region ids workloads may use; empty means every region
 */
public record Policy(
    BigDecimal maxShare, Map<String, BigDecimal> maxShareByProvider, Set<String> allowedRegions) {
  public Policy {
    Checks.positive(maxShare, "policy.maxShare");
    Checks.fraction(maxShare, "policy.maxShare");
    maxShareByProvider = Map.copyOf(maxShareByProvider);
    maxShareByProvider.values().forEach(s -> Checks.fraction(s, "policy.maxShareByProvider"));
    allowedRegions = Set.copyOf(allowedRegions);
  }

  public static Policy unconstrained() {
    return new Policy(BigDecimal.ONE, Map.of(), Set.of());
  }

  public BigDecimal maxShareOf(String provider) {
    return Optional.ofNullable(maxShareByProvider.get(provider)).orElse(maxShare);
  }

  public boolean allows(String region) {
    return allowedRegions.isEmpty() || allowedRegions.contains(region);
  }
}

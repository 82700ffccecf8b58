package io.nuage.ledger;

import io.nuage.catalog.Provider;
import io.nuage.contract.Contract;
import io.nuage.scenario.Scenario;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the provider names billing exports use (FOCUS {@code ProviderName}: {@code Microsoft},
 * {@code Amazon Web Services}, ...) to scenario provider ids ({@code azure}, {@code aws}, ...). A
 * provider's own {@code billingNames} win over the built-in aliases; an unknown name resolves to
 * itself, normalised, so that its spend is still reported.
 */
public final class BillingProviders {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("amazon web services", "aws"),
          Map.entry("amazon web services, inc.", "aws"),
          Map.entry("amazon", "aws"),
          Map.entry("aws", "aws"),
          Map.entry("microsoft", "azure"),
          Map.entry("microsoft azure", "azure"),
          Map.entry("azure", "azure"),
          Map.entry("google cloud", "gcp"),
          Map.entry("google cloud platform", "gcp"),
          Map.entry("google", "gcp"),
          Map.entry("gcp", "gcp"),
          Map.entry("oracle", "oci"),
          Map.entry("oracle cloud infrastructure", "oci"),
          Map.entry("oci", "oci"));

  private final Map<String, String> byName = new HashMap<>();
  private final Set<String> known = new HashSet<>();

  public BillingProviders(Iterable<Provider> providers) {
    for (Provider p : providers) {
      known.add(p.id());
      for (String name : p.billingNames()) byName.put(normalise(name), p.id());
    }
  }

  /**
   * The scenario's catalog providers plus every provider a contract names; a contract's {@code
   * provider-names} resolve to its provider, before the providers' own billing names.
   */
  public static BillingProviders of(Scenario scenario) {
    var providers = new java.util.ArrayList<>(scenario.catalog().providers());
    for (Contract c : scenario.contracts()) providers.add(Provider.of(c.provider()));
    var names = new BillingProviders(providers);
    for (Contract c : scenario.contracts()) {
      for (String name : scenario.billingOf(c.id()).providerNames())
        names.byName.put(normalise(name), c.provider());
    }
    return names;
  }

  /** The scenario provider id for a billing name, or the normalised name when none matches. */
  public String resolve(String billingName) {
    String name = normalise(billingName);
    String own = byName.get(name);
    if (own != null) return own;
    String alias = ALIASES.get(name);
    return alias != null ? alias : name;
  }

  /** Whether the id is one of the scenario's providers. */
  public boolean isKnown(String providerId) {
    return known.contains(providerId);
  }

  static String normalise(String name) {
    return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}

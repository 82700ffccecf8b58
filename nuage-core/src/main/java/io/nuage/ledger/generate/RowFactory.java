package io.nuage.ledger.generate;

import io.nuage.catalog.Provider;
import io.nuage.ledger.BillingProviders;
import io.nuage.scenario.Scenario;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The columns every row of a provider shares: its names in its own dialect, the lab's billing
 * account with it, the currency, the billing and charge periods, the month's invoice.
 */
final class RowFactory {
  private final Scenario scenario;
  private final BillingNames names;
  private final RowIds ids;
  private final String currency;
  private final BillingProviders resolver;
  private final Map<String, String> providerNames = new HashMap<>();

  RowFactory(Scenario scenario, BillingNames names, RowIds ids, String currency) {
    this.scenario = scenario;
    this.names = names;
    this.ids = ids;
    this.currency = currency;
    this.resolver = BillingProviders.of(scenario);
  }

  ProviderDialect dialect(String provider) {
    return ProviderDialect.of(provider);
  }

  RowIds ids() {
    return ids;
  }

  BillingNames names() {
    return names;
  }

  /**
   * The provider's own name when the scenario reads it back as this provider, else its first
   * billing name, else its display name.
   */
  String providerName(String provider) {
    return providerNames.computeIfAbsent(
        provider,
        p -> {
          String own = dialect(p).providerName;
          if (!own.isEmpty() && resolver.resolve(own).equals(p)) return own;
          Provider known = scenario.catalog().provider(p).orElse(Provider.of(p));
          if (!known.billingNames().isEmpty()) return new TreeSet<>(known.billingNames()).first();
          return known.name();
        });
  }

  private String issuer(String provider) {
    ProviderDialect d = dialect(provider);
    String name = providerName(provider);
    return d == ProviderDialect.OTHER || !name.equals(d.providerName) ? name : d.issuer;
  }

  /** A row of {@code provider} charged over {@code [start, end)} of billing month {@code month}. */
  BillRow base(String provider, YearMonth month, LocalDateTime start, LocalDateTime end) {
    ProviderDialect d = dialect(provider);
    String name = providerName(provider);
    String account = names.account(provider);
    return new BillRow()
        .set("BillingAccountId", account)
        .set(
            "BillingAccountName",
            scenario.name()
                + " ("
                + scenario.catalog().provider(provider).map(Provider::name).orElse(provider)
                + ")")
        .set("BillingAccountType", d.accountType)
        .set("BillingCurrency", currency)
        .set("BillingPeriodStart", month.atDay(1).atStartOfDay())
        .set("BillingPeriodEnd", month.plusMonths(1).atDay(1).atStartOfDay())
        .set("ChargePeriodStart", start)
        .set("ChargePeriodEnd", end)
        .set("InvoiceId", d.invoiceId(ids, provider, account, month))
        .set("InvoiceIssuerName", issuer(provider))
        .set("ProviderName", name)
        .set("PublisherName", name)
        .set("ServiceProviderName", name)
        .set("HostProviderName", name);
  }

  /** The sub-account (compartment, subscription, project...) of a kind of work. */
  BillRow team(BillRow row, String provider, String team) {
    ProviderDialect d = dialect(provider);
    return row.set("SubAccountId", d.subAccountId(ids, provider, team))
        .set("SubAccountName", team)
        .set("SubAccountType", d.subAccountType);
  }

  /** {@code training}, {@code inference} or {@code data}: who the charge is for. */
  static String teamOf(String kind) {
    return switch (kind) {
      case "training" -> "training";
      case "inference" -> "inference";
      default -> "data";
    };
  }
}

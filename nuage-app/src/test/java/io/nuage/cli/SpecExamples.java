package io.nuage.cli;

import java.util.List;

/**
 * The spec's commitment examples are illustrative fragments without most mandatory columns; these
 * {@code --fill} constants supply them (only absent columns can be filled).
 */
final class SpecExamples {
  private SpecExamples() {}

  static final List<String> FILLS =
      List.of(
          "--fill", "BillingAccountId=example-account",
          "--fill", "BillingAccountName=NULL",
          "--fill", "BillingCurrency=USD",
          "--fill", "ChargeClass=NULL",
          "--fill", "ChargeDescription=NULL",
          "--fill", "ContractedCost=0",
          "--fill", "InvoiceIssuerName=Example Cloud",
          "--fill", "ListCost=0",
          "--fill", "PricingQuantity=NULL",
          "--fill", "PricingUnit=NULL",
          "--fill", "ProviderName=Example Cloud",
          "--fill", "PublisherName=Example Cloud",
          "--fill", "ServiceCategory=Compute",
          "--fill", "ServiceName=Virtual Machines");
}

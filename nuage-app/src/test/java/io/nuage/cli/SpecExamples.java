package io.nuage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's commitment examples are illustrative fragments without most mandatory columns; these
 * {@code --fill} constants supply the ones a file lacks (only absent columns can be filled).
 */
final class SpecExamples {
  private SpecExamples() {}

  static final String FOLDER = "focus/spec_commitment_examples/";

  private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("BillingAccountId", "example-account");
    DEFAULTS.put("BillingAccountName", "NULL");
    DEFAULTS.put("BillingCurrency", "USD");
    DEFAULTS.put("ChargeClass", "NULL");
    DEFAULTS.put("ChargeDescription", "NULL");
    DEFAULTS.put("ContractedCost", "0");
    DEFAULTS.put("InvoiceIssuerName", "Example Cloud");
    DEFAULTS.put("ListCost", "0");
    DEFAULTS.put("PricingQuantity", "NULL");
    DEFAULTS.put("PricingUnit", "NULL");
    DEFAULTS.put("ProviderName", "Example Cloud");
    DEFAULTS.put("PublisherName", "Example Cloud");
    DEFAULTS.put("ServiceCategory", "Compute");
    DEFAULTS.put("ServiceName", "Virtual Machines");
  }

  /** {@code --fill} arguments for the mandatory columns {@code file} lacks. */
  static List<String> fillsFor(Path file) throws IOException {
    List<String> header = SourceTotals.split(Files.readAllLines(file).get(0));
    var out = new ArrayList<String>();
    DEFAULTS.forEach(
        (column, value) -> {
          if (!header.contains(column)) {
            out.add("--fill");
            out.add(column + "=" + value);
          }
        });
    return out;
  }
}

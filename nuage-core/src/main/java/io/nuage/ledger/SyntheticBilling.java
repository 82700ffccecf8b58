package io.nuage.ledger;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes realistic FOCUS 1.0 CSV: the FinOps sample's mix of providers (AWS 94%, Microsoft 5%,
 * Oracle 1%), services and quirks (literal {@code NULL}, Oracle's empty strings and {@code
 * Usage-based}), plus GPU instances and commitment rows that obey the FOCUS balance rule: each
 * month, every commitment's purchase BilledCost equals the EffectiveCost of its Used and Unused
 * rows. Streams row by row in constant memory; the same seed gives the same bytes.
 */
public final class SyntheticBilling {
  /** The header: the 43 FOCUS 1.0 columns in the sample's order (without its non-spec Id). */
  public static final List<String> COLUMNS =
      List.of(
          "AvailabilityZone",
          "BilledCost",
          "BillingAccountId",
          "BillingAccountName",
          "BillingCurrency",
          "BillingPeriodEnd",
          "BillingPeriodStart",
          "ChargeCategory",
          "ChargeClass",
          "ChargeDescription",
          "ChargeFrequency",
          "ChargePeriodEnd",
          "ChargePeriodStart",
          "CommitmentDiscountCategory",
          "CommitmentDiscountId",
          "CommitmentDiscountName",
          "CommitmentDiscountStatus",
          "CommitmentDiscountType",
          "ConsumedQuantity",
          "ConsumedUnit",
          "ContractedCost",
          "ContractedUnitPrice",
          "EffectiveCost",
          "InvoiceIssuerName",
          "ListCost",
          "ListUnitPrice",
          "PricingCategory",
          "PricingQuantity",
          "PricingUnit",
          "ProviderName",
          "PublisherName",
          "RegionId",
          "RegionName",
          "ResourceId",
          "ResourceName",
          "ResourceType",
          "ServiceCategory",
          "ServiceName",
          "SkuId",
          "SkuPriceId",
          "SubAccountId",
          "SubAccountName",
          "Tags");

  /** Money is generated in units of 10^-10 (long), unit prices in 10^-6, quantities in 10^-4. */
  private static final int COST_SCALE = 10;

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:00:00");
  private static final LocalDateTime START = LocalDateTime.of(2024, 1, 1, 0, 0);

  private final long rows;
  private final long badLine;
  private final SplittableRandom random;
  private final int months;
  private final SyntheticCommitment[] commitments = SyntheticCommitment.all();
  private final StringBuilder row = new StringBuilder(1024);
  // resources differ between seeds, so two generated files never share a row (real exports
  // don't: a resource's hour is billed once); within one file identical rows can occur
  private final long resourceBase;

  /**
   * @param rows data rows to write (exactly)
   * @param seed the random seed
   * @param badLine a line (header = 1) whose ChargePeriodStart is made invalid, or 0 for none
   */
  public SyntheticBilling(long rows, long seed, long badLine) {
    if (rows < 1) throw new IllegalArgumentException("rows must be positive (got " + rows + ")");
    this.rows = rows;
    this.badLine = badLine;
    this.random = new SplittableRandom(seed);
    this.resourceBase = 0x5a17_0000_0000L + (seed & 0xffff) * 0x1_0000_0000L;
    this.months = (int) Math.max(1, Math.min(12, rows / 50_000));
  }

  public void write(Writer out) throws IOException {
    out.write(String.join(",", COLUMNS));
    out.write('\n');
    long written = 0;
    for (int m = 0; m < months; m++) {
      long quota = rows * (m + 1) / months - rows * m / months;
      long closing = quota > 2L * commitments.length ? 2L * commitments.length : 0;
      for (SyntheticCommitment c : commitments) c.used = 0;
      Month month = new Month(START.plusMonths(m));
      for (long i = 0; i < quota - closing; i++) {
        usageRow(month);
        emit(out, written + 2);
        written++;
      }
      if (closing > 0) {
        for (SyntheticCommitment c : commitments) {
          closeRows(month, c, written + 2, out);
          written += 2;
        }
      }
    }
  }

  /** Writes the row built in {@code row}, first breaking its ChargePeriodStart if asked to. */
  private void emit(Writer out, long line) throws IOException {
    if (line == badLine) {
      int start = 0;
      for (int field = 0; field < 12; field++) start = row.indexOf(",", start) + 1;
      // "YYYY-MM-DD HH:00:00" in quotes: the hour starts 12 characters in
      row.replace(start + 12, start + 14, "30");
    }
    out.append(row);
  }

  private void usageRow(Month month) {
    SyntheticService s = SyntheticService.pick(random.nextInt(10_000));
    int h = random.nextInt(month.hours);
    String start = month.hour(h);
    String end = month.hour(h + 1);
    long qty = s.quantity(random);
    long list = s.unitPrice * qty; // 10^-6 x 10^-4 = 10^-10
    SyntheticCommitment c = s.commitment < 0 ? null : commitments[s.commitment];
    boolean committed = c != null && random.nextInt(100) < 30;
    long effective = committed ? list * (100 - c.discountPercent) / 100 : list;
    if (committed) c.used += effective;
    int resource = random.nextInt(2_000);
    row.setLength(0);
    String zone = s.zone(resource);
    if (zone == null) nul(s.provider);
    else field(zone);
    money(committed ? 0 : list);
    field(s.provider.account);
    field(s.provider.accountName);
    field("USD");
    field(month.end);
    field(month.start);
    field("Usage");
    nul(s.provider);
    field(s.description);
    field(s.provider.usageBased);
    field(end);
    field(start);
    if (committed) {
      field(c.category);
      field(c.id);
      field(c.name);
      field("Used");
      field(c.type);
    } else for (int k = 0; k < 5; k++) nul(s.provider);
    decimal(qty, 4);
    field(s.unit);
    money(committed ? 0 : list);
    decimal(committed ? 0 : s.unitPrice, 6);
    money(effective);
    field(s.provider.issuer);
    money(list);
    decimal(s.unitPrice, 6);
    field(committed ? "Committed" : "Standard");
    decimal(qty, 4);
    field(s.unit);
    field(s.provider.name);
    field(s.provider.issuer);
    field(s.region);
    field(s.regionName);
    field(s.resourcePrefix + Long.toHexString(resourceBase + resource * 7919L + s.ordinal));
    nul(s.provider);
    field(s.resourceType);
    field(s.category);
    field(s.name);
    field(s.sku);
    field(s.sku + ".JRTCKXETXF");
    field(s.provider.subAccount(resource));
    field(s.provider.subAccountName(resource));
    if (random.nextInt(10) < 7) field(SyntheticProvider.tags(random));
    else nul(s.provider);
    row.setCharAt(row.length() - 1, '\n');
  }

  /** Month end: the Unused remainder, then the purchase that both rows draw down. */
  private void closeRows(Month month, SyntheticCommitment c, long line, Writer out)
      throws IOException {
    long purchase = c.used * 100 / 87 + 1; // about 87 % utilisation
    long unused = purchase - c.used;
    commitmentRow(month, c, "Usage", "Usage-Based", 0, unused, "Unused");
    emit(out, line);
    commitmentRow(month, c, "Purchase", "Recurring", purchase, 0, null);
    emit(out, line + 1);
  }

  private void commitmentRow(
      Month month,
      SyntheticCommitment c,
      String category,
      String frequency,
      long billed,
      long effective,
      @org.jspecify.annotations.Nullable String status) {
    SyntheticProvider p = c.provider;
    row.setLength(0);
    nul(p);
    money(billed);
    field(p.account);
    field(p.accountName);
    field("USD");
    field(month.end);
    field(month.start);
    field(category);
    nul(p);
    field(c.name + (status == null ? " purchase" : " unused commitment"));
    field(frequency);
    field(month.end);
    field(month.start);
    field(c.category);
    field(c.id);
    field(c.name);
    if (status == null) nul(p);
    else field(status);
    field(c.type);
    nul(p);
    nul(p);
    money(billed);
    nul(p);
    money(effective);
    field(p.issuer);
    money(billed);
    nul(p);
    field(status == null ? "Standard" : "Committed");
    nul(p);
    nul(p);
    field(p.name);
    field(p.issuer);
    nul(p);
    nul(p);
    field(c.id);
    field(c.name);
    field(c.type);
    field("Compute");
    field(c.service);
    nul(p);
    nul(p);
    field(p.subAccount(0));
    field(p.subAccountName(0));
    nul(p);
    row.setCharAt(row.length() - 1, '\n');
  }

  private void field(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0;
    if (!quote) {
      row.append('"').append(value).append('"').append(',');
      return;
    }
    row.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') row.append('"');
      row.append(ch);
    }
    row.append('"').append(',');
  }

  /** Nulls as each provider writes them in the sample: AWS/Microsoft NULL, Oracle empty. */
  private void nul(SyntheticProvider p) {
    row.append(p.nullText).append(',');
  }

  private void money(long units) {
    decimal(units, COST_SCALE);
  }

  private void decimal(long units, int scale) {
    if (units < 0) {
      row.append('-');
      units = -units;
    }
    long pow = 1;
    for (int i = 0; i < scale; i++) pow *= 10;
    row.append(units / pow).append('.');
    String frac = Long.toString(units % pow);
    for (int i = frac.length(); i < scale; i++) row.append('0');
    row.append(frac).append(',');
  }

  /** One billing month: its hours as text, formatted once. */
  private static final class Month {
    final String start;
    final String end;
    final int hours;
    private final String[] hourText;

    Month(LocalDateTime first) {
      LocalDateTime next = first.plusMonths(1);
      start = first.format(HOUR);
      end = next.format(HOUR);
      hours = (int) java.time.Duration.between(first, next).toHours();
      hourText = new String[hours + 1];
      for (int h = 0; h <= hours; h++) hourText[h] = first.plusHours(h).format(HOUR);
    }

    String hour(int h) {
      return hourText[h];
    }
  }
}

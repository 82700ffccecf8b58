package io.nuage.ledger.generate;

import io.nuage.contract.CommittedSpend;
import io.nuage.core.MonthRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * Take-or-pay true-ups (docs/billing-from-plan.md): at the end of a committed-spend contract year
 * billed whole, the minimum less what the year's rows applied to it, when positive, billed in
 * arrears on the year's last period as FOCUS 1.3's reference material reads it.
 */
final class TrueUps {
  private final Context ctx;
  private final YearMonth first;

  TrueUps(Context ctx, YearMonth first) {
    this.ctx = ctx;
    this.first = first;
  }

  void write(String provider, YearMonth month, List<ChargePeriod.Period> periods, BillSink sink)
      throws IOException {
    for (CommittedSpend c : ctx.prices().scenario().contracts(CommittedSpend.class)) {
      if (!c.provider().equals(provider) || !c.takeOrPay() || !c.term().contains(month)) continue;
      int year = c.term().yearOf(month);
      MonthRange y = c.term().year(year);
      if (!y.end().equals(month) || y.start().isBefore(first)) continue;
      BigDecimal shortfall = c.yearlyMinimums().get(year).subtract(ctx.applied().of(c.id(), year));
      if (shortfall.signum() <= 0) continue;
      sink.row(row(c, year, shortfall, month, periods.getLast()));
    }
  }

  private BillRow row(
      CommittedSpend c, int year, BigDecimal shortfall, YearMonth month, ChargePeriod.Period p) {
    ContractNames names = ctx.rows().names().of(c);
    String id = names.commitmentOf(year);
    String name = ctx.rows().providerName(c.provider());
    String what =
        String.format(Locale.ROOT, "Contract year %d spend commitment shortfall", year + 1);
    ctx.applied().add(c.id(), year, shortfall);
    BillRow row = ctx.base(c.provider(), month, p);
    return row.set("HostProviderName", null)
        .set("ChargeCategory", "Usage")
        .set("ChargeFrequency", "One-Time")
        .set("ChargeDescription", what + " (take-or-pay true-up)")
        .set("PricingCategory", "Standard")
        .set("PricingQuantity", shortfall)
        .set("PricingUnit", "Count")
        .set("ConsumedQuantity", shortfall)
        .set("ConsumedUnit", "Count")
        .set("ListUnitPrice", BigDecimal.ONE)
        .set("ListCost", shortfall)
        .set("ContractedUnitPrice", BigDecimal.ONE)
        .set("ContractedCost", shortfall)
        .set("BilledCost", shortfall)
        .set("EffectiveCost", shortfall)
        .set("ResourceId", id)
        .set("ResourceName", what)
        .set("ServiceCategory", "Other")
        .set("ServiceName", name + " Committed Spend Agreement")
        .set("ServiceSubcategory", "Other (Other)")
        .set("SkuId", id + "-SHORTFALL")
        .set("SkuPriceId", id + "-SHORTFALL-" + row.get("BillingCurrency"))
        .set("ContractApplied", List.of(AppliedElement.cost(names, id, shortfall)))
        .set("Tags", Context.object("nuage-contract", c.id(), "nuage-kind", "true-up"));
  }
}

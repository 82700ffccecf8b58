package io.nuage.ledger.generate;

import io.nuage.catalog.Provider;
import io.nuage.plan.EgressCharge;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A dataset moved out of its home region, billed by the home provider on the first day of the month
 * of the move (docs/billing-from-plan.md, "Egress"): one row, the plan's cost.
 */
final class EgressRows {
  private final Context ctx;

  EgressRows(Context ctx) {
    this.ctx = ctx;
  }

  void write(EgressCharge e, YearMonth month, List<ChargePeriod.Period> periods, BillSink sink)
      throws IOException {
    ProviderDialect d = ctx.dialect(e.provider());
    String region = e.from().substring(e.from().indexOf('/') + 1);
    BigDecimal price = egressPrice(ctx.prices(), e.provider());
    String dataset = e.workload() + "-dataset";
    BillRow row = ctx.base(e.provider(), month, periods.getFirst());
    ctx.rows().team(row, e.provider(), "data");
    sink.row(
        row.set("ChargeCategory", "Usage")
            .set("ChargeFrequency", "Usage-Based")
            .set("ChargeDescription", "Data transfer out to " + e.to())
            .set("PricingCategory", "Standard")
            .set("PricingQuantity", e.terabytes())
            .set("PricingUnit", "TB")
            .set("ConsumedQuantity", e.terabytes())
            .set("ConsumedUnit", "TB")
            .set("ListUnitPrice", price)
            .set("ListCost", Context.times(e.terabytes(), price))
            .set("ContractedUnitPrice", price)
            .set("ContractedCost", Context.times(e.terabytes(), price))
            .set("BilledCost", e.cost())
            .set("EffectiveCost", e.cost())
            .set("RegionId", region)
            .set("RegionName", d.regionName(region))
            .set("ResourceId", d.bucketId(ctx.rows().ids(), e.provider(), dataset))
            .set("ResourceName", dataset)
            .set("ResourceType", "Bucket")
            .set("ServiceCategory", "Networking")
            .set("ServiceName", d.networkService)
            .set("ServiceSubcategory", "Other (Networking)")
            .set("SkuId", d.skuId(e.provider(), "internet-egress", "TB"))
            .set("SkuMeter", "Data Transfer Out")
            .set("SkuPriceId", d.skuId(e.provider(), "internet-egress", "TB") + ":" + region)
            .set(
                "Tags",
                Context.object(
                    "nuage-workload", e.workload(), "nuage-kind", "egress", "nuage-to", e.to())));
  }

  static BigDecimal egressPrice(ScenarioPrices prices, String provider) {
    return prices
        .scenario()
        .catalog()
        .provider(provider)
        .map(Provider::egressPerTb)
        .orElse(BigDecimal.ZERO);
  }
}

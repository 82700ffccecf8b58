package io.nuage.ledger.generate;

import io.nuage.catalog.Offering;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The GPU usage rows of committed and on-demand lines (docs/billing-from-plan.md, "GPU usage"): a
 * line's hours split over its periods, each row at the line's prices, the line's last row carrying
 * what makes the rows sum to the line's cost exactly.
 */
final class GpuRows {
  private final Context ctx;

  GpuRows(Context ctx) {
    this.ctx = ctx;
  }

  /** Thousandths of a GPU-hour per period: a gang over the hours it runs, a fleet evenly. */
  static long[] split(Line line, List<ChargePeriod.Period> periods) {
    return ExactSplit.split(units(line.gpuHours()), weights(line, periods));
  }

  /** How much of each period the line's workload runs, in thousandths of an hour. */
  static long[] weights(Line line, List<ChargePeriod.Period> periods) {
    long active = units(line.activeHours());
    long[] w = new long[periods.size()];
    long from = 0;
    boolean any = false;
    for (int i = 0; i < w.length; i++) {
      long to = from + periods.get(i).hours() * 1000;
      w[i] = line.training() ? Math.max(0, Math.min(to, active) - from) : to - from;
      any |= w[i] > 0;
      from = to;
    }
    if (!any) for (int i = 0; i < w.length; i++) w[i] = periods.get(i).hours() * 1000;
    return w;
  }

  static long units(BigDecimal hours) {
    return hours.movePointRight(3).longValueExact();
  }

  void write(Line line, List<ChargePeriod.Period> periods, BillSink sink) throws IOException {
    long[] parts = split(line, periods);
    int last = -1;
    for (int i = 0; i < parts.length; i++) if (parts[i] > 0) last = i;
    BigDecimal billedSoFar = BigDecimal.ZERO;
    for (int i = 0; i <= last; i++) {
      if (parts[i] == 0) continue;
      BigDecimal q = Context.thousandths(parts[i]);
      BigDecimal billed =
          i == last ? line.cost().subtract(billedSoFar) : q.multiply(line.billedRate());
      billed = PlanLines.strip(billed);
      billedSoFar = billedSoFar.add(billed);
      BillRow row =
          gpuRow(line, periods.get(i), q)
              .set("PricingCategory", "Standard")
              .set("SkuPriceId", skuPriceId(line, line.pricing().label))
              .set("BilledCost", billed)
              .set("EffectiveCost", billed);
      if (line.contract() != null) {
        ContractNames names = ctx.rows().names().of(line.contract());
        int year = line.contract().term().yearOf(line.month());
        row.set(
            "ContractApplied",
            List.of(AppliedElement.cost(names, names.commitmentOf(year), billed)));
        ctx.applied().add(line.contract().id(), year, billed);
      }
      sink.row(row);
    }
  }

  /** The columns of a GPU-hour row of a line: what, where, how much, at which prices. */
  BillRow gpuRow(Line line, ChargePeriod.Period p, BigDecimal q) {
    ProviderDialect d = ctx.dialect(line.provider());
    String region = line.regionName();
    String name =
        line.workload() + "-" + line.accelerator().toLowerCase(Locale.ROOT) + "-" + region;
    Offering offering = ctx.prices().offering(line.region(), line.accelerator());
    String instance = offering == null ? "" : offering.instanceType();
    BillRow row = ctx.base(line.provider(), line.month(), p);
    ctx.rows().team(row, line.provider(), RowFactory.teamOf(line.kind()));
    return row.set("ChargeCategory", "Usage")
        .set("ChargeFrequency", "Usage-Based")
        .set(
            "ChargeDescription",
            line.accelerator()
                + " GPU hours"
                + (instance.isEmpty() ? "" : " (" + instance + ")")
                + " in "
                + d.regionName(region))
        .set("ConsumedQuantity", q)
        .set("ConsumedUnit", "GPU Hours")
        .set("PricingQuantity", q)
        .set("PricingUnit", "GPU Hours")
        .set("ListUnitPrice", line.list())
        .set("ListCost", Context.times(q, line.list()))
        .set("ContractedUnitPrice", line.contracted())
        .set("ContractedCost", Context.times(q, line.contracted()))
        .set("RegionId", region)
        .set("RegionName", d.regionName(region))
        .set("ResourceId", d.resourceId(ctx.rows().ids(), line.provider(), region, name))
        .set("ResourceName", name)
        .set("ResourceType", d.resourceType())
        .set("ServiceCategory", "Compute")
        .set("ServiceName", d.gpuService)
        .set("ServiceSubcategory", "Virtual Machines")
        .set("SkuId", d.skuId(line.provider(), instance, line.accelerator()))
        .set("SkuMeter", "GPU Hours")
        .set(
            "SkuPriceDetails",
            instance.isEmpty()
                ? Context.object("x_AcceleratorType", line.accelerator())
                : Context.object(
                    "x_AcceleratorType", line.accelerator(), "x_InstanceType", instance))
        .set(
            "Tags",
            Context.object(
                "nuage-workload", line.workload(),
                "nuage-kind", line.kind(),
                "nuage-pricing", line.pricing().label));
  }

  String skuPriceId(Line line, String pricing) {
    ProviderDialect d = ctx.dialect(line.provider());
    Offering offering = ctx.prices().offering(line.region(), line.accelerator());
    String sku =
        d.skuId(
            line.provider(), offering == null ? "" : offering.instanceType(), line.accelerator());
    return sku + ":" + line.regionName() + ":" + pricing;
  }
}

package io.nuage.ledger.generate;

import io.nuage.contract.StorageCommitment;
import io.nuage.workload.StorageDemand;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's storage rows of one month (docs/billing-from-plan.md, "Storage"): each storage
 * commitment as a purchase, its used and unused TB-months, and what is stored above every
 * commitment at the list price. Monthly: a TB-month is a monthly quantity.
 */
final class StorageRows {
  private static final String UNIT = "TB-Months";
  private final Context ctx;

  StorageRows(Context ctx) {
    this.ctx = ctx;
  }

  void write(String provider, YearMonth month, BillSink sink) throws IOException {
    List<String> stores = new ArrayList<>();
    BigDecimal stored = BigDecimal.ZERO;
    for (StorageDemand s : ctx.prices().scenario().workloads(StorageDemand.class)) {
      if (s.provider().equals(provider) && s.months().contains(month)) {
        stored = stored.add(s.tb());
        stores.add(s.id());
      }
    }
    List<StorageCommitment> commitments = ctx.prices().storageCommitments(provider, month);
    BigDecimal listPrice = ctx.prices().storageList(provider);
    ChargePeriod.Period p = ChargePeriod.monthPeriod(month);
    BigDecimal rest = stored;
    for (StorageCommitment c : commitments) {
      BigDecimal list = listPrice == null ? c.pricePerTbMonth() : listPrice;
      BigDecimal used = rest.min(c.committedTb());
      rest = rest.subtract(used);
      BigDecimal fee = Context.times(c.committedTb(), c.pricePerTbMonth());
      sink.row(
          committed(c, month, p, stores)
              .set("ChargeCategory", "Purchase")
              .set("ChargeFrequency", "Recurring")
              .set("ChargeDescription", c.committedTb().toPlainString() + " TB-months committed")
              .set("PricingCategory", "Standard")
              .set("PricingQuantity", c.committedTb())
              .set("ListUnitPrice", list)
              .set("ListCost", Context.times(c.committedTb(), list))
              .set("ContractedUnitPrice", c.pricePerTbMonth())
              .set("ContractedCost", fee)
              .set("BilledCost", fee)
              .set("EffectiveCost", BigDecimal.ZERO)
              .set("CommitmentDiscountQuantity", c.committedTb())
              .set("SkuPriceId", sku(provider) + ":commitment-fee"));
      if (used.signum() > 0) {
        BigDecimal effective = Context.times(used, c.pricePerTbMonth());
        ContractNames names = ctx.rows().names().of(c);
        sink.row(
            share(committed(c, month, p, stores), used, list, "Used", "stored under the commitment")
                .set("ResourceId", bucketId(c.provider()))
                .set("ResourceType", "Bucket")
                .set("EffectiveCost", effective)
                .set("ConsumedQuantity", used)
                .set("ConsumedUnit", UNIT)
                .set(
                    "ContractApplied",
                    List.of(AppliedElement.cost(names, commitment(c, month), effective))));
      }
      BigDecimal unused = c.committedTb().subtract(used);
      if (unused.signum() > 0) {
        sink.row(
            share(committed(c, month, p, stores), unused, list, "Unused", "committed, not stored")
                .set("EffectiveCost", Context.times(unused, c.pricePerTbMonth())));
      }
    }
    if (rest.signum() > 0)
      sink.row(above(provider, month, p, stores, rest, commitments, listPrice));
  }

  private BillRow above(
      String provider,
      YearMonth month,
      ChargePeriod.Period p,
      List<String> stores,
      BigDecimal tb,
      List<StorageCommitment> commitments,
      BigDecimal listPrice) {
    BigDecimal list = listPrice == null ? BigDecimal.ZERO : listPrice;
    BigDecimal cost = Context.times(tb, list);
    BillRow row =
        storageRow(provider, month, p, stores)
            .set("ChargeCategory", "Usage")
            .set("ChargeFrequency", "Usage-Based")
            .set(
                "ChargeDescription",
                commitments.isEmpty()
                    ? "TB-months stored"
                    : "TB-months stored above the commitment")
            .set("PricingCategory", "Standard")
            .set("PricingQuantity", tb)
            .set("ConsumedQuantity", tb)
            .set("ConsumedUnit", UNIT)
            .set("ListUnitPrice", list)
            .set("ListCost", cost)
            .set("ContractedUnitPrice", list)
            .set("ContractedCost", cost)
            .set("BilledCost", cost)
            .set("EffectiveCost", cost)
            .set("SkuPriceId", sku(provider) + ":standard");
    if (!commitments.isEmpty()) {
      StorageCommitment c = commitments.getFirst();
      ContractNames names = ctx.rows().names().of(c);
      row.set("ContractApplied", List.of(AppliedElement.cost(names, commitment(c, month), cost)));
    }
    return row;
  }

  /** A used or unused share of a commitment: billed 0, its cost amortised from the purchase. */
  private BillRow share(BillRow row, BigDecimal tb, BigDecimal list, String status, String what) {
    return row.set("ChargeCategory", "Usage")
        .set("ChargeFrequency", "Usage-Based")
        .set("ChargeDescription", "TB-months " + what)
        .set("PricingCategory", "Committed")
        .set("PricingQuantity", tb)
        .set("ListUnitPrice", list)
        .set("ListCost", Context.times(tb, list))
        .set("ContractedUnitPrice", list)
        .set("ContractedCost", Context.times(tb, list))
        .set("BilledCost", BigDecimal.ZERO)
        .set("CommitmentDiscountStatus", status)
        .set("CommitmentDiscountQuantity", tb)
        .set("SkuPriceId", row.get("SkuId") + ":committed");
  }

  private BillRow committed(
      StorageCommitment c, YearMonth month, ChargePeriod.Period p, List<String> stores) {
    String id = commitment(c, month);
    return storageRow(c.provider(), month, p, stores)
        .set("CommitmentDiscountId", id)
        .set(
            "CommitmentDiscountName",
            c.committedTb().toPlainString() + " TB committed (" + c.id() + ")")
        .set("CommitmentDiscountCategory", "Usage")
        .set("CommitmentDiscountType", "Committed Use Discount")
        .set("CommitmentDiscountUnit", UNIT)
        .set("ResourceId", id)
        .set("ResourceType", "Storage commitment");
  }

  private BillRow storageRow(
      String provider, YearMonth month, ChargePeriod.Period p, List<String> stores) {
    ProviderDialect d = ctx.dialect(provider);
    String bucket = ctx.prices().scenario().name() + "-lake";
    BillRow row = ctx.base(provider, month, p);
    ctx.rows().team(row, provider, "data");
    return row.set("PricingUnit", UNIT)
        .set("ResourceId", bucketId(provider))
        .set("ResourceName", bucket)
        .set("ResourceType", "Bucket")
        .set("ServiceCategory", "Storage")
        .set("ServiceName", d.storageService)
        .set("ServiceSubcategory", "Object Storage")
        .set("SkuId", sku(provider))
        .set("SkuMeter", "Storage")
        .set(
            "Tags",
            Context.object("nuage-workload", String.join(",", stores), "nuage-kind", "storage"));
  }

  private String bucketId(String provider) {
    return ctx.dialect(provider)
        .bucketId(ctx.rows().ids(), provider, ctx.prices().scenario().name() + "-lake");
  }

  private String sku(String provider) {
    return ctx.dialect(provider).skuId(provider, "standard-storage", "TB");
  }

  private String commitment(StorageCommitment c, YearMonth month) {
    return ctx.rows().names().of(c).commitmentOf(c.term().yearOf(month));
  }
}

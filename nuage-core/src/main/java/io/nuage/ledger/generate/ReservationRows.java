package io.nuage.ledger.generate;

import io.nuage.catalog.Offering;
import io.nuage.contract.ReservedCapacity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The rows of the reservations of one region and accelerator in one month (docs/billing-from-
 * plan.md, "Reservations"): per period and reservation its purchase (the fee), the used rows of the
 * reserved lines and the unused rest, so that each period balances exactly.
 */
final class ReservationRows {
  private final Context ctx;
  private final GpuRows gpu;

  ReservationRows(Context ctx, GpuRows gpu) {
    this.ctx = ctx;
    this.gpu = gpu;
  }

  void write(
      List<ReservedCapacity> held,
      List<Line> reservedLines,
      YearMonth month,
      List<ChargePeriod.Period> periods,
      BillSink sink)
      throws IOException {
    int n = periods.size();
    long[][] cap = new long[held.size()][n];
    long[] room = new long[n];
    for (int r = 0; r < held.size(); r++) {
      for (int p = 0; p < n; p++) {
        cap[r][p] = held.get(r).gpus() * periods.get(p).hours() * 1000;
        room[p] += cap[r][p];
      }
    }
    List<Line> lines = new ArrayList<>(reservedLines);
    lines.sort(
        Comparator.comparing((Line l) -> l.training() ? 0 : 1).thenComparing(Line::workload));
    long[][] use = lay(lines, periods, room);
    long[][] left = new long[held.size()][];
    for (int r = 0; r < held.size(); r++) left[r] = cap[r].clone();
    for (int p = 0; p < n; p++) {
      // each line's hours of the period go to the reservations in scenario order
      long[][] piece = new long[lines.size()][held.size()];
      for (int i = 0; i < lines.size(); i++) {
        long rest = use[i][p];
        for (int r = 0; r < held.size() && rest > 0; r++) {
          long take = Math.min(rest, left[r][p]);
          piece[i][r] = take;
          left[r][p] -= take;
          rest -= take;
        }
      }
      for (int r = 0; r < held.size(); r++) {
        ReservedCapacity k = held.get(r);
        sink.row(purchase(k, month, periods.get(p), cap[r][p]));
        for (int i = 0; i < lines.size(); i++) {
          if (piece[i][r] > 0) sink.row(used(k, lines.get(i), periods.get(p), piece[i][r]));
        }
        if (left[r][p] > 0) sink.row(unused(k, month, periods.get(p), left[r][p]));
      }
    }
  }

  /**
   * Thousandths of a GPU-hour of each line per period: gangs first on the periods they run (at most
   * what is free there), then fleets and what the gangs could not fit, in proportion to the room
   * left in each period.
   */
  static long[][] lay(List<Line> lines, List<ChargePeriod.Period> periods, long[] room) {
    int n = periods.size();
    long[] free = room.clone();
    long[][] use = new long[lines.size()][n];
    long[] later = new long[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (!l.training()) {
        later[i] = GpuRows.units(l.gpuHours());
        continue;
      }
      long[] want = GpuRows.split(l, periods);
      for (int p = 0; p < n; p++) {
        long take = Math.min(want[p], free[p]);
        use[i][p] = take;
        free[p] -= take;
        later[i] += want[p] - take;
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      if (later[i] == 0) continue;
      long[] parts = ExactSplit.split(later[i], free);
      for (int p = 0; p < n; p++) {
        use[i][p] += parts[p];
        free[p] -= parts[p];
      }
    }
    return use;
  }

  private BillRow purchase(
      ReservedCapacity k, YearMonth month, ChargePeriod.Period p, long capacity) {
    BigDecimal hours = Context.thousandths(capacity);
    BigDecimal list = list(k, month);
    BigDecimal fee = Context.times(hours, k.pricePerGpuHour());
    String id = commitment(k, month);
    return reservationRow(k, month, p)
        .set("ChargeCategory", "Purchase")
        .set("ChargeFrequency", "Recurring")
        .set(
            "ChargeDescription",
            description(k) + ": fee for " + hours.toPlainString() + " GPU hours")
        .set("PricingCategory", "Standard")
        .set("PricingQuantity", hours)
        .set("PricingUnit", "Hours")
        .set("ListUnitPrice", list)
        .set("ListCost", Context.times(hours, list))
        .set("ContractedUnitPrice", k.pricePerGpuHour())
        .set("ContractedCost", fee)
        .set("BilledCost", fee)
        .set("EffectiveCost", BigDecimal.ZERO)
        .set("CommitmentDiscountQuantity", hours)
        .set("SkuPriceId", skuPrice(k, month, "reservation-fee"))
        .set("ResourceId", id);
  }

  private BillRow used(ReservedCapacity k, Line line, ChargePeriod.Period p, long units) {
    BigDecimal q = Context.thousandths(units);
    String id = commitment(k, line.month());
    ContractNames names = ctx.rows().names().of(k);
    return commitmentColumns(k, line.month(), gpu.gpuRow(line, p, q))
        .set("PricingCategory", "Committed")
        .set("SkuPriceId", gpu.skuPriceId(line, "reserved"))
        .set("BilledCost", BigDecimal.ZERO)
        .set("EffectiveCost", Context.times(q, k.pricePerGpuHour()))
        .set("CommitmentDiscountStatus", "Used")
        .set("CommitmentDiscountQuantity", q)
        .set("CapacityReservationStatus", "Used")
        .set("ContractApplied", List.of(AppliedElement.hours(names, id, q)));
  }

  private BillRow unused(ReservedCapacity k, YearMonth month, ChargePeriod.Period p, long units) {
    BigDecimal q = Context.thousandths(units);
    BigDecimal list = list(k, month);
    BigDecimal contracted =
        PlanLines.strip(
            list.multiply(
                BigDecimal.ONE.subtract(ctx.prices().rateCardDiscount(k.provider(), month))));
    return reservationRow(k, month, p)
        .set("ChargeCategory", "Usage")
        .set("ChargeFrequency", "Usage-Based")
        .set("ChargeDescription", description(k) + ": unused GPU hours")
        .set("PricingCategory", "Committed")
        .set("PricingQuantity", q)
        .set("PricingUnit", "GPU Hours")
        .set("ListUnitPrice", list)
        .set("ListCost", Context.times(q, list))
        .set("ContractedUnitPrice", contracted)
        .set("ContractedCost", Context.times(q, contracted))
        .set("BilledCost", BigDecimal.ZERO)
        .set("EffectiveCost", Context.times(q, k.pricePerGpuHour()))
        .set("CommitmentDiscountStatus", "Unused")
        .set("CommitmentDiscountQuantity", q)
        .set("CapacityReservationStatus", "Unused")
        .set("SkuPriceId", skuPrice(k, month, "reserved"));
  }

  /** The columns purchase and unused rows share: the reservation as the resource. */
  private BillRow reservationRow(ReservedCapacity k, YearMonth month, ChargePeriod.Period p) {
    ProviderDialect d = ctx.dialect(k.provider());
    String region = regionName(k);
    String id = commitment(k, month);
    BillRow row = ctx.base(k.provider(), month, p);
    ctx.rows().team(row, k.provider(), "inference");
    return commitmentColumns(k, month, row)
        .set("RegionId", region)
        .set("RegionName", d.regionName(region))
        .set("ResourceId", id)
        .set("ResourceName", description(k))
        .set("ResourceType", "Reservation")
        .set("ServiceCategory", "Compute")
        .set("ServiceName", d.gpuService)
        .set("ServiceSubcategory", "Virtual Machines")
        .set("SkuId", sku(k))
        .set("SkuMeter", "GPU Hours")
        .set("SkuPriceDetails", Context.object("x_AcceleratorType", k.accelerator()))
        .set("Tags", Context.object("nuage-contract", k.id()));
  }

  private BillRow commitmentColumns(ReservedCapacity k, YearMonth month, BillRow row) {
    String id = commitment(k, month);
    return row.set("CommitmentDiscountId", id)
        .set("CommitmentDiscountName", description(k))
        .set("CommitmentDiscountCategory", "Usage")
        .set("CommitmentDiscountType", "Reservation")
        .set("CommitmentDiscountUnit", "Hours")
        .set("CapacityReservationId", id);
  }

  private String commitment(ReservedCapacity k, YearMonth month) {
    return ctx.rows().names().of(k).commitmentOf(k.term().yearOf(month));
  }

  private BigDecimal list(ReservedCapacity k, YearMonth month) {
    Offering o = ctx.prices().offering(k.region(), k.accelerator());
    return o == null ? k.pricePerGpuHour() : o.pricePerGpuHour();
  }

  private String sku(ReservedCapacity k) {
    Offering o = ctx.prices().offering(k.region(), k.accelerator());
    return ctx.dialect(k.provider())
        .skuId(k.provider(), o == null ? "" : o.instanceType(), k.accelerator());
  }

  private String skuPrice(ReservedCapacity k, YearMonth month, String what) {
    return sku(k) + ":" + regionName(k) + ":" + what;
  }

  private static String regionName(ReservedCapacity k) {
    return k.region().substring(k.region().indexOf('/') + 1);
  }

  private static String description(ReservedCapacity k) {
    return String.format(Locale.ROOT, "%,d", k.gpus())
        + " "
        + k.accelerator()
        + " GPUs reserved in "
        + regionName(k)
        + " ("
        + k.term()
        + ")";
  }
}

package io.nuage.catalog.imports;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Rows of a SkyPilot {@code vms.csv}, read by column name. GCP's split host and accelerator rows go
 * to the {@link GcpCombiner}; every other row is a whole instance priced per hour.
 */
final class SkyPilotFile {
  static final String FORMAT = "skypilot";
  static final List<String> REQUIRED =
      List.of("InstanceType", "AcceleratorName", "AcceleratorCount", "Price", "Region");

  /**
   * Azure's NVv4 sizes below NV32as_v4 are 1/8, 1/4 and 1/2 of an MI25 (Azure's size table), but
   * the source lists them with AcceleratorCount 1; dividing by 1 would misprice them 2-8x.
   */
  private static final Pattern AZURE_NVV4_SLICE = Pattern.compile("(?i)Standard_NV(4|8|16)as_v4");

  private SkyPilotFile() {}

  static void read(SourceFile source, OfferingSink sink, GcpCombiner gcp) {
    boolean isGcp = source.tally().provider().equals("gcp");
    for (RowFields row : source.rows()) {
      String instanceType = row.text("InstanceType");
      String acceleratorName = row.text("AcceleratorName");
      if (isGcp && instanceType.isEmpty() != acceleratorName.isEmpty()) {
        gcpRow(source, row, gcp, instanceType.isEmpty());
        continue;
      }
      wholeInstance(source, row, sink, instanceType, acceleratorName);
    }
  }

  private static void wholeInstance(
      SourceFile source, RowFields row, OfferingSink sink, String instanceType, String name) {
    FileTally tally = source.tally();
    BigDecimal price = row.price("Price", true);
    BigDecimal spot = row.price("SpotPrice", false);
    String region = source.region(row);
    if (name.isEmpty()) {
      if (row.valid()) {
        tally.skip(row.line(), noAcceleratorReason(source, instanceType));
      }
      return;
    }
    BigDecimal count = row.count("AcceleratorCount");
    if (!row.valid() || price == null || count == null) {
      return;
    }
    Optional<String> skip = unusable(name, count, price);
    if (skip.isEmpty()
        && tally.provider().equals("azure")
        && AZURE_NVV4_SLICE.matcher(instanceType).matches()) {
      skip = Optional.of(SkipReason.AZURE_NVV4_SLICE);
    }
    if (skip.isPresent()) {
      tally.skip(row.line(), skip.get());
      return;
    }
    Accelerator accelerator = AcceleratorMapping.normalise(name, instanceType).orElseThrow();
    int gpus = count.intValueExact();
    List<OfferingSink.Outcome> outcomes = new ArrayList<>();
    String where = source.tally().file() + ":" + row.line();
    String provider = tally.provider();
    outcomes.add(
        sink.add(
            new Offering(
                provider,
                region,
                accelerator.name(),
                PricingKind.ON_DEMAND,
                PerGpuPrice.of(price, gpus),
                instanceType,
                where)));
    BigDecimal usableSpot = usableSpot(tally, spot);
    if (usableSpot != null) {
      outcomes.add(
          sink.add(
              new Offering(
                  provider,
                  region,
                  accelerator.name(),
                  PricingKind.SPOT,
                  PerGpuPrice.of(usableSpot, gpus),
                  instanceType,
                  where)));
    }
    OfferingSink.decide(tally, row.line(), outcomes, false);
  }

  private static String noAcceleratorReason(SourceFile source, String instanceType) {
    return source.tally().provider().equals("gcp") && instanceType.isEmpty()
        ? SkipReason.GCP_EMPTY
        : SkipReason.NO_ACCELERATOR;
  }

  private static void gcpRow(SourceFile source, RowFields row, GcpCombiner gcp, boolean accel) {
    BigDecimal price = row.price("Price", true);
    BigDecimal spot = row.price("SpotPrice", false);
    String region = source.region(row);
    String zone = row.text("AvailabilityZone");
    zone = zone.isEmpty() ? region : zone.toLowerCase(Locale.ROOT);
    if (!accel) {
      if (row.valid() && price != null) {
        gcp.host(source.tally(), row.line(), row.text("InstanceType"), region, zone, price, spot);
      }
      return;
    }
    String name = row.text("AcceleratorName");
    BigDecimal count = row.count("AcceleratorCount");
    if (!row.valid() || price == null || count == null) {
      return;
    }
    Optional<String> skip = unusable(name, count, BigDecimal.ONE);
    if (skip.isPresent()) {
      source.tally().skip(row.line(), skip.get());
      return;
    }
    gcp.accelerator(
        source.tally(), row.line(), name, count.intValueExact(), region, zone, price, spot);
  }

  /** Why a well-formed GPU row cannot become an offering, if it cannot. */
  static Optional<String> unusable(String name, BigDecimal count, BigDecimal price) {
    if (name.toLowerCase(Locale.ROOT).startsWith("tpu-")) {
      return Optional.of(SkipReason.TPU);
    }
    if (AcceleratorMapping.normalise(name, "").isEmpty()) {
      return Optional.of(SkipReason.unknownAccelerator(name));
    }
    if (count.stripTrailingZeros().scale() > 0) {
      return Optional.of(SkipReason.FRACTIONAL);
    }
    if (price.signum() == 0) {
      return Optional.of(SkipReason.ZERO_PRICE);
    }
    return Optional.empty();
  }

  /** A spot price to offer, or null; a zero spot price is noted and dropped. */
  static @Nullable BigDecimal usableSpot(FileTally tally, @Nullable BigDecimal spot) {
    if (spot == null) {
      return null;
    }
    if (spot.signum() == 0) {
      tally.note(SkipReason.NOTE_ZERO_SPOT);
      return null;
    }
    return spot;
  }
}

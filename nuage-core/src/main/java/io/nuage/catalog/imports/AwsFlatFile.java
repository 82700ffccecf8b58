package io.nuage.catalog.imports;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of the AWS flat price CSV (one per instance type x region): on-demand and 1-year reserved
 * (no upfront) prices. ASICs and graphics-only GPUs are skipped under their own reasons.
 */
final class AwsFlatFile {
  static final String FORMAT = "aws-flat";
  static final List<String> REQUIRED =
      List.of("InstanceType", "GpuModel", "GpuCount", "Region", "OnDemandPrice");

  private static final Set<String> ASICS =
      Set.of("AWS TRAINIUM", "AWS INFERENTIA", "AWS INFERENTIA2", "QUALCOMM AI 100");
  private static final Set<String> GRAPHICS =
      Set.of("AMD RADEON PRO V520", "ARM MALI-G78MP12", "NVIDIA GRID K520");
  private static final Map<String, String> LARGER_VARIANTS =
      Map.of("p4de/A100", "A100-80GB", "p3dn/V100", "V100-32GB");

  private AwsFlatFile() {}

  static void read(SourceFile source, OfferingSink sink) {
    FileTally tally = source.tally();
    for (RowFields row : source.rows()) {
      String instanceType = row.required("InstanceType", "an EC2 instance type");
      String model = row.required("GpuModel", "an accelerator model such as NVIDIA H100");
      BigDecimal count = row.count("GpuCount");
      String region = source.region(row);
      BigDecimal onDemand = row.price("OnDemandPrice", true);
      BigDecimal reserved = row.price("Reserved1yrNoUpfrontPrice", false);
      if (!row.valid() || count == null || onDemand == null) {
        continue;
      }
      String upper = model.toUpperCase(Locale.ROOT);
      if (ASICS.contains(upper)) {
        tally.skip(row.line(), SkipReason.asic(model));
        continue;
      }
      if (GRAPHICS.contains(upper)) {
        tally.skip(row.line(), SkipReason.graphics(model));
        continue;
      }
      String name = canonicalName(model, instanceType);
      Optional<String> skip = SkyPilotFile.unusable(name, count, onDemand);
      if (skip.isPresent()) {
        tally.skip(row.line(), skip.get());
        continue;
      }
      Accelerator accelerator = AcceleratorMapping.normalise(name, instanceType).orElseThrow();
      int gpus = count.intValueExact();
      String where = tally.file() + ":" + row.line();
      List<OfferingSink.Outcome> outcomes = new ArrayList<>();
      outcomes.add(
          sink.add(
              offering(
                  accelerator,
                  region,
                  PricingKind.ON_DEMAND,
                  onDemand,
                  gpus,
                  instanceType,
                  where)));
      if (reserved != null && reserved.signum() > 0) {
        outcomes.add(
            sink.add(
                offering(
                    accelerator,
                    region,
                    PricingKind.RESERVED_1Y,
                    reserved,
                    gpus,
                    instanceType,
                    where)));
      }
      OfferingSink.decide(tally, row.line(), outcomes, false);
    }
  }

  private static Offering offering(
      Accelerator accelerator,
      String region,
      PricingKind pricing,
      BigDecimal price,
      int gpus,
      String instanceType,
      String where) {
    return new Offering(
        "aws",
        region,
        accelerator.name(),
        pricing,
        PerGpuPrice.of(price, gpus),
        instanceType,
        where);
  }

  /**
   * {@code NVIDIA H100} is {@code H100}; {@code NVIDIA B200 Blackwell} is {@code B200}. The larger
   * A100 and V100 are told by instance family, because {@code GpuMemory} is per GPU on some rows
   * (p3: 16 GB with 8 GPUs) and per instance on others (p4d: 320 GB with 8).
   */
  static String canonicalName(String model, String instanceType) {
    String name =
        model.strip().replaceFirst("(?i)^NVIDIA\\s+", "").replaceFirst("(?i)\\s+Blackwell$", "");
    String family = instanceType.toLowerCase(Locale.ROOT).split("\\.", 2)[0];
    return LARGER_VARIANTS.getOrDefault(family + "/" + name.toUpperCase(Locale.ROOT), name);
  }
}

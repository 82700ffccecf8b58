package io.nuage.catalog.imports;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GCP prices a VM's host and its GPUs in separate rows. Bundled GPUs (A100, H100, H200, B200, L4)
 * only run on their machine family: host row + accelerator row of the same zone and count make the
 * offering. GPUs attached to N1 VMs (T4, P4, V100, P100) are offered at the GPU price alone; the N1
 * host is not in the files. See docs/catalog.md.
 */
final class GcpCombiner {
  private static final Map<String, Map<Integer, List<String>>> HOSTS =
      Map.of(
          "A100",
          Map.of(
              1, List.of("a2-highgpu-1g"),
              2, List.of("a2-highgpu-2g"),
              4, List.of("a2-highgpu-4g"),
              8, List.of("a2-highgpu-8g"),
              16, List.of("a2-megagpu-16g")),
          "A100-80GB",
          Map.of(
              1, List.of("a2-ultragpu-1g"),
              2, List.of("a2-ultragpu-2g"),
              4, List.of("a2-ultragpu-4g"),
              8, List.of("a2-ultragpu-8g")),
          "H100",
          Map.of(
              1, List.of("a3-highgpu-1g"),
              2, List.of("a3-highgpu-2g"),
              4, List.of("a3-highgpu-4g"),
              8, List.of("a3-highgpu-8g", "a3-edgegpu-8g", "a3-edgegpu-8g-nolssd")),
          "H100-MEGA",
          Map.of(8, List.of("a3-megagpu-8g")),
          "H200",
          Map.of(8, List.of("a3-ultragpu-8g", "a3-ultragpu-8g-nolssd")),
          "B200",
          Map.of(8, List.of("a4-highgpu-8g")),
          "L4",
          Map.of(
              1,
              List.of(
                  "g2-standard-4",
                  "g2-standard-8",
                  "g2-standard-12",
                  "g2-standard-16",
                  "g2-standard-32"),
              2,
              List.of("g2-standard-24"),
              4,
              List.of("g2-standard-48"),
              8,
              List.of("g2-standard-96")));

  private static final Set<String> ATTACHED_TO_N1 = Set.of("T4", "P4", "V100", "P100");

  private record AcceleratorRow(
      FileTally tally,
      int line,
      String name,
      int count,
      String region,
      String zone,
      BigDecimal price,
      @Nullable BigDecimal spot) {}

  private record HostRow(FileTally tally, int line, BigDecimal price, @Nullable BigDecimal spot) {}

  private record HostKey(String zone, String type) {}

  private final List<AcceleratorRow> accelerators = new ArrayList<>();
  private final Map<HostKey, HostRow> hosts = new HashMap<>();
  private final List<HostRow> allHosts = new ArrayList<>();

  void accelerator(
      FileTally tally,
      int line,
      String name,
      int count,
      String region,
      String zone,
      BigDecimal price,
      @Nullable BigDecimal spot) {
    accelerators.add(new AcceleratorRow(tally, line, name, count, region, zone, price, spot));
  }

  void host(
      FileTally tally,
      int line,
      String type,
      String region,
      String zone,
      BigDecimal price,
      @Nullable BigDecimal spot) {
    HostRow host = new HostRow(tally, line, price, spot);
    allHosts.add(host);
    if (hosts.putIfAbsent(new HostKey(zone, type.toLowerCase(Locale.ROOT)), host) != null) {
      tally.skip(line, SkipReason.GCP_DUPLICATE_HOST);
    }
  }

  /** Makes the offerings, then decides every GCP row not yet decided. */
  void combine(OfferingSink sink) {
    for (AcceleratorRow row : accelerators) {
      String key = row.name().toUpperCase(Locale.ROOT);
      if (ATTACHED_TO_N1.contains(key)) {
        attached(row, sink);
      } else {
        bundled(row, sink);
      }
    }
    for (HostRow host : allHosts) {
      host.tally().skip(host.line(), SkipReason.GCP_UNUSED_HOST);
    }
  }

  private void attached(AcceleratorRow row, OfferingSink sink) {
    String instanceType = "n1+" + row.name() + "x" + row.count();
    if (row.price().signum() == 0) {
      row.tally().skip(row.line(), SkipReason.ZERO_PRICE);
      return;
    }
    List<OfferingSink.Outcome> outcomes =
        offer(row, sink, instanceType, row.price(), row.spot(), source(row.tally(), row.line()));
    OfferingSink.decide(row.tally(), row.line(), outcomes, true);
  }

  private void bundled(AcceleratorRow row, OfferingSink sink) {
    List<String> types =
        HOSTS
            .getOrDefault(row.name().toUpperCase(Locale.ROOT), Map.of())
            .getOrDefault(row.count(), List.of());
    if (types.isEmpty()) {
      row.tally().skip(row.line(), SkipReason.GCP_NO_HOST_TYPE);
      return;
    }
    List<OfferingSink.Outcome> outcomes = new ArrayList<>();
    for (String type : types) {
      HostRow host = hosts.get(new HostKey(row.zone(), type));
      if (host == null) {
        continue;
      }
      if (row.price().add(host.price()).signum() == 0) {
        row.tally().skip(row.line(), SkipReason.ZERO_PRICE);
        host.tally().skip(host.line(), SkipReason.ZERO_PRICE);
        continue;
      }
      BigDecimal spot =
          row.spot() == null || host.spot() == null ? null : row.spot().add(host.spot());
      String source = source(row.tally(), row.line()) + "+" + source(host.tally(), host.line());
      List<OfferingSink.Outcome> hostOutcomes =
          offer(row, sink, type, row.price().add(host.price()), spot, source);
      OfferingSink.decide(host.tally(), host.line(), hostOutcomes, true);
      outcomes.addAll(hostOutcomes);
    }
    if (outcomes.isEmpty()) {
      row.tally().skip(row.line(), SkipReason.GCP_NO_HOST);
      return;
    }
    OfferingSink.decide(row.tally(), row.line(), outcomes, true);
  }

  private static List<OfferingSink.Outcome> offer(
      AcceleratorRow row,
      OfferingSink sink,
      String instanceType,
      BigDecimal price,
      @Nullable BigDecimal spot,
      String source) {
    String accelerator =
        AcceleratorMapping.normalise(row.name(), instanceType).orElseThrow().name();
    List<OfferingSink.Outcome> outcomes = new ArrayList<>();
    outcomes.add(
        sink.add(
            new Offering(
                "gcp",
                row.region(),
                accelerator,
                PricingKind.ON_DEMAND,
                PerGpuPrice.of(price, row.count()),
                instanceType,
                source)));
    BigDecimal usableSpot = SkyPilotFile.usableSpot(row.tally(), spot);
    if (usableSpot != null) {
      outcomes.add(
          sink.add(
              new Offering(
                  "gcp",
                  row.region(),
                  accelerator,
                  PricingKind.SPOT,
                  PerGpuPrice.of(usableSpot, row.count()),
                  instanceType,
                  source)));
    }
    return outcomes;
  }

  private static String source(FileTally tally, int line) {
    return tally.file() + ":" + line;
  }
}

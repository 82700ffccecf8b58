package io.nuage.cli;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.imports.AcceleratorMapping;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Offerings as RFC 4180 CSV with exact decimal prices. */
public final class OfferingCsv {
  private OfferingCsv() {}

  public static String render(List<Offering> offerings) {
    var sb = new StringBuilder();
    sb.append(
        "provider,region,accelerator,family,pricing,price_per_gpu_hour,instance_type,source\r\n");
    for (Offering o : offerings) {
      String family =
          AcceleratorMapping.byName(o.accelerator()).map(Accelerator::family).orElse("");
      sb.append(
              Stream.of(
                      o.provider(),
                      o.region(),
                      o.accelerator(),
                      family,
                      o.pricing().label(),
                      o.pricePerGpuHour().toPlainString(),
                      o.instanceType(),
                      o.source())
                  .map(OfferingCsv::quote)
                  .collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return sb.toString();
  }

  private static String quote(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}

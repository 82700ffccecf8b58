package io.nuage.cli;

import io.nuage.risk.Concentration;
import io.nuage.risk.WhatIfResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A what-if as one CSV table (RFC 4180, exact decimals): a row per figure, {@code section} saying
 * which (total, component, shortfall, provider-cost, provider-gpu-hours, unmet); contract years are
 * named {@code CONTRACT year N} with N from 1, and their first month.
 */
final class WhatifCsv {
  private WhatifCsv() {}

  static String of(WhatIfResult r) {
    StringWriter w = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(
            w,
            CSVFormat.RFC4180
                .builder()
                .setHeader("section", "item", "month", "base", "future", "delta")
                .get())) {
      csv.printRecord(
          "total",
          "total cost",
          "",
          r.base().totalCost().toPlainString(),
          r.future().totalCost().toPlainString(),
          r.delta().toPlainString());
      for (WhatIfResult.Component c : r.components())
        csv.printRecord(
            "component",
            c.name(),
            "",
            c.base().toPlainString(),
            c.future().toPlainString(),
            c.delta().toPlainString());
      for (WhatIfResult.YearShortfall y : r.contractYears())
        csv.printRecord(
            "shortfall",
            y.contract() + " year " + (y.year() + 1),
            y.firstMonth() == null ? "" : y.firstMonth(),
            y.baseShortfall().toPlainString(),
            y.futureShortfall().toPlainString(),
            y.delta().toPlainString());
      for (WhatIfResult.ProviderMove p : r.providers()) {
        csv.printRecord(
            "provider-cost",
            p.provider(),
            "",
            p.baseCost().toPlainString(),
            p.futureCost().toPlainString(),
            p.costDelta().toPlainString());
        csv.printRecord(
            "provider-gpu-hours",
            p.provider(),
            "",
            WhatifJson.hours(p.baseGpuHours()),
            WhatifJson.hours(p.futureGpuHours()),
            WhatifJson.hours(p.futureGpuHours().subtract(p.baseGpuHours())));
      }
      java.util.Map<String, java.math.BigDecimal[]> unmet = new java.util.TreeMap<>();
      for (WhatIfResult.UnmetWorkload u : r.baseUnmet())
        unmet.computeIfAbsent(u.workload(), k -> zeros())[0] = u.referenceGpuHours();
      for (WhatIfResult.UnmetWorkload u : r.unmet())
        unmet.computeIfAbsent(u.workload(), k -> zeros())[1] = u.referenceGpuHours();
      for (var e : unmet.entrySet())
        csv.printRecord(
            "unmet-reference-gpu-hours",
            e.getKey(),
            "",
            WhatifJson.hours(e.getValue()[0]),
            WhatifJson.hours(e.getValue()[1]),
            WhatifJson.hours(e.getValue()[1].subtract(e.getValue()[0])));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static java.math.BigDecimal[] zeros() {
    return new java.math.BigDecimal[] {java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO};
  }

  static String of(Concentration.Report r) {
    StringWriter w = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(
            w,
            CSVFormat.RFC4180
                .builder()
                .setHeader(
                    "provider",
                    "from",
                    "extraCost",
                    "shortfallChange",
                    "unmetGpuHours",
                    "unmetCost",
                    "margin")
                .get())) {
      for (Concentration.Row row : r.rows())
        csv.printRecord(
            row.provider(),
            row.from(),
            row.extraCost().toPlainString(),
            row.shortfallChange().toPlainString(),
            WhatifJson.hours(row.unmetGpuHours()),
            row.unmetCost().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString(),
            row.margin().toPlainString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}

package io.nuage.cli;

import io.nuage.plan.Placement;
import io.nuage.plan.Plan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A plan's placements as one CSV table (RFC 4180, exact decimals as in the plan JSON: US dollars to
 * the cent, GPU-hours to three decimals): {@code nuage plan --format csv}.
 */
final class PlanCsv {
  private PlanCsv() {}

  static final String[] HEADER = {
    "workload",
    "kind",
    "month",
    "provider",
    "region",
    "accelerator",
    "pricing",
    "contract",
    "gpus",
    "gpu_hours",
    "rate_usd",
    "cost_usd"
  };

  static String of(Plan plan) {
    StringWriter w = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
      for (Placement p : plan.placements())
        csv.printRecord(
            p.workload(),
            p.kind(),
            p.month().toString(),
            p.provider(),
            p.region(),
            p.accelerator(),
            p.pricing(),
            p.contract() == null ? "" : p.contract(),
            p.gpus(),
            p.gpuHours().toPlainString(),
            p.rate().toPlainString(),
            p.cost().toPlainString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}

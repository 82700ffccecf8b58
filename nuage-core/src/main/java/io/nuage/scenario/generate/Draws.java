package io.nuage.scenario.generate;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/** Draws runs and fleets from the trace distributions (docs/generate.md), in a fixed order. */
final class Draws {
  static final int GPUS_PER_TRACE_GPU = 2048;
  static final int GPUS_PER_SERVICE_INSTANCE = 16;
  static final double MIN_SECONDS = 60;
  static final double MAX_SECONDS = 1e6;
  static final double MIN_HOURS = 24;
  static final double MAX_HOURS = 2160;
  static final double SHORTEST_MONTH_HOURS = 24 * 28;
  static final List<String> ALL_FAMILIES = List.of("H100", "H200", "B200");
  private static final Map<String, String> FAMILY_OF_TRACE_GPU =
      Map.of(
          "T4", "H100", "P100", "H100", "V100M16", "H200", "V100M32", "H200", "A10", "H200", "G2",
          "B200", "G3", "B200");

  /** A generated training run before placement. */
  record Run(
      String id,
      int gpus,
      int referenceHours,
      List<String> families,
      YearMonth earliestStart,
      YearMonth deadline,
      BigDecimal datasetTb,
      String datasetHome) {}

  /** A generated fleet: US always, EU sometimes; reference GPU-hours in its first month. */
  record Fleet(String id, long usInitial, long euInitial, BigDecimal monthlyGrowth) {}

  private Draws() {}

  static List<Run> runs(GenerateSpec spec, JobTraces traces, List<String> regions, Random random) {
    var runs = new ArrayList<Run>();
    int width = Math.max(4, String.valueOf(spec.trainingRuns()).length());
    for (int i = 1; i <= spec.trainingRuns(); i++) {
      int milli = pick(traces.podGpuMilli(), random);
      int gpus = 8 * (int) Math.ceil(milli / 1000.0 * GPUS_PER_TRACE_GPU / 8);
      int hours = hours(pick(traces.runtimeSeconds(), random));
      List<String> families = families(pick(traces.gpuSpecs(), random));
      // months counted as 28 days, so the window holds the run whatever month it starts in
      int need = (int) Math.ceil(hours / SHORTEST_MONTH_HOURS);
      if (need > spec.months()) {
        hours = (int) SHORTEST_MONTH_HOURS * spec.months();
        need = spec.months();
      }
      YearMonth earliest = GenerateSpec.START.plusMonths(random.nextInt(spec.months() - need + 1));
      YearMonth deadline = earliest.plusMonths(need - 1L + random.nextInt(4));
      if (deadline.isAfter(spec.end())) deadline = spec.end();
      String home = regions.get(random.nextInt(regions.size()));
      BigDecimal tb = BigDecimal.valueOf(gpus).divide(BigDecimal.valueOf(20));
      runs.add(
          new Run("run-" + pad(i, width), gpus, hours, families, earliest, deadline, tb, home));
    }
    return runs;
  }

  static List<Fleet> fleets(GenerateSpec spec, JobTraces traces, Random random) {
    var fleets = new ArrayList<Fleet>();
    int width = Math.max(3, String.valueOf(spec.fleets()).length());
    for (int i = 1; i <= spec.fleets(); i++) {
      long initial =
          (long) pick(traces.serviceInstances(), random) * GPUS_PER_SERVICE_INSTANCE * 730;
      BigDecimal growth = BigDecimal.valueOf(random.nextInt(31), 3);
      long eu = random.nextBoolean() ? initial / 2 : 0;
      fleets.add(new Fleet("fleet-" + pad(i, width), initial, eu, growth));
    }
    return fleets;
  }

  /** Philly seconds mapped log-linearly onto 1..90 days of reference hours. */
  static int hours(double seconds) {
    double r = Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, seconds));
    double x =
        (Math.log(r) - Math.log(MIN_SECONDS)) / (Math.log(MAX_SECONDS) - Math.log(MIN_SECONDS));
    return (int) Math.round(MIN_HOURS * Math.pow(MAX_HOURS / MIN_HOURS, x));
  }

  static List<String> families(String spec) {
    if (spec.isBlank()) return ALL_FAMILIES;
    var families = new TreeSet<String>();
    for (String gpu : spec.split("\\|")) {
      String family = FAMILY_OF_TRACE_GPU.get(gpu);
      if (family != null) families.add(family);
    }
    return families.isEmpty() ? ALL_FAMILIES : List.copyOf(families);
  }

  private static <T> T pick(List<T> items, Random random) {
    return items.get(random.nextInt(items.size()));
  }

  private static String pad(int i, int width) {
    return String.format("%0" + width + "d", i);
  }
}

package io.nuage.scenario.generate;

import io.nuage.catalog.imports.CatalogImporter;
import io.nuage.catalog.imports.ImportResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Generates a valid, feasible scenario from the real catalogs and the trace distributions
 * (docs/generate.md). Same spec and data, same YAML, byte for byte.
 */
public final class ScenarioGenerator {
  static final String COMMITTED = "oci";
  static final BigDecimal COMMITTED_DISCOUNT = new BigDecimal("0.20");
  static final String RESERVED = "lambda";
  static final BigDecimal RESERVED_PRICE_FACTOR = new BigDecimal("0.65");
  static final String RATE_CARD = "nebius";
  static final BigDecimal RATE_CARD_DISCOUNT = new BigDecimal("0.10");

  /** Egress per TB out and storage per TB-month, public list prices (assumptions). */
  static final Map<String, BigDecimal[]> EGRESS_AND_STORAGE =
      Map.of(
          "aws", prices("90", "23"),
          "azure", prices("87", "20.80"),
          "gcp", prices("120", "20"),
          "lambda", prices("0", "20"),
          "nebius", prices("0", "20"),
          "oci", prices("8.50", "25.50"));

  private ScenarioGenerator() {}

  private static BigDecimal[] prices(String egress, String storage) {
    return new BigDecimal[] {new BigDecimal(egress), new BigDecimal(storage)};
  }

  /** Generates from {@code dataRoot} = shared/data (gpu_prices and gpu_traces below it). */
  public static String generate(GenerateSpec spec, Path dataRoot) {
    ImportResult imported = CatalogImporter.importPaths(List.of(dataRoot.resolve("gpu_prices")));
    List<Slot> slots = CatalogChoice.choose(imported, spec.regionsPerKey(), dataRoot);
    JobTraces traces = JobTraces.read(dataRoot.resolve("gpu_traces"));
    return generate(spec, slots, traces);
  }

  static String generate(GenerateSpec spec, List<Slot> slots, JobTraces traces) {
    var random = new Random(spec.seed());
    List<String> regions = slots.stream().map(Slot::region).distinct().sorted().toList();
    List<Draws.Run> runs = Draws.runs(spec, traces, regions, random);
    List<Draws.Fleet> fleets = Draws.fleets(spec, traces, random);

    var reference = new ReferencePlacement(spec, slots);
    runs.stream()
        .sorted(
            java.util.Comparator.comparing(Draws.Run::earliestStart).thenComparing(Draws.Run::id))
        .forEach(reference::placeRun);
    for (Draws.Fleet fleet : fleets) {
      for (int t = 0; t < spec.months(); t++) {
        double grown = Math.pow(1 + fleet.monthlyGrowth().doubleValue(), t);
        reference.placeDemand("US", t, fleet.usInitial() * grown);
        if (fleet.euInitial() > 0) reference.placeDemand("EU", t, fleet.euInitial() * grown);
      }
    }
    var contracts = Contracts.size(spec, reference, runs);
    return new ScenarioYaml(spec, slots, runs, fleets, reference, contracts).write();
  }

  static BigDecimal money(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** Sums per provider per plan year, in dollars (the reference placement's spend). */
  static Map<String, double[]> spendTable(GenerateSpec spec) {
    var table = new TreeMap<String, double[]>();
    for (String provider : CatalogChoice.PROVIDERS) table.put(provider, new double[years(spec)]);
    return table;
  }

  static int years(GenerateSpec spec) {
    return (spec.months() + 11) / 12;
  }

  static List<Integer> range(int n) {
    var list = new ArrayList<Integer>();
    for (int i = 0; i < n; i++) list.add(i);
    return list;
  }
}

package io.nuage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.scenario.generate.GenerateSpec;
import io.nuage.scenario.generate.ScenarioGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The planner benchmark driver (docs/benchmarks.md, Planner): plans the shipped example and
 * generated scenarios of several sizes with {@code ./nuage plan} as a separate process, so the wall
 * time includes JVM start, and reports wall time, solve time, status, gap, peak heap (from the
 * child's GC log) and peak RSS, as markdown rows.
 *
 * <pre>
 * java -cp ... io.nuage.bench.PlanBench [--example-runs 3] [--sizes 1000x50,10000x200]
 *     [--months 60] [--seed 1] [--repeat 1] [--time-limit 600] [--xmx 4g] [--work DIR]
 * </pre>
 */
public final class PlanBench {
  private PlanBench() {}

  public static void main(String[] args) throws Exception {
    var options = BenchOptions.parse(args);
    Files.createDirectories(options.work());
    var rows = new ArrayList<BenchRow>();
    Path example = options.home().resolve("examples/frontier-lab-2027.yaml");
    for (int i = 0; i < options.exampleRuns(); i++) {
      rows.add(plan(options, "example", example, options.exampleTimeLimit(), i));
      print(rows.getLast());
    }
    for (int[] size : options.sizes()) {
      var spec = new GenerateSpec(size[0], size[1], options.months(), options.seed(), 2);
      long t0 = System.nanoTime();
      String yaml = ScenarioGenerator.generate(spec, options.data());
      double generateSeconds = (System.nanoTime() - t0) / 1e9;
      Path file =
          options
              .work()
              .resolve("gen-" + size[0] + "x" + size[1] + "-m" + options.months() + ".yaml");
      Files.writeString(file, yaml);
      System.err.printf(Locale.ROOT, "generated %s in %.1f s%n", file, generateSeconds);
      for (int i = 0; i < options.repeat(); i++) {
        rows.add(
            plan(
                options, size[0] + " runs + " + size[1] + " fleets", file, options.timeLimit(), i));
        print(rows.getLast());
      }
    }
    System.out.println();
    System.out.println(BenchRow.HEADER);
    rows.forEach(r -> System.out.println(r.markdown()));
  }

  private static void print(BenchRow row) {
    System.err.println(row.markdown());
  }

  private static BenchRow plan(BenchOptions o, String name, Path scenario, int timeLimit, int run)
      throws IOException, InterruptedException {
    String tag = scenario.getFileName().toString().replace(".yaml", "") + "-" + run;
    Path json = o.work().resolve(tag + ".plan.json");
    Path gc = o.work().resolve(tag + ".gc.log");
    Path time = o.work().resolve(tag + ".time");
    Files.deleteIfExists(json);
    var command =
        List.of(
            "/usr/bin/time",
            "-o",
            time.toString(),
            "-f",
            "%M %e %U %S",
            o.home().resolve("nuage").toString(),
            "plan",
            scenario.toString(),
            "--format",
            "json",
            "--out",
            json.toString(),
            "--time-limit",
            String.valueOf(timeLimit));
    var builder = new ProcessBuilder(command).inheritIO();
    builder
        .environment()
        .put("NUAGE_JAVA_OPTS", "-Xmx" + o.xmx() + " -Xlog:gc,gc+heap+exit:file=" + gc);
    long t0 = System.nanoTime();
    int code = builder.start().waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    JsonNode plan = Files.exists(json) ? new ObjectMapper().readTree(json.toFile()) : null;
    String[] fields = Files.exists(time) ? lastLine(time).trim().split(" ") : new String[0];
    long rssMib = fields.length > 0 ? parseLong(fields[0]) / 1024 : 0;
    // CPU seconds (user + system) of the child: on a shared machine, what the plan really cost
    double cpu = fields.length > 3 ? parseDouble(fields[2]) + parseDouble(fields[3]) : 0;
    return new BenchRow(name, run, code, wall, cpu, plan, GcLog.peakHeapMib(gc), rssMib);
  }

  private static String lastLine(Path file) throws IOException {
    var lines = Files.readAllLines(file);
    return lines.isEmpty() ? "" : lines.getLast();
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static double parseDouble(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static List<int[]> sizes(String text) {
    if (text.isBlank()) return List.of();
    return Arrays.stream(text.split(","))
        .map(s -> s.trim().split("x"))
        .map(p -> new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])})
        .toList();
  }
}

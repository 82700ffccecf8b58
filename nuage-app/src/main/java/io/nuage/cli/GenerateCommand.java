package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.scenario.generate.GenerateSpec;
import io.nuage.scenario.generate.ScenarioGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage generate}: writes a scenario for benchmarks from real prices and traces. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a valid, feasible synthetic scenario, for benchmarks.",
      "%nIt is built from the real price catalogs and the job-size distributions of the GPU"
          + " traces (docs/generate.md). Same arguments, same file."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--training-runs", required = true, description = "number of training runs")
  int trainingRuns;

  @Option(names = "--fleets", required = true, description = "number of inference fleets")
  int fleets;

  @Option(names = "--months", required = true, description = "horizon length from 2027-01")
  int months;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--regions-per-key",
      defaultValue = "2",
      description =
          "cheapest regions kept per provider x accelerator x geography (default ${DEFAULT-VALUE})")
  int regionsPerKey;

  @Option(names = "--out", description = "file to write (default: standard output)")
  @Nullable Path out;

  @Option(
      names = "--data",
      description = "the shared/data folder (default: $NUAGE_SHARED_DATA or ../shared/data)")
  @Nullable Path data;

  @Override
  public Integer call() {
    GenerateSpec generate;
    try {
      generate = new GenerateSpec(trainingRuns, fleets, months, seed, regionsPerKey);
    } catch (IllegalArgumentException e) {
      throw new NuageException("nuage generate: " + e.getMessage());
    }
    if (out != null) OutputFile.check(spec, "--out", out, "scenario.yaml");
    String yaml = ScenarioGenerator.generate(generate, dataRoot());
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      OutputFile.write("--out", out, yaml);
      spec.commandLine().getErr().println("wrote " + out);
    }
    return 0;
  }

  private Path dataRoot() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("NUAGE_SHARED_DATA");
    if (data != null) candidates.add(data);
    else if (env != null && !env.isBlank()) {
      // a variable set by the user is what they meant: never fall back past it to another copy
      Path given = Path.of(env);
      if (!isDataRoot(given)) {
        throw new NuageException(
            "nuage generate: NUAGE_SHARED_DATA: no shared data folder at "
                + given
                + " (expected a folder holding gpu_prices/ and gpu_traces/)");
      }
      candidates.add(given);
    } else {
      String home = System.getProperty("nuage.home");
      if (home != null) candidates.add(Path.of(home, "..", "shared", "data"));
      candidates.add(Path.of("..", "shared", "data"));
      candidates.add(Path.of("shared", "data"));
    }
    for (Path candidate : candidates) {
      if (isDataRoot(candidate)) return candidate.toAbsolutePath().normalize();
    }
    throw new NuageException(
        "nuage generate: --data: no shared data folder (got "
            + candidates
            + ", expected a folder holding gpu_prices/ and gpu_traces/)");
  }

  private static boolean isDataRoot(Path candidate) {
    return Files.isDirectory(candidate.resolve("gpu_prices"))
        && Files.isDirectory(candidate.resolve("gpu_traces"));
  }
}

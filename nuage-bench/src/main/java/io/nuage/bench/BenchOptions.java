package io.nuage.bench;

import java.nio.file.Path;
import java.util.List;

/** Command-line options of {@link PlanBench}, with the defaults of docs/benchmarks.md. */
record BenchOptions(
    int exampleRuns,
    int exampleTimeLimit,
    List<int[]> sizes,
    int months,
    long seed,
    int repeat,
    int timeLimit,
    String xmx,
    Path home,
    Path data,
    Path work) {

  static BenchOptions parse(String[] args) {
    int exampleRuns = 3;
    int exampleTimeLimit = 60;
    String sizes = "100x5,300x15,1000x50,3000x100,10000x200";
    int months = 60;
    long seed = 1;
    int repeat = 1;
    int timeLimit = 600;
    String xmx = "4g";
    Path home = Path.of(System.getProperty("nuage.home", ".")).toAbsolutePath().normalize();
    Path data = null;
    Path work = null;
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--example-runs" -> exampleRuns = Integer.parseInt(value);
        case "--example-time-limit" -> exampleTimeLimit = Integer.parseInt(value);
        case "--sizes" -> sizes = value;
        case "--months" -> months = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--repeat" -> repeat = Integer.parseInt(value);
        case "--time-limit" -> timeLimit = Integer.parseInt(value);
        case "--xmx" -> xmx = value;
        case "--home" -> home = Path.of(value).toAbsolutePath().normalize();
        case "--data" -> data = Path.of(value);
        case "--work" -> work = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (data == null) {
      String env = System.getenv("NUAGE_SHARED_DATA");
      data = env != null ? Path.of(env) : home.resolve("../shared/data").normalize();
    }
    if (work == null) work = home.resolve("nuage-bench/target/plan-bench");
    return new BenchOptions(
        exampleRuns,
        exampleTimeLimit,
        PlanBench.sizes(sizes),
        months,
        seed,
        repeat,
        timeLimit,
        xmx,
        home,
        data.toAbsolutePath(),
        work.toAbsolutePath());
  }
}

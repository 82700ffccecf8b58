package io.nuage.cli;

import io.nuage.core.NuageException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options of a command that draws and serves futures: {@code risk} and {@code deal}. */
final class FuturesOptions {
  @Option(
      names = "--samples",
      defaultValue = "200",
      paramLabel = "N|all",
      description =
          "futures to draw, or all to enumerate every future of a discrete uncertainty exactly"
              + " (default: ${DEFAULT-VALUE})")
  String samples;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "the seed every future derives from (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description =
          "workers serving futures on this machine (default: its cores); with --engine spark"
              + " Spark's executors serve them, and T bounds only the plans solved here")
  @Nullable Integer threads;

  @Option(
      names = "--time-limit",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "the most one future's recourse plan may take (default: ${DEFAULT-VALUE})")
  double timeLimit;

  @Option(names = "--quiet", description = "no progress bar")
  boolean quiet;

  /** The futures to draw; 0 for {@code all} (enumerate). */
  int samples() {
    return RiskCommand.parseSamples(samples);
  }

  /** The worker threads, checked. */
  int workers() {
    int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (workers < 1) throw new NuageException("--threads must be at least 1 (got " + workers + ")");
    return workers;
  }

  /** The time limit of one future's recourse, checked. */
  double timeLimit() {
    return TimeLimit.checked(timeLimit);
  }
}

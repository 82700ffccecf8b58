package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.scaleout.Engines;
import io.nuage.scaleout.ScaleOut;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --engine} and {@code --master}: where a command's heavy part runs (docs/scale-out.md). */
final class EngineOptions {
  enum Engine {
    embedded,
    spark
  }

  @Option(
      names = "--engine",
      defaultValue = "embedded",
      description =
          "embedded (this process, the default) or spark (Apache Spark at --master; same answers,"
              + " docs/scale-out.md)")
  Engine engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark's master with --engine spark: local[N], local[*] or spark://HOST:PORT"
              + " (default: the master spark-submit was given, else local[*])")
  @Nullable String master;

  boolean distributed() {
    if (engine == Engine.embedded && master != null)
      throw new NuageException("--master " + master + ": only --engine spark has a master");
    return engine != Engine.embedded;
  }

  /** A session on the engine asked for; only when {@link #distributed()}. */
  ScaleOut connect() {
    // under spark-submit the master it was given is the spark.master property
    return Engines.connect(
        engine.name(), master != null ? master : System.getProperty("spark.master", "local[*]"));
  }
}

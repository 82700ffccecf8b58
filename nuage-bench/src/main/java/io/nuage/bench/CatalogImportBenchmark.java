package io.nuage.bench;

import io.nuage.catalog.imports.CatalogImporter;
import io.nuage.catalog.imports.ImportResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Imports every price file of shared/data/gpu_prices (5,622 rows, 11 CSV files, 4,256 offerings).
 * Sample time, so the report has the median. Run from the repository root; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogImportBenchmark {
  @Param("../shared/data/gpu_prices")
  public String path;

  @Benchmark
  public ImportResult importAll() {
    return CatalogImporter.importPaths(List.of(Path.of(path)));
  }
}

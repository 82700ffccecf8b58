package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.ledger.SyntheticBilling;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage generate-billing}: realistic synthetic FOCUS CSV, streamed. */
@Command(
    name = "generate-billing",
    mixinStandardHelpOptions = true,
    description = {
      "Write a realistic FOCUS 1.0 CSV (the FinOps sample's mix of providers, services and",
      "commitment rows, plus GPU instances), streamed in constant memory."
    })
final class GenerateBillingCommand implements Callable<Integer> {
  @Option(names = "--rows", required = true, paramLabel = "N", description = "Data rows.")
  long rows;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed.")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
  @Nullable Path out;

  @Option(names = "--gzip", description = "Compress with gzip.")
  boolean gzip;

  @Option(
      names = "--bad-line",
      paramLabel = "LINE",
      description = "Make this line's ChargePeriodStart invalid (hour 30), to test rejection.")
  long badLine;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (rows < 1) throw new NuageException("--rows must be positive (got " + rows + ")");
    if (badLine != 0 && (badLine < 2 || badLine > rows + 1))
      throw new NuageException(
          "--bad-line must be a data line, 2.." + (rows + 1) + " (got " + badLine + ")");
    try (OutputStream raw = out == null ? new NonClosing(System.out) : Files.newOutputStream(out);
        OutputStream sink = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
        Writer w =
            new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16)) {
      new SyntheticBilling(rows, seed, badLine).write(w);
    } catch (IOException e) {
      throw new NuageException(
          "cannot write " + (out == null ? "stdout" : out) + ": " + e.getMessage(), e);
    }
    return 0;
  }

  /** Lets the writer flush into stdout without closing it. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

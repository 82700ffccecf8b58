package io.nuage.cli.billing;

import io.nuage.core.NuageException;
import io.nuage.ledger.FocusVersion;
import io.nuage.ledger.generate.BillablePlan;
import io.nuage.ledger.generate.BillingOptions;
import io.nuage.ledger.generate.BillsFromPlan;
import io.nuage.ledger.generate.ChargePeriod;
import io.nuage.ledger.generate.Drift;
import io.nuage.ledger.generate.DriftParser;
import io.nuage.scenario.Scenario;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import me.tongfei.progressbar.ProgressBar;
import org.jspecify.annotations.Nullable;

/**
 * One run of {@code generate-billing --from-plan}: every input read and checked, then the bills
 * (and the commitments) written to temporary files moved into place at the end, so a refusal or a
 * failure leaves no partial file.
 */
public final class FromPlanRun {
  /** Above this many rows, a file being written shows a progress bar on stderr. */
  static final long PROGRESS_ROWS = 200_000;

  /** The options as given on the command line. */
  public record Request(
      Path plan,
      String until,
      @Nullable Path scenario,
      List<String> drifts,
      String focusVersion,
      String chargePeriod,
      @Nullable Path out,
      @Nullable Path commitmentsOut,
      long seed,
      boolean gzip) {}

  private FromPlanRun() {}

  /** Runs it; {@code stdout} gets the bills when {@code out} is null. Returns the rows written. */
  public static long run(Request r, OutputStream stdout) {
    FocusVersion version = version(r.focusVersion());
    ChargePeriod period = period(r.chargePeriod());
    YearMonth until = month(r.until());
    if (r.commitmentsOut() != null && version != FocusVersion.V1_3)
      throw new NuageException(
          "--commitments-out: the Contract Commitment dataset is FOCUS 1.3 (got --focus-version "
              + r.focusVersion()
              + ", expected 1.3, the default)");
    BillablePlan plan = PlanFile.read(r.plan());
    ScenarioLookup.Found found = ScenarioLookup.find(r.scenario(), r.plan(), plan.scenario());
    Scenario scenario = found.scenario();
    BillsFromPlan.checkUntil(scenario, until);
    TreeSet<String> providers = new TreeSet<>();
    scenario.catalog().providers().forEach(p -> providers.add(p.id()));
    scenario.contracts().forEach(c -> providers.add(c.provider()));
    List<Drift> drifts = new ArrayList<>();
    for (String d : r.drifts())
      drifts.add(DriftParser.parse(d, providers, BillsFromPlan.firstMonth(scenario), until));
    BillsFromPlan bills =
        new BillsFromPlan(
            scenario,
            found.file().toString(),
            plan,
            new BillingOptions(until, version, period, r.seed(), drifts));
    long months = BillsFromPlan.firstMonth(scenario).until(until, ChronoUnit.MONTHS) + 1;
    if (r.commitmentsOut() != null) {
      Path target = r.commitmentsOut();
      atomically(
          target, r.gzip(), w -> FocusCsv.commitments(w, bills.commitments()), "--commitments-out");
    }
    if (r.out() == null) {
      try {
        Writer w = writer(new NonClosing(stdout), r.gzip());
        long rows = write(bills, version, w, null);
        w.close();
        return rows;
      } catch (IOException e) {
        throw new NuageException("cannot write the bills to stdout: " + e.getMessage(), e);
      }
    }
    long[] rows = new long[1];
    try (ProgressBar bar = bills.estimatedRows() >= PROGRESS_ROWS ? bar(months) : null) {
      atomically(r.out(), r.gzip(), w -> rows[0] = write(bills, version, w, bar), "--out");
    }
    return rows[0];
  }

  private static long write(
      BillsFromPlan bills, FocusVersion version, Writer w, @Nullable ProgressBar bar)
      throws IOException {
    FocusCsv csv =
        FocusCsv.bills(
            w,
            version,
            (m, rows) -> {
              if (bar != null) {
                bar.step();
                bar.setExtraMessage(m + ", " + rows + " rows");
              }
            });
    long rows = bills.write(csv);
    csv.flush();
    return rows;
  }

  private interface Body {
    void write(Writer w) throws IOException;
  }

  /** Writes a file beside the target, then moves it into place. */
  private static void atomically(Path target, boolean gzip, Body body, String option) {
    Path abs = target.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(abs.getParent());
      // not createTempFile: its owner-only permissions would stay on the file moved into place
      tmp =
          abs.resolveSibling(
              "."
                  + abs.getFileName()
                  + ".tmp-"
                  + ProcessHandle.current().pid()
                  + "-"
                  + System.nanoTime());
      try (Writer w = writer(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW), gzip)) {
        body.write(w);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new NuageException(
          option + ": cannot write " + target + " (" + e.getMessage() + ")", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the move took it, or the folder went away: nothing left to clean
        }
      }
    }
  }

  private static Writer writer(OutputStream raw, boolean gzip) throws IOException {
    OutputStream sink = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
    return new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8), 1 << 16);
  }

  private static ProgressBar bar(long months) {
    return io.nuage.cli.Progress.bar("generate-billing")
        .setInitialMax(months)
        .setUnit(" months", 1)
        .build();
  }

  static FocusVersion version(String text) {
    return switch (text) {
      case "1.3" -> FocusVersion.V1_3;
      case "1.2" -> FocusVersion.V1_2;
      default ->
          throw new NuageException(
              "--focus-version: '" + text + "' (expected 1.2 or 1.3, the default)");
    };
  }

  static ChargePeriod period(String text) {
    for (ChargePeriod p : ChargePeriod.values()) if (p.label().equals(text)) return p;
    throw new NuageException(
        "--charge-period: '" + text + "' (expected day, the default, or month)");
  }

  static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new NuageException(
          "--until: '" + text + "' is not a month (expected YYYY-MM, the last month to bill)");
    }
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

package io.nuage.cli;

import io.nuage.cli.billing.FromPlanRun;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nuage generate-billing}: FOCUS bills that follow a plan ({@code --from-plan},
 * docs/billing-from-plan.md), or synthetic FinOps-sample shaped billing for benchmarks ({@code
 * --rows}).
 */
@Command(
    name = "generate-billing",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes FOCUS billing CSV.",
      "%nWith --from-plan: the bills each provider of a plan would send, in its own FOCUS dialect,"
          + " from the plan's first month through --until, exact to the cent (the rows of a"
          + " placement sum to its cost), with FOCUS 1.3 ContractApplied naming each contract"
          + " commitment, and optional documented drift (docs/billing-from-plan.md). Ingest them"
          + " with `nuage ingest COMMITMENTS.csv BILLS.csv`.",
      "%nWith --rows: realistic synthetic FOCUS 1.0 billing (the FinOps sample's mix of providers,"
          + " services and commitment rows, plus GPU instances) for tests and benchmarks, streamed"
          + " in constant memory.",
      "%nThe same inputs and seed give the same bytes.",
      "%nExamples:",
      "  nuage generate-billing --from-plan plan.json --until 2027-06 --out bills.csv"
          + " --commitments-out commitments.csv",
      "  nuage generate-billing --from-plan plan.json --until 2027-06"
          + " --drift demand=+15%%@2027-04 --drift overbill:azure=+2%% --out drifted.csv",
      "  nuage generate-billing --rows 1000000 --seed 42 --gzip --out bench.csv.gz"
    })
final class GenerateBillingCommand implements Callable<Integer> {
  @Option(
      names = "--from-plan",
      paramLabel = "PLAN.json",
      description = "Bill this plan (the JSON of `nuage plan --format json`).")
  @Nullable Path fromPlan;

  @Option(
      names = "--until",
      paramLabel = "YYYY-MM",
      description = "With --from-plan: the last month billed (inclusive), within the horizon.")
  @Nullable String until;

  @Option(
      names = "--scenario",
      paramLabel = "FILE",
      description =
          "With --from-plan: the plan's scenario (default: the plan's `scenario`, looked up as a"
              + " file or NAME.yaml here, beside the plan, then in examples/).")
  @Nullable Path scenario;

  @Option(
      names = "--drift",
      paramLabel = "SPEC",
      description =
          "With --from-plan, repeatable: KIND[:PROVIDER]=PERCENT[@YYYY-MM], KIND one of demand"
              + " (GPU-hours), price (list prices, contracted rates follow), overbill (billed above"
              + " the contract: `ledger reconcile` flags it). E.g. demand=+15%%@2027-04,"
              + " price:oci=+3%%@2027-05, overbill:azure=+2%%.")
  List<String> drifts = new ArrayList<>();

  @Option(
      names = "--focus-version",
      paramLabel = "1.2|1.3",
      defaultValue = "1.3",
      description =
          "With --from-plan: FOCUS version of the bills (default: ${DEFAULT-VALUE}; 1.3 adds"
              + " ContractApplied, ServiceProviderName, HostProviderName).")
  String focusVersion = "1.3";

  @Option(
      names = "--charge-period",
      paramLabel = "day|month",
      defaultValue = "day",
      description =
          "With --from-plan: charge period of GPU and reservation rows (default: ${DEFAULT-VALUE};"
              + " storage is always monthly).")
  String chargePeriod = "day";

  @Option(
      names = "--commitments-out",
      paramLabel = "FILE",
      description =
          "With --from-plan and FOCUS 1.3: also write the matching Contract Commitment dataset.")
  @Nullable Path commitmentsOut;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "Synthetic billing: this many data rows (exclusive with --from-plan).")
  @Nullable Long rows;

  @Option(
      names = "--bad-line",
      paramLabel = "LINE",
      description =
          "With --rows: make this line's ChargePeriodStart invalid (hour 30), to test rejection.")
  long badLine;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Random seed (with --from-plan it draws ids only; amounts follow the plan).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: stdout).")
  @Nullable Path out;

  @Option(names = "--gzip", description = "Compress the output(s) with gzip.")
  boolean gzip;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (fromPlan != null && rows != null)
      throw new NuageException(
          "--rows and --from-plan are exclusive: --rows writes synthetic billing, --from-plan the"
              + " bills of a plan (give one)");
    if (fromPlan == null && rows == null)
      throw new NuageException(
          "give --from-plan PLAN.json --until YYYY-MM (the bills of a plan) or --rows N"
              + " (synthetic billing)");
    return fromPlan != null ? fromPlan(fromPlan) : synthetic(rows);
  }

  private int fromPlan(Path plan) {
    if (badLine != 0) throw new NuageException("--bad-line goes with --rows, not --from-plan");
    if (until == null)
      throw new NuageException(
          "--from-plan needs --until YYYY-MM: the last month to bill (e.g. --until 2027-06)");
    if (out != null) OutputFile.check(spec, "--out", out, "bills.csv");
    if (commitmentsOut != null) {
      OutputFile.check(spec, "--commitments-out", commitmentsOut, "commitments.csv");
      if (out != null
          && out.toAbsolutePath().normalize().equals(commitmentsOut.toAbsolutePath().normalize()))
        throw new NuageException(
            "--out and --commitments-out are the same file ("
                + out
                + "): give the commitments their own file");
    }
    FromPlanRun.run(
        new FromPlanRun.Request(
            plan,
            until,
            scenario,
            drifts,
            focusVersion,
            chargePeriod,
            out,
            commitmentsOut,
            seed,
            gzip),
        System.out);
    return 0;
  }

  private int synthetic(long rows) {
    List<String> planOnly = new ArrayList<>();
    if (until != null) planOnly.add("--until");
    if (scenario != null) planOnly.add("--scenario");
    if (!drifts.isEmpty()) planOnly.add("--drift");
    if (commitmentsOut != null) planOnly.add("--commitments-out");
    if (spec.commandLine().getParseResult().hasMatchedOption("--focus-version"))
      planOnly.add("--focus-version");
    if (spec.commandLine().getParseResult().hasMatchedOption("--charge-period"))
      planOnly.add("--charge-period");
    if (!planOnly.isEmpty())
      throw new NuageException(
          String.join(", ", planOnly)
              + " go with --from-plan (--rows writes synthetic FOCUS 1.0 billing)");
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

package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's CSV reader skips blank lines: a bad row after one is still named by its physical line,
 * in the refusal and in the reject file.
 */
class IngestBlankLineTest {
  @TempDir Path dir;

  /** Sample rows 1..20; a blank line after line 4; line 10 a bad value, line 15 too short. */
  private List<String> lines() throws IOException {
    List<String> sample = Files.readAllLines(SharedData.file(IngestSampleTest.SAMPLE));
    var out = new ArrayList<>(sample.subList(0, 20));
    out.add(4, "");
    int bad = 9; // line 10
    assertThat(out.get(bad)).contains("\"Usage-Based\"");
    out.set(bad, out.get(bad).replaceFirst("\"Usage-Based\"", "\"Bogus\""));
    out.set(14, "\"a\",\"b\""); // line 15
    return out;
  }

  @Test
  void badRowsAfterABlankLine_areNamedByTheirPhysicalLine() throws IOException {
    Path csv = Files.write(dir.resolve("blank.csv"), lines());

    Cli run = Cli.run("ingest", "--db", dir.resolve("l.duckdb").toString(), csv.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("blank.csv:10:11: ChargeFrequency: got 'Bogus'")
        .contains("blank.csv:15: row: malformed CSV row");
  }

  @Test
  void inAOneColumnFile_aBlankLineIsARecordAndKeepsItsLine() throws IOException {
    // with one column, DuckDB reads a blank line as a record (a null), so it shifts nothing
    Path csv = Files.write(dir.resolve("one.csv"), List.of("BilledCost", "1.5", "", "abc", "2.5"));
    var args = new ArrayList<>(List.of("ingest", "--db", dir.resolve("l.duckdb").toString()));
    for (String fill :
        List.of(
            "BillingAccountId=1",
            "BillingAccountName=a",
            "BillingCurrency=USD",
            "BillingPeriodEnd=2024-02-01",
            "BillingPeriodStart=2024-01-01",
            "ChargeCategory=Usage",
            "ChargeClass=null",
            "ChargeDescription=d",
            "ChargePeriodEnd=2024-01-02",
            "ChargePeriodStart=2024-01-01",
            "ContractedCost=0",
            "EffectiveCost=0",
            "InvoiceIssuerName=i",
            "ListCost=0",
            "PricingQuantity=1",
            "PricingUnit=u",
            "ProviderName=p",
            "PublisherName=p",
            "ServiceCategory=Compute",
            "ServiceName=s")) {
      args.add("--fill");
      args.add(fill);
    }
    args.add(csv.toString());

    Cli run = Cli.run(args);

    assertThat(run.code()).as(run.out()).isEqualTo(2);
    assertThat(run.err()).contains("one.csv:3:1: BilledCost").contains("one.csv:4:1: BilledCost");
  }

  @Test
  void gzipRejectFile_namesThePhysicalLine() throws IOException {
    Path gz = dir.resolve("blank.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write((String.join("\n", lines()) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Cli run =
        Cli.run(
            "ingest", "--db", dir.resolve("l.duckdb").toString(), "--skip-bad-rows", gz.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("accepted\\s+17").containsPattern("rejected\\s+2");
    List<String> rejects = Files.readAllLines(dir.resolve("blank.csv.gz.rejects.csv"));
    assertThat(rejects).anyMatch(l -> l.startsWith("10,\"ChargeFrequency\",\"Bogus\""));
    assertThat(rejects).anyMatch(l -> l.startsWith("15,\"row\""));
  }
}

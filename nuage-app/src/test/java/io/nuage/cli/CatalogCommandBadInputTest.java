package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.cli.CatalogCommandTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad price file through the real CLI: exit 2, the located message on stderr, nothing
 * on stdout (no partial catalog), no stack trace.
 */
class CatalogCommandBadInputTest {
  private static final String HEADER =
      "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,Region,SpotPrice\n";

  @TempDir Path dir;

  @Test
  void missingRequiredColumn() throws IOException {
    Path file = write("oci_a.csv", "InstanceType,AcceleratorName,Price,Region\nx,H100,8,r\n");
    assertRejected(
        file,
        file
            + ":1: AcceleratorCount: missing required column (got columns"
            + " InstanceType,AcceleratorName,Price,Region, expected a column named"
            + " AcceleratorCount)");
  }

  @Test
  void nonNumericPrice() throws IOException {
    Path file = write("oci_a.csv", HEADER + "BM.GPU.H100.8,H100,8,224,2048,$80,us-phoenix-1,\n");
    assertRejected(
        file,
        file + ":2: Price: not a number (got $80, expected a price in USD per hour such as 12.50)");
  }

  @Test
  void negativePrice() throws IOException {
    Path file = write("oci_a.csv", HEADER + "BM.GPU.H100.8,H100,8,224,2048,-80,us-phoenix-1,\n");
    assertRejected(
        file, file + ":2: Price: price cannot be negative (got -80, expected a price >= 0)");
  }

  @Test
  void zeroAcceleratorCount() throws IOException {
    Path file = write("oci_a.csv", HEADER + "BM.GPU.H100.8,H100,0,224,2048,80,us-phoenix-1,\n");
    assertRejected(
        file,
        file
            + ":2: AcceleratorCount: accelerator count must be positive (got 0, expected a count"
            + " of at least 1)");
  }

  @Test
  void unreadableFile() throws IOException {
    Path file = Files.createSymbolicLink(dir.resolve("oci_mem.csv"), Path.of("/proc/self/mem"));
    assertRejected(file, file + ": file: cannot read (got IOException, expected a readable file)");
    Files.delete(file); // the link only
  }

  @Test
  void emptyFile() throws IOException {
    Path file = write("oci_a.csv", "");
    assertRejected(
        file, file + ":1: header: empty file (got no header line, expected a CSV header and rows)");
  }

  @Test
  void oneBadFileAmongGoodOnes_stillListsNothing() throws IOException {
    Path good = write("oci_good.csv", HEADER + "BM.GPU.H100.8,H100,8,224,2048,80,us-phoenix-1,\n");
    Path bad = write("oci_bad.csv", HEADER + "BM.GPU.H100.8,H100,8,224,2048,abc,us-phoenix-1,\n");
    Run run = CatalogCommandTest.run("catalog", "--import", good.toString(), bad.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith(bad + ":2: Price: not a number (got abc,");
  }

  private void assertRejected(Path file, String message) {
    for (String format : new String[] {"table", "json"}) {
      Run run = CatalogCommandTest.run("catalog", "--import", file.toString(), "--format", format);
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo(message + System.lineSeparator());
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}

package io.nuage.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input, with the exact located message; nothing is returned. */
class CatalogImporterBadInputTest {
  static final String HEADER =
      "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,Region,SpotPrice\n";

  @TempDir Path dir;

  @Test
  void missingRequiredColumn_namesTheColumnOnLineOne() throws IOException {
    Path file =
        write(
            "nebius_x.csv", "InstanceType,AcceleratorName,AcceleratorCount,Region\nx,H100,8,eu\n");
    assertThat(problems(file))
        .containsExactly(
            file
                + ":1: Price: missing required column (got columns"
                + " InstanceType,AcceleratorName,AcceleratorCount,Region, expected a column named"
                + " Price)");
  }

  @Test
  void nonNumericPrice_isLocated() throws IOException {
    Path file =
        write(
            "nebius_x.csv",
            HEADER
                + "gpu-8,H100,8,128,1600,23.60,eu-north1,\ngpu-1,H100,1,16,200,abc,eu-north1,\n");
    assertThat(problems(file))
        .containsExactly(
            file
                + ":3: Price: not a number (got abc, expected a price in USD per hour such as 12.50)");
  }

  @Test
  void negativePrice_isLocated() throws IOException {
    Path file = write("nebius_x.csv", HEADER + "gpu-1,H100,1,16,200,2.95,eu-north1,-1.25\n");
    assertThat(problems(file))
        .containsExactly(
            file + ":2: SpotPrice: price cannot be negative (got -1.25, expected a price >= 0)");
  }

  @Test
  void zeroAcceleratorCount_isLocated() throws IOException {
    Path file = write("oci_x.csv", HEADER + "BM.GPU.H100.8,H100,0,224,2048,80,us-phoenix-1,\n");
    assertThat(problems(file))
        .containsExactly(
            file
                + ":2: AcceleratorCount: accelerator count must be positive (got 0, expected a"
                + " count of at least 1)");
  }

  @Test
  void wrongNumberOfFields_isLocated() throws IOException {
    Path file = write("oci_x.csv", HEADER + "BM.GPU.H100.8,H100,8,224,2048,80\n");
    assertThat(problems(file))
        .containsExactly(
            file + ":2: row: wrong number of fields (got 6, expected 8 as in the header)");
  }

  @Test
  void unreadableFile_saysSo() throws IOException {
    // /proc/self/mem exists and is a regular file but every read fails, even for root.
    Path file = Files.createSymbolicLink(dir.resolve("oci_mem.csv"), Path.of("/proc/self/mem"));
    assertThat(problems(file))
        .containsExactly(file + ": file: cannot read (got IOException, expected a readable file)");
    Files.delete(file); // the link, not /proc/self/mem
  }

  @Test
  void emptyFile_saysThereIsNoHeader() throws IOException {
    Path file = write("oci_x.csv", "");
    assertThat(problems(file))
        .containsExactly(
            file + ":1: header: empty file (got no header line, expected a CSV header and rows)");
  }

  @Test
  void missingPath_andFolderWithoutCsv_areReported() throws IOException {
    Path missing = dir.resolve("nope.csv");
    Path empty = Files.createDirectory(dir.resolve("empty"));
    assertThat(problems(missing, empty))
        .containsExactly(
            missing
                + ": file: no such file or folder (got "
                + missing
                + ", expected a price file or folder)",
            empty + ": file: no price files in folder (got 0 *.csv files, expected at least one)");
  }

  @Test
  void unknownProvider_andUnknownFormat_areReported() throws IOException {
    Path noProvider = write("prices.csv", HEADER + "x,H100,8,1,1,8,r,\n");
    Path unknown = write("oci_y.csv", "a,b,c\n1,2,3\n");
    List<String> problems = problems(noProvider, unknown);
    assertThat(problems.getFirst())
        .startsWith(noProvider + ": file: cannot tell the provider (got file prices.csv, expected");
    assertThat(problems.get(1))
        .startsWith(unknown + ":1: header: not a known price file (got columns a,b,c, expected");
  }

  @Test
  void unterminatedQuote_andNonUtf8_areReported() throws IOException {
    Path quote = write("oci_q.csv", HEADER + "x,\"H100,8,1,1,8,r,\n");
    Path binary = dir.resolve("oci_b.csv");
    Files.write(binary, new byte[] {'a', ',', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThat(problems(quote, binary))
        .containsExactly(
            quote
                + ":2: row: unterminated quoted field (got a \" with no closing \", expected a"
                + " closing quote)",
            binary + ": file: not UTF-8 text (got undecodable bytes, expected a CSV)");
  }

  @Test
  void everyProblemOfEveryFile_isReportedAtOnce() throws IOException {
    Path a = write("oci_a.csv", HEADER + "x,H100,8,1,1,abc,r,\ny,H100,-2,1,1,8,r,\n");
    Path b = write("nebius_b.csv", "");
    assertThat(problems(a, b)).hasSize(3);
  }

  @Test
  void problemsOfAFile_comeInLineOrder() throws IOException {
    Path file =
        write(
            "oci_x.csv",
            HEADER
                + "q,H100,99999999999999999999,1,1,80,r1,\nr,H100,8,1,1,80,,\ns,H100,8,1,1,80\n");
    assertThat(problems(file))
        .extracting(p -> p.substring(file.toString().length(), p.indexOf(' ')))
        .containsExactly(":2:", ":3:", ":4:");
  }

  @Test
  void rowsBeforeAnUnterminatedQuote_areStillChecked() throws IOException {
    Path file = write("oci_q.csv", HEADER + "x,H100,8,1,1,abc,r,\ny,\"H100,8,1,1,8,r,\n");
    assertThat(problems(file))
        .containsExactly(
            file
                + ":2: Price: not a number (got abc, expected a price in USD per hour such as"
                + " 12.50)",
            file
                + ":3: row: unterminated quoted field (got a \" with no closing \", expected a"
                + " closing quote)");
  }

  @Test
  void oddButValidNumbers_import() throws IOException {
    Path file = write("nebius_x.csv", HEADER + "gpu-8,H100,8.0,128,1600,+23.60,eu-north1,1e-01\n");
    ImportResult result = CatalogImporter.importPaths(List.of(file));
    assertThat(result.offerings())
        .extracting(o -> o.pricePerGpuHour().toPlainString())
        .containsExactly("2.95", "0.0125");
  }

  @Test
  void hugeExponent_isNotANumber() throws IOException {
    Path file = write("nebius_x.csv", HEADER + "gpu-8,H100,8,128,1600,1e999,eu-north1,\n");
    assertThat(problems(file))
        .containsExactly(
            file
                + ":2: Price: not a number (got 1e999, expected a price in USD per hour such as"
                + " 12.50)");
  }

  private List<String> problems(Path... files) {
    var thrown =
        assertThatThrownBy(() -> CatalogImporter.importPaths(List.of(files)))
            .isInstanceOf(ValidationException.class)
            .actual();
    return ((ValidationException) thrown).problems().stream().map(Problem::render).toList();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}

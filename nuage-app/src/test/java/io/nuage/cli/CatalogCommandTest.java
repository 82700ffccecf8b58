package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code nuage catalog} driven through {@link Main}, on the real price files. */
class CatalogCommandTest {
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])\\d+(\\.\\d+)?(?![\\w.])");

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static String prices() {
    return SharedData.root().resolve("gpu_prices").toString();
  }

  @Test
  void h100Json_listsTheBigSixCheapestFirstWithExactStrings() throws IOException {
    Run run = run("catalog", "--import", prices(), "--accelerator", "H100", "--format", "json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    List<JsonNode> offerings = new ArrayList<>();
    root.get("offerings").forEach(offerings::add);
    Set<String> providers = new HashSet<>();
    BigDecimal previous = BigDecimal.ZERO;
    for (JsonNode o : offerings) {
      providers.add(o.get("provider").asText());
      assertThat(o.get("family").asText()).isEqualTo("H100");
      assertThat(o.get("pricePerGpuHour").isTextual()).isTrue();
      BigDecimal price = new BigDecimal(o.get("pricePerGpuHour").asText());
      assertThat(price).isGreaterThanOrEqualTo(previous);
      previous = price;
    }
    assertThat(providers).contains("oci", "azure", "gcp", "aws", "lambda", "nebius");
    assertThat(offerings)
        .filteredOn(o -> o.get("instanceType").asText().equals("BM.GPU.H100.8"))
        .extracting(o -> o.get("pricePerGpuHour").asText())
        .containsOnly("10")
        .hasSize(2);
    assertThat(run.err()).contains("skipped").contains("TPU: not a GPU, not modelled");
    JsonNode report = root.get("report");
    assertThat(report.get("read").asInt()).isEqualTo(5622);
    assertThat(report.get("files")).hasSize(11);
    assertThat(report.get("skipped").get("TPU: not a GPU, not modelled").asInt()).isEqualTo(1648);
  }

  /**
   * Independent of the importer's CSV code: each listed price times some whole GPU count equals a
   * number on its source line (or the sum of one number on each of GCP's two source lines).
   */
  @Test
  void h100Json_everyPriceIsItsSourceRowOverItsGpuCount() throws IOException {
    Run run = run("catalog", "--import", prices(), "--accelerator", "H100", "--format", "json");
    JsonNode root = new ObjectMapper().readTree(run.out());
    int checked = 0;
    for (JsonNode o : root.get("offerings")) {
      BigDecimal price = new BigDecimal(o.get("pricePerGpuHour").asText());
      String[] sources = o.get("source").asText().split("\\+");
      List<List<BigDecimal>> numbers = new ArrayList<>();
      for (String source : sources) {
        numbers.add(numbersOn(source));
      }
      boolean found = false;
      for (int gpus : new int[] {1, 2, 3, 4, 8}) {
        BigDecimal instance = price.multiply(BigDecimal.valueOf(gpus));
        found |= sums(numbers).stream().anyMatch(n -> n.compareTo(instance) == 0);
      }
      assertThat(found).as("%s", o).isTrue();
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void table_fitsInOneHundredColumnsAndEndsWithTheReport() {
    Run run = run("catalog", "--import", prices(), "--accelerator", "H100", "--limit", "40");
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.getFirst()).startsWith("REGION").contains("$/GPU-H");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    assertThat(lines.get(41)).startsWith("40 of ");
    assertThat(run.out())
        .contains("imported 11 file(s): 5622 rows read, 2780 used, 2842 skipped")
        .contains("skipped  1648: TPU: not a GPU, not modelled");
  }

  @Test
  void filters_combine() {
    Run run =
        run(
            "catalog",
            "--import",
            prices(),
            "--provider",
            "oci",
            "--region",
            "us-phoenix-1",
            "--accelerator",
            "H100",
            "--format",
            "csv");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "provider,region,accelerator,family,pricing,price_per_gpu_hour,instance_type,source",
            "oci,oci/us-phoenix-1,H100,H100,on-demand,10,BM.GPU.H100.8,"
                + prices()
                + "/skypilot_catalog/oci_v8_vms_gpu_two_regions.csv:29");
  }

  @Test
  void reservedPricing_comesFromAwsOnly() {
    Run run = run("catalog", "--import", prices(), "--pricing", "reserved-1y", "--format", "csv");
    assertThat(run.code()).isZero();
    assertThat(run.out().lines().skip(1)).isNotEmpty().allMatch(l -> l.startsWith("aws,"));
  }

  @Test
  void variantName_matchesOnlyThatVariant() {
    Run run = run("catalog", "--import", prices(), "--accelerator", "h100-sxm", "--format", "csv");
    assertThat(run.out().lines().skip(1)).isNotEmpty().allMatch(l -> l.contains(",H100-SXM,H100,"));
  }

  @Test
  void badOptions_exitTwoWithEveryProblem() {
    Run run =
        run(
            "catalog",
            "--import",
            prices(),
            "--accelerator",
            "H900",
            "--provider",
            "coreweave",
            "--pricing",
            "monthly");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "nuage catalog: --accelerator: unknown accelerator (got H900, expected a family or"
                + " variant of docs/catalog.md such as H100, H100-SXM, A100-80GB, MI300X)",
            "nuage catalog: --provider: unknown provider (got coreweave, expected one of oci,"
                + " azure, gcp, aws, lambda, nebius, vast, mithril, hyperbolic, runpod)",
            "nuage catalog: --pricing: unknown pricing kind (got monthly, expected on-demand,"
                + " spot or reserved-1y)");
  }

  @Test
  void badFormat_exitsTwo() {
    Run run = run("catalog", "--import", prices(), "--format", "xml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "nuage catalog: --format: unknown format (got xml, expected table, json or csv)"
                + System.lineSeparator());
  }

  private static List<BigDecimal> numbersOn(String source) throws IOException {
    int colon = source.lastIndexOf(':');
    Path file = Path.of(source.substring(0, colon));
    int line = Integer.parseInt(source.substring(colon + 1));
    String text = Files.readAllLines(file).get(line - 1);
    List<BigDecimal> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      numbers.add(new BigDecimal(m.group()));
    }
    return numbers;
  }

  /** Every sum taking one number from each list. */
  private static List<BigDecimal> sums(List<List<BigDecimal>> lists) {
    List<BigDecimal> sums = List.of(BigDecimal.ZERO);
    for (List<BigDecimal> list : lists) {
      List<BigDecimal> next = new ArrayList<>();
      for (BigDecimal s : sums) {
        for (BigDecimal n : list) {
          next.add(s.add(n));
        }
      }
      sums = next;
    }
    return sums;
  }

  static String[] args(String... args) {
    return Arrays.copyOf(args, args.length);
  }
}

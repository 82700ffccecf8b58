package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.catalog.Offering;
import io.nuage.testing.Repo;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped example's prices are real: each offering's price per GPU-hour equals the source rows
 * it cites in ../shared/data/gpu_prices (instance price, plus the host row on GCP, divided by the
 * GPU count), and the cited rows are for the same accelerator.
 */
class ExampleCatalogSourcesTest {
  private static final Map<String, String> FILES =
      Map.of(
          "oci", "skypilot_catalog/oci_v8_vms_gpu_two_regions.csv",
          "nebius", "skypilot_catalog/nebius_v8_vms_gpu.csv",
          "azure", "skypilot_format_anycloud/azure_vms_gpu.csv",
          "gcp", "skypilot_format_anycloud/gcp_vms_gpu.csv",
          "gcphost", "skypilot_format_anycloud/gcp_vms_gpu_host_machines.csv",
          "lambda", "skypilot_format_anycloud/lambda_vms_gpu.csv");
  private static final Pattern CITE = Pattern.compile("(\\w+) line (\\d+)");

  @Test
  void everyExamplePrice_equalsItsCitedSourceRows() throws IOException {
    Path prices = SharedData.root().resolve("gpu_prices");
    Scenario s = ScenarioParser.parse(Repo.root().resolve("examples/frontier-lab-2027.yaml"));
    assertThat(s.catalog().offerings()).hasSize(32);
    for (Offering o : s.catalog().offerings()) {
      var m = CITE.matcher(o.source());
      BigDecimal instance = BigDecimal.ZERO;
      BigDecimal gpus = null;
      int cited = 0;
      while (m.find()) {
        cited++;
        List<String> lines = Files.readAllLines(prices.resolve(FILES.get(m.group(1))));
        List<String> header = fields(lines.getFirst());
        List<String> row = fields(lines.get(Integer.parseInt(m.group(2)) - 1));
        instance = instance.add(new BigDecimal(row.get(header.indexOf("Price"))));
        String accelerator = row.get(header.indexOf("AcceleratorName"));
        if (!accelerator.isEmpty()) {
          assertThat(accelerator).as(o.source()).isEqualTo(o.accelerator());
          gpus = new BigDecimal(row.get(header.indexOf("AcceleratorCount")));
        }
      }
      assertThat(cited).as("%s cites a row", o.region()).isPositive();
      assertThat(gpus).as(o.source()).isNotNull();
      assertThat(o.pricePerGpuHour())
          .as("%s %s from %s", o.region(), o.accelerator(), o.source())
          .isEqualByComparingTo(instance.divide(gpus, 10, RoundingMode.UNNECESSARY));
    }
  }

  /** Splits a CSV line on commas outside double quotes. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    var field = new StringBuilder();
    boolean quoted = false;
    for (char ch : line.toCharArray()) {
      if (ch == '"') quoted = !quoted;
      else if (ch == ',' && !quoted) {
        out.add(field.toString());
        field.setLength(0);
      } else field.append(ch);
    }
    out.add(field.toString());
    return out;
  }
}

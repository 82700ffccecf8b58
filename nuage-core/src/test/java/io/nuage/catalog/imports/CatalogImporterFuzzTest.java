package io.nuage.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrupts lines of real price files at random (seeded) and checks the importer's contract: it
 * either succeeds with a consistent report or throws its one documented exception, a {@link
 * ValidationException} whose every problem is located in the corrupted file and says what it got
 * and what it expected. Any other exception fails with the seed and the iteration to replay it.
 */
class CatalogImporterFuzzTest {
  private static final long SEED = 20261128L;
  private static final int ITERATIONS = 250;
  private static final List<String> FILES =
      List.of(
          "skypilot_catalog/nebius_v8_vms_gpu.csv",
          "skypilot_catalog/oci_v8_vms_gpu_two_regions.csv",
          "skypilot_catalog/hyperbolic_v8_vms.csv",
          "skypilot_catalog/runpod_v6_vms_US_only.csv",
          "skypilot_format_anycloud/azure_vms_gpu.csv",
          "skypilot_format_anycloud/vast_vms_gpu.csv",
          "skypilot_format_anycloud/gcp_vms_gpu_host_machines.csv",
          "aws_vantage_tsaol/aws_gpu_instance_prices_flat.csv");
  private static final String[] VALUES = {
    "",
    "abc",
    "-1",
    "0",
    "0.0",
    "1e5",
    "\"",
    "NaN",
    "99999999999999999999",
    " 8 ",
    "+3",
    ".5",
    "1.",
    "V1,V2",
    "tpu-v9-8",
    "H100",
    "0.333"
  };

  @TempDir Path dir;

  @Test
  void corruptedRealFiles_importOrFailWithLocatedProblems() throws IOException {
    Random random = new Random(SEED);
    Path prices = SharedData.root().resolve("gpu_prices");
    Path gcpAccelerators = prices.resolve("skypilot_format_anycloud/gcp_vms_gpu.csv");
    int rejected = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      String name = FILES.get(random.nextInt(FILES.size()));
      List<String> lines =
          new ArrayList<>(Arrays.asList(Files.readString(prices.resolve(name)).split("\n", -1)));
      String mutated = mutate(lines, random);
      Path file = dir.resolve(i + "/" + Path.of(name).getFileName());
      Files.createDirectories(file.getParent());
      Files.writeString(file, mutated);
      List<Path> paths = name.contains("gcp") ? List.of(gcpAccelerators, file) : List.of(file);
      try {
        ImportResult result = CatalogImporter.importPaths(paths);
        assertThat(result.offerings()).allMatch(o -> o.pricePerGpuHour().signum() >= 0);
        assertThat(result.report().skippedByReason()).doesNotContainKey(SkipReason.UNDECIDED);
      } catch (ValidationException e) {
        rejected++;
        for (Problem p : e.problems()) {
          assertThat(p.file())
              .as("seed %d iteration %d: %s", SEED, i, p)
              .isEqualTo(file.toString());
          assertThat(p.render())
              .as("seed %d iteration %d", SEED, i)
              .matches("(?s).*\\(got .*, expected .*\\)");
        }
      } catch (RuntimeException e) {
        fail("seed " + SEED + " iteration " + i + " (" + name + "): unexpected " + e, e);
      }
    }
    // The mutations must actually exercise the failure path, and not only it.
    assertThat(rejected).isBetween(ITERATIONS / 10, ITERATIONS - ITERATIONS / 10);
  }

  private static String mutate(List<String> lines, Random random) {
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(6)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> lines.set(at, replaceField(lines.get(at), random));
        case 3 -> lines.set(at, insertChar(lines.get(at), random));
        case 4 -> {
          int other = random.nextInt(lines.size());
          String swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
        default -> {
          String text = String.join("\n", lines);
          int cut = random.nextInt(text.length() + 1);
          lines.clear();
          lines.addAll(Arrays.asList(text.substring(0, cut).split("\n", -1)));
        }
      }
    }
    return String.join("\n", lines);
  }

  private static String replaceField(String line, Random random) {
    String[] fields = line.split(",", -1);
    fields[random.nextInt(fields.length)] = VALUES[random.nextInt(VALUES.length)];
    return String.join(",", fields);
  }

  private static String insertChar(String line, Random random) {
    String chars = "\",\r\n;x0-.";
    int at = random.nextInt(line.length() + 1);
    return line.substring(0, at)
        + chars.charAt(random.nextInt(chars.length()))
        + line.substring(at);
  }
}

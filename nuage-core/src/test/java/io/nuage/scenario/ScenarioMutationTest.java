package io.nuage.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.testing.Repo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random mutations of the shipped example and its catalog file (delete, duplicate, swap
 * lines, retype and corrupt values, truncate): every mutant is either a valid scenario or rejected
 * with located problems, never any other exception. Another seed: {@code -Dnuage.mutation.seed=N}.
 */
class ScenarioMutationTest {
  private static final long SEED = 20_270_101L;
  private static final int MUTANTS = 300;
  private static final String[] RETYPED = {
    "[1, 2]",
    "{a: 1}",
    "\"text\"",
    "~",
    "-7",
    "0",
    "2027-13",
    "true",
    "1e9",
    "''",
    "&x 3",
    "*nope",
    "!!binary AA=="
  };
  private static final String NOISE = ":{}[]-#&*!|>'\"%@\t ,?0123456789abcXYZ_./\\";

  @TempDir Path dir;

  @Test
  void mutants_areValidOrRejectedWithLocatedProblems() throws IOException {
    Path root = Repo.root();
    String scenario = Files.readString(root.resolve("examples/frontier-lab-2027.yaml"));
    String catalog =
        Files.readString(root.resolve("examples/catalog/frontier-lab-2027-prices.yaml"));
    var random = new Random(Long.getLong("nuage.mutation.seed", SEED));
    int valid = 0;
    int rejected = 0;
    for (int i = 0; i < MUTANTS; i++) {
      boolean mutateCatalog = random.nextInt(10) < 3;
      String how = mutationName(random.nextInt(6));
      String s = mutateCatalog ? scenario : mutate(scenario, how, random);
      String c = mutateCatalog ? mutate(catalog, how, random) : catalog;
      Path caseDir = Files.createDirectories(dir.resolve("m" + i + "/catalog"));
      Files.writeString(caseDir.resolve("frontier-lab-2027-prices.yaml"), c);
      Path file = caseDir.getParent().resolve("frontier-lab-2027.yaml");
      Files.writeString(file, s);
      try {
        ScenarioParser.parse(file);
        valid++;
      } catch (ValidationException e) {
        rejected++;
        for (Problem p : e.problems()) {
          assertThat(p.file()).as("mutant %d (%s): %s", i, how, p).isNotBlank();
          assertThat(p.message()).as("mutant %d (%s)", i, how).isNotBlank();
          boolean located = p.line() > 0 || p.message().startsWith("empty document");
          assertThat(located).as("mutant %d (%s) problem is located: %s", i, how, p).isTrue();
        }
      } catch (RuntimeException | Error e) {
        var trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        fail(
            "mutant %d (%s of %s) threw %s%n--- mutant ---%n%s%n%s",
            i, how, mutateCatalog ? "catalog" : "scenario", e, mutateCatalog ? c : s, trace);
      }
    }
    System.out.printf("scenario mutants: %d valid, %d rejected%n", valid, rejected);
    // the mutations must actually exercise both outcomes
    assertThat(rejected).isGreaterThan(MUTANTS / 2);
    assertThat(valid).isPositive();
  }

  private static String mutationName(int n) {
    return new String[] {"delete", "duplicate", "swap", "retype", "corrupt", "truncate"}[n];
  }

  private static String mutate(String text, String how, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (how) {
      case "delete" -> lines.remove(at);
      case "duplicate" -> lines.add(at, lines.get(at));
      case "swap" -> {
        int other = random.nextInt(lines.size());
        String line = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, line);
      }
      case "retype" -> lines.set(at, retype(lines.get(at), random));
      case "corrupt" -> {
        char[] chars = text.toCharArray();
        for (int k = 0; k < 1 + random.nextInt(3); k++) {
          chars[random.nextInt(chars.length)] = NOISE.charAt(random.nextInt(NOISE.length()));
        }
        return new String(chars);
      }
      default -> {
        return text.substring(0, random.nextInt(text.length()));
      }
    }
    return String.join("\n", lines);
  }

  /** Replaces the value after a line's first {@code ": "} by a value of another type. */
  private static String retype(String line, Random random) {
    int colon = line.indexOf(": ");
    String value = RETYPED[random.nextInt(RETYPED.length)];
    if (colon < 0) return line + " " + value;
    int end = line.indexOf(',', colon);
    return end < 0 || random.nextBoolean()
        ? line.substring(0, colon + 2) + value
        : line.substring(0, colon + 2) + value + line.substring(end);
  }
}

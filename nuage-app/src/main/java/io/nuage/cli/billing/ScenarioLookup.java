package io.nuage.cli.billing;

import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the scenario a plan was made from (docs/billing-from-plan.md, "Inputs"): the given file,
 * else the plan's {@code scenario} field as a file, then as {@code NAME.yaml}, in the working
 * directory, the plan's folder and the checkout's {@code examples/}; and refuses a scenario of
 * another name than the plan's.
 */
final class ScenarioLookup {
  private ScenarioLookup() {}

  record Found(Path file, Scenario scenario) {}

  static Found find(@Nullable Path given, Path planFile, String planScenario) {
    Path file = given != null ? given : locate(planFile, planScenario);
    if (given != null && !Files.isRegularFile(given))
      throw new NuageException("--scenario: " + given + ": no such file");
    Scenario scenario = ScenarioParser.parse(file);
    String name = planScenario;
    // `nuage plan` writes the scenario's name; a plan that names a file is taken at its word
    if (!isPath(name) && !scenario.name().equals(name)) {
      throw new NuageException(
          planFile
              + ": scenario: the plan is of scenario '"
              + name
              + "', not of "
              + file
              + " (its name is '"
              + scenario.name()
              + "'); give the scenario the plan was made from with --scenario");
    }
    return new Found(file, scenario);
  }

  private static Path locate(Path planFile, String field) {
    Set<Path> tried = new LinkedHashSet<>();
    List<Path> folders = new ArrayList<>();
    folders.add(Path.of("").toAbsolutePath());
    Path planFolder = planFile.toAbsolutePath().getParent();
    if (planFolder != null) folders.add(planFolder);
    String home = System.getProperty("nuage.home");
    folders.add(Path.of(home == null ? "" : home).resolve("examples"));
    List<String> names = new ArrayList<>(List.of(field));
    if (!field.endsWith(".yaml") && !field.endsWith(".yml")) names.add(field + ".yaml");
    for (Path folder : folders) {
      for (String n : names) {
        Path candidate = folder.resolve(n);
        if (Files.isRegularFile(candidate)) return candidate;
        tried.add(candidate);
      }
    }
    throw new NuageException(
        planFile
            + ": scenario: '"
            + field
            + "' names no scenario file (looked for "
            + String.join(", ", tried.stream().map(Path::toString).toList())
            + "); give it with --scenario FILE");
  }

  private static boolean isPath(String field) {
    return field.contains("/") || field.endsWith(".yaml") || field.endsWith(".yml");
  }
}

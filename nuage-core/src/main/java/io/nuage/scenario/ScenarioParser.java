package io.nuage.scenario;

import io.nuage.catalog.CapacityStep;
import io.nuage.catalog.Catalog;
import io.nuage.contract.Contract;
import io.nuage.core.MonthRange;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.uncertainty.Uncertainty;
import io.nuage.workload.Workload;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a scenario YAML file (format: docs/scenario.md) strictly. It reports every problem it
 * finds, each located at its file, line and column, in one {@link ValidationException}; it never
 * returns a partly read scenario.
 */
public final class ScenarioParser {
  private static final List<String> TOP_KEYS =
      List.of(
          "name",
          "horizon",
          "catalog",
          "capacity",
          "contracts",
          "workloads",
          "policy",
          "currency",
          "exchange-rates",
          "uncertainty");

  /** Used only to keep checking workloads when the horizon itself is wrong (already reported). */
  static final MonthRange ANY_TIME = new MonthRange(YearMonth.of(1, 1), YearMonth.of(9999, 12));

  /** A century: far beyond any plan, and short enough that month-by-month work stays small. */
  static final int MAX_HORIZON_MONTHS = 1200;

  private ScenarioParser() {}

  /** Reads {@code file}; problems name it as given. Imports resolve against its directory. */
  public static Scenario parse(Path file) {
    List<Problem> problems = new ArrayList<>();
    Optional<Node> root = YamlDocument.read(file, file.toString(), problems);
    return parse(root, file.toString(), ImportScope.relativeTo(baseDir(file)), problems);
  }

  /** Reads scenario text received some other way; imports resolve against baseDir. */
  public static Scenario parse(String yaml, String displayName, Path baseDir) {
    return parse(yaml, displayName, ImportScope.relativeTo(baseDir));
  }

  /** Reads scenario text received some other way (an upload); {@code imports} says where from. */
  public static Scenario parse(String yaml, String displayName, ImportScope imports) {
    List<Problem> problems = new ArrayList<>();
    Optional<Node> root = YamlDocument.parse(yaml, displayName, problems);
    return parse(root, displayName, imports, problems);
  }

  private static Path baseDir(Path file) {
    Path parent = file.getParent();
    return parent != null ? parent : Path.of("");
  }

  private static Scenario parse(
      Optional<Node> root, String file, ImportScope imports, List<Problem> problems) {
    var r = new NodeReader(file, problems);
    Optional<Scenario> scenario =
        root.flatMap(node -> r.mapping(node, "")).flatMap(f -> read(r, f, imports, problems));
    if (!problems.isEmpty() || scenario.isEmpty()) {
      if (problems.isEmpty()) problems.add(new Problem(file, 0, 0, "", "not a valid scenario"));
      throw new ValidationException(sorted(file, problems));
    }
    return scenario.get();
  }

  private static Optional<Scenario> read(
      NodeReader r, Fields top, ImportScope imports, List<Problem> problems) {
    top.allowOnly(TOP_KEYS);
    Optional<String> name = top.required("name", r.text);
    Optional<MonthRange> horizon =
        top.required("horizon", r.range).filter(h -> shortEnough(r, top, h));
    var parts = new CatalogParts();
    top.required("catalog", r.mapping)
        .ifPresent(c -> new CatalogSection(r, parts, problems).readScenarioSection(c, imports));
    Catalog catalog = parts.catalog();
    var refs = new References(catalog);
    parts.checkOfferings(refs);
    List<CapacityStep> capacity =
        top.optional("capacity", r.list, List.of())
            .map(items -> CapacitySection.read(r, items, "capacity", refs))
            .orElse(List.of());
    var billing = new BillingSection(r);
    List<Contract> contracts =
        top.optional("contracts", r.list, List.of())
            .map(items -> ContractSection.read(r, items, "contracts", refs, billing))
            .orElse(List.of());
    Optional<Currencies> currencies = CurrencySection.read(r, top);
    List<Workload> workloads =
        top.optional("workloads", r.list, List.of())
            .map(
                items ->
                    WorkloadSection.read(r, items, "workloads", refs, horizon.orElse(ANY_TIME)))
            .orElse(List.of());
    Optional<Policy> policy =
        top.has("policy")
            ? top.required("policy", r.mapping).flatMap(p -> PolicySection.read(r, p, refs))
            : Optional.of(Policy.unconstrained());
    Optional<Uncertainty> uncertainty =
        top.has("uncertainty")
            ? top.required("uncertainty", r.mapping)
                .flatMap(u -> UncertaintySection.read(r, u, refs, workloads, capacity))
            : Optional.of(Uncertainty.NONE);
    if (!problems.isEmpty()
        || name.isEmpty()
        || horizon.isEmpty()
        || policy.isEmpty()
        || currencies.isEmpty()
        || uncertainty.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Scenario(
            name.get(),
            horizon.get(),
            catalog,
            capacity,
            contracts,
            workloads,
            policy.get(),
            currencies.get(),
            billing.byContract(),
            uncertainty.get()));
  }

  private static boolean shortEnough(NodeReader r, Fields top, MonthRange horizon) {
    if (horizon.length() <= MAX_HORIZON_MONTHS) return true;
    r.problem(
        top.node("horizon").orElseThrow(),
        top.pathOf("horizon"),
        "too long (got "
            + horizon.length()
            + " months, expected at most "
            + MAX_HORIZON_MONTHS
            + " months: 100 years)");
    return false;
  }

  /**
   * File by file in the order first met, then by line and column: the order a person fixes them.
   */
  private static List<Problem> sorted(String scenarioFile, List<Problem> problems) {
    var fileOrder = new LinkedHashMap<String, Integer>();
    fileOrder.put(scenarioFile, 0);
    problems.forEach(p -> fileOrder.putIfAbsent(p.file(), fileOrder.size()));
    return problems.stream()
        .sorted(
            Comparator.<Problem>comparingInt(p -> fileOrder.get(p.file()))
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column))
        .toList();
  }
}

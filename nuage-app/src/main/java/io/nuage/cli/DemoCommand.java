package io.nuage.cli;

import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.contract.Contract;
import io.nuage.scenario.CommitmentTotals;
import io.nuage.scenario.Scenario;
import io.nuage.scenario.ScenarioParser;
import io.nuage.scenario.ScenarioSummary;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nuage demo}: reads the shipped example {@code examples/frontier-lab-2027.yaml} (found
 * under the launcher's {@code nuage.home}) and shows its catalog and what its contracts commit.
 * Planning it is the planner's part; until then the demo stops at the scenario.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Validates the shipped example scenario and shows its catalog and contract totals.")
final class DemoCommand implements Callable<Integer> {
  static final String EXAMPLE = "examples/frontier-lab-2027.yaml";

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path home = Path.of(System.getProperty("nuage.home", "."));
    Path file = home.resolve(EXAMPLE).normalize();
    Scenario scenario = ScenarioParser.parse(file); // a ValidationException maps to exit 2
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Scenario " + scenario.name() + " (" + EXAMPLE + "), horizon " + scenario.horizon());
    out.println("valid: " + ScenarioSummary.of(scenario).render());
    out.println();
    printCatalog(out, scenario);
    out.println();
    printContracts(out, scenario);
    out.flush();
    return 0;
  }

  private static void printCatalog(PrintWriter out, Scenario scenario) {
    out.println("Cheapest on-demand list price per GPU-hour, by accelerator (USD):");
    Map<String, Offering> cheapest = new TreeMap<>();
    for (Offering o : scenario.catalog().offerings()) {
      if (o.pricing() != PricingKind.ON_DEMAND) continue;
      cheapest.merge(
          o.accelerator(),
          o,
          (a, b) -> a.pricePerGpuHour().compareTo(b.pricePerGpuHour()) <= 0 ? a : b);
    }
    for (Offering o : cheapest.values()) {
      long count =
          scenario.catalog().offerings().stream()
              .filter(x -> x.accelerator().equals(o.accelerator()))
              .count();
      out.printf(
          "  %-8s %10s  at %-26s (%d offerings)%n",
          o.accelerator(), o.pricePerGpuHour().toPlainString(), o.region(), count);
    }
    String perProvider =
        scenario.catalog().offerings().stream()
            .collect(Collectors.groupingBy(Offering::provider, TreeMap::new, Collectors.counting()))
            .entrySet()
            .stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    out.println("  offerings per provider: " + perProvider);
  }

  private static void printContracts(PrintWriter out, Scenario scenario) {
    out.println("Contract commitments per contract year (USD; paid whether used or not):");
    for (Contract c :
        scenario.contracts().stream().sorted(Comparator.comparing(Contract::provider)).toList()) {
      CommitmentTotals totals = CommitmentTotals.of(c);
      out.printf(
          "  %-24s %-8s %s  total %s%n", c.id(), c.provider(), c.term(), money(totals.total()));
      var years = new StringBuilder("   ");
      for (int y = 0; y < totals.perContractYear().size(); y++) {
        years
            .append("  ")
            .append(c.term().year(y).start().getYear())
            .append(": ")
            .append(money(totals.perContractYear().get(y)));
      }
      if (totals.total().signum() > 0) out.println(years);
    }
    BigDecimal all =
        scenario.contracts().stream()
            .map(c -> CommitmentTotals.of(c).total())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    out.println("  all contracts: " + money(all));
    out.println();
    out.println(
        "Planning this scenario is the planner's job (nuage plan); the demo shows its input.");
  }

  static String money(BigDecimal amount) {
    return String.format("%,.2f", amount);
  }
}

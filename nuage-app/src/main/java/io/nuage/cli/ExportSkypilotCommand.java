package io.nuage.cli;

import io.nuage.broker.launch.Artifacts;
import io.nuage.broker.launch.BrokerExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nuage export skypilot PLAN.json --scenario S --out DIR}. */
@Command(
    name = "skypilot",
    mixinStandardHelpOptions = true,
    header = "Writes a SkyPilot task per run and fleet, by marginal cost.",
    description =
        "One SkyPilot task YAML per training run (resources.ordered: the plan's placement, then"
            + " the alternatives by the plan's marginal cost) and per inference fleet and"
            + " geography; every task validated against SkyPilot's schema before any is written.")
final class ExportSkypilotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ExportInput input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "folder to write into")
  Path out;

  @Override
  public Integer call() {
    ExportInput.Read r = input.read();
    Artifacts files = BrokerExport.skypilot(r.scenario(), r.plan(), r.schemas());
    files.writeTo(out, "--out");
    spec.commandLine()
        .getErr()
        .println(
            "wrote "
                + files.files().size()
                + " SkyPilot tasks to "
                + out
                + " (valid against "
                + r.schemas().dir()
                + ")");
    return 0;
  }
}

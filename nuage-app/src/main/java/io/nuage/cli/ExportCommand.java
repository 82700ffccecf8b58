package io.nuage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nuage export skypilot|kueue}: a plan as launchers run it (docs/broker.md). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    header = "Turns a plan into SkyPilot tasks and Kueue quotas, validated.",
    description =
        "Turns a plan into launch artifacts: SkyPilot task YAMLs, Kueue flavors and quotas per"
            + " month, each validated against the launcher's own schema (docs/broker.md).",
    subcommands = {ExportSkypilotCommand.class, ExportKueueCommand.class})
final class ExportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

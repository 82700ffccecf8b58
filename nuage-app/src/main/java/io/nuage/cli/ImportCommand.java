package io.nuage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nuage import kueue DIR}: what a cluster runs today, as scenario capacity. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    header = "Reads launcher objects back into a scenario's terms.",
    description = "Reads launcher objects back into a scenario's terms (docs/broker.md).",
    subcommands = {ImportKueueCommand.class})
final class ImportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

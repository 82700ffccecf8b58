package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The command list of {@code nuage --help} shows each command's first line; for issue 2's commands
 * it must be a whole sentence, not a fragment cut at a hard line break.
 */
class HelpTextTest {
  @Test
  void commandList_showsWholeSentencesForCatalogAndDemo() {
    String help = Cli.run("--help").out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("catalog Lists GPU offerings from SkyPilot and AWS price files, cheapest first.")
        .contains("demo Plans and reports on the shipped example scenario (an AI lab, 2027-2031).")
        .contains("validate Checks scenario files and prints every problem, located.");
  }

  @Test
  void commandList_everyCommandsFirstLineIsAWholeSentence() {
    var root = NuageCommand.commandLine();
    for (var entry : root.getSubcommands().entrySet()) {
      var usage = entry.getValue().getCommandSpec().usageMessage();
      // picocli lists a command by its header when it has one, else by its description
      String[] listed = usage.header().length > 0 ? usage.header() : usage.description();
      assertThat(listed).as(entry.getKey() + " has a description").isNotEmpty();
      assertThat(listed[0].strip())
          .as("first description line of nuage " + entry.getKey())
          .endsWith(".")
          .hasSizeLessThanOrEqualTo(80);
    }
  }

  @Test
  void subcommandLists_everyFirstLineIsAWholeSentence() {
    var pending = new java.util.ArrayDeque<picocli.CommandLine>();
    pending.add(NuageCommand.commandLine());
    while (!pending.isEmpty()) {
      var parent = pending.pop();
      for (var entry : parent.getSubcommands().entrySet()) {
        if (entry.getKey().equals("help")) continue;
        pending.add(entry.getValue());
        var usage = entry.getValue().getCommandSpec().usageMessage();
        String[] listed = usage.header().length > 0 ? usage.header() : usage.description();
        String name = entry.getValue().getCommandSpec().qualifiedName();
        assertThat(listed).as(name + " has a description").isNotEmpty();
        assertThat(listed[0].strip())
            .as("first description line of " + name)
            .endsWith(".")
            .hasSizeLessThanOrEqualTo(80);
      }
    }
  }

  @Test
  void ledgerHelp_listsItsSubcommandsInWholeSentences() {
    String help = Cli.run("ledger", "--help").out();
    assertThat(help).doesNotContain("billed above it,\n").doesNotContain("the ledger: spend and\n");
  }

  @Test
  void demoHelp_wrapsItsDescriptionWithoutBreakingMidSentence() {
    String help = Cli.run("demo", "--help").out();
    assertThat(help).doesNotContain("contract\nutilisation");
    assertThat(help.replaceAll("\\s+", " ")).contains("contract utilisation");
  }

  @Test
  void everyCommandsHelp_rendersWithoutAFormatWarning() {
    // regression: a bare "%" in a description made picocli warn and print "%n" literally
    var pending = new java.util.ArrayDeque<java.util.List<String>>();
    pending.add(java.util.List.of());
    while (!pending.isEmpty()) {
      var path = pending.pop();
      var args = new java.util.ArrayList<>(path);
      args.add("--help");
      Cli run = Cli.run(args);
      String all = run.out() + run.err();
      assertThat(all)
          .as(String.join(" ", args))
          .doesNotContain("picocli WARN")
          .doesNotContain("%n");
      var line = NuageCommand.commandLine();
      for (String name : path) line = line.getSubcommands().get(name);
      for (String sub : line.getSubcommands().keySet()) {
        if (sub.equals("help")) continue;
        var next = new java.util.ArrayList<>(path);
        next.add(sub);
        pending.add(next);
      }
    }
  }
}

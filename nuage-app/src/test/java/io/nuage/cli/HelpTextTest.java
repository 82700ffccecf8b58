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
        .contains("validate Checks scenario files and prints every problem");
  }

  @Test
  void demoHelp_wrapsItsDescriptionWithoutBreakingMidSentence() {
    String help = Cli.run("demo", "--help").out();
    assertThat(help).doesNotContain("contract\nutilisation");
    assertThat(help.replaceAll("\\s+", " ")).contains("contract utilisation");
  }
}

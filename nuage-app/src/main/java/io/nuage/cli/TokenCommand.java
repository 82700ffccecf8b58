package io.nuage.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nuage token create|list|revoke}: API tokens for {@code nuage serve}. */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens (only a salted hash is stored).",
    subcommands = {TokenCreateCommand.class, TokenListCommand.class, TokenRevokeCommand.class})
final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

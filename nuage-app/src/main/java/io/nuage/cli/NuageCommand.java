package io.nuage.cli;

import io.nuage.core.NuageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code nuage <verb>}. Each verb is its own class, listed here. */
@Command(
    name = "nuage",
    mixinStandardHelpOptions = true,
    versionProvider = NuageCommand.Version.class,
    description = "Commitment-aware multi-cloud compute planner, broker and ledger.",
    subcommands = {
      DemoCommand.class,
      ValidateCommand.class,
      CatalogCommand.class,
      PlanCommand.class,
      ReplanCommand.class,
      RiskCommand.class,
      WhatifCommand.class,
      DealCommand.class,
      GenerateCommand.class,
      IngestCommand.class,
      IngestionsCommand.class,
      GenerateBillingCommand.class,
      LedgerCommand.class,
      ReportCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      ServeCommand.class,
      TokenCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class NuageCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A configured command line: user errors print one clear message, never a stack trace. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NuageCommand());
    cli.setExecutionExceptionHandler(NuageCommand::handleExecutionException);
    cli.setParameterExceptionHandler(NuageCommand::handleParameterException);
    versionEverywhere(cli, new Version());
    return cli;
  }

  /** Every verb's help lists {@code -V, --version}: each answers as {@code nuage --version}. */
  private static void versionEverywhere(CommandLine cli, Version version) {
    cli.getCommandSpec().versionProvider(version);
    cli.getSubcommands().values().forEach(sub -> versionEverywhere(sub, version));
  }

  private static int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    if (e instanceof NuageException user) {
      cli.getErr().println(user.getMessage());
      return user.exitCode();
    }
    cli.getErr().println("nuage: internal error: " + e);
    if (debug()) e.printStackTrace(cli.getErr());
    else
      cli.getErr().println("(run with NUAGE_DEBUG=1, or -Dnuage.debug=true, for the stack trace)");
    return 1;
  }

  /** NUAGE_DEBUG set to anything but empty, 0 or false; or the JVM property nuage.debug=true. */
  private static boolean debug() {
    String env = System.getenv("NUAGE_DEBUG");
    boolean fromEnv =
        env != null && !env.isBlank() && !env.strip().equals("0") && !env.equalsIgnoreCase("false");
    return fromEnv || Boolean.getBoolean("nuage.debug");
  }

  private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("nuage: " + e.getMessage());
    cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for more.");
    return 2;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      // written by the build (resource filtering), so the tests' classes know it as the jar does
      var version = new java.util.Properties();
      try (var in = NuageCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) version.load(in);
      } catch (java.io.IOException e) {
        // reported as unknown below
      }
      return new String[] {"nuage " + version.getProperty("version", "(version unknown)")};
    }
  }
}

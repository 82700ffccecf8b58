package io.nuage.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real CLI in-process ({@link Main#run}) and keeps what it printed. */
record Cli(int code, String out, String err) {
  static Cli run(List<String> args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  static Cli run(String... args) {
    return run(List.of(args));
  }

  /** {@code nuage ledger reconcile --scenario SCENARIO --db DB MORE...}. */
  static Cli reconcile(Path scenario, Path db, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ledger", "reconcile", "--scenario", scenario.toString(), "--db", db.toString()));
    args.addAll(List.of(more));
    return run(args);
  }
}

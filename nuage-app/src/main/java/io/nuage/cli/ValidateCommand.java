package io.nuage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import io.nuage.scenario.ScenarioParser;
import io.nuage.scenario.ScenarioSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nuage validate FILE...}: checks scenario files. A valid file gets one summary line on
 * stdout; every problem of an invalid one goes to stderr, one per line, and the exit code is 2.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Checks scenario files and prints every problem, located.",
    description =
        "Checks scenario files and prints every problem, one per line, as"
            + " FILE:LINE:COLUMN: field: what is wrong (got X, expected Y). Exit code 0 when every"
            + " file is valid, 2 otherwise.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "scenario YAML files")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "text (default) or json, written to stdout")
  String format = "text";

  /** One file's outcome: a summary when valid, its problems otherwise. */
  record Outcome(Path file, @Nullable ScenarioSummary summary, List<Problem> problems) {
    boolean valid() {
      return problems.isEmpty();
    }
  }

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      throw new ParameterException(
          spec.commandLine(),
          "--format: unknown format (got " + format + ", expected text or json)");
    }
    List<Outcome> outcomes = files.stream().map(ValidateCommand::check).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      out.println(json(outcomes));
    } else {
      PrintWriter err = spec.commandLine().getErr();
      for (Outcome o : outcomes) {
        if (o.summary() != null)
          out.println(Lines.fit(o.file() + ": valid: " + o.summary().render()));
        else o.problems().forEach(p -> err.println(p.render()));
      }
      err.flush();
    }
    out.flush();
    return outcomes.stream().allMatch(Outcome::valid) ? 0 : 2;
  }

  static Outcome check(Path file) {
    try {
      return new Outcome(file, ScenarioSummary.of(ScenarioParser.parse(file)), List.of());
    } catch (ValidationException e) {
      return new Outcome(file, null, e.problems());
    }
  }

  private static String json(List<Outcome> outcomes) throws Exception {
    List<Map<String, Object>> files = new ArrayList<>();
    for (Outcome o : outcomes) {
      var entry = new LinkedHashMap<String, Object>();
      entry.put("file", o.file().toString());
      entry.put("valid", o.valid());
      if (o.valid()) entry.put("summary", o.summary());
      else entry.put("problems", o.problems().stream().map(ValidateCommand::json).toList());
      files.add(entry);
    }
    return new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(Map.of("files", files));
  }

  private static Map<String, Object> json(Problem p) {
    var m = new LinkedHashMap<String, Object>();
    m.put("file", p.file());
    m.put("line", p.line());
    m.put("column", p.column());
    m.put("path", p.path());
    m.put("message", p.message());
    m.put("text", p.render());
    return m;
  }
}

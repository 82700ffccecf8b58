package io.nuage.scenario;

import io.nuage.core.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one YAML file into a node tree that keeps every node's line and column. Any failure (a
 * missing file, bad UTF-8, broken YAML, an empty document) becomes a located problem instead.
 */
final class YamlDocument {
  private static final int MAX_ALIASES = 50;
  private static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

  private YamlDocument() {}

  static Optional<Node> read(Path path, String displayName, List<Problem> problems) {
    if (Files.isDirectory(path)) {
      problems.add(
          new Problem(
              displayName,
              0,
              0,
              "",
              "cannot read the file (got a folder, expected a scenario YAML file)"));
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      problems.add(new Problem(displayName, 0, 0, "", "cannot read the file (it does not exist)"));
      return Optional.empty();
    } catch (CharacterCodingException e) {
      problems.add(
          new Problem(displayName, 0, 0, "", "cannot read the file (it is not UTF-8 text)"));
      return Optional.empty();
    } catch (IOException e) {
      problems.add(new Problem(displayName, 0, 0, "", "cannot read the file (" + e + ")"));
      return Optional.empty();
    }
    return parse(text, displayName, problems);
  }

  static Optional<Node> parse(String text, String displayName, List<Problem> problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(displayName)
            // duplicate and non-scalar keys are reported by NodeReader.mapping with their locations
            .setAllowDuplicateKeys(true)
            .setAllowNonScalarKeys(true)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_CODE_POINTS)
            // the reader copies its whole window each time it fills its buffer (1024 by default),
            // so a long line took quadratic time (8 MB on one line: 26 s); the text is in memory
            // already, so one buffer holds it and it is read once (issue 10, item 11)
            .setBufferSize(Math.min(text.length(), MAX_CODE_POINTS) + 1)
            .build();
    try {
      Optional<Node> root = new Compose(settings).composeReader(new StringReader(text));
      if (root.isEmpty()) {
        problems.add(
            new Problem(displayName, 0, 0, "", "empty document (got nothing, expected a mapping)"));
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
      String what = e.getProblem() == null ? "broken YAML" : e.getProblem().strip();
      String context = e.getContext() == null ? "" : " " + e.getContext().strip();
      problems.add(new Problem(displayName, line, column, "", "not valid YAML: " + what + context));
      return Optional.empty();
    } catch (YamlEngineException e) {
      String message = String.valueOf(e.getMessage());
      // the library's own words for its alias bound ("billion laughs") name no limit a user set
      if (message.startsWith("Number of aliases")) {
        message =
            "too many aliases (got more than "
                + MAX_ALIASES
                + " aliases of lists or mappings, expected at most "
                + MAX_ALIASES
                + ")";
      }
      problems.add(new Problem(displayName, 0, 0, "", "not valid YAML: " + message));
      return Optional.empty();
    } catch (StackOverflowError e) {
      // snakeyaml-engine scans and composes nested collections recursively and has no depth
      // limit: "[[[[..." a few thousand deep would otherwise escape as a stack trace.
      problems.add(
          new Problem(
              displayName,
              0,
              0,
              "",
              "not valid YAML: nested too deeply (got more levels than can be read, expected a"
                  + " scenario nested a few levels deep)"));
      return Optional.empty();
    }
  }
}

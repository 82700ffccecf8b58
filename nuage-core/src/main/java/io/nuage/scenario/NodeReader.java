package io.nuage.scenario;

import io.nuage.core.MonthRange;
import io.nuage.core.Problem;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads typed values out of the YAML nodes of one file. Each wrong value becomes a {@link Problem}
 * located at its node, and reading carries on so that every problem is found in one pass.
 */
final class NodeReader {
  private final String file;
  private final List<Problem> problems;
  private final Scalars scalars = new Scalars(this);

  final ValueType<String> text = ValueType.of("text", this::text);
  final ValueType<YearMonth> month = ValueType.of("a month YYYY-MM", scalars::month);
  final ValueType<BigDecimal> amount = ValueType.of("an amount of 0 or more", scalars::amount);
  final ValueType<BigDecimal> positiveAmount =
      ValueType.of("an amount above 0", (n, p) -> scalars.amount(n, p, true));
  final ValueType<BigDecimal> fraction =
      ValueType.of("a fraction between 0 and 1", scalars::fraction);
  final ValueType<BigDecimal> rateAmount =
      ValueType.of(
          "an amount of 0 or more with at most 9 decimal places",
          (n, p) -> scalars.rate(n, p, false));
  final ValueType<BigDecimal> rateFraction =
      ValueType.of(
          "a fraction between 0 and 1 with at most 9 decimal places",
          (n, p) -> scalars.rate(n, p, true));
  final ValueType<Integer> count =
      ValueType.of("a whole number of 0 or more", (n, p) -> scalars.count(n, p, false));
  final ValueType<Integer> positiveCount =
      ValueType.of("a whole number above 0", (n, p) -> scalars.count(n, p, true));
  final ValueType<Boolean> bool = ValueType.of("true or false", scalars::bool);
  final ValueType<MonthRange> range =
      ValueType.of("a range {start: YYYY-MM, end: YYYY-MM}", this::range);
  final ValueType<List<String>> texts = ValueType.of("a list of text", this::texts);
  final ValueType<List<Node>> list = ValueType.of("a list", this::list);
  final ValueType<Fields> mapping = ValueType.of("a mapping", this::mapping);

  NodeReader(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  String file() {
    return file;
  }

  void problem(Node at, String path, String message) {
    problems.add(new Problem(file, line(at), column(at), path, message));
  }

  /** {@code FILE:LINE} of a node, to point back at a first definition. */
  String where(Node node) {
    return file + ":" + line(node);
  }

  static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  static int column(Node node) {
    return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
  }

  /** The value as a user would recognise it in a message. */
  static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return isNull(s) ? "nothing" : shorten(s.getValue());
    }
    return node instanceof SequenceNode ? "a list" : "a mapping";
  }

  static String shorten(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
  }

  static boolean isNull(ScalarNode s) {
    return s.isPlain() && Tag.NULL.equals(s.getTag());
  }

  <T> Optional<T> wrong(Node node, String path, String expected) {
    String what = node instanceof ScalarNode s && isNull(s) ? "missing value" : "wrong type";
    problem(node, path, what + " (got " + describe(node) + ", expected " + expected + ")");
    return Optional.empty();
  }

  /** One of a closed set of words, such as a contract's kind. */
  ValueType<String> choice(String what, List<String> allowed) {
    String expected = "one of " + String.join(", ", allowed);
    return ValueType.of(
        expected,
        (node, path) ->
            text(node, path)
                .flatMap(
                    value -> {
                      if (allowed.contains(value)) return Optional.of(value);
                      problem(
                          node,
                          path,
                          "unknown "
                              + what
                              + " (got "
                              + shorten(value)
                              + ", expected "
                              + expected
                              + ")");
                      return Optional.empty();
                    }));
  }

  Optional<String> text(Node node, String path) {
    if (node instanceof ScalarNode s && !isNull(s) && !s.getValue().isBlank()) {
      return Optional.of(s.getValue().strip());
    }
    return wrong(node, path, "text");
  }

  /** A list; an empty value ({@code key:} with nothing after it) is an empty list. */
  Optional<List<Node>> list(Node node, String path) {
    if (node instanceof SequenceNode seq) return Optional.of(seq.getValue());
    if (node instanceof ScalarNode s && isNull(s)) return Optional.of(List.of());
    return wrong(node, path, "a list");
  }

  Optional<List<String>> texts(Node node, String path) {
    Optional<List<Node>> items = list(node, path);
    if (items.isEmpty()) return Optional.empty();
    List<String> result = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < items.get().size(); i++) {
      Optional<String> item = text(items.get().get(i), path + "[" + i + "]");
      item.ifPresent(result::add);
      ok &= item.isPresent();
    }
    return ok ? Optional.of(result) : Optional.empty();
  }

  /** A mapping whose keys are plain text and unique; duplicates are reported at the second key. */
  Optional<Fields> mapping(Node node, String path) {
    if (!(node instanceof MappingNode map)) return wrong(node, path, "a mapping");
    var keys = new LinkedHashMap<String, Node>();
    var values = new LinkedHashMap<String, Node>();
    for (NodeTuple tuple : map.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode key) || isNull(key)) {
        wrong(keyNode, path, "a field name");
        continue;
      }
      String name = key.getValue();
      String at = path.isEmpty() ? name : path + "." + name;
      if (keys.containsKey(name)) {
        problem(
            keyNode,
            at,
            "duplicate field (got "
                + shorten(name)
                + " again, expected each field once; first at line "
                + line(keys.get(name))
                + ")");
        continue;
      }
      keys.put(name, keyNode);
      values.put(name, tuple.getValueNode());
    }
    return Optional.of(new Fields(this, node, path, keys, values));
  }

  Optional<MonthRange> range(Node node, String path) {
    Optional<Fields> fields = mapping(node, path);
    if (fields.isEmpty()) return Optional.empty();
    Fields f = fields.get().allowOnly(List.of("start", "end"));
    Optional<YearMonth> start = f.required("start", month);
    Optional<YearMonth> end = f.required("end", month);
    if (start.isEmpty() || end.isEmpty()) return Optional.empty();
    if (end.get().isBefore(start.get())) {
      problem(
          f.node("end").orElseThrow(),
          f.pathOf("end"),
          "ends before it starts (got " + end.get() + ", expected " + start.get() + " or later)");
      return Optional.empty();
    }
    return Optional.of(new MonthRange(start.get(), end.get()));
  }
}

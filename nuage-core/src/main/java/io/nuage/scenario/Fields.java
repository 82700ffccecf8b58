package io.nuage.scenario;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A YAML mapping whose keys have been checked for duplicates, read field by field. Every read
 * reports its own problem; callers combine the optional results and build a record only when all
 * are present.
 */
final class Fields {
  private final NodeReader reader;
  private final Node node;
  private final String path;
  private final Map<String, Node> keys;
  private final Map<String, Node> values;

  Fields(
      NodeReader reader, Node node, String path, Map<String, Node> keys, Map<String, Node> values) {
    this.reader = reader;
    this.node = node;
    this.path = path;
    this.keys = new LinkedHashMap<>(keys);
    this.values = new LinkedHashMap<>(values);
  }

  Node node() {
    return node;
  }

  String path() {
    return path;
  }

  /** Reports every key not in {@code allowed}, at the key. */
  Fields allowOnly(Collection<String> allowed) {
    for (var entry : keys.entrySet()) {
      if (!allowed.contains(entry.getKey())) {
        reader.problem(
            entry.getValue(),
            pathOf(entry.getKey()),
            "unknown field (got "
                + NodeReader.shorten(entry.getKey())
                + ", expected one of "
                + String.join(", ", allowed)
                + ")");
      }
    }
    return this;
  }

  /** The keys in file order. */
  java.util.List<String> keys() {
    return java.util.List.copyOf(keys.keySet());
  }

  Node keyNode(String key) {
    return keys.get(key);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  Optional<Node> node(String key) {
    return Optional.ofNullable(values.get(key));
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  <T> Optional<T> required(String key, ValueType<T> type) {
    Node value = values.get(key);
    if (value == null) {
      reader.problem(
          node, pathOf(key), "missing field (got nothing, expected " + type.expected() + ")");
      return Optional.empty();
    }
    return type.read(value, pathOf(key));
  }

  /** The value, or {@code fallback} when the key is absent; empty when present but wrong. */
  <T> Optional<T> optional(String key, ValueType<T> type, T fallback) {
    Node value = values.get(key);
    return value == null ? Optional.of(fallback) : type.read(value, pathOf(key));
  }

  /** Outer empty: present but wrong (reported). Inner empty: absent. */
  <T> Optional<Optional<T>> maybe(String key, ValueType<T> type) {
    Node value = values.get(key);
    if (value == null) return Optional.of(Optional.empty());
    return type.read(value, pathOf(key)).map(Optional::of);
  }

  /** Reports that one of {@code alternatives} must be present when none is. */
  boolean requireOneOf(String... alternatives) {
    for (String key : alternatives) if (values.containsKey(key)) return true;
    reader.problem(
        node,
        path,
        "missing field (got nothing, expected one of "
            + String.join(", ", new TreeSet<>(java.util.List.of(alternatives)))
            + ")");
    return false;
  }
}

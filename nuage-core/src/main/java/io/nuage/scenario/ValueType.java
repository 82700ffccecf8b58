package io.nuage.scenario;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * How to read one kind of value from a node. An empty result means the node was wrong and a located
 * problem has already been reported.
 */
interface ValueType<T> {
  Optional<T> read(Node node, String path);

  /** What a valid value looks like, for "(got X, expected Y)" and "missing" messages. */
  String expected();

  static <T> ValueType<T> of(
      String expected, java.util.function.BiFunction<Node, String, Optional<T>> read) {
    return new ValueType<>() {
      @Override
      public Optional<T> read(Node node, String path) {
        return read.apply(node, path);
      }

      @Override
      public String expected() {
        return expected;
      }
    };
  }
}

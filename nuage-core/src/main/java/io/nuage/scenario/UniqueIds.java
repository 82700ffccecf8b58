package io.nuage.scenario;

import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Ids that must be unique within one list (contracts, workloads), with where each was first. */
final class UniqueIds {
  private final NodeReader r;
  private final String what;
  private final Map<String, String> firstAt = new HashMap<>();

  UniqueIds(NodeReader r, String what) {
    this.r = r;
    this.what = what;
  }

  /** False (and a problem reported at {@code node}) when the id was seen before. */
  boolean add(Node node, String path, String id) {
    String first = firstAt.putIfAbsent(id, r.where(node));
    if (first == null) return true;
    r.problem(
        node,
        path,
        "duplicate "
            + what
            + " id (got "
            + NodeReader.shorten(id)
            + ", expected an id not used before; first at "
            + first
            + ")");
    return false;
  }
}

package io.nuage.broker.launch;

import io.nuage.broker.ClusterMap;
import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a cluster map file ({@code --clusters FILE}, docs/broker.md): {@code clusters:} a list of
 * {@code {name: CLUSTER, region: PROVIDER/REGION}}. Every problem names the file, line, column and
 * field.
 */
public final class ClusterMapFile {
  private ClusterMapFile() {}

  public static ClusterMap read(Path file, Scenario scenario) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new NuageException(
          file
              + ": cannot read the cluster map ("
              + (Files.exists(file) ? String.valueOf(e.getMessage()) : "no such file")
              + ")");
    }
    Node root;
    try {
      Optional<Node> node =
          new Compose(LoadSettings.builder().setMaxAliasesForCollections(10).build())
              .composeString(text);
      root =
          node.orElseThrow(() -> new NuageException(file + ": empty (expected clusters: [...])"));
    } catch (MarkedYamlEngineException e) {
      String where =
          e.getProblemMark()
              .map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
              .orElse("");
      throw new NuageException(
          file + where + ": not YAML (" + String.valueOf(e.getProblem()) + ")");
    } catch (YamlEngineException e) {
      throw new NuageException(
          file + ": not YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    Node list = field(file, root, "clusters", "");
    if (!(list instanceof SequenceNode seq))
      throw problem(file, list, "clusters", "not a list (expected a list of {name, region})");
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node entry = seq.getValue().get(i);
      String at = "clusters[" + i + "]";
      String name = scalar(file, field(file, entry, "name", at), at + ".name");
      Node regionNode = field(file, entry, "region", at);
      String region = scalar(file, regionNode, at + ".region");
      if (!ClusterMap.validName(name))
        throw problem(
            file,
            field(file, entry, "name", at),
            at + ".name",
            "not a cluster name (got "
                + name
                + ", expected lower-case letters, digits and '-', at most 40)");
      if (scenario.catalog().region(region).isEmpty() && !regionKnown(scenario, region))
        throw problem(
            file,
            regionNode,
            at + ".region",
            "not a region of the scenario (got " + region + ", expected provider/name)");
      if (map.containsKey(region))
        throw problem(file, regionNode, at + ".region", "named twice (got " + region + ")");
      if (map.containsValue(name))
        throw problem(
            file,
            entry,
            at + ".name",
            "cluster " + name + " stands for two regions (expected one region per cluster)");
      map.put(region, name);
    }
    return new ClusterMap(map);
  }

  private static boolean regionKnown(Scenario scenario, String region) {
    return scenario.capacity().stream().anyMatch(c -> c.region().equals(region))
        || scenario.catalog().offerings().stream().anyMatch(o -> o.region().equals(region));
  }

  private static Node field(Path file, Node node, String name, String at) {
    if (!(node instanceof MappingNode map))
      throw problem(
          file, node, at.isEmpty() ? name : at, "not a mapping (expected " + name + ": ...)");
    for (NodeTuple t : map.getValue())
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name))
        return t.getValueNode();
    throw problem(file, node, at.isEmpty() ? name : at + "." + name, "missing");
  }

  private static String scalar(Path file, Node node, String at) {
    if (node instanceof ScalarNode s && !s.getValue().isBlank()) return s.getValue();
    throw problem(file, node, at, "not a text value");
  }

  private static NuageException problem(Path file, Node node, String field, String what) {
    Optional<Mark> mark = node.getStartMark();
    String where = mark.map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
    return new NuageException(file + where + ": " + field + ": " + what);
  }
}

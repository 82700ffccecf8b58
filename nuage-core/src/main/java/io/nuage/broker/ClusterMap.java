package io.nuage.broker;

import io.nuage.core.NuageException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which Kubernetes cluster stands for which region ({@code provider/name}): one cluster per region,
 * a cluster for one region only (its flavors then say which region their quota is of).
 */
public record ClusterMap(Map<String, String> clusterByRegion) {
  /** A DNS-1123 label, short enough to prefix a flavor name and be a label value. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?");

  public ClusterMap {
    clusterByRegion = java.util.Collections.unmodifiableMap(new TreeMap<>(clusterByRegion));
    Map<String, String> regionOf = new HashMap<>();
    for (var e : clusterByRegion.entrySet()) {
      if (!NAME.matcher(e.getValue()).matches())
        throw new IllegalArgumentException(
            "cluster "
                + e.getValue()
                + " of "
                + e.getKey()
                + ": not a cluster name (expected lower-case letters, digits and '-', at most 40)");
      String other = regionOf.put(e.getValue(), e.getKey());
      if (other != null)
        throw new IllegalArgumentException(
            "cluster "
                + e.getValue()
                + " stands for both "
                + other
                + " and "
                + e.getKey()
                + " (expected one region per cluster)");
    }
  }

  /** Whether a name can be a cluster's. */
  public static boolean validName(String name) {
    return NAME.matcher(name).matches();
  }

  /**
   * One cluster per region, named after it: {@code oci/us-ashburn-1} is {@code oci-us-ashburn-1}.
   */
  public static ClusterMap named(Collection<String> regions) {
    Map<String, String> map = new TreeMap<>();
    for (String r : regions) {
      String name = r.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
      name = name.replaceAll("^-+|-+$", "");
      if (name.length() > 40) name = name.substring(0, 40).replaceAll("-+$", "");
      map.put(r, name);
    }
    return new ClusterMap(map);
  }

  public String clusterOf(String region) {
    String c = clusterByRegion.get(region);
    if (c == null) throw new IllegalArgumentException("no cluster stands for " + region);
    return c;
  }

  /**
   * Refuses a map that misses a region the plan uses, naming every missing region ({@code source}
   * says where the map came from).
   */
  public void requireAll(Set<String> regions, String source) {
    List<String> missing =
        regions.stream().filter(r -> !clusterByRegion.containsKey(r)).sorted().toList();
    if (!missing.isEmpty())
      throw new NuageException(
          source
              + ": no cluster stands for "
              + String.join(", ", missing)
              + " (the plan places GPUs there; expected an entry per planned region)");
  }
}

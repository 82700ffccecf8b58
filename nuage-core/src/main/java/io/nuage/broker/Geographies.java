package io.nuage.broker;

import io.nuage.core.NuageException;
import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The geography a region serves: the first inference-fleet geography (in scenario order) that
 * allows it, else {@value #GLOBAL} (a region only training runs use). Two geographies whose
 * Kubernetes names coincide are refused: one queue would hide the other's quotas.
 */
public final class Geographies {
  public static final String GLOBAL = "global";
  private final Map<String, String> byRegion = new LinkedHashMap<>();

  public Geographies(Scenario scenario) {
    for (InferenceFleet f : scenario.workloads(InferenceFleet.class))
      for (GeographyDemand g : f.demands())
        for (String r : g.allowedRegions()) byRegion.putIfAbsent(r, g.geography());
    Map<String, String> byName = new LinkedHashMap<>();
    byName.put(GLOBAL, GLOBAL);
    for (String g : byRegion.values()) {
      String name = objectName(g);
      String other = byName.putIfAbsent(name, g);
      if (other != null && !other.equals(g))
        throw new NuageException(
            "geographies \""
                + other
                + "\" and \""
                + g
                + "\" are both the Kubernetes name "
                + name
                + " (one ClusterQueue per geography: expected names that stay distinct once"
                + " lower-cased with other characters as '-'; rename one in the scenario)");
      if (name.isEmpty())
        throw new NuageException(
            "geography \""
                + g
                + "\" has no Kubernetes name (expected at least one letter or digit)");
    }
  }

  public String of(String region) {
    return byRegion.getOrDefault(region, GLOBAL);
  }

  /** A geography's name as a Kubernetes object name. */
  public static String objectName(String geography) {
    return geography
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
  }
}

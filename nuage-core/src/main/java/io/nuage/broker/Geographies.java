package io.nuage.broker;

import io.nuage.scenario.Scenario;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The geography a region serves: the first inference-fleet geography (in scenario order) that
 * allows it, else {@value #GLOBAL} (a region only training runs use).
 */
public final class Geographies {
  public static final String GLOBAL = "global";
  private final Map<String, String> byRegion = new LinkedHashMap<>();

  public Geographies(Scenario scenario) {
    for (InferenceFleet f : scenario.workloads(InferenceFleet.class))
      for (GeographyDemand g : f.demands())
        for (String r : g.allowedRegions()) byRegion.putIfAbsent(r, g.geography());
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

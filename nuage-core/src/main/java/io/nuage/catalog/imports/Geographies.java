package io.nuage.catalog.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A best-effort geography for an imported region, from its name alone (price files carry no
 * geography): {@code US}, {@code CA}, {@code EU} (Europe, UK and Switzerland included), {@code
 * APAC}, {@code LATAM}, {@code MEA}, or {@code OTHER}. A scenario may declare its own regions.
 */
final class Geographies {
  static final String OTHER = "OTHER";

  /** Vast.ai region names end in a continent code after the country code. */
  private static final Map<String, String> VAST_CONTINENTS =
      Map.of("eu", "EU", "as", "APAC", "oc", "APAC", "sa", "LATAM", "af", "MEA");

  private static final List<Map.Entry<String, List<String>>> PREFIXES =
      List.of(
          Map.entry("US", List.of("us-", "usgov")),
          Map.entry("CA", List.of("ca-", "canada", "northamerica-northeast")),
          Map.entry(
              "LATAM",
              List.of(
                  "sa-", "mx-", "southamerica", "northamerica-south", "brazil", "mexico", "chile")),
          Map.entry(
              "EU",
              List.of(
                  "eu-",
                  "europe",
                  "uk",
                  "france",
                  "germany",
                  "sweden",
                  "poland",
                  "spain",
                  "italy",
                  "switzerland",
                  "norway",
                  "austria",
                  "belgium",
                  "denmark",
                  "finland",
                  "westeurope",
                  "northeurope")),
          Map.entry(
              "MEA",
              List.of(
                  "me-", "il-", "af-", "africa", "southafrica", "uae", "qatar", "israel", "saudi")),
          Map.entry(
              "APAC",
              List.of(
                  "ap-",
                  "asia",
                  "australia",
                  "japan",
                  "korea",
                  "southeastasia",
                  "eastasia",
                  "centralindia",
                  "southindia",
                  "westindia",
                  "jioindia",
                  "newzealand",
                  "indonesia",
                  "malaysia",
                  "taiwan")));

  private Geographies() {}

  static String of(String provider, String regionName) {
    String name = regionName.toLowerCase(Locale.ROOT);
    if (provider.equals("vast")) {
      return vast(name);
    }
    if (name.equals("us")
        || name.matches("(east|west|central|northcentral|southcentral|westcentral)us\\d*")) {
      return "US";
    }
    for (Map.Entry<String, List<String>> geography : PREFIXES) {
      if (geography.getValue().stream().anyMatch(name::startsWith)) {
        return geography.getKey();
      }
    }
    return OTHER;
  }

  private static String vast(String name) {
    String[] parts = name.split("-");
    String continent = parts[parts.length - 1];
    if (continent.equals("na")) {
      String country = parts.length > 1 ? parts[parts.length - 2] : "";
      return switch (country) {
        case "us" -> "US";
        case "ca" -> "CA";
        default -> "LATAM";
      };
    }
    return VAST_CONTINENTS.getOrDefault(continent, OTHER);
  }
}

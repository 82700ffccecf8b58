package io.nuage.catalog.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Region ids from source region names: {@code provider/name}, lower case, see docs/catalog.md. */
final class Regions {
  private Regions() {}

  /**
   * {@code us-phoenix-1} stays as it is; free text such as Vast's {@code "Denmark, DK, EU"} becomes
   * {@code denmark-dk-eu}.
   */
  static String id(String provider, String sourceName) {
    String lower = sourceName.strip().toLowerCase(Locale.ROOT);
    String name =
        Arrays.stream(lower.split("[^a-z0-9_.-]+"))
            .filter(part -> !part.isEmpty())
            .collect(Collectors.joining("-"));
    return provider + "/" + name;
  }
}

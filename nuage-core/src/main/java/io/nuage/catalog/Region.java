package io.nuage.catalog;

import io.nuage.core.Checks;

/**
 * A provider's location.
 *
 * @param id {@code provider/name}, e.g. {@code oci/us-ashburn-1}
 * @param provider the provider id
 * @param geography the geography it serves for residency and latency ({@code US}, {@code EU}, ...)
 */
public record Region(String id, String provider, String geography) {
  public Region {
    Checks.id(id, "region.id");
    Checks.id(provider, "region.provider");
    Checks.id(geography, "region.geography");
    if (!id.startsWith(provider + "/") || id.length() == provider.length() + 1) {
      throw new IllegalArgumentException(
          "region id must be provider/name (got " + id + ", expected " + provider + "/...)");
    }
  }

  /** The region's name without its provider prefix. */
  public String name() {
    return id.substring(provider.length() + 1);
  }

  public static String idOf(String provider, String name) {
    return provider + "/" + name;
  }
}

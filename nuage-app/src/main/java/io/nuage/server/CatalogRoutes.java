package io.nuage.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.imports.AcceleratorMapping;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** /api/catalog/offerings: the imported catalog (or a stored scenario's), filtered. */
final class CatalogRoutes {
  private final Supplier<List<Offering>> catalog;
  private final ScenarioLibrary scenarios;
  private volatile @Nullable Sorted lastSorted;

  record View(
      String provider,
      String region,
      String accelerator,
      String pricing,
      BigDecimal pricePerGpuHour,
      String instanceType,
      String source) {
    static View of(Offering o) {
      return new View(
          o.provider(),
          o.region(),
          o.accelerator(),
          o.pricing().label(),
          o.pricePerGpuHour(),
          o.instanceType(),
          o.source());
    }
  }

  record Page(int total, int offset, int limit, List<View> offerings) {}

  CatalogRoutes(Supplier<List<Offering>> catalog, ScenarioLibrary scenarios) {
    this.catalog = catalog;
    this.scenarios = scenarios;
  }

  void register(RoutesConfig routes) {
    Reads.get(routes, "/api/catalog/offerings", this::offerings, Access.VIEWER);
  }

  private void offerings(Context ctx) {
    String scenario = Params.optional(ctx, "scenario");
    List<Offering> source =
        sorted(
            scenario == null ? catalog.get() : scenarios.scenario(scenario).catalog().offerings());
    String provider = lower(Params.optional(ctx, "provider"));
    String region = lower(Params.optional(ctx, "region"));
    String accelerator = Params.optional(ctx, "accelerator");
    PricingKind pricing = pricing(Params.optional(ctx, "pricing"));
    BigDecimal maxPrice = Params.decimal(ctx, "maxPrice");
    int limit = Params.integer(ctx, "limit", 100, 1, 1000);
    int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    List<Offering> matching =
        source.stream()
            .filter(o -> provider == null || o.provider().equals(provider))
            .filter(o -> region == null || o.region().equals(region))
            .filter(
                o ->
                    accelerator == null || AcceleratorMapping.matches(o.accelerator(), accelerator))
            .filter(o -> pricing == null || o.pricing() == pricing)
            .filter(o -> maxPrice == null || o.pricePerGpuHour().compareTo(maxPrice) <= 0)
            .toList();
    if (CsvAnswers.wanted(ctx)) {
      // the page as nuage catalog --format csv writes it; the total in a header of its own
      ctx.header("X-Total-Count", String.valueOf(matching.size()))
          .contentType(CsvAnswers.CSV + "; charset=utf-8")
          .result(
              io.nuage.cli.OfferingCsv.render(
                  matching.stream().skip(offset).limit(limit).toList()));
      return;
    }
    List<View> page = matching.stream().skip(offset).limit(limit).map(View::of).toList();
    ctx.json(new Page(matching.size(), offset, limit, page));
  }

  /** Cheapest first; the imported catalog is sorted once, not on every query. */
  private List<Offering> sorted(List<Offering> offerings) {
    Sorted known = lastSorted;
    if (known != null && known.source() == offerings) return known.sorted();
    List<Offering> sorted =
        offerings.stream()
            .sorted(
                Comparator.comparing(Offering::pricePerGpuHour)
                    .thenComparing(Offering::region)
                    .thenComparing(Offering::accelerator))
            .toList();
    lastSorted = new Sorted(offerings, sorted);
    return sorted;
  }

  private record Sorted(List<Offering> source, List<Offering> sorted) {}

  private static @Nullable String lower(@Nullable String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static @Nullable PricingKind pricing(@Nullable String label) {
    if (label == null) return null;
    return Stream.of(PricingKind.values())
        .filter(k -> k.label().equals(label))
        .findFirst()
        .orElseThrow(
            () ->
                new HttpProblem.BadRequest(
                    "query parameter 'pricing' (got '"
                        + label
                        + "', expected on-demand, spot or reserved-1y)"));
  }
}

package io.nuage.scenario;

import io.nuage.catalog.Accelerator;
import io.nuage.catalog.Offering;
import io.nuage.catalog.PricingKind;
import io.nuage.catalog.Provider;
import io.nuage.catalog.Region;
import io.nuage.catalog.StoragePrice;
import io.nuage.core.Problem;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads the {@code catalog} section of a scenario and the catalog files it imports: providers with
 * their regions, accelerators and offerings. See docs/scenario.md.
 */
final class CatalogSection {
  private static final List<String> SCENARIO_KEYS =
      List.of("imports", "providers", "accelerators", "offerings");
  private static final List<String> FILE_KEYS = List.of("providers", "accelerators", "offerings");
  private static final List<String> PROVIDER_KEYS =
      List.of("id", "name", "billing-names", "egress-per-tb", "storage-per-tb-month", "regions");
  private static final List<String> ACCELERATOR_KEYS =
      List.of("name", "family", "memory-gib", "throughput");
  private static final List<String> OFFERING_KEYS =
      List.of("region", "accelerator", "pricing", "price-per-gpu-hour", "instance-type", "source");

  private final NodeReader r;
  private final CatalogParts parts;
  private final List<Problem> problems;

  CatalogSection(NodeReader r, CatalogParts parts, List<Problem> problems) {
    this.r = r;
    this.parts = parts;
    this.problems = problems;
  }

  /** The scenario's own section; {@code scope} resolves the imports. */
  void readScenarioSection(Fields catalog, ImportScope scope) {
    catalog.allowOnly(SCENARIO_KEYS);
    catalog
        .optional("imports", r.list, List.of())
        .ifPresent(items -> readImports(items, catalog.pathOf("imports"), scope));
    readDefinitions(catalog);
  }

  private void readImports(List<Node> items, String path, ImportScope scope) {
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String at = path + "[" + i + "]";
      r.text(item, at).ifPresent(text -> readImport(item, at, text, scope));
    }
  }

  private void readImport(Node item, String path, String written, ImportScope scope) {
    Optional<Path> found = scope.resolve(written).filter(java.nio.file.Files::exists);
    if (found.isEmpty()) {
      r.problem(item, path, scope.refusal(written));
      return;
    }
    Path file = found.get();
    String name = scope.displayName(written, file);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      NodeReader fileReader = new NodeReader(name, problems);
      YamlDocument.read(file, name, problems)
          .flatMap(root -> fileReader.mapping(root, ""))
          .ifPresent(
              fields -> {
                fields.allowOnly(FILE_KEYS);
                new CatalogSection(fileReader, parts, problems).readDefinitions(fields);
              });
    } else {
      PriceImports.read(file, name, scope, r, item, path, problems).ifPresent(parts::addImported);
    }
  }

  void readDefinitions(Fields catalog) {
    each(catalog, "providers", this::readProvider);
    each(catalog, "accelerators", this::readAccelerator);
    each(catalog, "offerings", this::readOffering);
  }

  private void each(Fields parent, String key, java.util.function.BiConsumer<Node, String> read) {
    List<Node> items = parent.optional(key, r.list, List.of()).orElse(List.of());
    for (int i = 0; i < items.size(); i++)
      read.accept(items.get(i), parent.pathOf(key) + "[" + i + "]");
  }

  private void readProvider(Node node, String path) {
    Optional<Fields> fields = r.mapping(node, path);
    if (fields.isEmpty()) return;
    Fields f = fields.get().allowOnly(PROVIDER_KEYS);
    Optional<String> id = f.required("id", r.text).filter(x -> plainId(f, x));
    boolean unique =
        id.isPresent()
            && parts.define(r, f.node("id").orElseThrow(), f.pathOf("id"), "provider", id.get());
    Optional<String> name = f.optional("name", r.text, id.orElse("?"));
    Optional<List<String>> billing = f.optional("billing-names", r.texts, List.of());
    Optional<BigDecimal> egress = f.optional("egress-per-tb", r.amount, BigDecimal.ZERO);
    Optional<Optional<BigDecimal>> storage = f.maybe("storage-per-tb-month", r.amount);
    Optional<List<Node>> regions = f.required("regions", r.list);
    if (id.isPresent() && unique) {
      regions.ifPresent(items -> readRegions(id.get(), items, f.pathOf("regions")));
    }
    if (!unique || name.isEmpty() || billing.isEmpty() || egress.isEmpty() || storage.isEmpty())
      return;
    parts.add(new Provider(id.get(), name.get(), Set.copyOf(billing.get()), egress.get()));
    storage.get().ifPresent(price -> parts.add(new StoragePrice(id.get(), price)));
  }

  /** Provider ids prefix region ids ({@code oci/us-phoenix-1}), so they cannot hold a slash. */
  private boolean plainId(Fields f, String id) {
    if (id.matches("[A-Za-z0-9._-]+")) return true;
    r.problem(
        f.node("id").orElseThrow(),
        f.pathOf("id"),
        "wrong provider id (got "
            + NodeReader.shorten(id)
            + ", expected letters, digits, '.', '_' or '-' such as oci)");
    return false;
  }

  private void readRegions(String provider, List<Node> items, String path) {
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      Optional<Fields> fields = r.mapping(items.get(i), at);
      if (fields.isEmpty()) continue;
      Fields f = fields.get().allowOnly(List.of("name", "geography"));
      Optional<String> name = f.required("name", r.text);
      Optional<String> geography = f.required("geography", r.text);
      if (name.isEmpty()) continue;
      if (name.get().contains("/")) {
        r.problem(
            f.node("name").orElseThrow(),
            f.pathOf("name"),
            "wrong region name (got "
                + NodeReader.shorten(name.get())
                + ", expected a name without /; its id becomes "
                + provider
                + "/NAME)");
        continue;
      }
      String id = Region.idOf(provider, name.get());
      if (parts.define(r, f.node("name").orElseThrow(), f.pathOf("name"), "region", id)
          && geography.isPresent()) {
        parts.add(new Region(id, provider, geography.get()));
      }
    }
  }

  private void readAccelerator(Node node, String path) {
    Optional<Fields> fields = r.mapping(node, path);
    if (fields.isEmpty()) return;
    Fields f = fields.get().allowOnly(ACCELERATOR_KEYS);
    Optional<String> name = f.required("name", r.text);
    boolean unique =
        name.isPresent()
            && parts.define(
                r, f.node("name").orElseThrow(), f.pathOf("name"), "accelerator", name.get());
    Optional<String> family = f.optional("family", r.text, name.orElse("?"));
    Optional<Integer> memory = f.optional("memory-gib", r.count, 0);
    Optional<BigDecimal> throughput = f.optional("throughput", r.positiveAmount, BigDecimal.ONE);
    if (unique && family.isPresent() && memory.isPresent() && throughput.isPresent()) {
      parts.add(new Accelerator(name.get(), family.get(), memory.get(), throughput.get()));
    }
  }

  private void readOffering(Node node, String path) {
    Optional<Fields> fields = r.mapping(node, path);
    if (fields.isEmpty()) return;
    Fields f = fields.get().allowOnly(OFFERING_KEYS);
    Optional<String> region = f.required("region", r.text);
    Optional<String> accelerator = f.required("accelerator", r.text);
    Optional<PricingKind> pricing = f.required("pricing", pricingKind());
    Optional<BigDecimal> price = f.required("price-per-gpu-hour", r.amount);
    Optional<String> instance = f.optional("instance-type", r.text, "");
    Optional<String> source = f.optional("source", r.text, r.where(node));
    if (region.isEmpty()
        || accelerator.isEmpty()
        || pricing.isEmpty()
        || price.isEmpty()
        || instance.isEmpty()
        || source.isEmpty()) return;
    String provider =
        region.get().contains("/")
            ? region.get().substring(0, region.get().indexOf('/'))
            : region.get();
    if (provider.isBlank()) provider = region.get();
    var offering =
        new Offering(
            provider,
            region.get(),
            accelerator.get(),
            pricing.get(),
            price.get(),
            instance.get(),
            source.get());
    parts.add(
        new CatalogParts.Written(
            r,
            node,
            path,
            f.node("region").orElseThrow(),
            f.node("accelerator").orElseThrow(),
            offering));
  }

  private ValueType<PricingKind> pricingKind() {
    List<String> labels = Arrays.stream(PricingKind.values()).map(PricingKind::label).toList();
    ValueType<String> choice = r.choice("pricing", labels);
    return ValueType.of(
        choice.expected(), (node, path) -> choice.read(node, path).map(PricingKind::fromLabel));
  }
}

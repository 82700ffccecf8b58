package io.nuage.broker.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.nuage.catalog.CapacityStep;
import io.nuage.core.NuageException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a folder of Kueue manifests (the broker's export, or a cluster's own objects labelled the
 * same way) back into capacity steps: each ClusterQueue's {@code nvidia.com/gpu} nominal quota per
 * flavor, summed per region and accelerator and month, as levels from that month on.
 */
public final class KueueImport {
  private KueueImport() {}

  private record Place(String region, String accelerator) {}

  /**
   * @param defaultMonth the month of objects without a {@code nuage.io/month} annotation, null to
   *     require one
   */
  public static List<CapacityStep> read(Path dir, @Nullable YearMonth defaultMonth) {
    if (!Files.isDirectory(dir))
      throw new NuageException(
          dir
              + ": cannot read the Kueue folder ("
              + (Files.exists(dir) ? "not a folder" : "it does not exist")
              + ")");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new NuageException(dir + ": cannot read the Kueue folder (" + e.getMessage() + ")");
    }
    Map<String, Place> flavors = new HashMap<>();
    List<Map.Entry<Path, JsonNode>> queues = new ArrayList<>();
    for (Path f : files) {
      for (JsonNode doc : documents(f)) {
        String kind = doc.path("kind").asText("");
        if (kind.equals("ResourceFlavor"))
          flavors.put(doc.path("metadata").path("name").asText(), place(f, doc));
        else if (kind.equals("ClusterQueue")) queues.add(Map.entry(f, doc));
      }
    }
    if (queues.isEmpty())
      throw new NuageException(dir + ": no ClusterQueue found (expected Kueue manifests, *.yaml)");
    Map<Place, TreeMap<YearMonth, Long>> gpus =
        new TreeMap<>(
            java.util.Comparator.comparing(Place::region).thenComparing(Place::accelerator));
    TreeSet<YearMonth> months = new TreeSet<>();
    for (var q : queues) {
      YearMonth month = month(q.getKey(), q.getValue(), defaultMonth);
      months.add(month);
      JsonNode groups = q.getValue().path("spec").path("resourceGroups");
      for (JsonNode g : groups)
        for (JsonNode fl : g.path("flavors")) {
          String name = fl.path("name").asText();
          for (JsonNode r : fl.path("resources")) {
            if (!r.path("name").asText().equals(KueueManifests.GPU)) continue;
            Place p = flavors.get(name);
            if (p == null)
              throw new NuageException(
                  q.getKey() + ": flavor " + name + ": no ResourceFlavor of that name in " + dir);
            gpus.computeIfAbsent(p, k -> new TreeMap<>())
                .merge(month, quantity(q.getKey(), name, r.get("nominalQuota")), Long::sum);
          }
        }
    }
    List<CapacityStep> steps = new ArrayList<>();
    gpus.forEach(
        (p, byMonth) -> {
          long level = 0;
          for (YearMonth m : months) {
            long now = byMonth.getOrDefault(m, 0L);
            if (now != level) steps.add(step(dir, p, m, now));
            level = now;
          }
        });
    return steps;
  }

  private static CapacityStep step(Path dir, Place p, YearMonth m, long gpus) {
    if (gpus > Integer.MAX_VALUE)
      throw new NuageException(
          dir
              + ": "
              + p.region()
              + " "
              + p.accelerator()
              + " in "
              + m
              + ": "
              + gpus
              + " GPUs in all (expected at most "
              + Integer.MAX_VALUE
              + ")");
    try {
      return new CapacityStep(p.region(), p.accelerator(), m, (int) gpus);
    } catch (IllegalArgumentException e) {
      throw new NuageException(
          dir + ": " + p.region() + " " + p.accelerator() + ": " + e.getMessage());
    }
  }

  private static List<JsonNode> documents(Path f) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        LaunchYaml.MAPPER.readerFor(JsonNode.class).readValues(f.toFile())) {
      while (it.hasNextValue()) {
        JsonNode d = it.nextValue();
        if (d != null && d.isObject()) docs.add(d);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new NuageException(
          f + where + ": not YAML (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (IOException e) {
      throw new NuageException(f + ": cannot read (" + firstLine(e.getMessage()) + ")");
    } catch (RuntimeException e) {
      throw new NuageException(f + ": not YAML (" + firstLine(e.getMessage()) + ")");
    }
    return docs;
  }

  private static Place place(Path f, JsonNode flavor) {
    String name = flavor.path("metadata").path("name").asText();
    JsonNode labels = flavor.path("metadata").path("labels");
    String region = flavor.path("metadata").path("annotations").path("nuage.io/region").asText("");
    if (region.isEmpty() && labels.has("nuage.io/provider") && labels.has("nuage.io/region"))
      region =
          labels.path("nuage.io/provider").asText() + "/" + labels.path("nuage.io/region").asText();
    String accelerator = labels.path("nuage.io/accelerator").asText("");
    if (accelerator.isEmpty())
      accelerator = flavor.path("spec").path("nodeLabels").path("nuage.io/accelerator").asText("");
    if (region.isEmpty() || accelerator.isEmpty())
      throw new NuageException(
          f
              + ": ResourceFlavor "
              + name
              + ": no nuage.io/provider and nuage.io/region labels or no"
              + " nuage.io/accelerator label (expected the labels docs/broker.md lists)");
    return new Place(region, accelerator);
  }

  private static YearMonth month(Path f, JsonNode queue, @Nullable YearMonth defaultMonth) {
    String m = queue.path("metadata").path("annotations").path("nuage.io/month").asText("");
    if (m.isEmpty()) {
      if (defaultMonth != null) return defaultMonth;
      throw new NuageException(
          f
              + ": ClusterQueue "
              + queue.path("metadata").path("name").asText()
              + ": no nuage.io/month annotation (give the month its quotas hold from with --from YYYY-MM)");
    }
    try {
      return YearMonth.parse(m);
    } catch (DateTimeParseException e) {
      throw new NuageException(
          f + ": nuage.io/month: not a month (got " + m + ", expected YYYY-MM)");
    }
  }

  private static String firstLine(@Nullable String message) {
    return String.valueOf(message).lines().findFirst().orElse("");
  }

  /** Kubernetes quantity suffixes (apimachinery's resource.Quantity) and what they multiply by. */
  private static final Map<String, BigDecimal> SUFFIXES =
      Map.ofEntries(
          Map.entry("m", new BigDecimal("0.001")),
          Map.entry("k", BigDecimal.TEN.pow(3)),
          Map.entry("M", BigDecimal.TEN.pow(6)),
          Map.entry("G", BigDecimal.TEN.pow(9)),
          Map.entry("T", BigDecimal.TEN.pow(12)),
          Map.entry("P", BigDecimal.TEN.pow(15)),
          Map.entry("E", BigDecimal.TEN.pow(18)),
          Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
          Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
          Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
          Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
          Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
          Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

  private static final java.util.regex.Pattern QUANTITY =
      java.util.regex.Pattern.compile(
          "\\+?([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?[0-9]{1,3}))?");

  /** A Kubernetes quantity ({@code 5k}, {@code 2Ki}, {@code 1e3}, {@code 8}) as an exact number. */
  static BigDecimal kubernetesQuantity(String text) {
    var m = QUANTITY.matcher(text.strip());
    if (!m.matches()) throw new NumberFormatException(text);
    BigDecimal n = new BigDecimal(m.group(1).startsWith(".") ? "0" + m.group(1) : m.group(1));
    if (m.group(2) != null) return n.multiply(SUFFIXES.get(m.group(2)));
    if (m.group(3) != null) return n.scaleByPowerOfTen(Integer.parseInt(m.group(3)));
    return n;
  }

  private static long quantity(Path f, String flavor, @Nullable JsonNode q) {
    try {
      long n = -1;
      if (q != null && q.canConvertToLong() && q.isIntegralNumber()) n = q.asLong();
      if (q != null && q.isTextual())
        n = kubernetesQuantity(q.asText()).stripTrailingZeros().longValueExact();
      if (n >= 0 && n <= Integer.MAX_VALUE) return n;
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    throw new NuageException(
        f
            + ": flavor "
            + flavor
            + ": nominalQuota: not a whole number of GPUs (got "
            + q
            + ", expected a whole Kubernetes quantity from 0 to "
            + Integer.MAX_VALUE
            + ", e.g. 8, 5k or 1e3)");
  }
}

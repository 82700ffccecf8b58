package io.nuage.scenario;

import io.nuage.core.MonthRange;
import io.nuage.workload.GeographyDemand;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.StorageDemand;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code workloads}: training runs, inference fleets and storage, by {@code kind}. */
final class WorkloadSection {
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "training-run",
          List.of(
              "gpus", "reference-hours", "accelerators", "earliest-start", "deadline", "dataset"),
          "inference-fleet",
          List.of("accelerators", "geographies"),
          "storage",
          List.of("provider", "months", "tb"));
  private static final List<String> KINDS = List.of("training-run", "inference-fleet", "storage");

  private final NodeReader r;
  private final References refs;
  private final MonthRange horizon;

  private WorkloadSection(NodeReader r, References refs, MonthRange horizon) {
    this.r = r;
    this.refs = refs;
    this.horizon = horizon;
  }

  static List<Workload> read(
      NodeReader r, List<Node> items, String path, References refs, MonthRange horizon) {
    var section = new WorkloadSection(r, refs, horizon);
    var ids = new UniqueIds(r, "workload");
    List<Workload> workloads = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      r.mapping(items.get(i), path + "[" + i + "]")
          .ifPresent(f -> section.readOne(f, ids).ifPresent(workloads::add));
    }
    return workloads;
  }

  private Optional<Workload> readOne(Fields f, UniqueIds ids) {
    Optional<String> kind = f.required("kind", r.choice("workload kind", KINDS));
    var allowed = new LinkedHashSet<>(List.of("id", "kind"));
    if (kind.isPresent()) allowed.addAll(KEYS.get(kind.get()));
    else KINDS.forEach(k -> allowed.addAll(KEYS.get(k)));
    f.allowOnly(allowed);
    Optional<String> id = f.required("id", r.text);
    boolean unique =
        id.isPresent() && ids.add(f.node("id").orElseThrow(), f.pathOf("id"), id.get());
    if (kind.isEmpty()) return Optional.empty();
    Optional<Workload> workload =
        switch (kind.get()) {
          case "training-run" -> trainingRun(f, id);
          case "inference-fleet" -> inferenceFleet(f, id);
          default -> storage(f, id);
        };
    return unique ? workload : Optional.empty();
  }

  private Optional<Workload> trainingRun(Fields f, Optional<String> id) {
    Optional<Integer> gpus = f.required("gpus", r.positiveCount);
    Optional<BigDecimal> hours = f.required("reference-hours", r.positiveAmount);
    Optional<List<String>> accelerators = accelerators(f);
    Optional<YearMonth> start =
        f.required("earliest-start", r.month).flatMap(m -> inHorizon(f, "earliest-start", m));
    Optional<YearMonth> deadline =
        f.required("deadline", r.month).flatMap(m -> inHorizon(f, "deadline", m));
    if (start.isPresent() && deadline.isPresent() && deadline.get().isBefore(start.get())) {
      r.problem(
          f.node("deadline").orElseThrow(),
          f.pathOf("deadline"),
          "deadline before earliest start (got "
              + deadline.get()
              + ", expected "
              + start.get()
              + " or later)");
      return Optional.empty();
    }
    Optional<Fields> dataset = f.required("dataset", r.mapping);
    Optional<BigDecimal> tb = Optional.empty();
    Optional<String> home = Optional.empty();
    if (dataset.isPresent()) {
      Fields d = dataset.get().allowOnly(List.of("tb", "home"));
      tb = d.required("tb", r.amount);
      home = d.required("home", r.text);
      if (home.isPresent()
          && !refs.region(r, d.node("home").orElseThrow(), d.pathOf("home"), home.get())) {
        home = Optional.empty();
      }
    }
    if (id.isEmpty()
        || gpus.isEmpty()
        || hours.isEmpty()
        || accelerators.isEmpty()
        || start.isEmpty()
        || deadline.isEmpty()
        || tb.isEmpty()
        || home.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TrainingRun(
            id.get(),
            gpus.get(),
            hours.get(),
            new LinkedHashSet<>(accelerators.get()),
            start.get(),
            deadline.get(),
            tb.get(),
            home.get()));
  }

  private Optional<YearMonth> inHorizon(Fields f, String key, YearMonth month) {
    if (horizon.contains(month)) return Optional.of(month);
    r.problem(
        f.node(key).orElseThrow(),
        f.pathOf(key),
        "month outside the horizon (got "
            + month
            + ", expected "
            + horizon.start()
            + " to "
            + horizon.end()
            + ")");
    return Optional.empty();
  }

  private Optional<List<String>> accelerators(Fields f) {
    Optional<List<String>> names = f.required("accelerators", r.texts);
    if (names.isEmpty()) return names;
    if (names.get().isEmpty()) {
      r.problem(
          f.node("accelerators").orElseThrow(),
          f.pathOf("accelerators"),
          "empty list (got nothing, expected at least one accelerator)");
      return Optional.empty();
    }
    Node list = f.node("accelerators").orElseThrow();
    boolean ok = true;
    for (int i = 0; i < names.get().size(); i++) {
      Node item = ((org.snakeyaml.engine.v2.nodes.SequenceNode) list).getValue().get(i);
      ok &=
          refs.acceleratorOrFamily(
              r, item, f.pathOf("accelerators") + "[" + i + "]", names.get().get(i));
    }
    return ok ? names : Optional.empty();
  }

  private Optional<Workload> inferenceFleet(Fields f, Optional<String> id) {
    Optional<List<String>> accelerators = accelerators(f);
    Optional<List<Node>> items = f.required("geographies", r.list);
    if (items.isEmpty()) return Optional.empty();
    if (items.get().isEmpty()) {
      r.problem(
          f.node("geographies").orElseThrow(),
          f.pathOf("geographies"),
          "empty list (got nothing, expected at least one geography)");
      return Optional.empty();
    }
    List<GeographyDemand> demands = new ArrayList<>();
    for (int i = 0; i < items.get().size(); i++) {
      String at = f.pathOf("geographies") + "[" + i + "]";
      r.mapping(items.get().get(i), at).flatMap(this::geography).ifPresent(demands::add);
    }
    if (id.isEmpty() || accelerators.isEmpty() || demands.size() != items.get().size())
      return Optional.empty();
    return Optional.of(
        new InferenceFleet(id.get(), new LinkedHashSet<>(accelerators.get()), demands));
  }

  private Optional<GeographyDemand> geography(Fields g) {
    g.allowOnly(List.of("geography", "regions", "gpu-hours-per-month"));
    Optional<String> name = g.required("geography", r.text);
    Optional<List<String>> regions = g.required("regions", r.texts);
    boolean ok = regions.isPresent();
    if (ok && regions.get().isEmpty()) {
      r.problem(
          g.node("regions").orElseThrow(),
          g.pathOf("regions"),
          "empty list (got nothing, expected at least one region id)");
      ok = false;
    }
    if (ok) {
      var list = (org.snakeyaml.engine.v2.nodes.SequenceNode) g.node("regions").orElseThrow();
      for (int i = 0; i < regions.get().size(); i++) {
        ok &=
            refs.region(
                r,
                list.getValue().get(i),
                g.pathOf("regions") + "[" + i + "]",
                regions.get().get(i));
      }
    }
    Optional<SortedMap<YearMonth, BigDecimal>> hours =
        g.required("gpu-hours-per-month", r.mapping).flatMap(d -> DemandCurve.read(r, d, horizon));
    if (!ok || name.isEmpty() || hours.isEmpty()) return Optional.empty();
    return Optional.of(
        new GeographyDemand(name.get(), new LinkedHashSet<>(regions.get()), hours.get()));
  }

  private Optional<Workload> storage(Fields f, Optional<String> id) {
    Optional<String> provider = f.required("provider", r.text);
    boolean known =
        provider.isPresent()
            && refs.provider(
                r, f.node("provider").orElseThrow(), f.pathOf("provider"), provider.get());
    Optional<MonthRange> months = f.required("months", r.range);
    Optional<BigDecimal> tb = f.required("tb", r.amount);
    if (!known || id.isEmpty() || months.isEmpty() || tb.isEmpty()) return Optional.empty();
    return Optional.of(new StorageDemand(id.get(), provider.get(), months.get(), tb.get()));
  }
}

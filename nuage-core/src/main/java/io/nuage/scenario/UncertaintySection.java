package io.nuage.scenario;

import io.nuage.catalog.CapacityStep;
import io.nuage.uncertainty.Delay;
import io.nuage.uncertainty.DemandRisk;
import io.nuage.uncertainty.Discrete;
import io.nuage.uncertainty.PriceRisk;
import io.nuage.uncertainty.ProviderRisk;
import io.nuage.uncertainty.RunRisk;
import io.nuage.uncertainty.StepRef;
import io.nuage.uncertainty.Uncertainty;
import io.nuage.uncertainty.Weighted;
import io.nuage.workload.InferenceFleet;
import io.nuage.workload.TrainingRun;
import io.nuage.workload.Workload;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code uncertainty}: what each source may draw (docs/risk.md section 1, docs/scenario.md
 * "Uncertainty"). Every reference (fleet, run, capacity step, accelerator, provider) is checked
 * against the rest of the scenario; every distribution's weights must sum to exactly 1.
 */
final class UncertaintySection {
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(_\\d+)*(\\.\\d+(_\\d+)*)?");
  private static final Pattern WHOLE = Pattern.compile("\\d+(_\\d+)*");

  private final NodeReader r;
  private final References refs;
  private boolean ok = true;

  private UncertaintySection(NodeReader r, References refs) {
    this.r = r;
    this.refs = refs;
  }

  static Optional<Uncertainty> read(
      NodeReader r,
      Fields f,
      References refs,
      List<Workload> workloads,
      List<CapacityStep> capacity) {
    return new UncertaintySection(r, refs).read(f, workloads, capacity);
  }

  private Optional<Uncertainty> read(
      Fields f, List<Workload> workloads, List<CapacityStep> capacity) {
    f.allowOnly(
        List.of(
            "demand",
            "training-runs",
            "capacity",
            "prices",
            "providers",
            "unmet-penalty-per-gpu-hour",
            "share-cap-penalty"));
    DemandRisk demand = DemandRisk.NONE;
    Map<String, DemandRisk> byFleet = new LinkedHashMap<>();
    if (f.has("demand")) {
      Optional<Fields> d = f.required("demand", r.mapping);
      if (d.isPresent()) demand = demand(d.get(), byFleet, workloads);
      else ok = false;
    }
    RunRisk runs = RunRisk.NONE;
    Map<String, RunRisk> byRun = new LinkedHashMap<>();
    if (f.has("training-runs")) {
      Optional<Fields> t = f.required("training-runs", r.mapping);
      if (t.isPresent()) runs = runs(t.get(), byRun, workloads);
      else ok = false;
    }
    Discrete<Delay> slip = Discrete.always(Delay.ON_TIME);
    Map<StepRef, Discrete<Delay>> bySlip = new LinkedHashMap<>();
    if (f.has("capacity")) {
      Optional<Fields> c = f.required("capacity", r.mapping);
      if (c.isPresent()) slip = capacity(c.get(), bySlip, capacity);
      else ok = false;
    }
    Map<String, PriceRisk> prices = new LinkedHashMap<>();
    if (f.has("prices"))
      f.required("prices", r.mapping).ifPresentOrElse(p -> prices(p, prices), () -> ok = false);
    Map<String, ProviderRisk> providers = new LinkedHashMap<>();
    if (f.has("providers"))
      f.required("providers", r.mapping)
          .ifPresentOrElse(p -> providers(p, providers), () -> ok = false);
    Optional<Optional<BigDecimal>> penalty =
        f.maybe("unmet-penalty-per-gpu-hour", r.positiveAmount);
    Optional<BigDecimal> capPenalty =
        f.optional("share-cap-penalty", r.amount, Uncertainty.DEFAULT_SHARE_CAP_PENALTY);
    if (!ok || penalty.isEmpty() || capPenalty.isEmpty()) return Optional.empty();
    return Optional.of(
        new Uncertainty(
            demand,
            byFleet,
            runs,
            byRun,
            slip,
            bySlip,
            prices,
            providers,
            penalty.get().orElse(null),
            capPenalty.get()));
  }

  private static final List<String> DEMAND_KEYS =
      List.of("drift", "volatility", "correlation", "step", "levels");

  private DemandRisk demand(Fields f, Map<String, DemandRisk> byFleet, List<Workload> workloads) {
    List<String> keys = new ArrayList<>(DEMAND_KEYS);
    keys.add("fleets");
    f.allowOnly(keys);
    DemandRisk base = demandFields(f, DemandRisk.NONE);
    if (f.has("fleets")) {
      Optional<Fields> fleets = f.required("fleets", r.mapping);
      if (fleets.isEmpty()) ok = false;
      else {
        Set<String> ids = ids(workloads, InferenceFleet.class, InferenceFleet::id);
        Fields all = fleets.get();
        for (String id : all.keys()) {
          if (!known(all, id, ids, "inference fleet")) continue;
          all.required(id, r.mapping)
              .ifPresentOrElse(
                  one -> {
                    one.allowOnly(DEMAND_KEYS);
                    byFleet.put(id, demandFields(one, base));
                  },
                  () -> ok = false);
        }
      }
    }
    return base;
  }

  private DemandRisk demandFields(Fields f, DemandRisk inherit) {
    double drift =
        number(f, "drift", inherit.drift(), -10, 10, "a yearly log change from -10 to 10");
    double vol = number(f, "volatility", inherit.volatility(), 0, 10, "a volatility of 0 to 10");
    double rho =
        number(f, "correlation", inherit.correlation(), -1, 1, "a correlation from -1 to 1");
    DemandRisk.Step step = inherit.step();
    if (f.has("step")) {
      Optional<String> s = f.required("step", r.choice("a step", List.of("month", "year")));
      if (s.isPresent()) step = DemandRisk.Step.valueOf(s.get().toUpperCase(Locale.ROOT));
      else ok = false;
    }
    Discrete<BigDecimal> levels =
        f.has("levels")
            ? distribution(f, "levels", this::sizeValue, inherit.levels())
            : inherit.levels();
    return new DemandRisk(drift, vol, rho, step, levels);
  }

  private static final List<String> RUN_KEYS = List.of("cancel-probability", "size", "slip-months");

  private RunRisk runs(Fields f, Map<String, RunRisk> byRun, List<Workload> workloads) {
    List<String> keys = new ArrayList<>(RUN_KEYS);
    keys.add("runs");
    f.allowOnly(keys);
    RunRisk base = runFields(f, RunRisk.NONE);
    if (f.has("runs")) {
      Optional<Fields> runs = f.required("runs", r.mapping);
      if (runs.isEmpty()) ok = false;
      else {
        Set<String> ids = ids(workloads, TrainingRun.class, TrainingRun::id);
        Fields all = runs.get();
        for (String id : all.keys()) {
          if (!known(all, id, ids, "training run")) continue;
          all.required(id, r.mapping)
              .ifPresentOrElse(
                  one -> {
                    one.allowOnly(RUN_KEYS);
                    byRun.put(id, runFields(one, base));
                  },
                  () -> ok = false);
        }
      }
    }
    return base;
  }

  private RunRisk runFields(Fields f, RunRisk inherit) {
    Optional<BigDecimal> cancel = f.optional("cancel-probability", r.fraction, inherit.cancel());
    Discrete<BigDecimal> size =
        f.has("size") ? distribution(f, "size", this::sizeValue, inherit.size()) : inherit.size();
    Discrete<Integer> slip =
        f.has("slip-months")
            ? distribution(f, "slip-months", this::monthsValue, inherit.slipMonths())
            : inherit.slipMonths();
    if (cancel.isEmpty()) {
      ok = false;
      return inherit;
    }
    return new RunRisk(cancel.get(), size, slip);
  }

  private Discrete<Delay> capacity(
      Fields f, Map<StepRef, Discrete<Delay>> bySlip, List<CapacityStep> capacity) {
    f.allowOnly(List.of("slip-months", "from", "steps"));
    Discrete<Delay> base =
        f.has("slip-months")
            ? distribution(f, "slip-months", this::delayValue, Discrete.always(Delay.ON_TIME))
            : Discrete.always(Delay.ON_TIME);
    Optional<Optional<YearMonth>> from = f.maybe("from", r.month);
    if (from.isEmpty()) ok = false;
    if (f.has("steps")) steps(f, bySlip, capacity, base);
    // a step scheduled before `from` is capacity in service when the plan is made: it cannot be
    // late (docs/risk.md section 1), unless `steps` gave it a slip of its own
    from.flatMap(m -> m)
        .ifPresent(
            first -> {
              for (CapacityStep s : capacity)
                if (s.from().isBefore(first))
                  bySlip.putIfAbsent(StepRef.of(s), Discrete.always(Delay.ON_TIME));
            });
    return base;
  }

  private void steps(
      Fields f,
      Map<StepRef, Discrete<Delay>> bySlip,
      List<CapacityStep> capacity,
      Discrete<Delay> base) {
    Optional<List<Node>> steps = f.required("steps", r.list);
    if (steps.isEmpty()) {
      ok = false;
      return;
    }
    Set<StepRef> known = capacity.stream().map(StepRef::of).collect(Collectors.toSet());
    for (int i = 0; i < steps.get().size(); i++) {
      String path = f.pathOf("steps") + "[" + i + "]";
      Optional<Fields> step = r.mapping.read(steps.get().get(i), path);
      if (step.isEmpty()) {
        ok = false;
        continue;
      }
      Fields s = step.get();
      s.allowOnly(List.of("region", "accelerator", "from", "slip-months"));
      Optional<String> region = s.required("region", r.text);
      Optional<String> acc = s.required("accelerator", r.text);
      Optional<YearMonth> from = s.required("from", r.month);
      Optional<Fields> slip = s.required("slip-months", r.mapping);
      if (region.isEmpty() || acc.isEmpty() || from.isEmpty() || slip.isEmpty()) {
        ok = false;
        continue;
      }
      StepRef ref = new StepRef(region.get(), acc.get(), from.get());
      if (!known.contains(ref)) {
        r.problem(
            s.node(),
            path,
            "unknown capacity step (got "
                + ref
                + ", expected the region, accelerator and from of a step in the capacity section)");
        ok = false;
        continue;
      }
      if (bySlip.containsKey(ref)) {
        r.problem(
            s.node(), path, "the same capacity step twice (got " + ref + ", expected it once)");
        ok = false;
        continue;
      }
      bySlip.put(ref, distribution(s, "slip-months", this::delayValue, base));
    }
  }

  private void prices(Fields f, Map<String, PriceRisk> prices) {
    for (String key : f.keys()) {
      if (!refs.acceleratorOrFamily(r, f.keyNode(key), f.pathOf(key), key)) {
        ok = false;
        continue;
      }
      f.required(key, r.mapping)
          .ifPresentOrElse(
              p -> {
                p.allowOnly(List.of("drift", "volatility"));
                double drift = number(p, "drift", 0, -10, 10, "a yearly log change from -10 to 10");
                double vol = number(p, "volatility", 0, 0, 10, "a volatility of 0 to 10");
                prices.put(key, new PriceRisk(drift, vol));
              },
              () -> ok = false);
    }
  }

  private void providers(Fields f, Map<String, ProviderRisk> providers) {
    for (String key : f.keys()) {
      if (!refs.provider(r, f.keyNode(key), f.pathOf(key), key)) {
        ok = false;
        continue;
      }
      f.required(key, r.mapping)
          .ifPresentOrElse(
              p -> {
                p.allowOnly(List.of("yearly-probability", "from"));
                Optional<BigDecimal> q = p.required("yearly-probability", r.fraction);
                Optional<Optional<YearMonth>> from = p.maybe("from", r.month);
                if (q.isPresent() && from.isPresent())
                  providers.put(key, new ProviderRisk(q.get(), from.get().orElse(null)));
                else ok = false;
              },
              () -> ok = false);
    }
  }

  /** A mapping {@code value: weight}, the weights fractions summing to exactly 1. */
  private <T> Discrete<T> distribution(
      Fields f, String key, OutcomeReader<T> values, Discrete<T> fallback) {
    Optional<Fields> m = f.required(key, r.mapping);
    if (m.isEmpty()) {
      ok = false;
      return fallback;
    }
    Fields map = m.get();
    List<Weighted<T>> outcomes = new ArrayList<>();
    boolean good = true;
    for (String raw : map.keys()) {
      Optional<T> value = values.read(map.keyNode(raw), map.pathOf(raw), raw);
      Optional<BigDecimal> weight = map.required(raw, r.fraction);
      if (value.isEmpty() || weight.isEmpty()) good = false;
      else outcomes.add(new Weighted<>(value.get(), weight.get()));
    }
    if (!good) {
      ok = false;
      return fallback;
    }
    if (outcomes.isEmpty()) {
      r.problem(
          map.node(),
          f.pathOf(key),
          "no outcome (got an empty mapping, expected value: weight pairs)");
      ok = false;
      return fallback;
    }
    BigDecimal sum =
        outcomes.stream().map(Weighted::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(BigDecimal.ONE) != 0) {
      r.problem(
          map.node(),
          f.pathOf(key),
          "weights do not sum to 1 (got " + sum.toPlainString() + ", expected exactly 1)");
      ok = false;
      return fallback;
    }
    return new Discrete<>(outcomes);
  }

  private interface OutcomeReader<T> {
    Optional<T> read(Node at, String path, String raw);
  }

  private Optional<BigDecimal> sizeValue(Node at, String path, String raw) {
    String s = raw.strip();
    if (NUMBER.matcher(s).matches()) {
      BigDecimal v = new BigDecimal(s.replace("_", ""));
      if (v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0) return Optional.of(v);
    }
    r.problem(
        at,
        path,
        "not a multiplier (got "
            + NodeReader.shorten(s)
            + ", expected a number above 0 and at most 100 such as 1.25)");
    return Optional.empty();
  }

  private Optional<Integer> monthsValue(Node at, String path, String raw) {
    String s = raw.strip();
    if (WHOLE.matcher(s).matches() && s.replace("_", "").length() <= 4)
      return Optional.of(Integer.parseInt(s.replace("_", "")));
    r.problem(
        at,
        path,
        "not a number of months (got "
            + NodeReader.shorten(s)
            + ", expected a whole number of 0 to 9999)");
    return Optional.empty();
  }

  private Optional<Delay> delayValue(Node at, String path, String raw) {
    if (raw.strip().equals("never")) return Optional.of(new Delay.Never());
    String s = raw.strip();
    if (WHOLE.matcher(s).matches() && s.replace("_", "").length() <= 4)
      return Optional.of(new Delay.Months(Integer.parseInt(s.replace("_", ""))));
    r.problem(
        at,
        path,
        "not a slip (got "
            + NodeReader.shorten(s)
            + ", expected a whole number of months or never)");
    return Optional.empty();
  }

  private double number(
      Fields f, String key, double fallback, double min, double max, String expected) {
    Optional<Node> node = f.node(key);
    if (node.isEmpty()) return fallback;
    String raw =
        node.get() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s && !NodeReader.isNull(s)
            ? s.getValue().strip()
            : null;
    if (raw != null && NUMBER.matcher(raw).matches()) {
      double v = new BigDecimal(raw.replace("_", "")).doubleValue();
      if (v >= min && v <= max) return v;
      r.problem(
          node.get(),
          f.pathOf(key),
          "out of range (got " + NodeReader.shorten(raw) + ", expected " + expected + ")");
    } else {
      r.wrong(node.get(), f.pathOf(key), expected);
    }
    ok = false;
    return fallback;
  }

  private boolean known(Fields f, String id, Set<String> ids, String kind) {
    if (ids.contains(id)) return true;
    r.problem(
        f.keyNode(id),
        f.pathOf(id),
        "unknown "
            + kind
            + " (got "
            + NodeReader.shorten(id)
            + ", expected one of "
            + String.join(", ", new java.util.TreeSet<>(ids))
            + ")");
    ok = false;
    return false;
  }

  private static <T extends Workload> Set<String> ids(
      List<Workload> workloads, Class<T> kind, Function<T, String> id) {
    return workloads.stream()
        .filter(kind::isInstance)
        .map(kind::cast)
        .map(id)
        .collect(Collectors.toSet());
  }
}

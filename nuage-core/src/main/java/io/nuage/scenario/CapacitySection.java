package io.nuage.scenario;

import io.nuage.catalog.CapacityStep;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code capacity}: per region and accelerator, levels of deliverable GPUs by month. */
final class CapacitySection {
  private CapacitySection() {}

  static List<CapacityStep> read(NodeReader r, List<Node> schedules, String path, References refs) {
    List<CapacityStep> steps = new ArrayList<>();
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < schedules.size(); i++) {
      String at = path + "[" + i + "]";
      Optional<Fields> fields = r.mapping(schedules.get(i), at);
      if (fields.isEmpty()) continue;
      Fields f = fields.get().allowOnly(List.of("region", "accelerator", "steps"));
      Optional<String> region = f.required("region", r.text);
      Optional<String> accelerator = f.required("accelerator", r.text);
      boolean known =
          region.isPresent()
              && accelerator.isPresent()
              && refs.region(r, f.node("region").orElseThrow(), f.pathOf("region"), region.get())
                  & refs.accelerator(
                      r,
                      f.node("accelerator").orElseThrow(),
                      f.pathOf("accelerator"),
                      accelerator.get());
      if (known) {
        String key = region.get() + " " + accelerator.get();
        String first = firstAt.putIfAbsent(key, r.where(f.node()));
        if (first != null) {
          r.problem(
              f.node(),
              at,
              "duplicate capacity schedule (got "
                  + key
                  + " again, expected one schedule per region and accelerator; first at "
                  + first
                  + ")");
          known = false;
        }
      }
      Optional<List<Node>> items = f.required("steps", r.list);
      if (items.isEmpty()) continue;
      List<CapacityStep> own =
          readSteps(r, items.get(), f.pathOf("steps"), region.orElse("?"), accelerator.orElse("?"));
      if (known) steps.addAll(own);
    }
    return steps;
  }

  private static List<CapacityStep> readSteps(
      NodeReader r, List<Node> items, String path, String region, String accelerator) {
    List<CapacityStep> steps = new ArrayList<>();
    YearMonth previous = null;
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      Optional<Fields> fields = r.mapping(items.get(i), at);
      if (fields.isEmpty()) continue;
      Fields f = fields.get().allowOnly(List.of("from", "gpus"));
      Optional<YearMonth> from = f.required("from", r.month);
      Optional<Integer> gpus = f.required("gpus", r.count);
      if (from.isPresent() && previous != null && !from.get().isAfter(previous)) {
        r.problem(
            f.node("from").orElseThrow(),
            f.pathOf("from"),
            "steps out of order (got " + from.get() + ", expected a month after " + previous + ")");
        continue;
      }
      if (from.isEmpty() || gpus.isEmpty()) continue;
      previous = from.get();
      steps.add(new CapacityStep(region, accelerator, from.get(), gpus.get()));
    }
    return steps;
  }
}

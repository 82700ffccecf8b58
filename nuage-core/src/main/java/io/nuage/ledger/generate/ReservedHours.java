package io.nuage.ledger.generate;

import io.nuage.contract.ReservedCapacity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Keeps a month's reserved lines within their reservations' GPU-hours (what demand drift can push
 * them past), the plan's way: training runs first (by id), then fleets (by id); the hours a
 * reservation cannot hold are billed at the provider's price outside it, on the workload's other
 * line of that region and accelerator when it has one.
 */
final class ReservedHours {
  private final ScenarioPrices prices;
  private final BiFunction<Line, BigDecimal, Line> outside;
  private final Function<String, RuntimeException> refuse;

  ReservedHours(
      ScenarioPrices prices,
      BiFunction<Line, BigDecimal, Line> outside,
      Function<String, RuntimeException> refuse) {
    this.prices = prices;
    this.outside = outside;
    this.refuse = refuse;
  }

  List<Line> fit(List<Line> lines, Drifts drifts) {
    Map<String, List<Line>> reservedByCell = new LinkedHashMap<>();
    for (Line l : lines) {
      if (l.pricing() == Line.Pricing.RESERVED)
        reservedByCell
            .computeIfAbsent(l.region() + "|" + l.accelerator(), k -> new ArrayList<>())
            .add(l);
    }
    List<Line> out = new ArrayList<>(lines);
    for (List<Line> cell : reservedByCell.values()) {
      Line first = cell.getFirst();
      BigDecimal left = capacity(first);
      List<Line> order = new ArrayList<>(cell);
      order.sort(
          Comparator.comparing((Line l) -> l.training() ? 0 : 1).thenComparing(Line::workload));
      for (Line l : order) {
        BigDecimal take = l.gpuHours().min(left);
        left = left.subtract(take);
        BigDecimal over = l.gpuHours().subtract(take);
        if (over.signum() == 0) continue;
        if (drifts.demand(l.provider(), l.month()).compareTo(BigDecimal.ONE) == 0)
          throw refuse.apply(
              "the reserved placements of "
                  + l.region()
                  + " "
                  + l.accelerator()
                  + " in "
                  + l.month()
                  + " exceed the GPU-hours reserved there");
        out.set(out.indexOf(l), l.withHours(take, null));
        spill(out, l, over);
      }
    }
    return out;
  }

  private BigDecimal capacity(Line l) {
    long gpus = 0;
    for (ReservedCapacity r : prices.reservations(l.region(), l.accelerator(), l.month()))
      gpus += r.gpus();
    return BigDecimal.valueOf(gpus * 24L * l.month().lengthOfMonth());
  }

  private void spill(List<Line> out, Line reserved, BigDecimal over) {
    for (int i = 0; i < out.size(); i++) {
      Line o = out.get(i);
      if (o.pricing() != Line.Pricing.RESERVED
          && o.workload().equals(reserved.workload())
          && o.region().equals(reserved.region())
          && o.accelerator().equals(reserved.accelerator())) {
        BigDecimal hours = o.gpuHours().add(over);
        out.set(
            i,
            o.withHours(hours, hours.multiply(o.billedRate()).setScale(2, RoundingMode.HALF_EVEN)));
        return;
      }
    }
    out.add(outside.apply(reserved, over));
  }
}

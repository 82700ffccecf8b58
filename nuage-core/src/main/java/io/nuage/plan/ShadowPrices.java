package io.nuage.plan;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPVariable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the duals of the LP solved with every gang choice fixed and says what each binding
 * constraint is worth in money and in words.
 */
final class ShadowPrices {
  private static final double TOLERANCE = 1e-7;

  private ShadowPrices() {}

  static List<Binding> of(PlanModel lp, List<ProviderYear> providers) {
    PlanData data = lp.data;
    List<Binding> out = new ArrayList<>();
    for (Cell c : data.cells) {
      for (int t = 0; t < data.monthCount(); t++) {
        MPConstraint row = lp.capacityRows[c.index()][t];
        if (row == null) continue;
        double perHour;
        if (c.reservedGpus()[t] > 0) {
          // A reserved cell's capacity is in the bounds of its reserved and on-demand variables.
          MPVariable u =
              lp.onDemand[c.index()][t] != null
                  ? lp.onDemand[c.index()][t]
                  : lp.reserved[c.index()][t];
          if (u == null || u.solutionValue() < u.ub() * (1 - 1e-9)) continue;
          perHour = Math.abs(u.reducedCost()) * PlanModel.GH;
        } else {
          perHour = Math.abs(row.dualValue()) * PlanModel.GH;
        }
        if (perHour <= TOLERANCE) continue;
        BigDecimal perMonth = money(perHour * data.hoursOf(t));
        if (perMonth.signum() == 0) continue;
        String month = data.months.get(t).toString();
        out.add(
            new Binding(
                "capacity[" + c.region() + "," + c.accName() + "," + month + "]",
                perMonth,
                "one more "
                    + c.accName()
                    + " GPU-month in "
                    + c.region()
                    + " in "
                    + month
                    + " would save $"
                    + PlanText.money(perMonth)));
      }
    }
    for (PlanModel.ShortfallYear s : lp.shortfalls.values()) {
      double dual = Math.abs(s.row().dualValue()) * PlanModel.USD;
      if (dual <= TOLERANCE) continue;
      BigDecimal perDollar = BigDecimal.valueOf(dual).setScale(4, RoundingMode.HALF_EVEN);
      String year = s.lastYear() + "";
      // the constraint's index is 0-based, as the plan JSON's contracts[].year; people count from 1
      out.add(
          new Binding(
              "minimum[" + s.contract().id() + "," + s.year() + "]",
              perDollar,
              (s.shortfall().solutionValue() > 0.005
                      ? "contract "
                          + s.contract().id()
                          + " falls short of its year-"
                          + (s.year() + 1)
                          + " minimum (ending "
                          + year
                          + "): "
                      : "contract "
                          + s.contract().id()
                          + " meets its year-"
                          + (s.year() + 1)
                          + " minimum only just: ")
                  + "each $1 less of that minimum would save $"
                  + perDollar.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
    }
    Map<String, BigDecimal> totals = new HashMap<>();
    for (ProviderYear p : providers)
      totals.merge(String.valueOf(p.year()), p.spend(), BigDecimal::add);
    for (var e : lp.shareRows.entrySet()) {
      MPConstraint row = e.getValue();
      double dual = Math.abs(row.dualValue());
      if (dual <= TOLERANCE) continue;
      String provider = e.getKey().substring(0, e.getKey().indexOf(','));
      String year = e.getKey().substring(e.getKey().indexOf(',') + 1);
      BigDecimal total = totals.getOrDefault(year, BigDecimal.ZERO);
      BigDecimal perPoint = money(dual * total.doubleValue() * PlanModel.USD * 0.01);
      if (perPoint.signum() == 0) continue;
      BigDecimal cap = data.scenario.policy().maxShareOf(provider);
      out.add(
          new Binding(
              "share[" + e.getKey() + "]",
              perPoint,
              "letting "
                  + provider
                  + " take one point more of "
                  + year
                  + " spend (above its "
                  + RightOfFirstRefusalReport.percent(cap)
                  + " cap) would save $"
                  + PlanText.money(perPoint)));
    }
    out.sort(
        Comparator.comparing(Binding::shadowPrice).reversed().thenComparing(Binding::constraint));
    return out;
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }
}

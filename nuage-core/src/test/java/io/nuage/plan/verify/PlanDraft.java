package io.nuage.plan.verify;

import io.nuage.plan.Baseline;
import io.nuage.plan.ContractYear;
import io.nuage.plan.CostBreakdown;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import io.nuage.plan.Plan;
import io.nuage.plan.ProviderYear;
import io.nuage.plan.past.FixedPast;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A hand-written plan that a test edits before building the {@link Plan}: the records are
 * immutable, so each test changes one figure here and the verifier must see exactly that.
 */
final class PlanDraft {
  String scenario = "test";
  String lowerBound;
  String gap = "0";
  String usage;
  String reserved = "0.00";
  String shortfall = "0.00";
  String egressTotal = "0.00";
  String storage = "0.00";
  String actual = "0.00";
  @Nullable FixedPast past;
  final List<Row> rows = new ArrayList<>();
  final List<EgressCharge> egress = new ArrayList<>();
  final List<ProviderYear> providers = new ArrayList<>();
  final List<ContractYear> contracts = new ArrayList<>();
  final List<Baseline> baselines = new ArrayList<>();

  PlanDraft(String usage, String lowerBound) {
    this.usage = usage;
    this.lowerBound = lowerBound;
  }

  /** A placement row, its fields set one by one. */
  static final class Row {
    String workload;
    String kind;
    String provider;
    String region;
    String accelerator;
    YearMonth month;
    int gpus;
    String gpuHours;
    String pricing;
    @Nullable String contract;
    String rate;
    String cost;

    Row(
        String workload,
        String provider,
        String region,
        String accelerator,
        String month,
        int gpus,
        String gpuHours,
        String pricing,
        String rate,
        String cost) {
      this.workload = workload;
      this.kind = workload.startsWith("run") ? "training" : "inference";
      this.provider = provider;
      this.region = region;
      this.accelerator = accelerator;
      this.month = YearMonth.parse(month);
      this.gpus = gpus;
      this.gpuHours = gpuHours;
      this.pricing = pricing;
      this.rate = rate;
      this.cost = cost;
    }

    Row at(String provider, String region) {
      this.provider = provider;
      this.region = region;
      return this;
    }

    Row hours(String gpuHours, String cost) {
      this.gpuHours = gpuHours;
      this.cost = cost;
      return this;
    }

    Placement build() {
      return new Placement(
          workload,
          kind,
          provider,
          region,
          accelerator,
          month,
          gpus,
          new BigDecimal(gpuHours),
          pricing,
          contract,
          new BigDecimal(rate),
          new BigDecimal(cost));
    }
  }

  Row row(int index) {
    return rows.get(index);
  }

  PlanDraft add(Row row) {
    rows.add(row);
    return this;
  }

  Plan build() {
    var breakdown =
        new CostBreakdown(
            new BigDecimal(usage),
            new BigDecimal(reserved),
            new BigDecimal(shortfall),
            new BigDecimal(egressTotal),
            new BigDecimal(storage),
            new BigDecimal(actual));
    return new Plan(
        scenario,
        breakdown.total(),
        new BigDecimal(lowerBound),
        new BigDecimal(gap),
        false,
        0.0,
        "solver",
        List.of(),
        breakdown,
        baselines,
        rows.stream().map(Row::build).toList(),
        egress,
        providers,
        contracts,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        0,
        past);
  }
}

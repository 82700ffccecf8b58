package io.nuage.plan.replan;

import io.nuage.core.Checks;
import io.nuage.plan.ContractYear;
import io.nuage.plan.CostBreakdown;
import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import io.nuage.plan.past.FixedPast;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The plan being followed, as its JSON says (docs/plan-json.md): what a re-plan keeps where it can,
 * takes the runs under way from, and reports its changes against.
 *
 * @param origin where it was read, for messages: a file, or a plan of the store
 * @param fixedPast its own fixed past when it is itself a re-plan, else null
 */
public record PreviousPlan(
    String origin,
    String scenario,
    String status,
    BigDecimal totalCost,
    CostBreakdown costBreakdown,
    List<Placement> placements,
    List<EgressCharge> egress,
    List<ContractYear> contracts,
    @Nullable FixedPast fixedPast) {
  public PreviousPlan {
    Checks.id(origin, "previous plan origin");
    Objects.requireNonNull(scenario, "previous plan scenario");
    Objects.requireNonNull(totalCost, "previous plan totalCost");
    Objects.requireNonNull(costBreakdown, "previous plan costBreakdown");
    placements = List.copyOf(placements);
    egress = List.copyOf(egress);
    contracts = List.copyOf(contracts);
  }

  /** Its placements from {@code first} on: the part a re-plan may keep. */
  public List<Placement> placementsFrom(YearMonth first) {
    return placements.stream().filter(p -> !p.month().isBefore(first)).toList();
  }
}

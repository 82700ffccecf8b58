package io.nuage.ledger.generate;

import io.nuage.plan.EgressCharge;
import io.nuage.plan.Placement;
import java.util.List;
import java.util.Objects;

/**
 * What a plan JSON says that bills follow (docs/plan-json.md): its scenario, placements and egress.
 *
 * @param file the plan file as named, for messages
 * @param scenario the plan's {@code scenario} field
 */
public record BillablePlan(
    String file, String scenario, List<Placement> placements, List<EgressCharge> egress) {
  public BillablePlan {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(scenario, "scenario");
    placements = List.copyOf(placements);
    egress = List.copyOf(egress);
  }
}

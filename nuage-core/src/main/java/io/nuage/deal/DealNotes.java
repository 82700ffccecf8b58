package io.nuage.deal;

import io.nuage.contract.CommittedSpend;
import io.nuage.scenario.Scenario;
import io.nuage.uncertainty.Source;
import java.util.ArrayList;
import java.util.List;

/** What a reader must know about the model beside a deal's figures (docs/deals.md section 2). */
final class DealNotes {
  private DealNotes() {}

  static List<String> of(Scenario scenario, CommittedSpend deal) {
    List<String> notes = new ArrayList<>();
    if (!deal.followsList() && !scenario.uncertainty().only(Source.PRICES).isCertain())
      notes.add(
          deal.id()
              + "'s rate is the list price as signed less its discount, and stays so while the"
              + " drawn list prices move (docs/risk.md section 1): in a future where list prices"
              + " fall by more than the discount, the deal's usage costs more than on demand, and"
              + " signing can cost more than not signing even without a shortfall (follows-list:"
              + " true says the discount applies to the current list instead)");
    return notes;
  }
}

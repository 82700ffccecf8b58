package io.nuage.ledger.generate;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.MonthRange;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Contract Commitment dataset that matches the bills' {@code ContractApplied}: one row per
 * commitment of every committed-spend, reserved-capacity and storage contract
 * (docs/billing-from-plan.md, "FOCUS versions").
 */
final class CommitmentDataset {
  private CommitmentDataset() {}

  static List<CommitmentRow> of(Scenario scenario, BillingNames names, String currency) {
    List<CommitmentRow> rows = new ArrayList<>();
    for (Contract c : scenario.contracts()) {
      if (!(c instanceof CommittedSpend
          || c instanceof ReservedCapacity
          || c instanceof StorageCommitment)) continue;
      ContractNames n = names.of(c);
      int periods = n.perYear() ? c.term().years() : 1;
      for (int k = 0; k < periods; k++) {
        MonthRange span = n.perYear() ? c.term().year(k) : c.term();
        rows.add(row(c, n, k, span, currency));
      }
    }
    return rows;
  }

  private static CommitmentRow row(
      Contract c, ContractNames n, int k, MonthRange span, String currency) {
    String id = n.commitmentOf(k);
    String when = n.perYear() ? "Contract year " + (k + 1) + ": " : "";
    return switch (c) {
      case CommittedSpend s ->
          new CommitmentRow(
              currency,
              "Spend",
              s.yearlyMinimums().get(k),
              "Contract year " + (k + 1) + " minimum spend (" + c.id() + ")",
              id,
              end(span),
              start(span),
              null,
              "Annual Spend Commitment",
              null,
              n.contractId(),
              end(c.term()),
              start(c.term()));
      case ReservedCapacity r -> {
        BigDecimal hours = BigDecimal.ZERO;
        for (YearMonth m : span.months())
          hours = hours.add(BigDecimal.valueOf((long) r.gpus() * 24 * m.lengthOfMonth()));
        yield new CommitmentRow(
            currency,
            "Usage",
            PlanLines.strip(hours.multiply(r.pricePerGpuHour())),
            when
                + String.format(Locale.ROOT, "%,d", r.gpus())
                + " "
                + r.accelerator()
                + " GPUs reserved in "
                + r.region()
                + " ("
                + c.id()
                + ")",
            id,
            end(span),
            start(span),
            hours,
            "Reserved GPU Hours",
            "Hours",
            n.contractId(),
            end(c.term()),
            start(c.term()));
      }
      case StorageCommitment s ->
          new CommitmentRow(
              currency,
              "Spend",
              PlanLines.strip(
                  s.committedTb()
                      .multiply(s.pricePerTbMonth())
                      .multiply(BigDecimal.valueOf(span.length()))),
              when
                  + s.committedTb().toPlainString()
                  + " TB stored every month at "
                  + s.pricePerTbMonth().toPlainString()
                  + " per TB-month ("
                  + c.id()
                  + ")",
              id,
              end(span),
              start(span),
              null,
              "Storage Commitment",
              null,
              n.contractId(),
              end(c.term()),
              start(c.term()));
      default -> throw new IllegalArgumentException("no commitment in " + c.id());
    };
  }

  private static LocalDateTime start(MonthRange r) {
    return r.start().atDay(1).atStartOfDay();
  }

  private static LocalDateTime end(MonthRange r) {
    return r.end().plusMonths(1).atDay(1).atStartOfDay();
  }
}

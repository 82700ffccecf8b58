package io.nuage.ledger;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Draws a scenario's contracts down from the ledger's daily charges (docs/ledger-drawdown.md): maps
 * each charge to at most one contract, sums it into the contract year it falls in, projects each
 * year and adds spend, shares and the commitment balance check.
 */
public final class CommitmentLedger {
  private final Scenario scenario;
  private final BillingProviders names;

  public CommitmentLedger(Scenario scenario) {
    this.scenario = scenario;
    this.names = BillingProviders.of(scenario);
  }

  /** The day after the latest charge day, or today when there are no charges. */
  public static LocalDate defaultAsOf(Optional<LocalDate> lastChargeDay) {
    return lastChargeDay.map(d -> d.plusDays(1)).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /** The report as of {@code asOf}, or as of the day after the last charge when null. */
  public DrawDownReport report(Charges ledger, @Nullable LocalDate asOf) {
    LocalDate day = asOf != null ? asOf : defaultAsOf(ledger.lastChargeDay());
    return report(ledger.monthly(day), day);
  }

  public DrawDownReport report(List<ChargeSum> all, LocalDate asOf) {
    List<ChargeSum> charges = all.stream().filter(c -> c.from().isBefore(asOf)).toList();
    List<MonthlySpend> spend = spend(charges);
    return new DrawDownReport(
        asOf,
        drawDown(charges, asOf),
        spend,
        ProviderShare.of(spend, scenario.policy()::maxShareOf),
        CommitmentBalance.of(charges, names));
  }

  /** The contract a charge draws down, if any (section 1 of the model). */
  Optional<Contract> contractOf(ChargeSum c) {
    String provider = names.resolve(c.providerName());
    if (c.commitmentDiscountId() != null) {
      for (Contract k : scenario.contracts()) {
        if ((k instanceof ReservedCapacity || k instanceof StorageCommitment)
            && k.provider().equals(provider)
            && k.id().equals(c.commitmentDiscountId())
            && covers(k, c.from())) return Optional.of(k);
      }
    }
    if (!c.drawsCommittedSpend()) return Optional.empty();
    return scenario.contracts(CommittedSpend.class).stream()
        .filter(k -> k.provider().equals(provider) && covers(k, c.from()))
        .min(Comparator.comparing(k -> k.term().start()))
        .map(k -> (Contract) k);
  }

  /** What a charge adds to its contract's consumption. */
  static BigDecimal consumption(Contract contract, ChargeSum c) {
    if (contract instanceof CommittedSpend) return c.billed();
    return c.isUsage() && c.hasStatus("Used") ? c.effective() : BigDecimal.ZERO;
  }

  private List<ContractDrawDown> drawDown(List<ChargeSum> charges, LocalDate asOf) {
    Map<String, Map<Integer, BigDecimal>> consumed = new HashMap<>();
    for (ChargeSum c : charges) {
      contractOf(c)
          .ifPresent(
              k ->
                  ContractYear.of(k).stream()
                      .filter(y -> y.contains(c.from()))
                      .findFirst()
                      .ifPresent(
                          y ->
                              consumed
                                  .computeIfAbsent(k.id(), x -> new HashMap<>())
                                  .merge(y.year(), consumption(k, c), BigDecimal::add)));
    }
    List<ContractDrawDown> result = new ArrayList<>();
    for (Contract k : scenario.contracts()) {
      String kind = kind(k);
      if (kind == null) continue;
      List<DrawDownLine> lines = new ArrayList<>();
      BigDecimal rate = BigDecimal.ZERO;
      for (ContractYear y : ContractYear.of(k)) {
        BigDecimal used =
            consumed.getOrDefault(k.id(), Map.of()).getOrDefault(y.year(), BigDecimal.ZERO);
        DrawDownLine line = DrawDownLine.project(y, committed(k, y), used, asOf, rate);
        if (line.elapsedDays() > 0) rate = line.runRatePerDay();
        lines.add(line);
      }
      result.add(new ContractDrawDown(k.id(), kind, k.provider(), lines));
    }
    return result;
  }

  private List<MonthlySpend> spend(List<ChargeSum> charges) {
    record Key(String provider, YearMonth month) {}
    Map<Key, BigDecimal[]> sums =
        new TreeMap<>(Comparator.comparing(Key::provider).thenComparing(Key::month));
    for (ChargeSum c : charges) {
      BigDecimal[] s =
          sums.computeIfAbsent(
              new Key(names.resolve(c.providerName()), YearMonth.from(c.from())),
              k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(c.billed());
      s[1] = s[1].add(c.effective());
      s[2] = s[2].add(c.gpuHours());
    }
    List<MonthlySpend> spend = new ArrayList<>();
    sums.forEach((k, s) -> spend.add(new MonthlySpend(k.provider(), k.month(), s[0], s[1], s[2])));
    return spend;
  }

  static BigDecimal committed(Contract k, ContractYear y) {
    return switch (k) {
      case CommittedSpend c -> c.yearlyMinimums().get(y.year() - 1);
      case ReservedCapacity r ->
          r.pricePerGpuHour()
              .multiply(BigDecimal.valueOf(r.gpus()))
              .multiply(BigDecimal.valueOf(y.days() * 24));
      case StorageCommitment s ->
          s.committedTb().multiply(s.pricePerTbMonth()).multiply(BigDecimal.valueOf(months(y)));
      default -> BigDecimal.ZERO;
    };
  }

  private static long months(ContractYear y) {
    return java.time.temporal.ChronoUnit.MONTHS.between(y.from(), y.to());
  }

  private static @Nullable String kind(Contract k) {
    return switch (k) {
      case CommittedSpend c -> "committed-spend";
      case ReservedCapacity r -> "reserved-capacity";
      case StorageCommitment s -> "storage-commitment";
      default -> null;
    };
  }

  private static boolean covers(Contract k, LocalDate day) {
    return k.term().contains(YearMonth.from(day));
  }
}

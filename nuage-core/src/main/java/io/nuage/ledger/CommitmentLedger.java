package io.nuage.ledger;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.NuageException;
import io.nuage.ledger.currency.CurrencyConverter;
import io.nuage.ledger.currency.CurrencySums;
import io.nuage.ledger.matching.ContractMatcher;
import io.nuage.ledger.matching.Draw;
import io.nuage.ledger.matching.MatchRule;
import io.nuage.ledger.matching.MatchedAmount;
import io.nuage.ledger.matching.Matching;
import io.nuage.ledger.matching.ProviderSpend;
import io.nuage.ledger.projection.PlannedConsumption;
import io.nuage.ledger.projection.ProjectionSource;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Draws a scenario's contracts down from the ledger's charges (docs/ledger-drawdown.md): matches
 * each charge to at most one contract by the rules of section 1, converts other currencies with the
 * scenario's rates (section 2), sums each contract year and projects it (sections 3 and 4), and
 * adds what matched nothing, spend, shares and the commitment balance check.
 */
public final class CommitmentLedger {
  private final Scenario scenario;
  private final String source;
  private final ContractMatcher matcher;
  private final CurrencyConverter converter;

  public CommitmentLedger(Scenario scenario) {
    this(scenario, scenario.name());
  }

  /**
   * @param source the scenario as the user named it (its file), for located messages
   */
  public CommitmentLedger(Scenario scenario, String source) {
    this(scenario, source, java.util.Map.of());
  }

  private CommitmentLedger(
      Scenario scenario, String source, Map<String, LocalDate> commitmentStarts) {
    this.scenario = scenario;
    this.source = source;
    this.matcher = new ContractMatcher(scenario, commitmentStarts);
    this.converter = new CurrencyConverter(scenario.currencies());
  }

  /** The day after the latest charge day, or today when there are no charges. */
  public static LocalDate defaultAsOf(Optional<LocalDate> lastChargeDay) {
    return lastChargeDay.map(d -> d.plusDays(1)).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /**
   * The end of what was billed rounded up to a whole day (section 3): {@code 2027-07-01T00:00}
   * gives 2027-07-01, {@code 2027-06-15T13:00} gives 2027-06-16; today without charges.
   */
  public static LocalDate asOfAfter(Optional<LocalDateTime> lastUsageEnd) {
    return lastUsageEnd
        .map(
            t ->
                t.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? t.toLocalDate()
                    : t.toLocalDate().plusDays(1))
        .orElse(LocalDate.now(java.time.ZoneOffset.UTC));
  }

  /** The report as of {@code asOf}, or as of the end of what was billed when null. */
  public DrawDownReport report(Charges ledger, @Nullable LocalDate asOf) {
    return report(ledger, asOf, null);
  }

  /**
   * The report as of {@code asOf} (the end of what was billed when null), each year not closed
   * projected with {@code plan}, or at its run rate when null.
   */
  public DrawDownReport report(
      Charges ledger, @Nullable LocalDate asOf, @Nullable PlannedConsumption plan) {
    LocalDate day = asOf != null ? asOf : asOfAfter(ledger.lastUsageEnd());
    // charges naming a commitment of the ledger's dataset belong to the year it starts in
    return new CommitmentLedger(scenario, source, ledger.commitmentStarts())
        .report(ledger.monthly(day), ledger.applied(day), ledger.trueUps(day), day, plan);
  }

  public DrawDownReport report(List<ChargeSum> all, LocalDate asOf) {
    return report(all, List.of(), asOf, null);
  }

  /**
   * The report over {@code all} charges and their ContractApplied amounts that start before {@code
   * asOf}.
   *
   * @throws io.nuage.core.ValidationException when a charge's currency has no rate for its month
   */
  public DrawDownReport report(
      List<ChargeSum> all,
      List<AppliedSum> applied,
      LocalDate asOf,
      @Nullable PlannedConsumption plan) {
    return report(all, applied, TrueUpCharges.NONE, asOf, plan);
  }

  /**
   * As above, {@code trueUps} being the take-or-pay true-ups among {@code all} and {@code applied}:
   * what they draw is each contract year's true-up, not its consumption (section 1).
   */
  public DrawDownReport report(
      List<ChargeSum> all,
      List<AppliedSum> applied,
      TrueUpCharges trueUps,
      LocalDate asOf,
      @Nullable PlannedConsumption plan) {
    if (plan != null && !plan.decidesFrom(asOf))
      throw new NuageException(
          plan.source().plan()
              + " is a re-plan as of "
              + plan.decidesFrom()
              + ": it places nothing before then (those months were its actuals), so it cannot"
              + " project the ledger as of "
              + asOf
              + "; give an as-of date of "
              + plan.decidesFrom()
              + " or later, or the plan it re-planned");
    List<ChargeSum> charges = all.stream().filter(c -> c.from().isBefore(asOf)).toList();
    List<AppliedSum> elements = applied.stream().filter(a -> a.from().isBefore(asOf)).toList();
    CurrencySums billed = new CurrencySums();
    for (ChargeSum c : charges) billed.add(c.currency(), month(c), c.billed());
    converter.requireRates(source, billed);
    Matching matching = matcher.match(charges, elements);
    // matched by the same rules as the whole, so what they draw is exactly their part of it
    List<ChargeSum> trueUpCharges =
        trueUps.charges().stream().filter(c -> c.from().isBefore(asOf)).toList();
    Matching trueUpMatching =
        matcher.match(
            trueUpCharges,
            trueUps.applied().stream().filter(a -> a.from().isBefore(asOf)).toList());
    // a true-up no contract takes is plain spend, listed as unmatched like any charge
    List<MonthlySpend> spend =
        spend(
            charges,
            trueUpCharges.stream()
                .filter(
                    c ->
                        !trueUpMatching.outside().contains(c)
                            && !trueUpMatching.unmatched().contains(c))
                .toList());
    return new DrawDownReport(
        asOf,
        drawDown(matching, trueUpMatching, asOf, plan),
        spend,
        ProviderShare.of(spend, scenario.policy()::maxShareOf),
        CommitmentBalance.of(charges, matcher.names()),
        converter.currency(),
        plan != null ? plan.source() : new ProjectionSource.RunRate(),
        byProvider(matching.outside()),
        byProvider(matching.unmatched()),
        converter.conversions(billed));
  }

  private List<ContractDrawDown> drawDown(
      Matching matching,
      Matching trueUpMatching,
      LocalDate asOf,
      @Nullable PlannedConsumption plan) {
    Map<String, Map<Integer, CurrencySums>> consumed = new HashMap<>();
    Map<String, Map<Integer, CurrencySums>> trueUp = new HashMap<>();
    Map<String, Map<MatchRule, CurrencySums>> matched = new HashMap<>();
    for (Draw d : matching.draws()) {
      matched
          .computeIfAbsent(d.contract().id(), x -> new EnumMap<>(MatchRule.class))
          .computeIfAbsent(d.rule(), x -> new CurrencySums())
          .add(currency(d), d.month(), d.amount());
      addToYear(consumed, d, d.amount());
    }
    // a true-up is matched (above) but is never consumption: its draw moves, per currency-month,
    // from the year's consumed to its true-up, so that each is converted once
    for (Draw d : trueUpMatching.draws()) {
      addToYear(consumed, d, d.amount().negate());
      addToYear(trueUp, d, d.amount());
    }
    List<ContractDrawDown> result = new ArrayList<>();
    for (Contract k : scenario.contracts()) {
      String kind = kind(k);
      if (kind == null) continue;
      int scale = k instanceof ReservedCapacity ? 3 : 2;
      List<DrawDownLine> lines = new ArrayList<>();
      if (!(k instanceof RateCard)) {
        for (ContractYear y : ContractYear.of(k)) {
          CurrencySums sums =
              consumed.getOrDefault(k.id(), Map.of()).getOrDefault(y.year(), new CurrencySums());
          CurrencySums paid =
              trueUp.getOrDefault(k.id(), Map.of()).getOrDefault(y.year(), new CurrencySums());
          lines.add(
              DrawDownLine.project(
                  y,
                  committed(k, y),
                  converter.total(sums),
                  converter.total(paid),
                  k instanceof CommittedSpend,
                  asOf,
                  billedUntil(matching, k),
                  plan,
                  scale));
        }
      }
      List<MatchedAmount> byRule = new ArrayList<>();
      matched
          .getOrDefault(k.id(), Map.of())
          .forEach((rule, sums) -> byRule.add(new MatchedAmount(rule, converter.total(sums))));
      result.add(
          new ContractDrawDown(
              k.id(),
              kind,
              k.provider(),
              lines,
              k instanceof ReservedCapacity ? ContractDrawDown.GPU_HOURS : converter.currency(),
              k instanceof ReservedCapacity r ? r.pricePerGpuHour() : null,
              byRule));
    }
    return result;
  }

  /** The day (exclusive) the charges matched to {@code k} reach, at least {@code asOf}'s day 1. */
  private static LocalDate billedUntil(Matching matching, Contract k) {
    java.time.LocalDateTime end = matching.billedUntil().get(k.id());
    if (end == null) return LocalDate.MIN;
    LocalDate day = end.toLocalDate();
    // a charge ending inside a day covers that day
    return end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day : day.plusDays(1);
  }

  /** GPU-hours are not money: kept in the scenario's currency, which is never converted. */
  private String currency(Draw d) {
    return d.contract() instanceof ReservedCapacity ? converter.currency() : d.currency();
  }

  /**
   * Adds {@code amount} of a draw to its contract year's sums: the year its per-year commitment
   * names, else the year of its month (none outside every year).
   */
  private void addToYear(Map<String, Map<Integer, CurrencySums>> sums, Draw d, BigDecimal amount) {
    Contract k = d.contract();
    ContractYear.of(k).stream()
        .filter(y -> d.year() != null ? y.year() == d.year() : y.contains(d.month().atDay(1)))
        .findFirst()
        .ifPresent(
            y ->
                sums.computeIfAbsent(k.id(), x -> new HashMap<>())
                    .computeIfAbsent(y.year(), x -> new CurrencySums())
                    .add(currency(d), d.month(), amount));
  }

  private List<ProviderSpend> byProvider(List<ChargeSum> charges) {
    Map<String, CurrencySums[]> byProvider = new TreeMap<>();
    Map<String, Long> rows = new HashMap<>();
    for (ChargeSum c : charges) {
      String p = matcher.names().resolve(c.providerName());
      CurrencySums[] s =
          byProvider.computeIfAbsent(
              p, x -> new CurrencySums[] {new CurrencySums(), new CurrencySums()});
      s[0].add(c.currency(), month(c), c.billed());
      s[1].add(c.currency(), month(c), c.effective());
      rows.merge(p, c.rows(), Long::sum);
    }
    List<ProviderSpend> out = new ArrayList<>();
    byProvider.forEach(
        (p, s) ->
            out.add(
                new ProviderSpend(p, converter.total(s[0]), converter.total(s[1]), rows.get(p))));
    return out;
  }

  private List<MonthlySpend> spend(List<ChargeSum> charges, List<ChargeSum> trueUps) {
    record Key(String provider, YearMonth month) {}
    Map<Key, Object[]> sums =
        new TreeMap<>(Comparator.comparing(Key::provider).thenComparing(Key::month));
    java.util.function.Function<ChargeSum, Object[]> of =
        c ->
            sums.computeIfAbsent(
                new Key(matcher.names().resolve(c.providerName()), month(c)),
                k ->
                    new Object[] {
                      new CurrencySums(), new CurrencySums(), BigDecimal.ZERO, new CurrencySums()
                    });
    for (ChargeSum c : charges) {
      Object[] s = of.apply(c);
      ((CurrencySums) s[0]).add(c.currency(), month(c), c.billed());
      ((CurrencySums) s[1]).add(c.currency(), month(c), c.effective());
      s[2] = ((BigDecimal) s[2]).add(c.gpuHours());
    }
    for (ChargeSum c : trueUps)
      ((CurrencySums) of.apply(c)[3]).add(c.currency(), month(c), c.billed());
    List<MonthlySpend> spend = new ArrayList<>();
    sums.forEach(
        (k, s) ->
            spend.add(
                new MonthlySpend(
                    k.provider(),
                    k.month(),
                    converter.total((CurrencySums) s[0]),
                    converter.total((CurrencySums) s[1]),
                    (BigDecimal) s[2],
                    converter.total((CurrencySums) s[3]))));
    return spend;
  }

  /**
   * A contract year's commitment: a minimum, a storage commitment's monthly fees, or a
   * reservation's GPU-hours ({@code gpus × 24 × days}).
   */
  static BigDecimal committed(Contract k, ContractYear y) {
    return switch (k) {
      case CommittedSpend c -> c.yearlyMinimums().get(y.year() - 1);
      case ReservedCapacity r ->
          BigDecimal.valueOf(r.gpus()).multiply(BigDecimal.valueOf(y.days() * 24));
      case StorageCommitment s ->
          s.committedTb().multiply(s.pricePerTbMonth()).multiply(BigDecimal.valueOf(months(y)));
      default -> BigDecimal.ZERO;
    };
  }

  private static YearMonth month(ChargeSum c) {
    return YearMonth.from(c.from());
  }

  private static long months(ContractYear y) {
    return java.time.temporal.ChronoUnit.MONTHS.between(y.from(), y.to());
  }

  private static @Nullable String kind(Contract k) {
    return switch (k) {
      case CommittedSpend c -> "committed-spend";
      case ReservedCapacity r -> "reserved-capacity";
      case StorageCommitment s -> "storage-commitment";
      case RateCard r -> "rate-card";
      default -> null;
    };
  }
}

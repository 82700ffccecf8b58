package io.nuage.ledger.matching;

import io.nuage.contract.BillingIds;
import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.StorageCommitment;
import io.nuage.ledger.AppliedSum;
import io.nuage.ledger.BillingProviders;
import io.nuage.ledger.ChargeSum;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Matches charges to a scenario's contracts by the rules of docs/ledger-drawdown.md, section 1, in
 * their order: {@code contract-applied}, then {@code ids} (commitment discount id, then billing
 * account id), then {@code provider-name}. A charge is matched by the first rule that names a
 * contract whose term covers its month, and by that rule only.
 */
public final class ContractMatcher {
  private final BillingProviders names;
  private final Map<String, Contract> byContractId = new HashMap<>();
  private final Map<String, Contract> byCommitmentId = new HashMap<>();
  private final Map<String, Contract> byAccountId = new HashMap<>();
  private final Map<String, List<Contract>> byProvider = new HashMap<>();

  /** A per-year commitment id to its contract year (1-based): billing lists one id per year. */
  private final Map<String, Integer> yearOfCommitment = new HashMap<>();

  /** Each commitment's period start in the ledger's Contract Commitment dataset. */
  private final Map<String, LocalDate> commitmentStarts;

  public ContractMatcher(Scenario scenario) {
    this(scenario, Map.of());
  }

  /**
   * @param commitmentStarts each commitment's {@code ContractCommitmentPeriodStart} in the ledger's
   *     Contract Commitment dataset: a charge naming one belongs to the contract year it starts in
   */
  public ContractMatcher(Scenario scenario, Map<String, LocalDate> commitmentStarts) {
    this.commitmentStarts = Map.copyOf(commitmentStarts);
    this.names = BillingProviders.of(scenario);
    for (Contract k : scenario.contracts()) {
      if (!isMatched(k)) continue;
      BillingIds ids = scenario.billingOf(k.id());
      ids.contractIds().forEach(id -> byContractId.put(id, k));
      ids.commitmentIds().forEach(id -> byCommitmentId.put(id, k));
      ids.billingAccountIds().forEach(id -> byAccountId.put(id, k));
      if (ids.commitmentIds().size() > 1 && ids.commitmentIds().size() == k.term().years())
        for (int y = 0; y < ids.commitmentIds().size(); y++)
          yearOfCommitment.put(ids.commitmentIds().get(y), y + 1);
      byProvider.computeIfAbsent(k.provider(), p -> new ArrayList<>()).add(k);
    }
    // a contract's own id names it too, unless a contract's billing claims it (section 1)
    for (Contract k : scenario.contracts()) {
      if (!isMatched(k)) continue;
      byContractId.putIfAbsent(k.id(), k);
      byCommitmentId.putIfAbsent(k.id(), k);
    }
    byProvider
        .values()
        .forEach(
            ks ->
                ks.sort(
                    Comparator.comparingInt(ContractMatcher::specificity)
                        .thenComparing(k -> k.term().start())));
  }

  /** Contracts bills are matched to: every kind but a right of first refusal. */
  public static boolean isMatched(Contract k) {
    return k instanceof CommittedSpend
        || k instanceof ReservedCapacity
        || k instanceof StorageCommitment
        || k instanceof RateCard;
  }

  /** Matches every charge; {@code applied} gives the ContractApplied amounts rule 1 draws. */
  public Matching match(List<ChargeSum> charges, List<AppliedSum> applied) {
    List<Draw> draws = new ArrayList<>();
    List<ChargeSum> outside = new ArrayList<>();
    List<ChargeSum> unmatched = new ArrayList<>();
    Map<String, LocalDateTime> until = new HashMap<>();
    Map<String, YearMonth> months = new HashMap<>();
    var bounded = new LinkedHashMap<AppliedSum.Charge, List<AppliedSum>>();
    for (AppliedSum a : applied) {
      if (a.charge() == null) contractApplied(a).ifPresent(draws::add);
      else bounded.computeIfAbsent(a.charge(), x -> new ArrayList<>()).add(a);
    }
    bounded.forEach((charge, elements) -> draws.addAll(boundedByCost(charge, elements)));
    for (ChargeSum c : charges) {
      YearMonth month = YearMonth.from(c.from());
      if (takenByContractApplied(c.applied(), month)) {
        for (ChargeSum.AppliedId id : c.applied()) {
          Contract k = contractOf(id, month);
          if (k != null) reach(until, months, k, c);
        }
        continue;
      }
      Optional<Draw> d = byIds(c).or(() -> byProviderName(c));
      if (d.isPresent()) {
        draws.add(d.get());
        reach(until, months, d.get().contract(), c);
      } else if (isOutsideContracts(c)) outside.add(c);
      else if (c.drawsCommittedSpend()) unmatched.add(c);
    }
    return new Matching(draws, outside, unmatched, until);
  }

  /**
   * How far a contract's latest billed month is billed (docs/ledger-drawdown.md, section 3): the
   * earliest end among its charges of that month, so that one monthly line (a fee) beside daily
   * usage does not stretch the usage to the month's end; all monthly lines: the month's end.
   */
  private static void reach(
      Map<String, LocalDateTime> until, Map<String, YearMonth> months, Contract k, ChargeSum c) {
    YearMonth month = YearMonth.from(c.from());
    YearMonth latest = months.get(k.id());
    if (latest == null || month.isAfter(latest)) {
      months.put(k.id(), month);
      until.put(k.id(), c.lastEnd());
    } else if (month.equals(latest) && c.lastEnd().isBefore(until.get(k.id()))) {
      until.put(k.id(), c.lastEnd());
    }
  }

  /**
   * Whether a charge no rule matched is outside every contract rather than unmatched: usage at a
   * provider the scenario knows, priced on demand or spot, naming no commitment (section 1).
   */
  private boolean isOutsideContracts(ChargeSum c) {
    return c.isUsage()
        && c.isOnDemandOrSpot()
        && c.commitmentDiscountId() == null
        && c.applied().isEmpty()
        && names.isKnown(names.resolve(c.providerName()));
  }

  /** The resolver of provider names this matcher uses (aliases and the scenario's names). */
  public BillingProviders names() {
    return names;
  }

  /**
   * Whether rule 1 takes charges with these ContractApplied ids: one of them names a scenario
   * contract whose term covers the month.
   */
  boolean takenByContractApplied(List<ChargeSum.AppliedId> ids, YearMonth month) {
    return ids.stream().anyMatch(id -> contractOf(id, month) != null);
  }

  /**
   * The draw of an element: its charge is taken by rule 1 exactly when one of its elements names a
   * scenario contract in term, so an element that does draws (and one that does not is ignored).
   */
  private Optional<Draw> contractApplied(AppliedSum a) {
    YearMonth month = YearMonth.from(a.from());
    Contract k = contractOf(a.element(), month);
    if (k == null) return Optional.empty();
    return Optional.of(
        new Draw(
            k,
            MatchRule.CONTRACT_APPLIED,
            month,
            a.currency(),
            drawn(k, a),
            namedYear(k, a.element().commitmentId())));
  }

  /**
   * What an element draws from the contract it names: a money contract the cost of a {@code Spend}
   * commitment's element, a reservation the hours of a {@code Usage} commitment's element, else 0
   * (section 1: an element draws only a contract of its measure).
   */
  static BigDecimal drawn(Contract k, AppliedSum a) {
    if (k instanceof ReservedCapacity)
      return a.appliesUsage() && a.inHours() ? a.quantity() : BigDecimal.ZERO;
    return a.appliesSpend() ? a.cost() : BigDecimal.ZERO;
  }

  /**
   * The draws of one charge whose applied costs could pass its cost: per money contract, the sum of
   * what its elements draw, held between 0 and the charge's cost (section 1: a charge never draws a
   * contract for more than its cost).
   */
  private List<Draw> boundedByCost(AppliedSum.Charge charge, List<AppliedSum> elements) {
    var sums = new LinkedHashMap<Contract, BigDecimal>();
    AppliedSum first = elements.getFirst();
    YearMonth month = YearMonth.from(first.from());
    Map<Contract, Integer> named = new HashMap<>();
    for (AppliedSum a : elements) {
      Contract k = contractOf(a.element(), month);
      if (k == null) continue;
      sums.merge(k, drawn(k, a), BigDecimal::add);
      Integer year = namedYear(k, a.element().commitmentId());
      if (year != null) named.put(k, year);
    }
    List<Draw> draws = new ArrayList<>();
    sums.forEach(
        (k, sum) ->
            draws.add(
                new Draw(
                    k,
                    MatchRule.CONTRACT_APPLIED,
                    month,
                    first.currency(),
                    k instanceof ReservedCapacity ? sum : withinCost(sum, charge.cost()),
                    named.get(k))));
    return draws;
  }

  /**
   * The contract year (1-based) a commitment id names: by its place in the scenario's per-year
   * {@code commitment-ids}, else by its period's start in the ledger's Contract Commitment dataset
   * (docs/ledger-drawdown.md, section 3); null when neither says.
   */
  @Nullable Integer namedYear(Contract k, @Nullable String commitmentId) {
    if (commitmentId == null) return null;
    Integer year = yearOfCommitment.get(commitmentId);
    if (year != null) return year;
    LocalDate start = commitmentStarts.get(commitmentId);
    if (start == null) return null;
    return io.nuage.ledger.ContractYear.of(k).stream()
        .filter(y -> y.contains(start))
        .map(io.nuage.ledger.ContractYear::year)
        .findFirst()
        .orElse(null);
  }

  /** {@code sum} held between 0 and {@code cost}, whichever the sign of the cost. */
  static BigDecimal withinCost(BigDecimal sum, BigDecimal cost) {
    BigDecimal low = cost.min(BigDecimal.ZERO);
    BigDecimal high = cost.max(BigDecimal.ZERO);
    return sum.compareTo(low) < 0 ? low : sum.compareTo(high) > 0 ? high : sum;
  }

  /** The contract an element names (its commitment first, then its contract), if in term. */
  private @Nullable Contract contractOf(ChargeSum.AppliedId id, YearMonth month) {
    Contract k = byCommitmentId.get(id.commitmentId());
    if (k == null && id.contractId() != null) k = byContractId.get(id.contractId());
    if (k == null) return null;
    // a commitment of one contract year names the year: a true-up billed after the term is the
    // contract's still
    return k.term().contains(month) || namedYear(k, id.commitmentId()) != null ? k : null;
  }

  private Optional<Draw> byIds(ChargeSum c) {
    YearMonth month = YearMonth.from(c.from());
    if (c.commitmentDiscountId() != null) {
      Contract k = byCommitmentId.get(c.commitmentDiscountId());
      // the provider applied the charge to the contract's commitment: it is that contract's, even
      // when it draws nothing (a reservation's Unused hours are its waste, not unmatched spend)
      Integer year = k == null ? null : namedYear(k, c.commitmentDiscountId());
      if (k != null && (year != null || k.term().contains(month))) {
        return Optional.of(draw(k, MatchRule.IDS, c, year));
      }
    }
    if (c.billingAccountId() != null) {
      Contract k = byAccountId.get(c.billingAccountId());
      if (k != null && k.term().contains(month) && takes(k, c))
        return Optional.of(draw(k, MatchRule.IDS, c, null));
    }
    return Optional.empty();
  }

  private Optional<Draw> byProviderName(ChargeSum c) {
    YearMonth month = YearMonth.from(c.from());
    for (Contract k : byProvider.getOrDefault(names.resolve(c.providerName()), List.of())) {
      if (k.term().contains(month) && takes(k, c))
        return Optional.of(draw(k, MatchRule.PROVIDER_NAME, c, null));
    }
    return Optional.empty();
  }

  /**
   * The charge matched to {@code k}: the kind's measure when it draws, else 0 (section 1); in the
   * contract year its commitment names, when it names one.
   */
  private static Draw draw(Contract k, MatchRule rule, ChargeSum c, @Nullable Integer year) {
    return new Draw(
        k,
        rule,
        YearMonth.from(c.from()),
        c.currency(),
        takesByCommitment(k, c) ? measure(k, c) : BigDecimal.ZERO,
        year);
  }

  /** What a charge draws from a contract of its kind (the table of section 1). */
  static BigDecimal measure(Contract k, ChargeSum c) {
    return switch (k) {
      case ReservedCapacity r -> c.gpuHours();
      case StorageCommitment s -> c.effective();
      default -> c.billed();
    };
  }

  /**
   * Whether a contract's kind takes the charge under its billing account or its provider: a
   * reservation the usage and purchases at its region and accelerator but not hours billed on
   * demand or spot, a storage commitment the storage usage and purchases, a deal or a rate card
   * every usage and purchase. A charge taken draws only what {@link #takesByCommitment} says.
   */
  static boolean takes(Contract k, ChargeSum c) {
    return switch (k) {
      case ReservedCapacity r ->
          c.drawsCommittedSpend()
              && c.isAt(regionName(r), r.accelerator())
              && !(c.isUsage() && c.isOnDemandOrSpot());
      case StorageCommitment s -> c.drawsCommittedSpend() && c.isStorage();
      default -> c.drawsCommittedSpend();
    };
  }

  /** Whether a charge of the contract draws it (else it is matched and draws 0: a fee, waste). */
  static boolean takesByCommitment(Contract k, ChargeSum c) {
    return switch (k) {
      case ReservedCapacity r -> c.isUsage() && !c.isUnused() && c.isGpuHours();
      case StorageCommitment s -> c.isUsage() && !c.isUnused();
      default -> c.drawsCommittedSpend();
    };
  }

  /** {@code us-central1} for {@code nebius/us-central1}: bills name regions without provider. */
  static String regionName(ReservedCapacity r) {
    int slash = r.region().indexOf('/');
    return slash < 0 ? r.region() : r.region().substring(slash + 1);
  }

  /** Among one provider's contracts, the most specific kind first (section 1). */
  private static int specificity(Contract k) {
    return switch (k) {
      case ReservedCapacity r -> 0;
      case StorageCommitment s -> 1;
      case CommittedSpend c -> 2;
      default -> 3;
    };
  }
}

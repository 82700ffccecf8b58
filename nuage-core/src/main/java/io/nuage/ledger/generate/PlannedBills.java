package io.nuage.ledger.generate;

import io.nuage.ledger.FocusVersion;
import io.nuage.ledger.PlannedParts;
import io.nuage.ledger.PlannedUsage;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a plan bills each provider in each month, by part, up to a day (docs/ledger-drawdown.md,
 * section 8): the bills that follow it exactly, as {@link BillsFromPlan} writes them without drift,
 * summed instead of written. One rule for what a plan bills, so that bills that follow the plan
 * show no variance against it.
 */
public final class PlannedBills {
  /** The unit of the generated GPU rows (docs/billing-from-plan.md). */
  private static final String GPU_HOURS = "GPU Hours";

  private final Scenario scenario;
  private final String scenarioFile;
  private final BillablePlan plan;

  /**
   * Checks that the plan can be billed from the scenario, as {@code generate-billing} does.
   *
   * @param scenarioFile the scenario as named, for messages
   * @throws io.nuage.core.NuageException when it cannot (a plan of another version of the scenario,
   *     a placement it does not know), with the message {@code generate-billing} gives
   */
  public PlannedBills(Scenario scenario, String scenarioFile, BillablePlan plan) {
    this.scenario = scenario;
    this.scenarioFile = scenarioFile;
    this.plan = plan;
    bills(scenario.horizon().end());
  }

  /**
   * The plan's bills whose charge periods start before {@code asOf}, per provider and month: daily
   * periods, so a month {@code asOf} cuts gives the plan's share of the days before it.
   */
  public List<PlannedUsage> before(LocalDate asOf) {
    return before(asOf, Map.of());
  }

  /**
   * The same, except that a provider whose bills of the month {@code asOf} cuts reach further
   * ({@code reach}: a monthly line covers its month) has the plan's charge periods that start
   * before its reach, so the plan's share covers what its bills cover.
   */
  public List<PlannedUsage> before(LocalDate asOf, Map<String, LocalDateTime> reach) {
    YearMonth last = YearMonth.from(asOf.minusDays(1));
    if (last.isAfter(scenario.horizon().end())) last = scenario.horizon().end();
    if (last.isBefore(BillsFromPlan.firstMonth(scenario))) return List.of();
    Sums sums = new Sums(asOf.atStartOfDay(), reach);
    try {
      bills(last).write(sums);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // summing writes nowhere
    }
    return sums.planned();
  }

  private BillsFromPlan bills(YearMonth until) {
    return new BillsFromPlan(
        scenario,
        scenarioFile,
        plan,
        new BillingOptions(until, FocusVersion.V1_3, ChargePeriod.DAY, 0L, List.of()));
  }

  /** The part of the plan a generated row bills. */
  static Part partOf(BillRow row) {
    if (row.get("Tags") instanceof Map<?, ?> tags && "true-up".equals(tags.get("nuage-kind")))
      return Part.TRUE_UP;
    if ("Storage".equals(row.get("ServiceCategory"))) return Part.STORAGE;
    if ("Networking".equals(row.get("ServiceCategory"))) return Part.EGRESS;
    if ("Purchase".equals(row.get("ChargeCategory"))) return Part.RESERVED_FEES;
    return Part.USAGE;
  }

  enum Part {
    USAGE,
    RESERVED_FEES,
    STORAGE,
    EGRESS,
    TRUE_UP
  }

  /** Sums the rows that start before a time, per provider, month and part. */
  private static final class Sums implements BillSink {
    private record Key(String provider, YearMonth month) {}

    private final LocalDateTime asOf;
    private final Map<String, LocalDateTime> reach;
    private final Map<Key, BigDecimal[]> sums =
        new TreeMap<>(Comparator.comparing(Key::provider).thenComparing(Key::month));
    private String provider = "";
    private LocalDateTime before;

    Sums(LocalDateTime asOf, Map<String, LocalDateTime> reach) {
      this.asOf = asOf;
      this.reach = reach;
      this.before = asOf;
    }

    @Override
    public void provider(String id) {
      provider = id;
      before = reach.getOrDefault(id, asOf);
    }

    @Override
    public void row(BillRow row) {
      LocalDateTime start = (LocalDateTime) Objects.requireNonNull(row.get("ChargePeriodStart"));
      if (!start.isBefore(before)) return;
      BigDecimal[] s =
          sums.computeIfAbsent(
              new Key(provider, YearMonth.from(start)),
              k -> {
                BigDecimal[] zeros = new BigDecimal[Part.values().length + 1];
                java.util.Arrays.fill(zeros, BigDecimal.ZERO);
                return zeros;
              });
      int part = partOf(row).ordinal();
      s[part] = s[part].add(decimal(row, "BilledCost"));
      if (GPU_HOURS.equals(row.get("ConsumedUnit")))
        s[s.length - 1] = s[s.length - 1].add(decimal(row, "ConsumedQuantity"));
    }

    List<PlannedUsage> planned() {
      List<PlannedUsage> out = new ArrayList<>();
      sums.forEach(
          (k, s) ->
              out.add(
                  new PlannedUsage(
                      k.provider(),
                      k.month(),
                      new PlannedParts(
                          s[Part.USAGE.ordinal()],
                          s[Part.RESERVED_FEES.ordinal()],
                          s[Part.STORAGE.ordinal()],
                          s[Part.EGRESS.ordinal()],
                          s[Part.TRUE_UP.ordinal()]),
                      s[s.length - 1])));
      return out;
    }

    private static BigDecimal decimal(BillRow row, String column) {
      return row.get(column) instanceof BigDecimal d ? d : BigDecimal.ZERO;
    }
  }
}

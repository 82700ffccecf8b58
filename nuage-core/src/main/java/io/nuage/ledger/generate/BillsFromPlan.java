package io.nuage.ledger.generate;

import io.nuage.contract.ReservedCapacity;
import io.nuage.core.NuageException;
import io.nuage.plan.EgressCharge;
import io.nuage.scenario.Scenario;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * FOCUS bills that follow a plan (docs/billing-from-plan.md): built and checked whole when
 * constructed (a plan or scenario that cannot be billed is refused before a row is written), then
 * streamed month by month to a {@link BillSink}.
 */
public final class BillsFromPlan {
  private final Scenario scenario;
  private final BillablePlan plan;
  private final BillingOptions options;
  private final ScenarioPrices prices;
  private final BillingNames names;
  private final Map<YearMonth, List<Line>> lines;
  private final String currency;

  /**
   * @param scenarioFile the scenario as named, for messages
   * @throws NuageException when the plan or scenario cannot be billed (a located message)
   */
  public BillsFromPlan(
      Scenario scenario, String scenarioFile, BillablePlan plan, BillingOptions options) {
    this.scenario = scenario;
    this.plan = plan;
    this.options = options;
    checkUntil(scenario, options.until());
    this.prices = new ScenarioPrices(scenario);
    this.names = BillingNames.of(scenario, scenarioFile);
    this.currency = currencyOf(scenario);
    this.lines =
        PlanLines.of(
            prices,
            plan,
            scenarioFile,
            new Drifts(options.drifts()),
            firstMonth(scenario),
            options.until());
    checkEgress(scenarioFile);
  }

  /** The plan's first month: the scenario horizon's start. */
  public static YearMonth firstMonth(Scenario scenario) {
    return scenario.horizon().start();
  }

  /** Refuses an {@code --until} outside the plan's months. */
  public static void checkUntil(Scenario scenario, YearMonth until) {
    YearMonth first = firstMonth(scenario);
    YearMonth last = scenario.horizon().end();
    if (until.isBefore(first))
      throw new NuageException(
          "--until "
              + until
              + " is before the plan's first month "
              + first
              + " (expected "
              + first
              + " to "
              + last
              + ", the scenario's horizon)");
    if (until.isAfter(last))
      throw new NuageException(
          "--until "
              + until
              + " is after the plan's last month "
              + last
              + " (expected "
              + first
              + " to "
              + last
              + ", the scenario's horizon)");
  }

  /** The currency every amount of the scenario is in. */
  static String currencyOf(Scenario scenario) {
    return scenario.currency();
  }

  /** Rows this run writes, roughly: for the progress bar. */
  public long estimatedRows() {
    long perMonth = options.period() == ChargePeriod.DAY ? 31 : 1;
    long reservations = scenario.contracts(ReservedCapacity.class).size();
    long sum = 0;
    for (List<Line> l : lines.values()) sum += l.size();
    long months =
        firstMonth(scenario).until(options.until(), java.time.temporal.ChronoUnit.MONTHS) + 1;
    return (sum + 2 * reservations * months) * perMonth;
  }

  public List<CommitmentRow> commitments() {
    return CommitmentDataset.of(scenario, names, currency);
  }

  /** Writes every row, month by month; returns how many. */
  public long write(BillSink sink) throws IOException {
    Counting out = new Counting(sink);
    Context ctx =
        new Context(
            new RowFactory(scenario, names, new RowIds(options.seed()), currency),
            prices,
            options.period(),
            new Applied());
    GpuRows gpu = new GpuRows(ctx);
    ReservationRows reserved = new ReservationRows(ctx, gpu);
    StorageRows storage = new StorageRows(ctx);
    EgressRows egress = new EgressRows(ctx);
    TrueUps trueUps = new TrueUps(ctx, firstMonth(scenario));
    for (YearMonth m = firstMonth(scenario); !m.isAfter(options.until()); m = m.plusMonths(1)) {
      var periods = options.period().periods(m);
      List<Line> month = lines.getOrDefault(m, List.of());
      for (String provider : providers()) {
        out.provider(provider);
        for (Line l : month) {
          if (l.provider().equals(provider) && l.pricing() != Line.Pricing.RESERVED)
            gpu.write(l, periods, out);
        }
        for (var cell : reservations(provider, m).entrySet()) {
          List<Line> held = new ArrayList<>();
          for (Line l : month) {
            if (l.pricing() == Line.Pricing.RESERVED
                && (l.region() + "|" + l.accelerator()).equals(cell.getKey())) held.add(l);
          }
          reserved.write(cell.getValue(), held, m, periods, out);
        }
        storage.write(provider, m, out);
        for (EgressCharge e : plan.egress()) {
          if (e.provider().equals(provider) && e.month().equals(m))
            egress.write(e, m, periods, out);
        }
        trueUps.write(provider, m, periods, out);
      }
      sink.monthDone(m, out.rows);
    }
    return out.rows;
  }

  /** Every provider of the scenario and the plan, by id. */
  private TreeSet<String> providers() {
    TreeSet<String> out = new TreeSet<>();
    scenario.catalog().providers().forEach(p -> out.add(p.id()));
    scenario.contracts().forEach(c -> out.add(c.provider()));
    plan.placements().forEach(p -> out.add(p.provider()));
    return out;
  }

  /** The provider's reservations active in a month, by region and accelerator. */
  private Map<String, List<ReservedCapacity>> reservations(String provider, YearMonth m) {
    Map<String, List<ReservedCapacity>> out = new LinkedHashMap<>();
    for (ReservedCapacity r : scenario.contracts(ReservedCapacity.class)) {
      if (r.provider().equals(provider) && r.term().contains(m))
        out.computeIfAbsent(r.region() + "|" + r.accelerator(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  private void checkEgress(String scenarioFile) {
    List<EgressCharge> all = plan.egress();
    for (int i = 0; i < all.size(); i++) {
      EgressCharge e = all.get(i);
      String at = plan.file() + ": egress[" + i + "] (" + e.workload() + " " + e.month() + ")";
      if (scenario.catalog().provider(e.provider()).isEmpty())
        throw new NuageException(
            at + ".provider: '" + e.provider() + "' is not a provider of " + scenarioFile);
      if (!e.from().startsWith(e.provider() + "/"))
        throw new NuageException(
            at + ".from: '" + e.from() + "' is not a region of " + e.provider());
      BigDecimal expected =
          e.terabytes()
              .multiply(EgressRows.egressPrice(prices, e.provider()))
              .setScale(2, RoundingMode.HALF_EVEN);
      if (expected.compareTo(e.cost()) != 0)
        throw new NuageException(
            at
                + ".cost: "
                + e.cost().toPlainString()
                + " is not terabytes x the egress price of "
                + e.provider()
                + " in "
                + scenarioFile
                + " (expected "
                + expected.toPlainString()
                + "): the plan was made from another version of the scenario; plan it again");
    }
  }

  /** Counts the rows it passes on. */
  private static final class Counting implements BillSink {
    private final BillSink sink;
    long rows;

    Counting(BillSink sink) {
      this.sink = sink;
    }

    @Override
    public void row(BillRow row) throws IOException {
      rows++;
      sink.row(row);
    }

    @Override
    public void provider(String id) {
      sink.provider(id);
    }
  }
}

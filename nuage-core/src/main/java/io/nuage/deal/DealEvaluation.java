package io.nuage.deal;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.core.NuageException;
import io.nuage.plan.recourse.RecourseTerms;
import io.nuage.risk.Distribution;
import io.nuage.risk.Draws;
import io.nuage.risk.Estimate;
import io.nuage.risk.Future;
import io.nuage.risk.FutureEnumeration;
import io.nuage.risk.FuturePool;
import io.nuage.risk.FutureSampler;
import io.nuage.risk.FutureServer;
import io.nuage.risk.RiskOptions;
import io.nuage.risk.Served;
import io.nuage.scenario.Scenario;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a committed-spend deal at several sizes and not signed over the same futures
 * (docs/deals.md section 2): each future is drawn once and served once per answer, on the pool, and
 * the figures are reduced in sample order, so the report does not depend on the thread count.
 */
public final class DealEvaluation {
  /** The sizes evaluated when none are named: half to one and a half times the written deal. */
  public static final String DEFAULT_SCALES = "0.5,0.75,1,1.25,1.5";

  private static final BigDecimal CVAR_LEVEL = new BigDecimal("0.95");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final Scenario scenario;
  private final CommittedSpend deal;
  private final DealSizes sizes;
  private final List<DealVariant> variants;
  private final RiskOptions options;
  private final String recourse;
  private final @Nullable FutureServer server;

  /**
   * @param contractId the committed-spend contract to size
   * @param scales the sizes to evaluate, as multiples of the written minimums (each above 0)
   * @param recourse the recourse's name, for the report
   * @throws NuageException when the contract is unknown or not committed spend, a scale is not
   *     above 0, or a scaled size is below the contract's first discount tier
   */
  public DealEvaluation(
      Scenario scenario,
      String contractId,
      List<BigDecimal> scales,
      RiskOptions options,
      String recourse) {
    this.scenario = scenario;
    this.deal = committedSpend(scenario, contractId);
    requireInsideHorizon(scenario, deal, "--contract");
    if (scales.isEmpty()) throw new NuageException("--scale: expected at least one size");
    for (BigDecimal s : scales)
      if (s.signum() <= 0)
        throw new NuageException(
            "--scale: a size must be above 0 (got "
                + s.toPlainString()
                + ", expected a multiple of the written minimums such as 0.75)");
    this.sizes = new DealSizes(contractId, scales);
    this.variants = sizes.variants(deal);
    this.options = options;
    this.recourse = recourse;
    this.server = null;
  }

  private DealEvaluation(DealEvaluation e, FutureServer server) {
    this.scenario = e.scenario;
    this.deal = e.deal;
    this.sizes = e.sizes;
    this.variants = e.variants;
    this.options = e.options;
    this.recourse = e.recourse;
    this.server = server;
  }

  /**
   * The same evaluation with the drawn futures served by {@code server} (a distributed engine,
   * which rebuilds the answers from {@link #sizes()}); the scenario as written under each answer is
   * still served on this machine's pool. The report is the same to the byte.
   */
  public DealEvaluation servedBy(FutureServer server) {
    return new DealEvaluation(this, server);
  }

  /** The answers every future is served under, as a distributed engine rebuilds them. */
  public DealSizes sizes() {
    return sizes;
  }

  /**
   * Refuses a deal with a contract year wholly outside the horizon: no future prices its minimum,
   * while its size (and so its tier) counts it.
   */
  static void requireInsideHorizon(Scenario scenario, CommittedSpend deal, String option) {
    for (int y = 0; y < deal.term().years(); y++) {
      io.nuage.core.MonthRange year = deal.term().year(y);
      if (year.months().stream().noneMatch(scenario.horizon()::contains))
        throw new NuageException(
            option
                + ": contract year "
                + (y + 1)
                + " of "
                + deal.id()
                + " ("
                + year
                + ") is outside the horizon "
                + scenario.horizon()
                + ", so no future can price its minimum: shorten the term or lengthen the"
                + " horizon");
    }
  }

  /** The committed-spend contract {@code id} of the scenario, or a message naming what is there. */
  public static CommittedSpend committedSpend(Scenario scenario, String id) {
    List<String> deals =
        scenario.contracts(CommittedSpend.class).stream().map(CommittedSpend::id).toList();
    for (Contract c : scenario.contracts()) {
      if (!c.id().equals(id)) continue;
      if (c instanceof CommittedSpend k) return k;
      if (c instanceof io.nuage.contract.ReservedCapacity)
        throw new NuageException(
            "--contract "
                + id
                + ": not a committed-spend contract (expected one of: "
                + (deals.isEmpty() ? "none in this scenario" : String.join(", ", deals))
                + "), but a reserved-capacity one, which deal sizes only with --optimise (its"
                + " GPUs, docs/deals.md section 5.1): add --optimise");
      throw new NuageException(
          "--contract "
              + id
              + ": not a committed-spend contract (expected one of: "
              + (deals.isEmpty() ? "none in this scenario" : String.join(", ", deals))
              + ")");
    }
    throw new NuageException(
        "--contract "
            + id
            + ": no such contract in scenario "
            + scenario.name()
            + " (expected one of: "
            + (deals.isEmpty() ? "none in this scenario" : String.join(", ", deals))
            + ")");
  }

  /** How many futures {@link #run} serves in all (for a progress bar). */
  public long servings() {
    long futures =
        options.enumerate()
            ? new FutureEnumeration(scenario, scenario.uncertainty()).count()
            : options.samples();
    return (futures + 1) * variants.size();
  }

  /** The scenario with the deal as written and without it (for the break-even). */
  public Scenario signedAsWritten() {
    return scenario.withContract(deal.id(), deal);
  }

  public Scenario notSigned() {
    return new DealVariant.NotSigned().apply(scenario, deal.id());
  }

  public DealReport run(FuturePool pool) {
    FutureEnumeration enumeration =
        options.enumerate() ? new FutureEnumeration(scenario, scenario.uncertainty()) : null;
    long futures = enumeration != null ? enumeration.count() : options.samples();
    List<Scenario> bases = variants.stream().map(v -> v.apply(scenario, deal.id())).toList();
    List<Served> asWritten = serveAll(pool, bases, Future.asWritten(-1));
    List<Figures> figures = new ArrayList<>();
    for (int k = 0; k < variants.size(); k++) figures.add(new Figures(enumeration != null));
    Figures none = figures.getLast();
    FutureSampler sampler = new FutureSampler(scenario, scenario.uncertainty(), options.seed());
    Draws draws = enumeration != null ? Draws.enumeration() : Draws.sampled(options.seed());
    int block =
        server != null ? server.block() : Math.max(1, 8 * options.threads() / variants.size());
    for (long start = 0; start < futures; start += block) {
      long end = Math.min(futures, start + (long) block);
      List<FuturePool.Job> jobs = new ArrayList<>();
      List<BigDecimal> weights = new ArrayList<>();
      for (long i = start; i < end; i++) {
        FutureEnumeration.Weighed w = enumeration != null ? enumeration.get(i) : null;
        if (w != null) weights.add(w.probability());
        if (server != null) continue; // the engine redraws future i from its number
        Future f = w != null ? w.future() : sampler.draw(i);
        for (Scenario base : bases) jobs.add(new FuturePool.Job(base, f));
      }
      List<Served> served =
          server != null ? served(server, pool, bases, draws, start, end) : pool.serve(jobs);
      for (int i = 0; i < end - start; i++) {
        BigDecimal w = enumeration != null ? weights.get(i) : null;
        Served without = served.get(i * variants.size() + variants.size() - 1);
        for (int k = 0; k < variants.size(); k++)
          figures.get(k).add(served.get(i * variants.size() + k), without, deal.id(), w);
      }
    }
    List<DealReport.Size> sizes = new ArrayList<>();
    for (int k = 0; k < variants.size() - 1; k++)
      sizes.add(size(variants.get(k), asWritten.get(k), figures.get(k)));
    DealReport.Size notSigned = size(variants.getLast(), asWritten.getLast(), none);
    return report(futures, enumeration != null, sizes, notSigned, null);
  }

  /** The report with the break-even added. */
  public static DealReport withBreakEven(DealReport r, BreakEven b) {
    return new DealReport(
        r.scenario(),
        r.currency(),
        r.contract(),
        r.provider(),
        r.takeOrPay(),
        r.tiered(),
        r.recourse(),
        r.seed(),
        r.futures(),
        r.exact(),
        r.sizes(),
        r.notSigned(),
        r.best(),
        r.writtenAboveBest(),
        b,
        r.notes(),
        r.unmetPenaltyPerGpuHour());
  }

  private DealReport report(
      long futures,
      boolean exact,
      List<DealReport.Size> sizes,
      DealReport.Size notSigned,
      @Nullable BreakEven breakEven) {
    DealReport.Size best = notSigned;
    for (DealReport.Size s : sizes)
      if (s.meanCost().value().compareTo(best.meanCost().value()) < 0) best = s;
    BigDecimal above = null;
    if (best.scale() != null && best.commitment().signum() > 0)
      for (DealReport.Size s : sizes)
        if (s.scale() != null && s.scale().compareTo(BigDecimal.ONE) == 0)
          above =
              s.commitment()
                  .subtract(best.commitment())
                  .multiply(HUNDRED)
                  .divide(best.commitment(), MathContext.DECIMAL128)
                  .setScale(2, RoundingMode.HALF_EVEN);
    List<String> notes = new ArrayList<>();
    if (!deal.takeOrPay())
      notes.add(
          deal.id()
              + " is not take-or-pay: no shortfall is ever paid, so sizing it changes only the"
              + " discount");
    else if (deal.discountTiers().isEmpty())
      notes.add(
          deal.id()
              + " has no discount tiers: its discount ("
              + deal.discount().toPlainString()
              + ") does not depend on its size, so sizing it changes only the shortfall risk");
    if (scenario.uncertainty().isCertain())
      notes.add(
          "the scenario has no uncertainty section: every future is the scenario as written, so"
              + " the figures are those of one future");
    notes.addAll(DealNotes.of(scenario, deal));
    return new DealReport(
        scenario.name(),
        scenario.currency(),
        deal.id(),
        deal.provider(),
        deal.takeOrPay(),
        !deal.discountTiers().isEmpty(),
        recourse,
        options.seed(),
        futures,
        exact,
        sizes,
        notSigned,
        best.label(),
        above,
        breakEven,
        notes,
        RecourseTerms.of(scenario).unmetPenaltyPerGpuHour());
  }

  private DealReport.Size size(DealVariant v, Served asWritten, Figures f) {
    BigDecimal written = asWritten.totalCost().setScale(2, RoundingMode.HALF_EVEN);
    return switch (v) {
      case DealVariant.Signed s ->
          new DealReport.Size(
              s.label(),
              s.scale(),
              s.contract().totalCommitment().setScale(2, RoundingMode.HALF_EVEN),
              s.contract().yearlyMinimums().stream()
                  .map(m -> m.setScale(2, RoundingMode.HALF_EVEN))
                  .toList(),
              s.contract().discount(),
              written,
              f.cost.mean(),
              f.cost.cvar(CVAR_LEVEL),
              f.shortfall.probabilityPositive(),
              f.shortfall.mean(),
              negate(f.extra.mean()),
              f.extra.probabilityPositive());
      case DealVariant.NotSigned n ->
          new DealReport.Size(
              n.label(),
              null,
              BigDecimal.ZERO.setScale(2),
              List.of(),
              null,
              written,
              f.cost.mean(),
              f.cost.cvar(CVAR_LEVEL),
              null,
              null,
              null,
              null);
    };
  }

  private static Estimate negate(Estimate e) {
    return new Estimate(e.value().negate(), e.standardError());
  }

  /** Futures {@code from} to {@code to} served by the engine under every answer, counted. */
  private List<Served> served(
      FutureServer server, FuturePool pool, List<Scenario> bases, Draws draws, long from, long to) {
    List<Served> served = server.serveEach(scenario, bases, draws, from, to);
    if (served.size() != (to - from) * bases.size())
      throw new IllegalStateException(
          "asked "
              + (to - from)
              + " futures from "
              + from
              + " under "
              + bases.size()
              + " answers, got "
              + served.size());
    pool.counted(served.size());
    return served;
  }

  private static List<Served> serveAll(FuturePool pool, List<Scenario> bases, Future f) {
    List<FuturePool.Job> jobs = new ArrayList<>();
    for (Scenario b : bases) jobs.add(new FuturePool.Job(b, f));
    return pool.serve(jobs);
  }

  /** The running figures of one answer: its cost, its shortfall, its extra cost over none. */
  private static final class Figures {
    final Distribution cost;
    final Distribution shortfall;
    final Distribution extra;

    Figures(boolean exact) {
      this.cost = exact ? Distribution.weighted() : Distribution.sampled();
      this.shortfall = exact ? Distribution.weighted() : Distribution.sampled();
      this.extra = exact ? Distribution.weighted() : Distribution.sampled();
    }

    void add(Served s, Served without, String contract, @Nullable BigDecimal weight) {
      BigDecimal short_ = BigDecimal.ZERO;
      for (Served.YearFigure y : s.shortfalls())
        if (y.key().equals(contract)) short_ = short_.add(y.amount());
      cost.put(s.totalCost(), weight);
      shortfall.put(short_, weight);
      extra.put(s.totalCost().subtract(without.totalCost()), weight);
    }
  }
}

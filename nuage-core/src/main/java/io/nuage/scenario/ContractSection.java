package io.nuage.scenario;

import io.nuage.contract.CommittedSpend;
import io.nuage.contract.Contract;
import io.nuage.contract.DiscountTier;
import io.nuage.contract.RateCard;
import io.nuage.contract.ReservedCapacity;
import io.nuage.contract.RightOfFirstRefusal;
import io.nuage.contract.StorageCommitment;
import io.nuage.core.MonthRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code contracts}: one entry per agreement, its keys depending on its {@code kind}. */
final class ContractSection {
  private static final List<String> COMMON = List.of("id", "kind", "provider", "term");
  private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put(
        "committed-spend",
        List.of("yearly-minimums", "discount", "take-or-pay", "discount-tiers", "follows-list"));
    KEYS.put("reserved-capacity", List.of("region", "accelerator", "gpus", "price-per-gpu-hour"));
    KEYS.put("storage-commitment", List.of("committed-tb", "price-per-tb-month"));
    KEYS.put("right-of-first-refusal", List.of("matching-margin"));
    KEYS.put("rate-card", List.of("discount"));
  }

  private final NodeReader r;
  private final References refs;
  private final BillingSection billing;

  private ContractSection(NodeReader r, References refs, BillingSection billing) {
    this.r = r;
    this.refs = refs;
    this.billing = billing;
  }

  /** Reads the contracts; their {@code billing} ids go to {@code billing}. */
  static List<Contract> read(
      NodeReader r, List<Node> items, String path, References refs, BillingSection billing) {
    var section = new ContractSection(r, refs, billing);
    var ids = new UniqueIds(r, "contract");
    List<Contract> contracts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      r.mapping(items.get(i), at).ifPresent(f -> section.readOne(f, ids).ifPresent(contracts::add));
    }
    return contracts;
  }

  private Optional<Contract> readOne(Fields f, UniqueIds ids) {
    Optional<String> kind =
        f.required("kind", r.choice("contract kind", List.copyOf(KEYS.keySet())));
    var allowed = new LinkedHashSet<>(COMMON);
    if (kind.isPresent()) allowed.addAll(KEYS.get(kind.get()));
    else KEYS.values().forEach(allowed::addAll); // an unknown kind: don't also flag its keys
    // a right of first refusal is never billed
    if (!kind.equals(Optional.of("right-of-first-refusal"))) allowed.add("billing");
    f.allowOnly(allowed);
    Optional<String> id = f.required("id", r.text);
    boolean unique =
        id.isPresent() && ids.add(f.node("id").orElseThrow(), f.pathOf("id"), id.get());
    Optional<String> provider = f.required("provider", r.text);
    boolean known =
        provider.isPresent()
            && refs.provider(
                r, f.node("provider").orElseThrow(), f.pathOf("provider"), provider.get());
    Optional<MonthRange> term = f.required("term", r.range);
    boolean billed =
        id.isEmpty()
            || provider.isEmpty()
            || !allowed.contains("billing")
            || billing.read(f, id.get(), provider.get());
    if (kind.isEmpty() || !billed) return Optional.empty();
    Optional<Contract> contract =
        switch (kind.get()) {
          case "committed-spend" -> committedSpend(f, id, provider, term);
          case "reserved-capacity" -> reservedCapacity(f, id, provider, term, known);
          case "storage-commitment" -> storage(f, id, provider, term);
          case "right-of-first-refusal" -> rightOfFirstRefusal(f, id, provider, term);
          default -> rateCard(f, id, provider, term);
        };
    return unique && known ? contract : Optional.empty();
  }

  private Optional<Contract> committedSpend(
      Fields f, Optional<String> id, Optional<String> provider, Optional<MonthRange> term) {
    Optional<List<BigDecimal>> minimums =
        f.required("yearly-minimums", r.list)
            .flatMap(items -> amounts(items, f.pathOf("yearly-minimums")));
    Optional<BigDecimal> discount = f.required("discount", r.rateFraction);
    Optional<Boolean> takeOrPay = f.optional("take-or-pay", r.bool, true);
    Optional<Boolean> followsList = f.optional("follows-list", r.bool, false);
    Optional<List<DiscountTier>> tiers =
        f.maybe("discount-tiers", r.list)
            .flatMap(items -> items.isEmpty() ? Optional.of(List.of()) : tiers(items.get(), f));
    if (minimums.isPresent() && term.isPresent() && minimums.get().size() != term.get().years()) {
      r.problem(
          f.node("yearly-minimums").orElseThrow(),
          f.pathOf("yearly-minimums"),
          "wrong number of yearly minimums (got "
              + minimums.get().size()
              + ", expected "
              + term.get().years()
              + ": one per contract year of "
              + term.get()
              + ")");
      return Optional.empty();
    }
    if (id.isEmpty()
        || provider.isEmpty()
        || term.isEmpty()
        || minimums.isEmpty()
        || discount.isEmpty()
        || takeOrPay.isEmpty()
        || followsList.isEmpty()
        || tiers.isEmpty()) {
      return Optional.empty();
    }
    var contract =
        new CommittedSpend(
            id.get(),
            provider.get(),
            term.get(),
            minimums.get(),
            discount.get(),
            takeOrPay.get(),
            tiers.get(),
            followsList.get());
    if (!tiers.get().isEmpty() && !writtenTierHolds(f, contract)) return Optional.empty();
    return Optional.of(contract);
  }

  /**
   * {@code discount-tiers}: a non-empty list of {from: amount, discount: fraction}, {@code from}
   * increasing and discounts never falling (docs/deals.md section 1).
   */
  private Optional<List<DiscountTier>> tiers(List<Node> items, Fields f) {
    String path = f.pathOf("discount-tiers");
    if (items.isEmpty()) {
      r.problem(
          f.node("discount-tiers").orElseThrow(),
          path,
          "no discount tiers (got an empty list, expected at least one {from: AMOUNT, discount:"
              + " FRACTION}; leave the key out when the discount does not depend on the size)");
      return Optional.empty();
    }
    List<DiscountTier> tiers = new ArrayList<>();
    boolean ok = true;
    DiscountTier before = null;
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      Optional<Fields> tier = r.mapping(items.get(i), at);
      if (tier.isEmpty()) {
        ok = false;
        continue;
      }
      Fields t = tier.get();
      t.allowOnly(List.of("from", "discount"));
      Optional<BigDecimal> from = t.required("from", r.amount);
      Optional<BigDecimal> discount = t.required("discount", r.rateFraction);
      if (from.isEmpty() || discount.isEmpty()) {
        ok = false;
        continue;
      }
      if (before != null && from.get().compareTo(before.from()) <= 0) {
        r.problem(
            t.node("from").orElseThrow(),
            t.pathOf("from"),
            "discount tiers must start at increasing commitments (got "
                + from.get().toPlainString()
                + " after "
                + before.from().toPlainString()
                + ", expected above "
                + before.from().toPlainString()
                + ")");
        ok = false;
        continue;
      }
      if (before != null && discount.get().compareTo(before.discount()) < 0) {
        r.problem(
            t.node("discount").orElseThrow(),
            t.pathOf("discount"),
            "a bigger commitment cannot earn a smaller discount (got "
                + discount.get().toPlainString()
                + " after "
                + before.discount().toPlainString()
                + ", expected "
                + before.discount().toPlainString()
                + " or more)");
        ok = false;
        continue;
      }
      before = new DiscountTier(from.get(), discount.get());
      tiers.add(before);
    }
    return ok ? Optional.of(tiers) : Optional.empty();
  }

  /** The written minimums must reach a tier, and the written discount must be that tier's. */
  private boolean writtenTierHolds(Fields f, CommittedSpend c) {
    BigDecimal size = c.totalCommitment();
    Optional<BigDecimal> earned = c.discountAt(size);
    if (earned.isEmpty()) {
      r.problem(
          f.node("discount-tiers").orElseThrow(),
          f.pathOf("discount-tiers"),
          "the written minimums total "
              + size.toPlainString()
              + ", below the first tier (got from "
              + c.discountTiers().getFirst().from().toPlainString()
              + ", expected at most "
              + size.toPlainString()
              + ")");
      return false;
    }
    if (earned.get().compareTo(c.discount()) != 0) {
      r.problem(
          f.node("discount").orElseThrow(),
          f.pathOf("discount"),
          "the discount is not that of the tier its minimums reach (got "
              + c.discount().toPlainString()
              + ", expected "
              + earned.get().toPlainString()
              + ": the minimums total "
              + size.toPlainString()
              + ")");
      return false;
    }
    return true;
  }

  private Optional<List<BigDecimal>> amounts(List<Node> items, String path) {
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < items.size(); i++)
      r.amount.read(items.get(i), path + "[" + i + "]").ifPresent(values::add);
    return values.size() == items.size() ? Optional.of(values) : Optional.empty();
  }

  private Optional<Contract> reservedCapacity(
      Fields f,
      Optional<String> id,
      Optional<String> provider,
      Optional<MonthRange> term,
      boolean knownProvider) {
    Optional<String> region = f.required("region", r.text);
    Optional<String> accelerator = f.required("accelerator", r.text);
    Optional<Integer> gpus = f.required("gpus", r.positiveCount);
    Optional<BigDecimal> price = f.required("price-per-gpu-hour", r.rateAmount);
    boolean ok =
        region.isPresent()
            && refs.region(r, f.node("region").orElseThrow(), f.pathOf("region"), region.get());
    ok &=
        accelerator.isPresent()
            && refs.accelerator(
                r, f.node("accelerator").orElseThrow(), f.pathOf("accelerator"), accelerator.get());
    if (ok
        && knownProvider
        && provider.isPresent()
        && !region.get().startsWith(provider.get() + "/")) {
      r.problem(
          f.node("region").orElseThrow(),
          f.pathOf("region"),
          "region of another provider (got "
              + region.get()
              + ", expected a region of "
              + provider.get()
              + ")");
      return Optional.empty();
    }
    if (!ok
        || id.isEmpty()
        || provider.isEmpty()
        || term.isEmpty()
        || gpus.isEmpty()
        || price.isEmpty()) return Optional.empty();
    return Optional.of(
        new ReservedCapacity(
            id.get(),
            provider.get(),
            region.get(),
            accelerator.get(),
            gpus.get(),
            term.get(),
            price.get()));
  }

  private Optional<Contract> storage(
      Fields f, Optional<String> id, Optional<String> provider, Optional<MonthRange> term) {
    Optional<BigDecimal> tb = f.required("committed-tb", r.amount);
    Optional<BigDecimal> price = f.required("price-per-tb-month", r.amount);
    if (id.isEmpty() || provider.isEmpty() || term.isEmpty() || tb.isEmpty() || price.isEmpty())
      return Optional.empty();
    return Optional.of(
        new StorageCommitment(id.get(), provider.get(), term.get(), tb.get(), price.get()));
  }

  private Optional<Contract> rightOfFirstRefusal(
      Fields f, Optional<String> id, Optional<String> provider, Optional<MonthRange> term) {
    Optional<BigDecimal> margin = f.required("matching-margin", r.amount);
    if (id.isEmpty() || provider.isEmpty() || term.isEmpty() || margin.isEmpty())
      return Optional.empty();
    return Optional.of(new RightOfFirstRefusal(id.get(), provider.get(), term.get(), margin.get()));
  }

  private Optional<Contract> rateCard(
      Fields f, Optional<String> id, Optional<String> provider, Optional<MonthRange> term) {
    Optional<BigDecimal> discount = f.required("discount", r.rateFraction);
    if (id.isEmpty() || provider.isEmpty() || term.isEmpty() || discount.isEmpty())
      return Optional.empty();
    return Optional.of(new RateCard(id.get(), provider.get(), term.get(), discount.get()));
  }
}

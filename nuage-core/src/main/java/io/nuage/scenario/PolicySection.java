package io.nuage.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads {@code policy}: the cap on any provider's share of spend and the allowed regions. */
final class PolicySection {
  private PolicySection() {}

  static Optional<Policy> read(NodeReader r, Fields f, References refs) {
    f.allowOnly(List.of("max-share", "max-share-by-provider", "allowed-regions"));
    Optional<BigDecimal> maxShare =
        f.optional("max-share", r.fraction, BigDecimal.ONE)
            .flatMap(s -> aboveZero(r, f, "max-share", s));
    Map<String, BigDecimal> byProvider = new LinkedHashMap<>();
    boolean ok = true;
    if (f.has("max-share-by-provider")) {
      Optional<Fields> shares = f.required("max-share-by-provider", r.mapping);
      ok = shares.isPresent();
      if (ok) {
        Fields s = shares.get();
        for (String provider : s.keys()) {
          boolean known = refs.provider(r, s.keyNode(provider), s.pathOf(provider), provider);
          Optional<BigDecimal> share =
              s.required(provider, r.fraction).flatMap(x -> aboveZero(r, s, provider, x));
          if (known && share.isPresent()) byProvider.put(provider, share.get());
          else ok = false;
        }
      }
    }
    Optional<List<String>> regions = f.optional("allowed-regions", r.texts, List.of());
    if (regions.isPresent()
        && f.node("allowed-regions").orElse(null) instanceof SequenceNode list) {
      for (int i = 0; i < regions.get().size(); i++) {
        ok &=
            refs.region(
                r,
                list.getValue().get(i),
                f.pathOf("allowed-regions") + "[" + i + "]",
                regions.get().get(i));
      }
    }
    if (!ok || maxShare.isEmpty() || regions.isEmpty()) return Optional.empty();
    return Optional.of(new Policy(maxShare.get(), byProvider, new LinkedHashSet<>(regions.get())));
  }

  private static Optional<BigDecimal> aboveZero(
      NodeReader r, Fields f, String key, BigDecimal share) {
    if (share.signum() > 0) return Optional.of(share);
    r.problem(
        f.node(key).orElseThrow(),
        f.pathOf(key),
        "out of range (got 0, expected a share above 0 and at most 1)");
    return Optional.empty();
  }
}

package io.nuage.scenario;

import io.nuage.contract.BillingIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a contract's {@code billing}: the ids its bills carry. An id may be claimed by one contract
 * only (a bill line must never draw two contracts by one id), so the claims of every contract are
 * kept here and a second claim is reported where it is made, naming the first.
 */
final class BillingSection {
  static final List<String> KEYS =
      List.of("contract-ids", "commitment-ids", "billing-account-ids", "provider-names");

  /** The camelCase spellings people write from FOCUS column names, and the key they meant. */
  private static final Map<String, String> CAMEL =
      Map.of(
          "contractIds", "contract-ids",
          "commitmentIds", "commitment-ids",
          "billingAccountIds", "billing-account-ids",
          "providerNames", "provider-names");

  private record Claim(String contract, String where, String provider) {}

  private final NodeReader r;
  private final Map<String, Map<String, Claim>> claims = new HashMap<>();
  private final Map<String, BillingIds> byContract = new LinkedHashMap<>();

  BillingSection(NodeReader r) {
    this.r = r;
  }

  /** What was read, by contract id. */
  Map<String, BillingIds> byContract() {
    return byContract;
  }

  /** Reads {@code billing} of contract {@code contract} with {@code provider}; false if wrong. */
  boolean read(Fields contractFields, String contract, String provider) {
    if (!contractFields.has("billing")) return true;
    Optional<Fields> mapping = contractFields.required("billing", r.mapping);
    if (mapping.isEmpty()) return false;
    Fields f = mapping.get();
    boolean ok = allowOnlyKeys(f);
    Map<String, List<String>> lists = new HashMap<>();
    for (String key : KEYS) {
      List<String> ids = ids(f, key, contract, provider);
      if (ids == null) ok = false;
      else lists.put(key, ids);
    }
    if (!ok) return false;
    byContract.put(
        contract,
        new BillingIds(
            lists.get("contract-ids"),
            lists.get("commitment-ids"),
            lists.get("billing-account-ids"),
            lists.get("provider-names")));
    return true;
  }

  private boolean allowOnlyKeys(Fields f) {
    boolean ok = true;
    for (String key : f.keys()) {
      if (KEYS.contains(key)) continue;
      ok = false;
      String meant = CAMEL.get(key);
      r.problem(
          f.keyNode(key),
          f.pathOf(key),
          meant != null
              ? "unknown field (got "
                  + key
                  + ", expected "
                  + meant
                  + ": scenario keys are kebab-case, not FOCUS's camelCase)"
              : "unknown field (got "
                  + NodeReader.shorten(key)
                  + ", expected one of "
                  + String.join(", ", KEYS)
                  + ")");
    }
    return ok;
  }

  /** The list under {@code key} (empty when absent), each id claimed; null when wrong. */
  private List<String> ids(Fields f, String key, String contract, String provider) {
    Optional<List<String>> values = f.optional(key, r.texts, List.of());
    if (values.isEmpty()) return null;
    if (!(f.node(key).orElse(null) instanceof SequenceNode list)) return List.of();
    boolean ok = true;
    var distinct = new LinkedHashSet<String>();
    for (int i = 0; i < values.get().size(); i++) {
      String id = values.get().get(i);
      Node at = list.getValue().get(i);
      if (distinct.add(id))
        ok &= claim(key, id, at, f.pathOf(key) + "[" + i + "]", contract, provider);
    }
    return ok ? new ArrayList<>(distinct) : null;
  }

  private boolean claim(
      String key, String id, Node at, String path, String contract, String provider) {
    boolean names = key.equals("provider-names");
    String claimKey = names ? normalisedName(id) : id;
    Claim first =
        claims
            .computeIfAbsent(key, k -> new HashMap<>())
            .putIfAbsent(claimKey, new Claim(contract, r.where(at), provider));
    if (first == null) return true;
    if (names && first.provider().equals(provider)) return true; // one provider, several contracts
    r.problem(
        at,
        path,
        (names
                ? "provider name claimed by contracts of two providers (got "
                : "id claimed by two contracts (got ")
            + NodeReader.shorten(id)
            + ", already claimed by contract "
            + first.contract()
            + " at "
            + first.where()
            + "; expected "
            + (names
                ? "a name that resolves to one provider"
                : "each id in one contract's billing, so that a bill line draws one contract")
            + ")");
    return false;
  }

  /** As the ledger normalises {@code ProviderName}: trimmed, spaces collapsed, lower case. */
  private static String normalisedName(String name) {
    return name.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }
}

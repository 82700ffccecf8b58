package io.nuage.store.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nuage.ledger.ContractApplication;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a FOCUS 1.3 {@code ContractApplied} cell with Jackson, numbers as {@link BigDecimal} (never
 * a double), strictly: a value that is not JSON to the letter (trailing commas, NaN, a repeated
 * key), an element without a commitment, or an amount the ledger's DECIMAL(38,18) cannot hold
 * exactly is refused with what was expected. Keys left out count as null; the {@code …ID} spelling
 * of the printed 1.3 examples is read too (COLUMNS-1.3.md, section 2.1).
 */
final class ContractAppliedJson {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private ContractAppliedJson() {}

  /** The elements of {@code text}; throws IllegalArgumentException saying what is wrong. */
  static List<ContractApplication> parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject() || !root.path("Elements").isArray())
      throw new IllegalArgumentException("expected a JSON object {\"Elements\": [...]}");
    var out = new ArrayList<ContractApplication>();
    int i = 0;
    for (JsonNode e : root.get("Elements")) {
      i++;
      if (!e.isObject())
        throw new IllegalArgumentException("Elements[" + i + "]: expected an object");
      try {
        String commitment = text(e, "ContractCommitmentId");
        if (commitment == null)
          throw new IllegalArgumentException("ContractCommitmentId: missing (expected a string)");
        out.add(
            new ContractApplication(
                text(e, "ContractId"),
                commitment,
                amount(e, "ContractCommitmentAppliedCost"),
                amount(e, "ContractCommitmentAppliedQuantity"),
                text(e, "ContractCommitmentAppliedUnit")));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("Elements[" + i + "]: " + bad.getMessage());
      }
    }
    return out;
  }

  private static @Nullable JsonNode value(JsonNode element, String key) {
    JsonNode v = element.get(key);
    if ((v == null || v.isNull()) && key.endsWith("Id"))
      v = element.get(key.substring(0, key.length() - 2) + "ID");
    return v == null || v.isNull() ? null : v;
  }

  private static @Nullable String text(JsonNode element, String key) {
    JsonNode v = value(element, key);
    if (v == null) return null;
    if (!v.isTextual())
      throw new IllegalArgumentException(key + ": got " + v + ", expected a string");
    return v.asText();
  }

  private static @Nullable BigDecimal amount(JsonNode element, String key) {
    JsonNode v = value(element, key);
    if (v == null) return null;
    if (!v.isNumber())
      throw new IllegalArgumentException(key + ": got " + v + ", expected a number");
    BigDecimal d = v.decimalValue();
    BigDecimal stripped = d.stripTrailingZeros();
    if (stripped.scale() > 18 || stripped.precision() - stripped.scale() > 20)
      throw new IllegalArgumentException(
          key
              + ": got "
              + d.toPlainString()
              + ", expected a decimal with at most 20 integer digits and 18 decimal places"
              + " (the ledger never rounds money)");
    return d;
  }
}

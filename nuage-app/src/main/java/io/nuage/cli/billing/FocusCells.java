package io.nuage.cli.billing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.nuage.ledger.generate.AppliedElement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The text of one FOCUS cell: decimals in plain notation, exactly; date/times as UTC ISO 8601
 * ({@code 2027-01-01T00:00:00Z}); {@code ContractApplied} and key-value objects as compact JSON,
 * every {@code ContractApplied} element with its five keys (nulls written, the {@code …Id} spelling
 * the 1.3 requirements model checks).
 */
final class FocusCells {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private FocusCells() {}

  /** A money cell: exact, with at least the cents written ({@code 736000.00}). */
  static @Nullable String money(@Nullable Object value) {
    return value instanceof BigDecimal d ? cents(d).toPlainString() : text(value);
  }

  static BigDecimal cents(BigDecimal d) {
    return d.scale() < 2 ? d.setScale(2) : d;
  }

  static @Nullable String text(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case BigDecimal d -> d.toPlainString();
      case LocalDateTime t -> t.format(UTC);
      case List<?> elements -> contractApplied(elements);
      case Map<?, ?> object -> object(object);
      default -> throw new IllegalArgumentException("no FOCUS text for " + value.getClass());
    };
  }

  private static String contractApplied(List<?> elements) {
    return json(
        g -> {
          g.writeStartObject();
          g.writeArrayFieldStart("Elements");
          for (Object o : elements) {
            AppliedElement e = (AppliedElement) o;
            g.writeStartObject();
            g.writeStringField("ContractId", e.contractId());
            g.writeStringField("ContractCommitmentId", e.commitmentId());
            number(g, "ContractCommitmentAppliedCost", e.cost());
            number(g, "ContractCommitmentAppliedQuantity", e.quantity());
            g.writeStringField("ContractCommitmentAppliedUnit", e.unit());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static String object(Map<?, ?> object) {
    return json(
        g -> {
          g.writeStartObject();
          for (var e : object.entrySet())
            g.writeStringField(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
          g.writeEndObject();
        });
  }

  private static void number(JsonGenerator g, String name, @Nullable BigDecimal v)
      throws IOException {
    if (v == null) g.writeNullField(name);
    else g.writeNumberField(name, name.endsWith("Cost") ? cents(v) : v);
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}

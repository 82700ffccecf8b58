package io.nuage.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code Accept: text/csv} on the list and table endpoints (docs/server.md, "CSV"): the JSON answer
 * the endpoint would give, made into one CSV table by the same code as the CLI's {@code --format
 * csv} ({@link io.nuage.cli.JsonCsv}), so its decimal strings are the JSON's.
 */
final class CsvAnswers {
  static final String CSV = "text/csv";

  private CsvAnswers() {}

  /** Whether the client asks for CSV: {@code text/csv} among its Accept header's types. */
  static boolean wanted(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null) return false;
    for (String part : accept.split(","))
      if (part.strip().toLowerCase(Locale.ROOT).startsWith(CSV)) return true;
    return false;
  }

  /** Answers {@code json} (the endpoint's JSON text) as the CSV {@code table} makes of it. */
  static void send(
      Context ctx, ObjectMapper mapper, String json, Function<JsonNode, String> table) {
    JsonNode tree;
    try {
      tree = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("an answer is not JSON", e);
    }
    ctx.contentType(CSV + "; charset=utf-8").result(table.apply(tree));
  }

  /** The same from a value the endpoint would write as JSON. */
  static void sendValue(
      Context ctx, ObjectMapper mapper, Object value, Function<JsonNode, String> table) {
    try {
      send(ctx, mapper, mapper.writeValueAsString(value), table);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write an answer as JSON", e);
    }
  }
}

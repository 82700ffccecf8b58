package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.core.Problem;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The fields a job's JSON body shares (risk and deal jobs: docs/server.md), each checked with a
 * problem located by its field: {@code file} "request body", {@code path} the field. Every message
 * quotes at most 40 characters of what was sent.
 */
final class BodyFields {
  static final String BODY = "request body";

  private BodyFields() {}

  /**
   * A problem for each field of {@code body} outside {@code fields} (a misspelling is no default).
   */
  static void refuseUnknown(JsonNode body, List<String> fields, List<Problem> problems) {
    Set<String> known = Set.copyOf(fields);
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!known.contains(f))
                problems.add(
                    problem(
                        f, "unknown field (expected one of " + String.join(", ", fields) + ")"));
            });
  }

  /** The required {@code scenario}: an uploaded scenario's id; null (and a problem) without one. */
  static String scenario(JsonNode body, List<Problem> problems) {
    JsonNode scenario = body.get("scenario");
    if (scenario == null || !scenario.isTextual() || scenario.asText().isBlank()) {
      problems.add(
          problem(
              "scenario",
              "required: the id of an uploaded scenario (got " + shown(scenario) + ")"));
      return "";
    }
    return scenario.asText();
  }

  /** A whole number from {@code min} to {@code max}; {@code otherwise} when absent or null. */
  static int whole(
      JsonNode body, String field, int otherwise, int min, int max, List<Problem> problems) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) return otherwise;
    if (n.isIntegralNumber() && n.canConvertToInt() && n.asInt() >= min && n.asInt() <= max)
      return n.asInt();
    problems.add(
        problem(
            field,
            "must be a whole number from "
                + min
                + " to "
                + String.format(Locale.ROOT, "%,d", max)
                + " (got "
                + shown(n)
                + ")"));
    return otherwise;
  }

  /** {@code seed}: any 64-bit whole number, 1 when absent or null. */
  static long seed(JsonNode body, List<Problem> problems) {
    JsonNode s = body.get("seed");
    if (s == null || s.isNull()) return 1;
    if (s.isIntegralNumber() && s.canConvertToLong()) return s.asLong();
    problems.add(problem("seed", "must be a whole number (got " + shown(s) + ", expected e.g. 1)"));
    return 1;
  }

  static Problem problem(String field, String message) {
    return new Problem(BODY, 0, 0, field, message);
  }

  /** A value as sent, cut short: a message quotes the request, never more than a few characters. */
  static String shown(@Nullable JsonNode n) {
    if (n == null) return "nothing";
    String text = n.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}

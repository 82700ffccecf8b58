package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/risk} (docs/server.md, "Risk jobs"), every field checked and every
 * problem reported at once (422, each located by its field).
 *
 * @param scenario the id of an uploaded scenario
 * @param samples futures to draw, 1 to {@link #MAX_SAMPLES}
 * @param seed the seed every future derives from
 * @param policy {@code replan} or {@code adapt}
 * @param sourceSamples futures per uncertainty source drawn alone (default samples / 8, at least 1)
 */
record RiskRequest(String scenario, int samples, long seed, String policy, int sourceSamples) {
  /**
   * A job holds a plan worker until it ends: 2,000 futures of the shipped example and its sources'
   * are some 10 minutes of two cores (docs/server.md, "Risk jobs"); larger runs belong to {@code
   * nuage risk}.
   */
  static final int MAX_SAMPLES = 2_000;

  private static final Set<String> FIELDS =
      Set.of("scenario", "samples", "seed", "policy", "sourceSamples");
  private static final String BODY = "request body";

  static RiskRequest of(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    body.fieldNames()
        .forEachRemaining(
            f -> {
              if (!FIELDS.contains(f))
                problems.add(
                    problem(
                        f,
                        "unknown field (expected one of scenario, samples, seed, policy,"
                            + " sourceSamples)"));
            });
    JsonNode scenario = body.get("scenario");
    if (scenario == null || !scenario.isTextual() || scenario.asText().isBlank())
      problems.add(
          problem(
              "scenario",
              "required: the id of an uploaded scenario (got " + shown(scenario) + ")"));
    int samples = whole(body, "samples", 200, 1, MAX_SAMPLES, problems);
    long seed = 1;
    JsonNode s = body.get("seed");
    if (s != null && !s.isNull()) {
      if (s.isIntegralNumber() && s.canConvertToLong()) seed = s.asLong();
      else
        problems.add(
            problem("seed", "must be a whole number (got " + shown(s) + ", expected e.g. 1)"));
    }
    String policy = "replan";
    JsonNode p = body.get("policy");
    if (p != null && !p.isNull()) {
      if (p.isTextual() && (p.asText().equals("replan") || p.asText().equals("adapt")))
        policy = p.asText();
      else problems.add(problem("policy", "must be replan or adapt (got " + shown(p) + ")"));
    }
    int perSource =
        whole(body, "sourceSamples", Math.max(1, samples / 8), 0, MAX_SAMPLES, problems);
    if (!problems.isEmpty()) throw new ValidationException(problems);
    return new RiskRequest(scenario.asText(), samples, seed, policy, perSource);
  }

  private static int whole(
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
                + String.format(java.util.Locale.ROOT, "%,d", max)
                + " (got "
                + shown(n)
                + ")"));
    return otherwise;
  }

  private static Problem problem(String field, String message) {
    return new Problem(BODY, 0, 0, field, message);
  }

  /** A value as sent, cut short: a message quotes the request, never more than a few characters. */
  private static String shown(JsonNode n) {
    if (n == null) return "nothing";
    String text = n.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}

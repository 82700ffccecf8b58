package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.core.Problem;
import io.nuage.core.ValidationException;
import java.util.ArrayList;
import java.util.List;

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

  private static final List<String> FIELDS =
      List.of("scenario", "samples", "seed", "policy", "sourceSamples");

  static RiskRequest of(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    BodyFields.refuseUnknown(body, FIELDS, problems);
    String scenario = BodyFields.scenario(body, problems);
    int samples = BodyFields.whole(body, "samples", 200, 1, MAX_SAMPLES, problems);
    long seed = BodyFields.seed(body, problems);
    String policy = "replan";
    JsonNode p = body.get("policy");
    if (p != null && !p.isNull()) {
      if (p.isTextual() && (p.asText().equals("replan") || p.asText().equals("adapt")))
        policy = p.asText();
      else
        problems.add(
            BodyFields.problem(
                "policy", "must be replan or adapt (got " + BodyFields.shown(p) + ")"));
    }
    int perSource =
        BodyFields.whole(body, "sourceSamples", Math.max(1, samples / 8), 0, MAX_SAMPLES, problems);
    if (!problems.isEmpty()) throw new ValidationException(problems);
    return new RiskRequest(scenario, samples, seed, policy, perSource);
  }
}

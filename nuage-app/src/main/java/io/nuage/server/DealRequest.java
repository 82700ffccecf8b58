package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.core.Problem;
import io.nuage.deal.DealEvaluation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/deals} (docs/server.md, "Deal jobs"), every field checked and every
 * problem reported at once (400, each located by its field). What needs the scenario (the contract,
 * the sizes against its tiers) is checked by {@link DealRunner#prepare}.
 *
 * @param scenario the id of an uploaded scenario
 * @param contract the committed-spend contract to size
 * @param scales the sizes, as multiples of the written minimums: each above 0, none twice
 * @param samples futures to draw, 1 to {@link RiskRequest#MAX_SAMPLES}
 * @param seed the seed every future derives from
 * @param breakEven whether the break-even demand is searched for (as without {@code
 *     --no-break-even})
 */
record DealRequest(
    String scenario,
    String contract,
    List<BigDecimal> scales,
    int samples,
    long seed,
    boolean breakEven) {
  /** Each size is one more answer per future: ten are twice the CLI's default and enough. */
  static final int MAX_SCALES = 10;

  private static final List<String> FIELDS =
      List.of("scenario", "contract", "scales", "samples", "seed", "breakEven");

  DealRequest {
    scales = List.copyOf(scales);
  }

  static DealRequest of(JsonNode body) {
    List<Problem> problems = new ArrayList<>();
    BodyFields.refuseUnknown(body, FIELDS, problems);
    String scenario = BodyFields.scenario(body, problems);
    JsonNode c = body.get("contract");
    String contract = "";
    if (c != null && c.isTextual() && !c.asText().isBlank()) contract = c.asText();
    else
      problems.add(
          BodyFields.problem(
              "contract",
              "required: the id of a committed-spend contract of the scenario (got "
                  + BodyFields.shown(c)
                  + ")"));
    List<BigDecimal> scales = scales(body.get("scales"), problems);
    int samples = BodyFields.whole(body, "samples", 200, 1, RiskRequest.MAX_SAMPLES, problems);
    long seed = BodyFields.seed(body, problems);
    boolean breakEven = true;
    JsonNode b = body.get("breakEven");
    if (b != null && !b.isNull()) {
      if (b.isBoolean()) breakEven = b.asBoolean();
      else
        problems.add(
            BodyFields.problem(
                "breakEven", "must be true or false (got " + BodyFields.shown(b) + ")"));
    }
    if (!problems.isEmpty()) throw new HttpProblem.BadRequest(problems);
    return new DealRequest(scenario, contract, scales, samples, seed, breakEven);
  }

  private static List<BigDecimal> scales(@Nullable JsonNode n, List<Problem> problems) {
    if (n == null || n.isNull())
      return Arrays.stream(DealEvaluation.DEFAULT_SCALES.split(",")).map(BigDecimal::new).toList();
    if (!n.isArray() || n.isEmpty() || n.size() > MAX_SCALES) {
      problems.add(
          BodyFields.problem(
              "scales",
              "must be a list of 1 to "
                  + MAX_SCALES
                  + " sizes, such as [\"0.5\", \"1\", \"1.5\"] (got "
                  + BodyFields.shown(n)
                  + ")"));
      return List.of();
    }
    List<BigDecimal> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode item = n.get(i);
      String field = "scales[" + i + "]";
      BigDecimal s = item.isTextual() ? decimal(item.asText()) : null;
      if (s == null || s.signum() <= 0)
        problems.add(
            BodyFields.problem(
                field,
                "must be a decimal string above 0, a multiple of the written minimums such as"
                    + " \"0.75\" (got "
                    + BodyFields.shown(item)
                    + ")"));
      else if (out.stream().anyMatch(o -> o.compareTo(s) == 0))
        problems.add(
            BodyFields.problem(field, "is given twice (got " + BodyFields.shown(item) + ")"));
      else out.add(s);
    }
    return out;
  }

  /** A plain decimal (digits, one point): no exponent, so no size is a million digits long. */
  private static @Nullable BigDecimal decimal(String text) {
    if (text.length() > 20 || !text.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) return null;
    return new BigDecimal(text);
  }
}

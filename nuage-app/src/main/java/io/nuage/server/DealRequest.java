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
 * @param optimise {@code --optimise}'s settings; null: evaluate {@code scales}
 */
record DealRequest(
    String scenario,
    String contract,
    List<BigDecimal> scales,
    int samples,
    long seed,
    boolean breakEven,
    @Nullable Optimise optimise) {
  /**
   * The body's {@code optimise} object: {@code nuage deal --optimise}'s options.
   *
   * @param bounds {@code --bounds LOW..HIGH}
   * @param replications {@code --replications}
   * @param freshSamples {@code --fresh-samples}; 0: twice {@code samples}
   * @param gap {@code --gap}
   * @param risk {@code --risk}, such as cvar95; null without a limit
   * @param max {@code --max}; null without a limit
   */
  record Optimise(
      BigDecimal[] bounds,
      int replications,
      int freshSamples,
      double gap,
      @Nullable String risk,
      @Nullable BigDecimal max) {}

  private static final List<String> OPTIMISE_FIELDS =
      List.of("bounds", "replications", "freshSamples", "gap", "risk", "max");

  /** Each size is one more answer per future: ten are twice the CLI's default and enough. */
  static final int MAX_SCALES = 10;

  private static final List<String> FIELDS =
      List.of("scenario", "contract", "scales", "samples", "seed", "breakEven", "optimise");

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
    Optimise optimise = optimise(body.get("optimise"), problems);
    JsonNode given = body.get("scales");
    if (optimise != null && given != null && !given.isNull())
      problems.add(
          BodyFields.problem(
              "scales",
              "not used with optimise, which chooses the minimums itself (leave it out)"));
    List<BigDecimal> scales = optimise != null ? List.of() : scales(given, problems);
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
    return new DealRequest(scenario, contract, scales, samples, seed, breakEven, optimise);
  }

  /** {@code optimise}: absent, null or false for none, true for the defaults, or an object. */
  private static @Nullable Optimise optimise(@Nullable JsonNode n, List<Problem> problems) {
    if (n == null || n.isNull() || (n.isBoolean() && !n.asBoolean())) return null;
    if (n.isBoolean())
      return new Optimise(
          new BigDecimal[] {BigDecimal.ZERO, BigDecimal.TWO}, 3, 0, 0.001, null, null);
    if (!n.isObject()) {
      problems.add(
          BodyFields.problem(
              "optimise",
              "must be true, false or an object such as {\"bounds\": \"0..2\"} (got "
                  + BodyFields.shown(n)
                  + ")"));
      return null;
    }
    int before = problems.size();
    n.fieldNames()
        .forEachRemaining(
            f -> {
              if (!OPTIMISE_FIELDS.contains(f))
                problems.add(
                    BodyFields.problem(
                        "optimise." + f,
                        "unknown field (expected one of "
                            + String.join(", ", OPTIMISE_FIELDS)
                            + ")"));
            });
    BigDecimal[] bounds = {BigDecimal.ZERO, BigDecimal.TWO};
    JsonNode b = n.get("bounds");
    if (b != null && !b.isNull()) {
      BigDecimal[] parsed = b.isTextual() && b.asText().length() <= 41 ? bounds(b.asText()) : null;
      if (parsed == null)
        problems.add(
            BodyFields.problem(
                "optimise.bounds",
                "must be \"LOW..HIGH\", multiples of the written minimums with 0 ≤ LOW ≤ HIGH such"
                    + " as \"0.5..1.5\" (got "
                    + BodyFields.shown(b)
                    + ")"));
      else bounds = parsed;
    }
    int replications = wholeIn(n, "replications", 3, 2, 20, problems);
    int fresh = wholeIn(n, "freshSamples", 0, 2, RiskRequest.MAX_SAMPLES, problems);
    double gap = 0.001;
    JsonNode g = n.get("gap");
    if (g != null && !g.isNull()) {
      BigDecimal d = g.isTextual() ? decimal(g.asText()) : null;
      if (d == null || d.signum() <= 0 || d.compareTo(BigDecimal.ONE) >= 0)
        problems.add(
            BodyFields.problem(
                "optimise.gap",
                "must be a decimal string between 0 and 1, such as \"0.001\" (got "
                    + BodyFields.shown(g)
                    + ")"));
      else gap = d.doubleValue();
    }
    String risk = null;
    JsonNode r = n.get("risk");
    if (r != null && !r.isNull()) {
      if (r.isTextual() && r.asText().matches("(?i)cvar[0-9]{1,2}(\\.[0-9]{1,4})?"))
        risk = r.asText();
      else
        problems.add(
            BodyFields.problem(
                "optimise.risk",
                "must be \"cvarNN\", the CVaR at level NN% such as \"cvar95\" (got "
                    + BodyFields.shown(r)
                    + ")"));
    }
    BigDecimal max = null;
    JsonNode m = n.get("max");
    if (m != null && !m.isNull()) {
      max = m.isTextual() ? decimal(m.asText()) : null;
      if (max == null || max.signum() <= 0)
        problems.add(
            BodyFields.problem(
                "optimise.max",
                "must be a decimal string above 0, the most the CVaR may be in the scenario's"
                    + " currency (got "
                    + BodyFields.shown(m)
                    + ")"));
    }
    if ((risk == null) != (max == null) && problems.size() == before)
      problems.add(
          BodyFields.problem(
              risk == null ? "optimise.max" : "optimise.risk",
              "risk and max go together: risk names the measure (\"cvar95\"), max its limit"));
    return new Optimise(bounds, replications, fresh, gap, risk, max);
  }

  private static int wholeIn(
      JsonNode n, String field, int otherwise, int min, int max, List<Problem> problems) {
    List<Problem> found = new ArrayList<>();
    int v = BodyFields.whole(n, field, otherwise, min, max, found);
    for (Problem p : found) problems.add(BodyFields.problem("optimise." + p.path(), p.message()));
    return v;
  }

  /** {@code LOW..HIGH} with {@code 0 ≤ LOW ≤ HIGH}, plain decimals; null otherwise. */
  private static BigDecimal @Nullable [] bounds(String text) {
    String[] parts = text.split("\\.\\.", -1);
    if (parts.length != 2) return null;
    BigDecimal low = decimal(parts[0].strip());
    BigDecimal high = decimal(parts[1].strip());
    if (low == null || high == null || high.compareTo(low) < 0) return null;
    return new BigDecimal[] {low, high};
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

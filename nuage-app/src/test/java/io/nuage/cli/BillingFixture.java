package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan the tests of {@code generate-billing --from-plan} bill: the small five-provider scenario
 * ({@code src/test/resources/billing/five-providers.yaml}) planned by the real planner.
 */
final class BillingFixture {
  static final Path SCENARIO =
      SharedData.repo().resolve("nuage-app/src/test/resources/billing/five-providers.yaml");

  private BillingFixture() {}

  /** Plans the scenario into {@code dir/plan.json}. */
  static Path plan(Path dir) {
    Path plan = dir.resolve("plan.json");
    Cli r = Cli.run("plan", SCENARIO.toString(), "--format", "json", "--out", plan.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return plan;
  }

  static JsonNode json(Path file) throws IOException {
    return jsonText(Files.readString(file));
  }

  static JsonNode jsonText(String text) throws IOException {
    return JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .build()
        .readTree(text);
  }

  /** {@code generate-billing --from-plan PLAN --scenario SCENARIO --until UNTIL MORE...}. */
  static Cli generate(Path plan, String until, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate-billing",
                "--from-plan",
                plan.toString(),
                "--scenario",
                SCENARIO.toString(),
                "--until",
                until));
    args.addAll(List.of(more));
    return Cli.run(args);
  }
}

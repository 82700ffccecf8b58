package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.testing.SharedData;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogApiTest {
  @TempDir static Path folder;
  static RunningServer api;

  @BeforeAll
  static void start() {
    api = RunningServer.start(folder);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void offerings_matchEveryFilterCheapestFirstWithPricesAsStrings() {
    var r =
        api.get(
            "/api/catalog/offerings?provider=oci&accelerator=H100&pricing=on-demand&maxPrice=20",
            api.viewer);
    assertThat(r.status()).isEqualTo(200);
    JsonNode offerings = r.json().get("offerings");
    assertThat(offerings.size()).isPositive();
    BigDecimal previous = BigDecimal.ZERO;
    for (JsonNode o : offerings) {
      assertThat(o.get("provider").asText()).isEqualTo("oci");
      assertThat(o.get("accelerator").asText()).isEqualToIgnoringCase("H100");
      assertThat(o.get("pricing").asText()).isEqualTo("on-demand");
      assertThat(o.get("pricePerGpuHour").isTextual()).isTrue();
      BigDecimal price = new BigDecimal(o.get("pricePerGpuHour").asText());
      assertThat(price).isLessThanOrEqualTo(new BigDecimal("20")).isGreaterThanOrEqualTo(previous);
      previous = price;
    }
  }

  /** Issue 10, item 16: the API and the CLI answer an accelerator filter by one rule. */
  @Test
  void acceleratorFilter_matchesTheFamilyAsTheCliDoes() throws Exception {
    var out = new java.io.StringWriter();
    int code =
        io.nuage.cli.Main.run(
            new String[] {
              "catalog",
              "--import",
              SharedData.root().resolve("gpu_prices/skypilot_catalog").toString(),
              "--accelerator",
              "H100",
              "--format",
              "json",
              "--limit",
              "1"
            },
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(new java.io.StringWriter()));
    assertThat(code).isZero();
    int cli = RunningServer.JSON.readTree(out.toString()).get("matching").asInt();
    JsonNode family = api.get("/api/catalog/offerings?accelerator=H100", api.viewer).json();
    assertThat(family.get("total").asInt()).isEqualTo(cli);
    var accelerators = new java.util.TreeSet<String>();
    api.get("/api/catalog/offerings?accelerator=h100&limit=1000", api.viewer)
        .json()
        .get("offerings")
        .forEach(o -> accelerators.add(o.get("accelerator").asText()));
    assertThat(accelerators)
        .as("the family's variants, not only H100 itself")
        .hasSizeGreaterThan(1);
    // a variant's name still selects that variant alone
    String variant = accelerators.stream().filter(a -> !a.equals("H100")).findFirst().orElseThrow();
    api.get("/api/catalog/offerings?accelerator=" + variant + "&limit=1000", api.viewer)
        .json()
        .get("offerings")
        .forEach(o -> assertThat(o.get("accelerator").asText()).isEqualTo(variant));
  }

  @Test
  void offerings_pageWithLimitAndOffset() {
    JsonNode all = api.get("/api/catalog/offerings?limit=1000", api.viewer).json();
    JsonNode page = api.get("/api/catalog/offerings?limit=3&offset=2", api.viewer).json();
    assertThat(page.get("total").asInt()).isEqualTo(all.get("total").asInt());
    assertThat(page.get("offerings").size()).isEqualTo(3);
    assertThat(page.get("offerings").get(0)).isEqualTo(all.get("offerings").get(2));
  }

  @Test
  void offerings_ofAStoredScenario() {
    String id =
        api.post("/api/scenarios", api.planner, Examples.microLab(), "application/yaml")
            .json()
            .get("id")
            .asText();
    JsonNode page = api.get("/api/catalog/offerings?scenario=" + id, api.viewer).json();
    assertThat(page.get("total").asInt()).isEqualTo(2);
    assertThat(page.at("/offerings/0/pricePerGpuHour").asText()).isEqualTo("3.99");
  }

  @Test
  void badFilters_are400NamingTheParameter() {
    var pricing = api.get("/api/catalog/offerings?pricing=cheap", api.viewer);
    assertThat(pricing.status()).isEqualTo(400);
    assertThat(pricing.json().get("detail").asText()).contains("'pricing'").contains("cheap");
    var limit = api.get("/api/catalog/offerings?limit=0", api.viewer);
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.json().get("detail").asText()).contains("1 to 1000");
    assertThat(api.get("/api/catalog/offerings?maxPrice=abc", api.viewer).status()).isEqualTo(400);
    assertThat(api.get("/api/catalog/offerings?scenario=sc_nope", api.viewer).status())
        .isEqualTo(404);
  }
}

package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security item 6 of issue 10, through the API: a token name shows as it reads (no invisible or
 * direction-changing characters), and the last admin token cannot be revoked through the API.
 */
class TokenSafetyTest {
  @TempDir Path folder;

  @Test
  void tokenName_withInvisibleOrDirectionChangingCharacters_is400AndNothingIssued() {
    try (RunningServer api = RunningServer.start(folder)) {
      int before = api.get("/api/tokens", api.admin).json().get("tokens").size();
      for (String name :
          List.of(
              "ci\\u202Egnp.exe", // right-to-left override
              "ci\\u2066x\\u2069", // isolates
              "c\\u200Bi", // zero-width space
              "ci\\u200E", // left-to-right mark
              "\\uFEFFci", // byte order mark
              "c\\u00A0i", // no-break space
              "\\u3164", // Hangul filler: a blank letter
              "ci\\u2028x", // line separator
              "admin\\uFE0F", // variation selector: reads as "admin"
              "ad\\u034Fmin", // combining grapheme joiner
              "ad\\u17B4min", // Khmer inherent vowel, rendered as nothing
              "ad\\u180Bmin", // Mongolian free variation selector
              "ad\\uDB40\\uDD00min")) { // variation selector 17
        var answer =
            api.post(
                "/api/tokens",
                api.admin,
                "{\"role\":\"viewer\",\"name\":\"" + name + "\"}",
                "application/json");

        assertThat(answer.status()).as(name).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).as(name).contains("name").contains("U+");
      }
      assertThat(api.get("/api/tokens", api.admin).json().get("tokens").size()).isEqualTo(before);
      var ok =
          api.post(
              "/api/tokens",
              api.admin,
              "{\"role\":\"viewer\",\"name\":\"équipe ci-2 (nuit)\"}",
              "application/json");
      assertThat(ok.status()).as("letters, digits, spaces and punctuation").isEqualTo(201);
    }
  }

  @Test
  void twoAdminsRevokingEachOtherAtOnce_leaveOneAdmin() throws Exception {
    try (RunningServer api = RunningServer.start(folder)) {
      String admin = api.admin;
      for (int round = 0; round < 10; round++) {
        var x = api.post("/api/tokens", admin, "{\"role\":\"admin\"}", "application/json").json();
        var y = api.post("/api/tokens", admin, "{\"role\":\"admin\"}", "application/json").json();
        String self = api.get("/api/session", admin).json().get("tokenId").asText();
        assertThat(api.delete("/api/tokens/" + self, x.get("token").asText()).status())
            .isEqualTo(200);
        var barrier = new java.util.concurrent.CyclicBarrier(2);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
          var a = pool.submit(() -> revokeAfter(barrier, api, x, y));
          var b = pool.submit(() -> revokeAfter(barrier, api, y, x));
          assertThat(List.of(a.get(), b.get())).as("round " + round).containsOnlyOnce(200);
        }
        boolean xLeft = api.get("/api/session", x.get("token").asText()).status() == 200;
        admin = (xLeft ? x : y).get("token").asText();
        assertThat(api.get("/api/tokens", admin).status()).isEqualTo(200);
      }
    }
  }

  private static int revokeAfter(
      java.util.concurrent.CyclicBarrier barrier,
      RunningServer api,
      com.fasterxml.jackson.databind.JsonNode by,
      com.fasterxml.jackson.databind.JsonNode target)
      throws Exception {
    barrier.await();
    return api.delete("/api/tokens/" + target.get("id").asText(), by.get("token").asText())
        .status();
  }

  @Test
  void lastAdminToken_cannotBeRevokedThroughTheApi() {
    try (RunningServer api = RunningServer.start(folder)) {
      String self = api.get("/api/session", api.admin).json().get("tokenId").asText();

      var refused = api.delete("/api/tokens/" + self, api.admin);

      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("detail").asText()).contains("last admin");
      assertThat(api.get("/api/session", api.admin).status()).isEqualTo(200);

      var second =
          api.post("/api/tokens", api.admin, "{\"role\":\"admin\"}", "application/json").json();
      assertThat(api.delete("/api/tokens/" + self, api.admin).status()).isEqualTo(200);
      String other = second.get("token").asText();
      assertThat(api.delete("/api/tokens/" + second.get("id").asText(), other).status())
          .isEqualTo(409);
      assertThat(api.get("/api/tokens", other).status()).isEqualTo(200);
    }
  }
}

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
              "ci\\u2028x")) { // line separator
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

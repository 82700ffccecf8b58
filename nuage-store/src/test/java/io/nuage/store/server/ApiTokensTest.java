package io.nuage.store.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nuage.core.NuageException;
import io.nuage.store.Store;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokensTest {
  @TempDir Path folder;

  @Test
  void issue_storesOnlyASaltedHashThatMatchesTheSecret() throws Exception {
    try (Store store = Store.open(folder.resolve("n.duckdb"))) {
      var tokens = new ApiTokens(ConnectionSource.of(store));
      IssuedToken issued = tokens.issue(Role.PLANNER, "ci");
      String bearer = issued.bearer();
      assertThat(bearer).matches("nuage_tk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
      String secret = bearer.substring("nuage_tk_0123456789ab_".length());
      assertThat(issued.toString()).doesNotContain(secret);

      try (Statement st = store.connection().createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM api_tokens")) {
        assertThat(rs.next()).isTrue();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
          assertThat(String.valueOf(rs.getObject(c))).doesNotContain(secret);
        }
        assertThat(rs.getString("salt")).hasSize(32);
        assertThat(rs.getString("hash")).hasSize(64);
        assertThat(rs.next()).isFalse();
      }
      Credential credential = tokens.active().getFirst();
      assertThat(credential.matches(secret)).isTrue();
      assertThat(credential.matches(secret.substring(1) + "A")).isFalse();
    }
  }

  @Test
  void sameSecretTwice_hashesDifferentlyBecauseOfTheSalt() throws Exception {
    try (Store store = Store.open(folder.resolve("n.duckdb"))) {
      var tokens = new ApiTokens(ConnectionSource.of(store));
      tokens.issue(Role.VIEWER, null);
      tokens.issue(Role.VIEWER, null);
      var creds = tokens.active();
      assertThat(creds.get(0).salt()).isNotEqualTo(creds.get(1).salt());
      assertThat(Credential.digest(creds.get(0).salt(), "same"))
          .isNotEqualTo(Credential.digest(creds.get(1).salt(), "same"));
    }
  }

  @Test
  void revoke_byNameOrId_removesItFromTheActiveOnes() {
    try (Store store = Store.open(folder.resolve("n.duckdb"))) {
      var tokens = new ApiTokens(ConnectionSource.of(store));
      var a = tokens.issue(Role.ADMIN, "ops").token();
      var b = tokens.issue(Role.VIEWER, null).token();
      assertThat(b.name()).isEqualTo(b.id());
      assertThatThrownBy(() -> tokens.issue(Role.VIEWER, "ops"))
          .isInstanceOf(NuageException.class)
          .hasMessageContaining("'ops'");

      assertThat(tokens.revoke("ops").revokedAt()).isNotNull();
      assertThat(tokens.revoke(b.id()).active()).isFalse();
      assertThat(tokens.active()).isEmpty();
      assertThat(tokens.list()).extracting(ApiToken::id).containsExactlyInAnyOrder(a.id(), b.id());
      assertThat(tokens.issue(Role.VIEWER, "ops").token().name()).isEqualTo("ops");
      assertThatThrownBy(() -> tokens.revoke("nobody"))
          .isInstanceOf(NuageException.class)
          .hasMessageContaining("'nobody'");
    }
  }

  @Test
  void role_labelsRoundTripAndOrderTheirRights() {
    for (Role r : Role.values()) assertThat(Role.fromLabel(r.label())).isEqualTo(r);
    assertThat(Role.ADMIN.allows(Role.PLANNER)).isTrue();
    assertThat(Role.PLANNER.allows(Role.ADMIN)).isFalse();
    assertThat(Role.VIEWER.allows(Role.VIEWER)).isTrue();
    assertThatThrownBy(() -> Role.fromLabel("root"))
        .hasMessage("unknown role (got 'root', expected viewer, planner or admin)");
  }
}

package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {
  @TempDir Path folder;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void create_printsTheTokenOnceAndListAndRevokeNeverShowIt() {
    String db = folder.resolve("n.duckdb").toString();
    Run created = run("token", "create", "--role", "planner", "--name", "ci", "--db", db);
    assertThat(created.code()).isZero();
    String token = created.out().strip();
    assertThat(token).matches("nuage_tk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    assertThat(created.err()).contains("shown only this once").doesNotContain(token);

    Run list = run("token", "list", "--db", db);
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("ci").contains("planner").doesNotContain(token.substring(22));

    Run revoked = run("token", "revoke", "ci", "--db", db);
    assertThat(revoked.code()).isZero();
    assertThat(revoked.out()).contains("revoked");
    assertThat(run("token", "list", "--db", db).out()).doesNotContain(" - \n");
  }

  @Test
  void badInput_exitsTwoWithAMessageAndNoStackTrace() {
    String db = folder.resolve("n.duckdb").toString();
    Run role = run("token", "create", "--role", "root", "--db", db);
    assertThat(role.code()).isEqualTo(2);
    assertThat(role.err()).contains("got 'root', expected viewer, planner or admin");
    Run unknown = run("token", "revoke", "nobody", "--db", db);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("'nobody'").doesNotContain("\tat ");
    assertThat(run("token", "create", "--db", db).code()).isEqualTo(2);
    Run size = run("serve", "--max-body", "lots", "--db", db);
    assertThat(size.code()).isEqualTo(2);
    assertThat(size.err()).contains("--max-body (got 'lots'");
    Run dir = run("serve", "--catalog-dir", folder.resolve("none").toString(), "--db", db);
    assertThat(dir.code()).isEqualTo(2);
    assertThat(dir.err()).contains("--catalog-dir (got").contains("expected an existing folder");
    Run caps = run("serve", "--max-connections", "10", "--max-connections-per-address", "20");
    assertThat(caps.code()).isEqualTo(2);
    assertThat(caps.err()).contains("expected 1 <= per address <= in all");
  }

  @Test
  void create_nameWithADirectionChangingCharacter_exitsTwoAndIssuesNothing() {
    String db = folder.resolve("n.duckdb").toString();

    Run bidi = run("token", "create", "--role", "viewer", "--name", "ci\u202Eexe", "--db", db);

    assertThat(bidi.code()).isEqualTo(2);
    assertThat(bidi.err()).contains("U+202E").doesNotContain("\u202E").doesNotContain("\tat ");
    assertThat(run("token", "list", "--db", db).out()).doesNotContain("ci");
  }
}

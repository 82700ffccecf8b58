package io.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.store.StoreHolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 17: while a real {@code nuage serve} (another process, on a random loopback port)
 * holds the store, a command on the same store says who holds it, and {@code ingest}, {@code
 * ledger}, {@code token} and {@code plan} run through the server with {@code --server URL}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ServeHolderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Path db;
  static Process server;
  static String url;
  static String admin;
  static String viewer;
  static String localDrawdown;
  static String localReconciliation;

  @BeforeAll
  static void serveAnIngestedLedger() throws IOException {
    db = dir.resolve("nuage.duckdb");
    Cli ingest = Cli.run("ingest", "--db", db.toString(), CliUserErrorsTest.sample().toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    admin = token("admin");
    viewer = token("viewer");
    localDrawdown = ledger("--format", "json").out();
    localReconciliation = ledger("reconcile", "--format", "json").out();
    List<String> command = new ArrayList<>(CliProcess.command(Main.class));
    command.addAll(List.of("serve", "--port", "0", "--db", db.toString()));
    server =
        new ProcessBuilder(command)
            .redirectError(dir.resolve("serve.log").toFile())
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .start();
    var lines =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    // the first line says where it serves; the process ends (null) if it cannot start
    String first = lines.readLine();
    Matcher m =
        Pattern.compile("nuage serving on (http://127\\.0\\.0\\.1:\\d+/)").matcher("" + first);
    assertThat(m.find()).as(first + " / " + Files.readString(dir.resolve("serve.log"))).isTrue();
    url = m.group(1);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server == null) return;
    server.destroy(); // SIGTERM: the server's shutdown hook closes it and the store
    if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    assertThat(StoreHolder.file(db))
        .as("a stopped server takes its announcement away")
        .doesNotExist();
  }

  private static String token(String role) {
    Cli r = Cli.run("token", "create", "--role", role, "--db", db.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return r.out().strip();
  }

  private static Cli ledger(String... args) {
    var all = new ArrayList<String>();
    all.add("ledger");
    all.addAll(List.of(args));
    all.addAll(List.of("--scenario", CliUserErrorsTest.FINOPS_SCENARIO.toString()));
    all.addAll(List.of("--db", db.toString()));
    if (args.length > 0 && args[0].equals("reconcile")) {
      all.remove("reconcile");
      all.add(1, "reconcile");
    }
    Cli r = Cli.run(all);
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  private static CliProcess through(String token, String... args) {
    var env = new HashMap<String, String>();
    env.put("NUAGE_TOKEN", token);
    env.put("NUAGE_DB", dir.resolve("elsewhere/none.duckdb").toString());
    return CliProcess.run(env, args);
  }

  @Test
  void aCommandOnTheHeldStore_namesTheServerItsPidAndPort() {
    Cli r = Cli.run("token", "list", "--db", db.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "the store "
                + db
                + " is held by nuage serve (pid "
                + server.pid()
                + ", "
                + url
                + "): stop it, or run ingest, ledger, token or plan through it with --server "
                + url)
        .doesNotContain("Conflicting lock")
        .doesNotContain("\tat ");
    assertThat(StoreHolder.of(db)).contains(new StoreHolder(server.pid(), url));
  }

  @Test
  void aHolderThatIsNotAnnounced_isNamedByItsPid() throws IOException {
    Path marker = StoreHolder.file(db);
    String announced = Files.readString(marker);
    Files.delete(marker);
    try {
      Cli r = Cli.run("token", "list", "--db", db.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "the store "
                  + db
                  + " is in use by another process (pid "
                  + server.pid()
                  + "): one process at a time may open it; wait for it to end, or give another"
                  + " --db"
                  + System.lineSeparator());
    } finally {
      Files.writeString(marker, announced);
    }
  }

  @Test
  void ledgerThroughTheServer_answersWhatTheLocalLedgerAnswered() {
    CliProcess drawdown =
        through(
            viewer,
            "ledger",
            "--server",
            url,
            "--scenario",
            CliUserErrorsTest.FINOPS_SCENARIO.toString(),
            "--format",
            "json");
    // a viewer cannot upload: the scenario must already be stored, by a planner or admin
    assertThat(drawdown.code()).as(drawdown.err()).isEqualTo(2);
    assertThat(drawdown.err()).contains("403").contains("planner");
    CliProcess asAdmin =
        through(
            admin,
            "ledger",
            "--server",
            url,
            "--scenario",
            CliUserErrorsTest.FINOPS_SCENARIO.toString(),
            "--format",
            "json");
    assertThat(asAdmin.code()).as(asAdmin.err()).isZero();
    assertThat(asAdmin.out()).isEqualTo(localDrawdown);
    CliProcess reconcile =
        through(
            viewer,
            "ledger",
            "reconcile",
            "--server",
            url,
            "--scenario",
            CliUserErrorsTest.FINOPS_SCENARIO.toString(),
            "--format",
            "json");
    assertThat(reconcile.code()).as(reconcile.err()).isZero();
    assertThat(reconcile.out()).isEqualTo(localReconciliation);
  }

  @Test
  void tokensThroughTheServer_createListRevoke() throws IOException {
    CliProcess created =
        through(admin, "token", "create", "--role", "viewer", "--name", "ci", "--server", url);
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out().strip()).startsWith("nuage_tk_");
    assertThat(created.err()).contains("(ci, role viewer) created; it is shown only this once");
    CliProcess listed = through(admin, "token", "list", "--server", url);
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).contains(" ci ").contains("viewer").doesNotContain("nuage_tk_");
    CliProcess revoked = through(admin, "token", "revoke", "ci", "--server", url);
    assertThat(revoked.code()).as(revoked.err()).isZero();
    assertThat(revoked.out()).contains("(ci) revoked");
    CliProcess asViewer = through(viewer, "token", "list", "--server", url);
    assertThat(asViewer.code()).isEqualTo(2);
    assertThat(asViewer.err()).contains("403").contains("admin").doesNotContain("\tat ");
  }

  @Test
  void ingestThroughTheServer_reportsAsLocally() throws IOException {
    CliProcess again =
        through(
            admin,
            "ingest",
            "--server",
            url,
            "--format",
            "json",
            CliUserErrorsTest.sample().toString());
    assertThat(again.code()).as(again.err()).isZero();
    JsonNode report = JSON.readTree(again.out()).get("files").get(0);
    assertThat(report.get("rowsRead").asLong()).isEqualTo(1000);
    assertThat(report.get("duplicates").asLong())
        .as("the same rows twice change nothing")
        .isEqualTo(1000);
    Path bad =
        Files.writeString(dir.resolve("bad.csv"), "BilledCost,ChargePeriodStart\nabc,2024-09-01\n");
    CliProcess refused = through(admin, "ingest", "--server", url, bad.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("bad.csv").doesNotContain("nuage-ingest-");
  }

  @Test
  void planThroughTheServer_isThePlanOfTheScenario() throws IOException {
    Path scenario = ReportCommandTest.resource("tiny-lab.yaml");
    CliProcess planned =
        through(admin, "plan", scenario.toString(), "--server", url, "--format", "json");
    assertThat(planned.code()).as(planned.err()).isZero();
    JsonNode plan = JSON.readTree(planned.out());
    assertThat(plan.get("scenario").asText()).isEqualTo("tiny-lab");
    assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
    Cli local = Cli.run("plan", scenario.toString(), "--format", "json");
    assertThat(plan.get("totalCost").asText())
        .isEqualTo(JSON.readTree(local.out()).get("totalCost").asText());
  }

  @Test
  void withoutAToken_saysWhichVariableToSet() {
    var env = new HashMap<String, String>();
    env.put("NUAGE_TOKEN", null);
    CliProcess r = CliProcess.run(env, "token", "list", "--server", url);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "--server: no token (set NUAGE_TOKEN to a token from nuage token create)"
                + System.lineSeparator());
  }

  @Test
  void aServerThatIsNotThere_isAPlainMessage() {
    CliProcess r = through(admin, "token", "list", "--server", "http://127.0.0.1:1/");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("--server: cannot reach http://127.0.0.1:1/ (")
        .doesNotContain("Exception");
  }

  static Map<String, String> none() {
    return Map.of();
  }
}

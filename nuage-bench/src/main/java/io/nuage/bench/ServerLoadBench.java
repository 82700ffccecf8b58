package io.nuage.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.plan.PlanOptions;
import io.nuage.server.Capabilities;
import io.nuage.server.NuageServer;
import io.nuage.store.Store;
import io.nuage.store.ledger.BillingRows;
import io.nuage.store.ledger.DailyAggregate;
import io.nuage.store.server.ApiTokens;
import io.nuage.store.server.ConnectionSource;
import io.nuage.store.server.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a real server over loopback (docs/benchmarks.md, "Server load"): C clients, each a
 * bounded loop (at most the duration and MAX_PER_CLIENT requests) over the read endpoints
 * (draw-down, a plan's result, a catalog query); then plans started while an ingest runs.
 *
 * <p>Arguments: {@code DB MILLIONS_OF_ROWS CLIENTS SECONDS THINK_MS CATALOG FOCUS_SAMPLE}. The
 * ledger is generated into DB with LedgerQueryBench's generator when it holds fewer rows.
 */
public final class ServerLoadBench {
  private static final int MAX_PER_CLIENT = 1_000_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerLoadBench() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    long rows = Long.parseLong(args[1]) * 1_000_000L;
    int clients = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int thinkMs = Integer.parseInt(args[4]);
    Path catalog = Path.of(args[5]);
    Path sample = Path.of(args[6]);
    try (Store store = Store.open(db)) {
      ensureRows(store, rows);
      var tokens = new ApiTokens(ConnectionSource.of(store));
      String viewer = tokens.issue(Role.VIEWER, null).bearer();
      String planner = tokens.issue(Role.PLANNER, null).bearer();
      var caps =
          Capabilities.standard(
              store, List.of(Path.of(".")), catalog, PlanOptions.defaults().withTimeLimit(30));
      // every client of the bench comes from 127.0.0.1: the per-address cap must not count them
      var settings =
          new NuageServer.Settings("127.0.0.1", 0, 1L << 30, 1, 16)
              .withConnectionLimits(
                  new NuageServer.ConnectionLimits(
                      java.time.Duration.ofSeconds(10),
                      java.time.Duration.ofSeconds(30),
                      4096,
                      4096));
      try (NuageServer server = NuageServer.start(settings, ConnectionSource.of(store), caps)) {
        var client = new Client(server.port());
        String ledgerScenario =
            client
                .post(
                    "/api/scenarios?name=ledger-bench.yaml", planner, resource("ledger-bench.yaml"))
                .get("id")
                .asText();
        String planScenario =
            client
                .post("/api/scenarios?name=plan.yaml", planner, resource("server-bench-plan.yaml"))
                .get("id")
                .asText();
        String plan = client.startPlan(planner, planScenario);
        client.await(viewer, plan);
        List<String> reads =
            List.of(
                "/api/ledger/drawdown?scenario=" + ledgerScenario,
                "/api/plans/" + plan,
                "/api/catalog/offerings?accelerator=H100&pricing=on-demand&limit=20");
        System.out.printf(
            "ledger rows %,d; %d clients x %d s, think %d ms%n",
            BillingRows.in(store).totals().rows(), clients, seconds, thinkMs);
        load(client, viewer, reads, 20, 5, 0); // warm-up: JIT, caches, connections
        load(client, viewer, reads, clients, seconds, thinkMs);
        plansDuringIngest(client, store, planner, viewer, planScenario, sample);
      }
    }
  }

  /** Grows the ledger to {@code rows} with the ledger query benchmark's generator. */
  static void ensureRows(Store store, long rows) throws Exception {
    long have = BillingRows.in(store).totals().rows();
    if (have >= rows) return;
    long t0 = System.nanoTime();
    var c = store.connection();
    int ingestion;
    // the ingest numbers files from this sequence: take the id from it so the two never collide
    try (var st = c.createStatement();
        var rs = st.executeQuery("SELECT nextval('ingestion_ids')")) {
      rs.next();
      ingestion = rs.getInt(1);
    }
    LedgerQueryBench.generate(c, ingestion, have, rows - have);
    c.setAutoCommit(false);
    DailyAggregate.append(c, ingestion);
    c.commit();
    c.setAutoCommit(true);
    System.out.printf(
        "generated %,d rows in %d s%n", rows - have, (System.nanoTime() - t0) / 1_000_000_000L);
  }

  static void load(
      Client client, String token, List<String> paths, int clients, int seconds, int thinkMs)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    var errors = new AtomicLong();
    List<long[]> perClient = new ArrayList<>();
    List<Future<Integer>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        long[] latencies = new long[MAX_PER_CLIENT];
        perClient.add(latencies);
        int first = c;
        done.add(
            pool.submit(
                () -> {
                  int n = 0;
                  while (n < MAX_PER_CLIENT && System.nanoTime() < deadline) {
                    String path = paths.get((first + n) % paths.size());
                    long s = System.nanoTime();
                    try {
                      if (client.get(path, token).statusCode() != 200) errors.incrementAndGet();
                    } catch (IOException e) {
                      errors.incrementAndGet();
                    }
                    latencies[n++] = System.nanoTime() - s;
                    if (thinkMs > 0) Thread.sleep(thinkMs);
                  }
                  return n;
                }));
      }
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    int total = 0;
    for (Future<Integer> f : done) total += f.get();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      int n = done.get(c).get();
      System.arraycopy(perClient.get(c), 0, all, at, n);
      at += n;
    }
    Arrays.sort(all);
    System.out.printf(
        "  %d clients, think %d ms: %,d requests in %.1f s = %,.0f req/s; errors %d;"
            + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms%n",
        clients,
        thinkMs,
        total,
        elapsed,
        total / elapsed,
        errors.get(),
        pct(all, 0.50),
        pct(all, 0.90),
        pct(all, 0.99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6);
  }

  /** Starts an ingest of a FOCUS file and two plans at once; all must finish, nothing lost. */
  static void plansDuringIngest(
      Client client, Store store, String planner, String viewer, String scenario, Path sample)
      throws Exception {
    Path file = Files.createTempFile("nuage-load-", ".csv");
    long expected = widenedSample(sample, file, 200);
    long before = BillingRows.in(store).totals().rows();
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<JsonNode> ingest =
          pool.submit(() -> client.postFile("/api/ledger/ingest?name=load.csv", planner, file));
      Thread.sleep(200); // the ingest is under way
      String p1 = client.startPlan(planner, scenario);
      String p2 = client.startPlan(planner, scenario);
      JsonNode report = ingest.get();
      String s1 = client.await(viewer, p1);
      String s2 = client.await(viewer, p2);
      long after = BillingRows.in(store).totals().rows();
      System.out.printf(
          "plans during ingest: ingest accepted %,d of %,d rows (ledger +%,d); plans %s, %s;"
              + " %.1f s%n",
          report.get("accepted").asLong(),
          expected,
          after - before,
          s1,
          s2,
          (System.nanoTime() - t0) / 1e9);
      if (report.get("accepted").asLong() != expected
          || after - before != expected
          || !s1.equals("SUCCEEDED")
          || !s2.equals("SUCCEEDED")) {
        throw new IllegalStateException("something was lost: " + report);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The sample repeated {@code copies} times, each copy distinct charges (its own zone). */
  static long widenedSample(Path sample, Path out, int copies) throws IOException {
    List<String> lines = Files.readAllLines(sample);
    // a tag per run, so that a second run over the same store adds new rows (the ingest is
    // idempotent: the same rows again would add nothing)
    String run = Long.toString(System.currentTimeMillis(), 36);
    long rows = 0;
    try (Writer w = Files.newBufferedWriter(out)) {
      w.write(lines.getFirst());
      w.write('\n');
      for (int k = 0; k < copies; k++) {
        for (String line : lines.subList(1, lines.size())) {
          if (line.isBlank()) continue;
          w.write("\"zone-" + run + "-" + k + "\"" + line.substring(line.indexOf(',')));
          w.write('\n');
          rows++;
        }
      }
    }
    return rows;
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) return 0;
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = ServerLoadBench.class.getResourceAsStream("/" + name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A blocking HTTP client on loopback. */
  static final class Client {
    private final int port;
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Client(int port) {
      this.port = port;
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
      return http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode post(String path, String token, String body) throws Exception {
      var r =
          http.send(
              request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) throw new IllegalStateException(path + ": " + r.body());
      return JSON.readTree(r.body());
    }

    JsonNode postFile(String path, String token, Path file) throws Exception {
      var r =
          http.send(
              request(path, token).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IllegalStateException(path + ": " + r.body());
      return JSON.readTree(r.body());
    }

    String startPlan(String token, String scenario) throws Exception {
      return post("/api/plans", token, "{\"scenario\":\"" + scenario + "\"}").get("id").asText();
    }

    String await(String token, String plan) throws Exception {
      long deadline = System.nanoTime() + 600_000_000_000L;
      while (System.nanoTime() < deadline) {
        String status =
            JSON.readTree(get("/api/plans/" + plan, token).body()).get("status").asText();
        if (!status.equals("QUEUED") && !status.equals("RUNNING")) return status;
        Thread.sleep(250);
      }
      throw new IllegalStateException("plan " + plan + " did not finish in 10 minutes");
    }

    private HttpRequest.Builder request(String path, String token) {
      return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + token);
    }
  }
}

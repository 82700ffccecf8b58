package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security item 2 of issue 10: a client that sends its request head a byte at a time (slowloris) is
 * cut off after the header deadline in total, one address holds a bounded number of connections,
 * and other clients are answered all along. The slow client connects from 127.0.0.2 (still
 * loopback) so that the per-address cap does not count the probes from 127.0.0.1.
 */
class SlowClientTest {
  private static final int SLOW = 300;
  private static final int PER_ADDRESS = 64;
  private static final Duration HEADER_DEADLINE = Duration.ofSeconds(2);

  @TempDir Path folder;

  @Test
  void hundredsOfSlowHeaders_areCutOffAndProbesAreStillAnswered() throws Exception {
    var limits =
        new NuageServer.ConnectionLimits(HEADER_DEADLINE, Duration.ofSeconds(30), PER_ADDRESS, 512);
    try (RunningServer api = RunningServer.start(folder, s -> s.withConnectionLimits(limits))) {
      var slow = new ArrayList<Socket>();
      try {
        for (int i = 0; i < SLOW; i++) slow.add(slowClient(api.server.port()));
        long start = System.nanoTime();
        int[] closedAt = new int[SLOW];
        int maxProbeMs = 0;
        // one byte per slow connection every 500 ms, for at most 12 s: a header that never ends
        for (int round = 0; round < 24 && open(closedAt) > 0; round++) {
          for (int i = 0; i < SLOW; i++) {
            if (closedAt[i] == 0 && closedByServer(slow.get(i))) closedAt[i] = round + 1;
          }
          long probe = System.nanoTime();
          assertThat(api.get("/health", null).status()).isEqualTo(200);
          maxProbeMs = Math.max(maxProbeMs, (int) ((System.nanoTime() - probe) / 1_000_000));
          Thread.sleep(500);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;

        assertThat(open(closedAt)).as("slow connections still open after %d s", seconds).isZero();
        assertThat(closedIn(closedAt, 2))
            .as("connections beyond the per-address cap are closed at once")
            .isGreaterThanOrEqualTo(SLOW - PER_ADDRESS);
        assertThat(maxProbeMs).as("slowest probe, ms").isLessThan(2_000);
      } finally {
        for (Socket s : slow) s.close();
      }
    }
  }

  @Test
  void aNormalKeepAliveClient_isNotCutOffBetweenRequests() throws Exception {
    var limits =
        new NuageServer.ConnectionLimits(HEADER_DEADLINE, Duration.ofSeconds(30), PER_ADDRESS, 512);
    try (RunningServer api = RunningServer.start(folder, s -> s.withConnectionLimits(limits))) {
      try (Socket s = new Socket("127.0.0.1", api.server.port())) {
        s.setSoTimeout(5_000);
        for (int i = 0; i < 2; i++) {
          s.getOutputStream()
              .write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          assertThat(readAnswer(s)).startsWith("HTTP/1.1 200");
          // idle between requests for longer than the header deadline: idle is not slow headers
          Thread.sleep(HEADER_DEADLINE.toMillis() + 1_500);
        }
      }
    }
  }

  @Test
  void aSlowBodyAfterA100Continue_isNotCutOff() throws Exception {
    var limits =
        new NuageServer.ConnectionLimits(HEADER_DEADLINE, Duration.ofSeconds(30), PER_ADDRESS, 512);
    try (RunningServer api = RunningServer.start(folder, s -> s.withConnectionLimits(limits))) {
      byte[] yaml = Examples.microLab().getBytes(StandardCharsets.UTF_8);
      try (Socket s = new Socket("127.0.0.1", api.server.port())) {
        s.setSoTimeout(10_000);
        String head =
            "POST /api/scenarios?name=slow.yaml HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer "
                + api.planner
                + "\r\nContent-Type: application/yaml\r\nExpect: 100-continue\r\n"
                + "Content-Length: "
                + yaml.length
                + "\r\n\r\n";
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        assertThat(readAnswer(s)).startsWith("HTTP/1.1 100");
        // the body takes longer than the header deadline: it is a body, not a slow head
        int chunk = yaml.length / 8 + 1;
        for (int from = 0; from < yaml.length; from += chunk) {
          s.getOutputStream().write(yaml, from, Math.min(chunk, yaml.length - from));
          Thread.sleep(HEADER_DEADLINE.toMillis() / 4 + 100);
        }
        assertThat(readAnswer(s)).startsWith("HTTP/1.1 201");
      }
    }
  }

  @Test
  void atTheTotalCap_silentConnectionsAreCutSoonAndTheNextClientIsAnswered() throws Exception {
    // 4 in all: 4 silent connections fill the server; Jetty stops accepting, then cuts idle
    // connections after the header deadline instead of the 30 s idle timeout
    var limits = new NuageServer.ConnectionLimits(HEADER_DEADLINE, Duration.ofSeconds(30), 4, 4);
    try (RunningServer api = RunningServer.start(folder, s -> s.withConnectionLimits(limits))) {
      assertThat(api.get("/health", null).status()).isEqualTo(200); // warm, then let it close
      Thread.sleep(500);
      var silent = new ArrayList<Socket>();
      try {
        for (int i = 0; i < 4; i++) {
          var s = new Socket();
          s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
          s.connect(new InetSocketAddress("127.0.0.1", api.server.port()), 5_000);
          silent.add(s);
        }
        Thread.sleep(300);
        long start = System.nanoTime();
        try (Socket probe = new Socket("127.0.0.1", api.server.port())) {
          probe.setSoTimeout(15_000);
          probe
              .getOutputStream()
              .write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          assertThat(readAnswer(probe)).startsWith("HTTP/1.1 200");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(ms)
            .as("the probe waited for the cap (ms), then the silent connections were cut")
            .isBetween(HEADER_DEADLINE.toMillis() / 2, HEADER_DEADLINE.toMillis() + 6_000);
      } finally {
        for (Socket s : silent) s.close();
      }
    }
  }

  private static Socket slowClient(int port) throws IOException {
    var s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
    s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    s.setSoTimeout(1);
    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes());
    return s;
  }

  /** Sends one more header byte; true when the server has closed the connection. */
  private static boolean closedByServer(Socket s) {
    try {
      s.getOutputStream().write('a');
      s.getInputStream().read(); // an end of stream or an answer: either way it was cut off
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static String readAnswer(Socket s) throws IOException {
    byte[] buffer = new byte[4096];
    int n = s.getInputStream().read(buffer);
    return new String(buffer, 0, Math.max(n, 0), StandardCharsets.US_ASCII);
  }

  private static int open(int[] closedAt) {
    int open = 0;
    for (int c : closedAt) if (c == 0) open++;
    return open;
  }

  private static int closedIn(int[] closedAt, int rounds) {
    int n = 0;
    for (int c : closedAt) if (c > 0 && c <= rounds) n++;
    return n;
  }
}

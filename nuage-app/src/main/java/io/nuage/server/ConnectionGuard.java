package io.nuage.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * Keeps slow or greedy clients from holding the server's connections (slowloris): Jetty's idle
 * timeout restarts with every byte, so a client sending one header byte every few seconds was never
 * closed. This closes a connection that is past its per-address cap as soon as it opens, and one
 * whose request head has taken longer than the header deadline in total; the total cap is Jetty's
 * {@code NetworkConnectionLimit}, set beside it in {@link NuageServer}.
 *
 * <p>Jetty counts a request in when its head is complete and out when its answer starts, and the
 * bytes read: between an answer and the next complete head, bytes that arrive belong to a head. A
 * scan every {@link #TICK_MS} ms closes a connection whose head bytes began arriving more than the
 * deadline ago, so the bound holds within a tick and one gap between the client's bytes.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
  static final long TICK_MS = 250;

  private final long deadlineNanos;
  private final int perAddress;
  private final Map<Connection, Head> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scanner =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("nuage-header-deadline").unstarted(r));

  /** What the scan knows of one connection's current request head. */
  private static final class Head {
    final String address;
    long requestsIn = -1;
    long bytesBefore;
    long startedAt = -1;

    Head(String address) {
      this.address = address;
    }
  }

  ConnectionGuard(NuageServer.ConnectionLimits limits) {
    this.deadlineNanos = limits.headerDeadline().toNanos();
    this.perAddress = limits.perAddress();
    scanner.scheduleWithFixedDelay(this::scan, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    String address = address(connection.getEndPoint().getRemoteSocketAddress());
    open.put(connection, new Head(address));
    int held = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    if (held > perAddress) connection.getEndPoint().close();
  }

  @Override
  public void onClosed(Connection connection) {
    Head head = open.remove(connection);
    if (head == null) return;
    byAddress.computeIfPresent(head.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  private void scan() {
    long now = System.nanoTime();
    open.forEach(
        (connection, head) -> {
          if (late(connection, head, now)) connection.getEndPoint().close();
        });
  }

  /** True when the connection has been receiving one request head for longer than allowed. */
  private boolean late(Connection connection, Head head, long now) {
    long in = connection.getMessagesIn();
    long bytes = connection.getBytesIn();
    if (in != head.requestsIn || in > connection.getMessagesOut()) {
      // a head completed since the last scan, or a request is being answered (its body may
      // still arrive): whatever was read so far is not a slow head
      head.requestsIn = in;
      head.bytesBefore = bytes;
      head.startedAt = -1;
      return false;
    }
    if (bytes == head.bytesBefore) return false; // silent: the idle timeout's business
    if (head.startedAt < 0) {
      head.startedAt = now;
      return false;
    }
    return now - head.startedAt > deadlineNanos;
  }

  /** The client's IP address without its port; the whole text for other kinds of address. */
  private static String address(SocketAddress remote) {
    if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(remote);
  }

  @Override
  public void close() {
    scanner.shutdownNow();
  }
}

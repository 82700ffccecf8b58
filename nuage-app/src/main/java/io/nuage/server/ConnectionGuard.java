package io.nuage.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Keeps slow or greedy clients from holding the server's connections (slowloris): Jetty's idle
 * timeout restarts with every byte, so a client sending one header byte every few seconds was never
 * closed. This closes a connection that is past its per-address cap as soon as it opens, and one
 * whose request head has taken longer than the header deadline in total; the total cap is Jetty's
 * {@code NetworkConnectionLimit}, set beside it in {@link NuageServer}.
 *
 * <p>Jetty calls {@link #customize} when a request's head is complete, and the request's completion
 * listener says when it is done: between the two the connection is busy (its body may arrive
 * slowly, after a "100 Continue" too). Bytes that arrive while it is not busy belong to the next
 * head. A scan every {@link #TICK_MS} ms closes a connection whose head bytes began arriving more
 * than the deadline ago, so the bound holds within a tick and one gap between the client's bytes.
 */
final class ConnectionGuard
    implements Connection.Listener, HttpConfiguration.Customizer, AutoCloseable {
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
    final AtomicLong heads = new AtomicLong();
    final AtomicInteger busy = new AtomicInteger();
    long headsSeen = -1;
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

  /** A request's head is complete: busy until the request completes. */
  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    Head head = open.get(request.getConnectionMetaData().getConnection());
    if (head != null) {
      head.heads.incrementAndGet();
      head.busy.incrementAndGet();
      Request.addCompletionListener(request, failure -> head.busy.decrementAndGet());
    }
    return request;
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
    long heads = head.heads.get();
    long bytes = connection.getBytesIn();
    if (heads != head.headsSeen || head.busy.get() > 0) {
      // a head completed since the last scan, or a request is under way (its body may still
      // arrive): whatever was read so far is not a slow head
      head.headsSeen = heads;
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

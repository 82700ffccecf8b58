package io.nuage.spark;

import io.nuage.core.NuageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code --master} before Spark sees it: Spark's own client retries an unreachable
 * standalone master for about a minute and then logs, where the CLI should say at once what is
 * wrong.
 */
final class Masters {
  private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)])?");
  private static final Pattern STANDALONE = Pattern.compile("spark://([^:/]+):([0-9]{1,5})");
  private static final int CONNECT_TIMEOUT_MS = 3000;

  private Masters() {}

  /**
   * {@code master} when it is local, a standalone master that accepts a connection, or the master
   * spark-submit was given (the {@code spark.master} property: YARN's and Kubernetes' too, which
   * spark-submit has resolved already).
   */
  static String checked(String master) {
    if (LOCAL.matcher(master).matches()) return master;
    Matcher m = STANDALONE.matcher(master);
    if (!m.matches() && master.equals(System.getProperty("spark.master"))) return master;
    if (!m.matches())
      throw new NuageException(
          "--master "
              + master
              + ": expected local, local[N], local[*] or spark://HOST:PORT (a standalone master)");
    String host = m.group(1);
    int port = Integer.parseInt(m.group(2));
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
    } catch (IOException | IllegalArgumentException e) {
      throw new NuageException(
          "--master "
              + master
              + ": cannot be reached ("
              + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
              + "); is a Spark standalone master running there?");
    }
    return master;
  }
}

package io.nuage.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * Registers a GET route together with its HEAD twin. Javalin answers a HEAD without a route of its
 * own before the role check runs (a review saw {@code HEAD /metrics} answer 200 without a token):
 * an explicit HEAD route goes through the same authentication and roles as GET, and Jetty drops the
 * body.
 */
final class Reads {
  private Reads() {}

  static void get(RoutesConfig routes, String path, Handler handler, Access access) {
    routes.get(path, handler, access);
    routes.head(path, handler, access);
  }
}

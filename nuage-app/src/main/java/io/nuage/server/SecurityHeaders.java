package io.nuage.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The security headers of every answer (API, dashboard, problem details, Jetty's own refusals):
 * added by Jetty as each request arrives, before any handler can forget them.
 *
 * <p>The policy allows scripts from this server only (the dashboard has no inline script) and no
 * framing. Styles allow 'unsafe-inline' because the charting library (ECharts) writes style
 * attributes into its tooltips; a style cannot run code. No Strict-Transport-Security: the server
 * speaks plain HTTP and the header is ignored there; the TLS proxy in front sets it
 * (docs/server.md).
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  @Override
  public Request customize(Request request, HttpFields.Mutable headers) {
    addTo(headers);
    return request;
  }

  /** Also used by {@link ProblemErrorHandler}: Jetty refuses some requests before customizing. */
  static void addTo(HttpFields.Mutable headers) {
    headers.put("Content-Security-Policy", POLICY);
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
  }
}

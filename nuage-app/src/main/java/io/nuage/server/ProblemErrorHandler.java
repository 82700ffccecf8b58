package io.nuage.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it refuses before Javalin sees it, such as a path with
 * {@code ..} segments or a malformed request line) as problem details instead of Jetty's HTML page.
 * The detail names only the status: Jetty's message may quote the request.
 */
final class ProblemErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    String reason = HttpStatus.getMessage(code);
    String body =
        "{\"type\":\"urn:nuage:problem:"
            + (code == 400 ? "bad-request" : "http-" + code)
            + "\",\"title\":\""
            + reason
            + "\",\"status\":"
            + code
            + ",\"detail\":\"the server could not accept this request ("
            + reason
            + "); a path must not contain '..' or empty segments\",\"instance\":\""
            + instance(request)
            + "\"}";
    response
        .getHeaders()
        .put(HttpHeader.CONTENT_TYPE, ProblemResponses.CONTENT_TYPE + "; charset=utf-8");
    SecurityHeaders.addTo(response.getHeaders());
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  /** The request's path when it is plain printable ASCII, else "/": it goes into JSON as is. */
  private static String instance(Request request) {
    String path;
    try {
      path = request.getHttpURI().getPath();
    } catch (RuntimeException e) {
      return "/";
    }
    return path != null && path.matches("/[A-Za-z0-9._~/%:@!$&'()*+,;=-]{0,200}") ? path : "/";
  }
}

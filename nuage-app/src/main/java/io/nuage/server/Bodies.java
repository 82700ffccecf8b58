package io.nuage.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads request bodies under the size limit: a declared length above it is refused before reading,
 * and a chunked body is counted while read (413 in both cases).
 */
final class Bodies {
  private final long limit;

  Bodies(long limit) {
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  /** Before every request: refuses a declared Content-Length above the limit. */
  void checkDeclaredLength(Context ctx) {
    if (ctx.req().getContentLengthLong() > limit) throw new HttpProblem.ContentTooLarge(limit);
  }

  String text(Context ctx) {
    var out = new java.io.ByteArrayOutputStream();
    copy(ctx, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Streams the body into {@code file}, never holding it in memory. */
  void toFile(Context ctx, Path file) {
    try (OutputStream out = Files.newOutputStream(file)) {
      copy(ctx, out);
    } catch (IOException e) {
      throw new HttpProblem.BadRequest("the request body could not be read to its end");
    }
  }

  private void copy(Context ctx, OutputStream out) {
    checkDeclaredLength(ctx);
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = ctx.bodyInputStream()) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        total += n;
        if (total > limit) throw new HttpProblem.ContentTooLarge(limit);
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new HttpProblem.BadRequest("the request body could not be read to its end");
    }
  }
}

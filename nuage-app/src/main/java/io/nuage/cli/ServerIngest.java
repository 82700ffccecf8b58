package io.nuage.cli;

import io.nuage.core.NuageException;
import io.nuage.store.ledger.IngestReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code nuage ingest --server URL FILE...}: each file uploaded to {@code POST /api/ledger/ingest},
 * which ingests it as the CLI does (whole or not at all; the rows it holds already are not added
 * again) and answers the same report. The API takes CSV and gzip CSV, without the CLI's {@code
 * --skip-bad-rows} and {@code --fill}.
 */
final class ServerIngest {
  private ServerIngest() {}

  static IngestReport ingest(ServerClient server, Path file) {
    byte[] head = head(file);
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
      throw new NuageException(
          file
              + ": Parquet cannot go through --server (the API takes CSV or gzip CSV); convert it,"
              + " or ingest it where the store is while the server is stopped");
    }
    boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    String name = file.getFileName().toString();
    // the server tells gzip by the name it is given
    if (gzip && !name.endsWith(".gz")) name = name + ".gz";
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (IOException e) {
      throw new NuageException(file + ": cannot read (" + OutputFile.reason(e) + ")");
    }
    var answer =
        server.post(
            "api/ledger/ingest" + ServerClient.query(Map.of("name", name)),
            body,
            gzip ? "application/gzip" : "text/csv");
    try {
      return ServerClient.JSON.treeToValue(answer, IngestReport.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ServerClient.ServerFailure("--server: the ingest answer is not a report");
    }
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(4);
    } catch (IOException e) {
      throw new NuageException(file + ": cannot read (" + OutputFile.reason(e) + ")");
    }
  }
}

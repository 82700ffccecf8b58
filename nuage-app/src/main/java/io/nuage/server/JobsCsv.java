package io.nuage.server;

import static io.nuage.cli.JsonCsv.Column.of;

import com.fasterxml.jackson.databind.JsonNode;
import io.nuage.cli.JsonCsv;
import java.util.List;

/** {@code GET /api/plans} with {@code Accept: text/csv}: a row per job, as the JSON lists them. */
final class JobsCsv {
  private JobsCsv() {}

  static final List<JsonCsv.Column> COLUMNS =
      List.of(
          of("id", "/id"),
          of("scenario", "/scenario"),
          of("status", "/status"),
          of("progress", "/progress"),
          of("created_at", "/createdAt"),
          of("started_at", "/startedAt"),
          of("finished_at", "/finishedAt"),
          of("error", "/error"),
          of("total_cost", "/totalCost"));

  static String table(JsonNode jobs) {
    return JsonCsv.table(jobs, COLUMNS);
  }
}

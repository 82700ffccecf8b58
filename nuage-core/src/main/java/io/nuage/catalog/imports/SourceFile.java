package io.nuage.catalog.imports;

import io.nuage.core.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed price file being imported: its rows by column name, its tally, and the shared problem
 * list that rows with the wrong number of fields or bad values report to.
 */
final class SourceFile {
  private static final String GENERATION = "Generation";

  private final FileTally tally;
  private final CsvTable table;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<Problem> problems;

  SourceFile(FileTally tally, CsvTable table, List<Problem> problems) {
    this.tally = tally;
    this.table = table;
    this.problems = problems;
    for (int i = 0; i < table.header().size(); i++) {
      columns.putIfAbsent(table.header().get(i), i);
    }
  }

  FileTally tally() {
    return tally;
  }

  /**
   * The rows with the right number of fields; each is counted as read. A row with one field too
   * many is accepted only as Azure's unquoted {@code Generation} of {@code V1,V2}.
   */
  List<RowFields> rows() {
    List<RowFields> rows = new ArrayList<>();
    int width = table.header().size();
    boolean generationLast = table.header().getLast().equals(GENERATION);
    for (CsvTable.Row row : table.rows()) {
      tally.read(row.line());
      List<String> fields = row.fields();
      if (fields.size() == width + 1 && generationLast) {
        fields = new ArrayList<>(fields.subList(0, width - 1));
        fields.add(row.fields().get(width - 1) + "," + row.fields().get(width));
      }
      if (fields.size() != width) {
        problems.add(
            new Problem(
                tally.file(),
                row.line(),
                0,
                "row",
                "wrong number of fields (got "
                    + row.fields().size()
                    + ", expected "
                    + width
                    + " as in the header)"));
        continue;
      }
      rows.add(new RowFields(tally.file(), row.line(), fields, columns, problems));
    }
    return rows;
  }

  /** The row's region id, {@code provider/name}; records a problem when the region is blank. */
  String region(RowFields row) {
    String raw = row.required("Region", "a region name such as us-east-1");
    String id = Regions.id(tally.provider(), raw);
    if (!raw.isEmpty() && id.endsWith("/")) {
      row.problem("Region", "has no letters or digits (got " + raw + ", expected a region name)");
    }
    return id;
  }
}

package io.nuage.catalog.imports;

import io.nuage.core.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One CSV row read by column name. Parse failures become located {@link Problem}s in a shared list;
 * {@link #valid()} says whether this row added any.
 */
final class RowFields {
  /** Plain decimals, or pandas' short exponent form ({@code 5e-05}); never NaN or inf. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,2})?");

  private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(100_000);

  private final String file;
  private final int line;
  private final List<String> fields;
  private final Map<String, Integer> columns;
  private final List<Problem> problems;
  private final int problemsBefore;

  RowFields(
      String file,
      int line,
      List<String> fields,
      Map<String, Integer> columns,
      List<Problem> problems) {
    this.file = file;
    this.line = line;
    this.fields = fields;
    this.columns = columns;
    this.problems = problems;
    this.problemsBefore = problems.size();
  }

  int line() {
    return line;
  }

  boolean valid() {
    return problems.size() == problemsBefore;
  }

  /** The stripped text of a column, empty when the column is absent or blank. */
  String text(String column) {
    Integer index = columns.get(column);
    return index == null ? "" : fields.get(index).strip();
  }

  /** A price >= 0; null when blank and optional. */
  @Nullable BigDecimal price(String column, boolean required) {
    BigDecimal value = decimal(column, required, "a price in USD per hour such as 12.50");
    if (value != null && value.signum() < 0) {
      problem(column, "price cannot be negative (got " + text(column) + ", expected a price >= 0)");
      return null;
    }
    return value;
  }

  /** An accelerator count > 0, possibly fractional; null after a problem. */
  @Nullable BigDecimal count(String column) {
    BigDecimal value = decimal(column, true, "an accelerator count such as 8");
    if (value == null) {
      return null;
    }
    if (value.signum() <= 0) {
      problem(
          column,
          "accelerator count must be positive (got "
              + text(column)
              + ", expected a count of at least 1)");
      return null;
    }
    if (value.compareTo(MAX_COUNT) > 0) {
      problem(
          column,
          "accelerator count is implausibly large (got "
              + text(column)
              + ", expected at most "
              + MAX_COUNT
              + ")");
      return null;
    }
    return value;
  }

  /** A non-blank text; records a problem when blank. */
  String required(String column, String expected) {
    String value = text(column);
    if (value.isEmpty()) {
      problem(column, "is empty (got \"\", expected " + expected + ")");
    }
    return value;
  }

  void problem(String column, String message) {
    problems.add(new Problem(file, line, 0, column, message));
  }

  private @Nullable BigDecimal decimal(String column, boolean required, String expected) {
    String raw = text(column);
    if (raw.isEmpty()) {
      if (required) {
        problem(column, "is empty (got \"\", expected " + expected + ")");
      }
      return null;
    }
    if (!DECIMAL.matcher(raw).matches()) {
      problem(column, "not a number (got " + raw + ", expected " + expected + ")");
      return null;
    }
    return new BigDecimal(raw.startsWith("+") ? raw.substring(1) : raw);
  }
}

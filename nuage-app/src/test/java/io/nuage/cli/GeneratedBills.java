package io.nuage.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A generated FOCUS CSV read back from its text alone (Apache Commons CSV, Jackson for the JSON
 * cells, exact BigDecimal): the independent side of the checks on {@code generate-billing
 * --from-plan}, and of the end-to-end check that the ledger's consumption of each contract equals
 * what the bills apply to it ({@link #applied}).
 */
final class GeneratedBills {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();
  private final List<Map<String, String>> rows;

  private GeneratedBills(List<Map<String, String>> rows) {
    this.rows = rows;
  }

  static GeneratedBills read(Path csv) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv)) {
      for (CSVRecord r :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in))
        rows.add(r.toMap());
    }
    return new GeneratedBills(rows);
  }

  List<Map<String, String>> rows() {
    return rows;
  }

  List<Map<String, String>> rows(Predicate<Map<String, String>> which) {
    return rows.stream().filter(which).toList();
  }

  /** The decimal in a cell, zero when empty. */
  static BigDecimal decimal(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null || v.isEmpty() ? BigDecimal.ZERO : new BigDecimal(v);
  }

  /** The {@code YYYY-MM} of the row's charge period start. */
  static String month(Map<String, String> row) {
    return row.get("ChargePeriodStart").substring(0, 7);
  }

  /** Σ column per key (e.g. provider and month), exact. */
  SortedMap<String, BigDecimal> sum(
      String column,
      Predicate<Map<String, String>> which,
      java.util.function.Function<Map<String, String>, String> key) {
    SortedMap<String, BigDecimal> out = new TreeMap<>();
    for (Map<String, String> r : rows(which))
      out.merge(key.apply(r), decimal(r, column), BigDecimal::add);
    out.replaceAll((k, v) -> v.stripTrailingZeros());
    return out;
  }

  /** The elements of a row's {@code ContractApplied}, empty when it has none. */
  static List<JsonNode> elements(Map<String, String> row) {
    String cell = row.get("ContractApplied");
    if (cell == null || cell.isEmpty()) return List.of();
    try {
      List<JsonNode> out = new ArrayList<>();
      JSON.readTree(cell).get("Elements").forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("ContractApplied is not JSON: " + cell, e);
    }
  }

  /** An element's amount, exact (read from the JSON text, not through a double). */
  static BigDecimal amount(JsonNode element, String key) {
    JsonNode v = element.get(key);
    return v == null || v.isNull() ? BigDecimal.ZERO : v.decimalValue();
  }

  /**
   * What the rows apply to each contract, from {@code ContractApplied} alone: per {@code
   * ContractId}, the applied cost ({@code cost}) and the applied hours ({@code hours}).
   */
  SortedMap<String, Applied> applied() {
    SortedMap<String, Applied> out = new TreeMap<>();
    for (Map<String, String> r : rows) {
      for (JsonNode e : elements(r)) {
        Applied a =
            new Applied(
                amount(e, "ContractCommitmentAppliedCost"),
                amount(e, "ContractCommitmentAppliedQuantity"));
        out.merge(e.get("ContractId").asText(), a, Applied::plus);
      }
    }
    return out;
  }

  /** Applied cost and quantity (hours) of one contract or commitment. */
  record Applied(BigDecimal cost, BigDecimal hours) {
    Applied plus(Applied o) {
      return new Applied(cost.add(o.cost), hours.add(o.hours));
    }
  }
}

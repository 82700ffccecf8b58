package io.nuage.catalog.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {
  @Test
  void quotedFields_keepCommasAndDoubledQuotes() throws Exception {
    CsvTable t = CsvTable.parse("a,b,c\n1,\"x, \"\"y\"\"\",3\n").orElseThrow();
    assertThat(t.header()).containsExactly("a", "b", "c");
    assertThat(t.rows().getFirst().fields()).containsExactly("1", "x, \"y\"", "3");
  }

  @Test
  void crlfBomAndBlankLines_areHandledAndLinesCounted() throws Exception {
    CsvTable t = CsvTable.parse("\uFEFFa,b\r\n\r\n1,2\r\n3,4").orElseThrow();
    assertThat(t.header()).containsExactly("a", "b");
    assertThat(t.rows()).extracting(CsvTable.Row::line).containsExactly(3, 4);
  }

  @Test
  void quotedNewline_keepsTheStartingLineAndCountsTheNext() throws Exception {
    CsvTable t = CsvTable.parse("a,b\n\"x\ny\",1\n2,3\n").orElseThrow();
    assertThat(t.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4);
    assertThat(t.rows().getFirst().fields()).containsExactly("x\ny", "1");
  }

  @Test
  void emptyFields_areKept() throws Exception {
    CsvTable t = CsvTable.parse("a,b,c\n,,\n").orElseThrow();
    assertThat(t.rows().getFirst().fields()).isEqualTo(List.of("", "", ""));
  }

  @Test
  void emptyText_hasNoTable() throws Exception {
    assertThat(CsvTable.parse("")).isEmpty();
    assertThat(CsvTable.parse("\n\r\n")).isEmpty();
  }

  @Test
  void unterminatedQuote_namesItsLine() {
    assertThatThrownBy(() -> CsvTable.parse("a,b\n1,2\n\"open,3\n"))
        .isInstanceOfSatisfying(
            CsvTable.UnterminatedQuote.class, e -> assertThat(e.line).isEqualTo(3));
  }
}

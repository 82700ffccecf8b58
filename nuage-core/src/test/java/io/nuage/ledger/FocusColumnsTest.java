package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FocusColumnsTest {
  @Test
  void catalog_matchesColumnsMdFromTheSpec() throws IOException {
    var rows =
        Files.readAllLines(SharedData.file("focus/COLUMNS.md")).stream()
            .filter(l -> l.startsWith("| ") && !l.startsWith("| Column ID"))
            .filter(l -> Character.isUpperCase(l.charAt(2)))
            .toList();
    assertThat(rows).hasSize(57);
    assertThat(FocusColumns.all()).hasSize(57);
    for (String row : rows) {
      String[] cells = row.split("\\|");
      FocusColumn c = FocusColumns.find(cells[1].strip()).orElseThrow();
      assertThat(c.level().name()).isEqualToIgnoringCase(cells[4].strip());
      assertThat(c.nullable()).isEqualTo(Boolean.parseBoolean(cells[6].strip()));
    }
    var mandatory = FocusColumns.all().stream().filter(FocusColumn::mandatory).map(FocusColumn::id);
    assertThat(mandatory.collect(Collectors.toList())).hasSize(21);
  }

  @Test
  void find_isCaseInsensitiveAsRealExportsNeed() {
    assertThat(FocusColumns.find("SkuPriceid")).map(FocusColumn::id).hasValue("SkuPriceId");
    assertThat(FocusColumns.find("x_CommitmentDiscountUnitPrice")).isEmpty();
  }
}

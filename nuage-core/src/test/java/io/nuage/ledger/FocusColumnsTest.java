package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.nuage.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
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
    assertThat(FocusColumns.all()).hasSize(60);
    assertThat(FocusColumns.all().subList(0, 57)).allMatch(c -> c.since() != FocusVersion.V1_3);
    for (String row : rows) {
      String[] cells = row.split("\\|");
      FocusColumn c = FocusColumns.find(cells[1].strip()).orElseThrow();
      assertThat(c.level().name()).isEqualToIgnoringCase(cells[4].strip());
      assertThat(c.nullable()).isEqualTo(Boolean.parseBoolean(cells[6].strip()));
    }
    var mandatory = FocusColumns.all().stream().filter(FocusColumn::mandatory).map(FocusColumn::id);
    assertThat(mandatory.collect(Collectors.toList())).hasSize(23);
  }

  @Test
  void the13Columns_matchColumns13MdFromTheSpec() throws IOException {
    var rows =
        Files.readAllLines(SharedData.file("focus/focus-1.3/COLUMNS-1.3.md")).stream()
            .filter(l -> l.startsWith("| `"))
            .toList();
    for (String id : List.of("ContractApplied", "HostProviderName", "ServiceProviderName")) {
      String row = rows.stream().filter(l -> l.startsWith("| `" + id + "`")).findFirst().get();
      FocusColumn c = FocusColumns.find(id).orElseThrow();
      assertThat(c.since()).isEqualTo(FocusVersion.V1_3);
      // the feature level is the fourth cell of the "Cost and Usage columns new in 1.3" table
      assertThat(row.split("\\|")[3]).containsIgnoringCase(c.level().name().substring(0, 5));
    }
    // a 1.2 file need not carry the 1.3 columns; a 1.3 file must carry ServiceProviderName
    FocusColumn spn = FocusColumns.find("ServiceProviderName").orElseThrow();
    assertThat(FocusColumns.requiredIn(spn, FocusVersion.V1_2)).isFalse();
    assertThat(FocusColumns.requiredIn(spn, FocusVersion.V1_3)).isTrue();
    assertThat(spn.nullable()).isFalse();
    assertThat(FocusColumns.find("HostProviderName").orElseThrow().nullable()).isTrue();
  }

  @Test
  void find_isCaseInsensitiveAsRealExportsNeed() {
    assertThat(FocusColumns.find("SkuPriceid")).map(FocusColumn::id).hasValue("SkuPriceId");
    assertThat(FocusColumns.find("x_CommitmentDiscountUnitPrice")).isEmpty();
  }
}

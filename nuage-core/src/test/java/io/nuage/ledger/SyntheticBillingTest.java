package io.nuage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticBillingTest {
  static String generate(long rows, long seed, long badLine) throws IOException {
    var out = new StringWriter();
    new SyntheticBilling(rows, seed, badLine).write(out);
    return out.toString();
  }

  @Test
  void sameSeed_sameBytes_otherSeed_otherBytes() throws IOException {
    assertThat(generate(2_000, 5, 0)).isEqualTo(generate(2_000, 5, 0));
    assertThat(generate(2_000, 5, 0)).isNotEqualTo(generate(2_000, 6, 0));
  }

  @Test
  void rows_exactlyAsAskedWithTheFocusHeader() throws IOException {
    String[] lines = generate(12_345, 1, 0).split("\n");
    assertThat(lines).hasSize(12_346);
    assertThat(List.of(lines[0].split(","))).isEqualTo(SyntheticBilling.COLUMNS);
    for (String c : SyntheticBilling.COLUMNS) assertThat(FocusColumns.find(c)).isPresent();
  }

  @Test
  void providerMix_followsTheFinOpsSample() throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    String[] lines = generate(30_000, 3, 0).split("\n");
    int provider = SyntheticBilling.COLUMNS.indexOf("ProviderName");
    for (int i = 1; i < lines.length; i++)
      counts.merge(split(lines[i]).get(provider), 1, Integer::sum);
    // the sample: AWS 942, Microsoft 51, Oracle 7 of 1,000
    assertThat(counts.get("AWS") / 30_000.0).isCloseTo(0.942, within(0.01));
    assertThat(counts.get("Microsoft") / 30_000.0).isCloseTo(0.051, within(0.01));
    assertThat(counts.get("Oracle") / 30_000.0).isCloseTo(0.007, within(0.005));
  }

  @Test
  void commitments_obeyTheFocusBalanceRuleEachMonth() throws IOException {
    String[] lines = generate(100_000, 9, 0).split("\n");
    List<String> h = SyntheticBilling.COLUMNS;
    Map<String, BigDecimal> purchased = new HashMap<>();
    Map<String, BigDecimal> drawn = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      List<String> f = split(lines[i]);
      String id = f.get(h.indexOf("CommitmentDiscountId"));
      if (id.equals("NULL")) continue;
      String key = id + "@" + f.get(h.indexOf("BillingPeriodStart"));
      if (f.get(h.indexOf("ChargeCategory")).equals("Purchase"))
        purchased.merge(key, new BigDecimal(f.get(h.indexOf("BilledCost"))), BigDecimal::add);
      else drawn.merge(key, new BigDecimal(f.get(h.indexOf("EffectiveCost"))), BigDecimal::add);
    }
    assertThat(purchased).hasSize(3 * 2); // 3 commitments x 2 months
    purchased.forEach((k, v) -> assertThat(drawn.get(k)).as(k).isEqualByComparingTo(v));
  }

  @Test
  void badLine_breaksExactlyThatLinesChargePeriodStart() throws IOException {
    String[] good = generate(1_000, 2, 0).split("\n");
    String[] bad = generate(1_000, 2, 500).split("\n");
    for (int i = 0; i < good.length; i++) {
      if (i == 499) {
        assertThat(split(bad[i]).get(12)).endsWith(" 30:00:00");
        assertThat(split(good[i]).get(12)).doesNotEndWith(" 30:00:00");
      } else assertThat(bad[i]).isEqualTo(good[i]);
    }
  }

  static List<String> split(String line) {
    var out = new ArrayList<String>();
    var cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') quoted = false;
        else cur.append(ch);
      } else if (ch == '"') quoted = true;
      else if (ch == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(ch);
    }
    out.add(cur.toString());
    return out;
  }
}

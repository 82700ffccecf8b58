package io.nuage.cli;

import io.nuage.store.ledger.Totals;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The independent side of every exactness check: per-provider sums of BilledCost, EffectiveCost and
 * ListCost computed with BigDecimal straight from a FOCUS CSV's text, sharing no code with the
 * ingest.
 */
final class SourceTotals {
  private SourceTotals() {}

  static SortedMap<String, Totals> byProvider(Path csv) throws IOException {
    var out = new TreeMap<String, Totals>();
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      List<String> header = split(in.readLine());
      // FOCUS 1.3's provider is the ServiceProviderName (docs/ledger.md, "Providers")
      int provider =
          header.contains("ServiceProviderName")
              ? header.indexOf("ServiceProviderName")
              : header.indexOf("ProviderName");
      int billed = header.indexOf("BilledCost");
      int effective = header.indexOf("EffectiveCost");
      int list = header.indexOf("ListCost");
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = split(line);
        var row = new Totals(1, money(f.get(billed)), money(f.get(effective)), money(f.get(list)));
        out.merge(f.get(provider), row, Totals::plus);
      }
    }
    return out;
  }

  static Totals total(Path... csvs) throws IOException {
    Totals sum = Totals.ZERO;
    for (Path csv : csvs) for (Totals t : byProvider(csv).values()) sum = sum.plus(t);
    return sum;
  }

  private static BigDecimal money(String text) {
    return text.isEmpty() || text.equals("NULL") ? BigDecimal.ZERO : new BigDecimal(text);
  }

  /** RFC 4180 split of one record (the test files have no line breaks inside fields). */
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

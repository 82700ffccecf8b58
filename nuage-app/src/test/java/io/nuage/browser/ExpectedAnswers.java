package io.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The headline band's five answers computed from the JSON the API serves (plan JSON, draw-down
 * JSON), with Jackson and BigDecimal, independently of the page; and the check that the page shows
 * exactly them.
 */
public final class ExpectedAnswers {
  /** The five answers every first screen must show. */
  public static final List<String> FIVE =
      List.of("committed", "planned", "shortfall", "atcap", "savings");

  private ExpectedAnswers() {}

  /**
   * Asserts the band: {@code book} is the draw-down with bills (ledger mode) or of no bills at the
   * horizon's start (every contract's minimums); {@code withBills} says which.
   */
  public static void assertBand(
      Page page, JsonNode plan, JsonNode book, boolean withBills, Map<String, String> caps) {
    assertThat(money(value(page, "committed"))).isEqualByComparingTo(committed(book));
    assertThat(value(page, "planned")).isEqualTo(plan.get("totalCost").asText());
    assertThat(money(value(page, "shortfall")))
        .isEqualByComparingTo(withBills ? ledgerShortfall(book) : planShortfall(plan));
    assertThat(money(page.getAttribute(".answer[data-answer=shortfall]", "data-unused")))
        .as("reservations and storage left unused")
        .isEqualByComparingTo(unused(book));
    assertThat(page.getAttribute(".answer[data-answer=shortfall]", "data-as-of"))
        .isEqualTo(withBills ? book.get("asOf").asText() : "");
    assertThat(set(value(page, "atcap"))).isEqualTo(atCap(plan, withBills ? book : null, caps));
    assertThat(value(page, "savings")).isEqualTo(savings(plan));
    for (JsonNode b : plan.get("baselines")) {
      if (b.get("totalCost").isNull()) continue;
      BigDecimal saving =
          new BigDecimal(b.get("totalCost").asText())
              .subtract(new BigDecimal(plan.get("totalCost").asText()));
      assertThat(
              page.getAttribute(
                  ".answer[data-answer=savings] li[data-baseline='" + b.get("name").asText() + "']",
                  "data-percent"))
          .isEqualTo(
              saving
                  .multiply(BigDecimal.valueOf(100))
                  .divide(new BigDecimal(b.get("totalCost").asText()), 2, RoundingMode.HALF_UP)
                  .toPlainString());
    }
    List<String> levers = levers(plan);
    assertThat(value(page, "levers")).isEqualTo(String.join(" ", levers));
    // a shadow price is a rate at the margin, said rounded; contract years count from 1
    for (JsonNode b : plan.get("binding")) {
      String constraint = b.get("constraint").asText();
      if (!levers.contains(constraint)) continue;
      String words =
          page.locator(".answer[data-answer=levers] li[data-constraint='" + constraint + "']")
              .innerText();
      assertThat(words).as(constraint).contains("would save about ").contains("at the margin");
      String[] key =
          constraint.substring(constraint.indexOf('[') + 1, constraint.length() - 1).split(",");
      if (constraint.startsWith("minimum["))
        assertThat(words).as(constraint).contains(" y" + (Integer.parseInt(key[1]) + 1) + "'s ");
      if (constraint.startsWith("share["))
        assertThat(words).as(constraint).contains(key[0]).contains(key[1]).contains("per point");
    }
  }

  /**
   * The most valuable lever of each kind (share, capacity, minimum: shadow prices in different
   * units, never ranked against each other), kinds in the order of their first binding constraint,
   * at most three.
   */
  public static List<String> levers(JsonNode plan) {
    java.util.LinkedHashMap<String, JsonNode> best = new java.util.LinkedHashMap<>();
    for (JsonNode b : plan.get("binding")) {
      String constraint = b.get("constraint").asText();
      int bracket = constraint.indexOf('[');
      String kind = bracket < 0 ? constraint : constraint.substring(0, bracket);
      JsonNode held = best.get(kind);
      if (held == null
          || new BigDecimal(b.get("shadowPrice").asText())
                  .compareTo(new BigDecimal(held.get("shadowPrice").asText()))
              > 0) best.put(kind, b);
    }
    return best.values().stream().limit(3).map(b -> b.get("constraint").asText()).toList();
  }

  /** Each of the five answers is on the first screen: visible, inside the viewport, unscrolled. */
  public static void assertOnFirstScreen(Page page, int width, int height) {
    assertThat(page.evaluate("() => window.scrollY")).isEqualTo(0);
    for (String answer : FIVE) {
      Locator box = page.locator(".answer[data-answer=" + answer + "]");
      assertThat(box.isVisible()).as(answer + " visible").isTrue();
      BoundingBox b = box.boundingBox();
      assertThat(b.y).as(answer + " top").isGreaterThanOrEqualTo(0);
      assertThat(b.y + b.height).as(answer + " bottom").isLessThanOrEqualTo(height);
      assertThat(b.x + b.width).as(answer + " right").isLessThanOrEqualTo(width);
      assertThat(
              page.locator(
                      ".answer[data-answer="
                          + answer
                          + "] .figure, .answer[data-answer="
                          + answer
                          + "] li")
                  .first()
                  .innerText())
          .as(answer + " shows a figure")
          .isNotBlank();
    }
  }

  static String value(Page page, String answer) {
    String v = page.getAttribute(".answer[data-answer=" + answer + "]", "data-value");
    assertThat(v).as("data-value of " + answer).isNotNull();
    return v;
  }

  private static BigDecimal money(String text) {
    return new BigDecimal(text);
  }

  private static TreeSet<String> set(String text) {
    TreeSet<String> out = new TreeSet<>();
    for (String s : text.split(" ")) if (!s.isBlank()) out.add(s);
    return out;
  }

  /**
   * Σ every contract's commitment in money (a reservation's committedCost, its GPU-hours aside).
   */
  public static BigDecimal committed(JsonNode book) {
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode c : book.get("contracts")) {
      JsonNode cost = c.get("committedCost");
      total =
          total.add(
              new BigDecimal(
                  cost != null && !cost.isNull() ? cost.asText() : c.get("committed").asText()));
    }
    return total;
  }

  static BigDecimal planShortfall(JsonNode plan) {
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode c : plan.get("contracts")) {
      if (c.get("takeOrPay").asBoolean())
        total = total.add(new BigDecimal(c.get("shortfall").asText()));
    }
    return total;
  }

  /**
   * Σ over take-or-pay contracts and each of their years, not-started ones included, of max(0,
   * committed − projected): a year over its minimum does not pay for a year under it.
   */
  public static BigDecimal ledgerShortfall(JsonNode ledger) {
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode c : ledger.get("contracts")) {
      if (!"true-up".equals(c.get("shortfallKind").asText())) continue;
      for (JsonNode y : c.path("years")) {
        if (y.path("projected").isNull() || y.path("projected").isMissingNode()) continue;
        BigDecimal short_ =
            new BigDecimal(y.get("committed").asText())
                .subtract(new BigDecimal(y.get("projected").asText()));
        if (short_.signum() > 0) total = total.add(short_);
      }
    }
    return total;
  }

  /**
   * Σ over reservations and storage commitments and each of their years of max(0, committed −
   * projected) in money (a reservation's GPU-hours at its pricePerUnit): paid for, never used.
   */
  public static BigDecimal unused(JsonNode book) {
    BigDecimal total = BigDecimal.ZERO;
    String currency = book.path("currency").asText("USD");
    for (JsonNode c : book.get("contracts")) {
      if (!"unused".equals(c.path("shortfallKind").asText())) continue;
      BigDecimal price =
          c.path("unit").asText(currency).equals(currency)
              ? BigDecimal.ONE
              : new BigDecimal(c.get("pricePerUnit").asText());
      for (JsonNode y : c.path("years")) {
        if (y.path("projected").isNull() || y.path("projected").isMissingNode()) continue;
        BigDecimal left =
            new BigDecimal(y.get("committed").asText())
                .subtract(new BigDecimal(y.get("projected").asText()));
        if (left.signum() > 0) total = total.add(left.multiply(price));
      }
    }
    return total;
  }

  static TreeSet<String> atCap(JsonNode plan, @Nullable JsonNode ledger, Map<String, String> caps) {
    TreeSet<String> out = new TreeSet<>();
    for (JsonNode p : plan.get("providers")) {
      String cap = caps.getOrDefault(p.get("provider").asText(), caps.get("*"));
      if (cap != null
          && new BigDecimal(p.get("share").asText()).compareTo(new BigDecimal(cap)) >= 0) {
        out.add(p.get("provider").asText() + ":" + p.get("year").asInt() + ":plan");
      }
    }
    if (ledger != null) {
      for (JsonNode s : ledger.get("shares")) {
        if (s.get("cap").isNull()) continue;
        boolean over =
            s.get("over").asBoolean()
                || new BigDecimal(s.get("share").asText())
                        .compareTo(new BigDecimal(s.get("cap").asText()))
                    >= 0;
        if (over) out.add(s.get("provider").asText() + ":" + s.get("year").asInt() + ":actual");
      }
    }
    return out;
  }

  static String savings(JsonNode plan) {
    List<String> out = new ArrayList<>();
    BigDecimal total = new BigDecimal(plan.get("totalCost").asText());
    for (JsonNode b : plan.get("baselines")) {
      if (b.get("totalCost").isNull()) continue;
      out.add(
          b.get("name").asText()
              + ":"
              + new BigDecimal(b.get("totalCost").asText()).subtract(total).toPlainString());
    }
    return String.join(" ", out);
  }
}

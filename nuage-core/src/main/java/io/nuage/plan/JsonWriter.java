package io.nuage.plan;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * A minimal JSON writer, one value per line: enough for plans, with money as decimal strings. The
 * core may use no JSON library (CorePurityTest), so the plan's writers share this one.
 */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder();
  private final Deque<Boolean> needsComma = new ArrayDeque<>();
  private boolean afterName;

  public JsonWriter begin(char bracket) {
    separate();
    out.append(bracket);
    needsComma.push(false);
    return this;
  }

  public JsonWriter end(char bracket) {
    needsComma.pop();
    out.append('\n').append("  ".repeat(needsComma.size())).append(bracket);
    return this;
  }

  public JsonWriter name(String name) {
    separate();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  public JsonWriter field(String name, @Nullable Object value) {
    return name(name).value(value);
  }

  /** The field when {@code when}, else nothing. */
  public JsonWriter fieldIf(boolean when, String name, @Nullable Object value) {
    return when ? field(name, value) : this;
  }

  public JsonWriter value(@Nullable Object value) {
    separate();
    switch (value) {
      case null -> out.append("null");
      case BigDecimal b -> string(b.toPlainString());
      case Boolean b -> out.append(b);
      case Integer i -> out.append(i);
      case Long l -> out.append(l);
      case Double d -> out.append(Double.isFinite(d) ? String.valueOf(d) : "null");
      default -> string(value.toString());
    }
    return this;
  }

  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (needsComma.isEmpty()) return;
    if (needsComma.peek()) out.append(',');
    needsComma.pop();
    needsComma.push(true);
    out.append('\n').append("  ".repeat(needsComma.size()));
  }

  private void string(String s) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}

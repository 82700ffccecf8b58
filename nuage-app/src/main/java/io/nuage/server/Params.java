package io.nuage.server;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Query parameters, each refused with a 400 that names it, the value and what was expected. */
final class Params {
  private Params() {}

  static String required(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new HttpProblem.BadRequest("query parameter '" + name + "' is required");
    }
    return value;
  }

  static @Nullable String optional(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value;
  }

  static int integer(Context ctx, String name, int fallback, int min, int max) {
    String value = optional(ctx, name);
    if (value == null) return fallback;
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new HttpProblem.BadRequest(
        "query parameter '"
            + name
            + "' (got '"
            + value
            + "', expected an integer from "
            + min
            + " to "
            + max
            + ")");
  }

  static @Nullable BigDecimal decimal(Context ctx, String name) {
    String value = optional(ctx, name);
    if (value == null) return null;
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new HttpProblem.BadRequest(
          "query parameter '" + name + "' (got '" + value + "', expected a decimal number)");
    }
  }

  static @Nullable LocalDate date(Context ctx, String name) {
    String value = optional(ctx, name);
    if (value == null) return null;
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new HttpProblem.BadRequest(
          "query parameter '" + name + "' (got '" + value + "', expected YYYY-MM-DD)");
    }
  }

  /** A file name given by the uploader, kept only if it is a plain name (used in messages). */
  static String fileName(Context ctx, String fallback) {
    String value = optional(ctx, "name");
    if (value == null) return fallback;
    if (value.length() > 200 || !value.matches("[A-Za-z0-9._ -]+")) {
      throw new HttpProblem.BadRequest(
          "query parameter 'name' (got '"
              + value
              + "', expected a plain file name of letters, digits, '.', '_', '-' and spaces)");
    }
    return value;
  }
}

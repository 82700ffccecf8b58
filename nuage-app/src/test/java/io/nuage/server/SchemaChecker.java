package io.nuage.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A small JSON Schema (2020-12 subset, as OpenAPI 3.1 uses it) checker for the response shapes:
 * {@code $ref} to components, {@code type} (one or a list, with "null"), {@code required}, {@code
 * properties}, {@code items}, {@code enum}, {@code oneOf}, {@code pattern}, {@code minimum} and
 * {@code maximum}. Written here rather than taken from a library because these nine keywords are
 * all the document uses and the checker stays readable in one screen.
 */
final class SchemaChecker {
  private final JsonNode document;

  SchemaChecker(JsonNode document) {
    this.document = document;
  }

  List<String> check(JsonNode value, JsonNode schema, String where) {
    var errors = new ArrayList<String>();
    check(value, schema, where, errors);
    return errors;
  }

  private void check(JsonNode value, JsonNode schema, String where, List<String> errors) {
    if (schema.has("$ref")) {
      check(value, resolve(schema.get("$ref").asText()), where, errors);
      return;
    }
    if (schema.has("oneOf")) {
      int matching = 0;
      for (JsonNode option : schema.get("oneOf")) {
        if (check(value, option, where).isEmpty()) matching++;
      }
      if (matching != 1) errors.add(where + ": matches " + matching + " of oneOf, expected 1");
      return;
    }
    if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
      errors.add(where + ": got " + kind(value) + ", expected " + schema.get("type"));
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.get("enum")) found |= allowed.equals(value);
      if (!found) errors.add(where + ": got " + value + ", expected one of " + schema.get("enum"));
    }
    if (value.isTextual() && schema.has("pattern")) {
      if (!Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
        errors.add(where + ": got '" + value.asText() + "', expected " + schema.get("pattern"));
      }
    }
    if (value.isNumber()) {
      BigDecimal n = value.decimalValue();
      if (schema.has("minimum") && n.compareTo(schema.get("minimum").decimalValue()) < 0) {
        errors.add(where + ": " + n + " is below the minimum " + schema.get("minimum"));
      }
      if (schema.has("maximum") && n.compareTo(schema.get("maximum").decimalValue()) > 0) {
        errors.add(where + ": " + n + " is above the maximum " + schema.get("maximum"));
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          errors.add(where + ": required field '" + required.asText() + "' is missing");
        }
      }
      var properties = schema.path("properties").properties();
      for (var property : properties) {
        JsonNode field = value.get(property.getKey());
        if (field != null) {
          check(field, property.getValue(), where + "." + property.getKey(), errors);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(value.get(i), schema.get("items"), where + "[" + i + "]", errors);
      }
    }
  }

  JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local refs: " + ref);
    JsonNode node = document.at(ref.substring(1));
    if (node.isMissingNode()) throw new IllegalArgumentException("unresolved ref " + ref);
    return node;
  }

  private static boolean typeMatches(JsonNode value, JsonNode type) {
    if (type.isArray()) {
      for (JsonNode t : type) if (typeMatches(value, t)) return true;
      return false;
    }
    return switch (type.asText()) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static String kind(JsonNode value) {
    return value.getNodeType().name().toLowerCase();
  }
}

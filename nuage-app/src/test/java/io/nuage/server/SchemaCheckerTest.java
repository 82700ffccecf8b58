package io.nuage.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaCheckerTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode read(String s) throws Exception {
    return json.readTree(s);
  }

  @Test
  void check_reportsEachKindOfMismatch() throws Exception {
    JsonNode doc =
        read(
            """
            {"components": {"schemas": {
              "Money": {"type": "string", "pattern": "^-?[0-9]+(\\\\.[0-9]+)?$"},
              "Row": {"type": "object", "required": ["id", "cost"], "properties": {
                "id": {"type": "string"}, "cost": {"$ref": "#/components/schemas/Money"},
                "kind": {"type": "string", "enum": ["a", "b"]},
                "share": {"type": "number", "minimum": 0, "maximum": 1},
                "note": {"type": ["string", "null"]}}}}}}
            """);
    var checker = new SchemaChecker(doc);
    JsonNode schema =
        read("{\"type\": \"array\", \"items\": {\"$ref\": \"#/components/schemas/Row\"}}");

    assertThat(
            checker.check(
                read("[{\"id\": \"x\", \"cost\": \"12.50\", \"kind\": \"a\", \"note\": null}]"),
                schema,
                "$"))
        .isEmpty();
    assertThat(
            checker.check(
                read(
                    "[{\"cost\": 12.5, \"kind\": \"c\", \"share\": 2, \"note\": 3}, {\"id\": 1,"
                        + " \"cost\": \"1e5\"}]"),
                schema,
                "$"))
        .containsExactlyInAnyOrder(
            "$[0]: required field 'id' is missing",
            "$[0].cost: got number, expected \"string\"",
            "$[0].kind: got \"c\", expected one of [\"a\",\"b\"]",
            "$[0].share: 2 is above the maximum 1",
            "$[0].note: got number, expected [\"string\",\"null\"]",
            "$[1].id: got number, expected \"string\"",
            "$[1].cost: got '1e5', expected \"^-?[0-9]+(\\\\.[0-9]+)?$\"");
  }
}

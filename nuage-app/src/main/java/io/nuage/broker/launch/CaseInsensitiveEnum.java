package io.nuage.broker.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbstractKeyword;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * SkyPilot's {@code case_insensitive_enum} keyword (on {@code cloud}): the value, lower-cased, is
 * one of the listed ones, lower-cased. SkyPilot adds it to its Draft-7 validator; without it a
 * plain validator would let {@code cloud: aws2} through.
 */
final class CaseInsensitiveEnum extends AbstractKeyword {
  static final String NAME = "case_insensitive_enum";

  CaseInsensitiveEnum() {
    super(NAME);
  }

  @Override
  public JsonValidator newValidator(
      SchemaLocation location,
      JsonNodePath evaluationPath,
      JsonNode schemaNode,
      JsonSchema parentSchema,
      ValidationContext context) {
    Set<String> allowed = new TreeSet<>();
    schemaNode.forEach(v -> allowed.add(v.asText().toLowerCase(Locale.ROOT)));
    return new JsonValidator() {
      @Override
      public Set<ValidationMessage> validate(
          ExecutionContext ec, JsonNode node, JsonNode root, JsonNodePath at) {
        if (!node.isTextual() || allowed.contains(node.asText().toLowerCase(Locale.ROOT)))
          return Set.of();
        String text = at + ": " + node + " is not one of " + allowed + " (in any case)";
        return Set.of(
            ValidationMessage.builder()
                .type(NAME)
                .code(NAME)
                .instanceLocation(at)
                .schemaLocation(location)
                .evaluationPath(evaluationPath)
                .messageSupplier(() -> text)
                .build());
      }

      @Override
      public Set<ValidationMessage> walk(
          ExecutionContext ec, JsonNode node, JsonNode root, JsonNodePath at, boolean validate) {
        return validate ? validate(ec, node, root, at) : Set.of();
      }

      @Override
      public SchemaLocation getSchemaLocation() {
        return location;
      }

      @Override
      public JsonNodePath getEvaluationPath() {
        return evaluationPath;
      }

      @Override
      public String getKeyword() {
        return NAME;
      }
    };
  }
}

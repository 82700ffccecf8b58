package io.nuage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import io.nuage.testing.SharedData;
import java.util.List;

/**
 * The launchers' schemas in shared/data/broker, read by the validator library set up here on its
 * own (draft 2020-12, JDK regex as PROVENANCE.md asks), not through the product's loader.
 */
final class SchemaCheck {
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          b ->
              b.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                      .unknownKeywordFactory((k, c) -> new AnnotationKeyword(k))
                      .build()));
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder()
          .regularExpressionFactory(JDKRegularExpressionFactory.getInstance())
          .build();

  List<String> problems(String relative, JsonNode document) throws Exception {
    ObjectNode schema =
        (ObjectNode)
            new ObjectMapper()
                .readTree(SharedData.root().resolve("broker").resolve(relative).toFile());
    schema.remove("$schema");
    return factory.getSchema(schema, config).validate(document).stream()
        .map(ValidationMessage::getMessage)
        .toList();
  }
}

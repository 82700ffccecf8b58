package io.nuage.broker.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;

/** The YAML the broker writes: block style, no document marker, strings quoted only when needed. */
final class LaunchYaml {
  static final YAMLMapper MAPPER =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private LaunchYaml() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The document, after {@code comment} lines (each prefixed with {@code # }). */
  static String write(JsonNode document, java.util.List<String> comment) {
    StringBuilder out = new StringBuilder();
    for (String line : comment) out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    try {
      return out.append(MAPPER.writeValueAsString(document)).toString();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.nuage.broker.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import io.nuage.core.NuageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The launchers' own JSON schemas (shared/data/broker, docs/broker.md "Validation"), loaded with a
 * draft 2020-12 validator (networknt) with the JDK's regex engine (the patterns are RE2 syntax,
 * which ECMA-262 rejects), SkyPilot's {@code case_insensitive_enum} keyword and Kubernetes' {@code
 * x-kubernetes-*} keywords kept as annotations.
 */
public final class LauncherSchemas {
  static final String TASK = "skypilot/task.schema.json";
  static final String RESOURCES = "skypilot/resources.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder()
          .regularExpressionFactory(JDKRegularExpressionFactory.getInstance())
          .build();
  private final Map<String, JsonSchema> loaded = new ConcurrentHashMap<>();

  private LauncherSchemas(Path dir) {
    this.dir = dir;
    JsonMetaSchema meta =
        JsonMetaSchema.builder(JsonMetaSchema.getV202012())
            .keyword(new CaseInsensitiveEnum())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    this.factory =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.metaSchema(meta));
  }

  /**
   * The schemas in {@code option} when given, else the first of {@code $NUAGE_SHARED_DATA/broker},
   * {@code <nuage.home>/../shared/data/broker}, and {@code shared/data/broker} or {@code
   * ../shared/data/broker} from the working folder up.
   */
  public static LauncherSchemas locate(@Nullable Path option) {
    if (option != null) {
      if (!holdsSchemas(option))
        throw new NuageException(
            "--schemas: no launcher schemas in "
                + option
                + " (expected a folder holding "
                + TASK
                + " and kueue/schemas/*.json, as ../shared/data/broker does)");
      return new LauncherSchemas(option.toAbsolutePath().normalize());
    }
    List<Path> tried = new ArrayList<>();
    String env = System.getenv("NUAGE_SHARED_DATA");
    if (env != null && !env.isBlank()) tried.add(Path.of(env, "broker"));
    String home = System.getProperty("nuage.home");
    if (home != null) tried.add(Path.of(home, "..", "shared", "data", "broker"));
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      tried.add(d.resolve("shared/data/broker"));
      tried.add(d.resolve("../shared/data/broker"));
    }
    for (Path p : tried)
      if (holdsSchemas(p)) return new LauncherSchemas(p.toAbsolutePath().normalize());
    throw new NuageException(
        "--schemas: no launcher schemas found (looked in $NUAGE_SHARED_DATA/broker and"
            + " shared/data/broker beside the installation and the working folder); give the"
            + " folder holding "
            + TASK
            + " and kueue/schemas/ with --schemas DIR");
  }

  private static boolean holdsSchemas(Path p) {
    return Files.isRegularFile(p.resolve(TASK))
        && Files.isRegularFile(p.resolve(RESOURCES))
        && Files.isRegularFile(p.resolve("kueue/schemas/ClusterQueue.json"));
  }

  public Path dir() {
    return dir;
  }

  /** The schema file of a Kueue kind, relative to {@link #dir}. */
  static String kueue(String kind) {
    return "kueue/schemas/" + kind + ".json";
  }

  /** Every way {@code document} breaks the schema file {@code relative}: empty when it holds. */
  List<String> problems(String relative, JsonNode document) {
    JsonSchema schema = loaded.computeIfAbsent(relative, this::load);
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : schema.validate(document)) out.add(m.getMessage());
    out.sort(null);
    return out;
  }

  private JsonSchema load(String relative) {
    Path file = dir.resolve(relative);
    try {
      JsonNode node = JSON.readTree(file.toFile());
      if (!(node instanceof ObjectNode object))
        throw new NuageException(file + ": not a JSON schema (expected an object)");
      // each file names its own draft (07 or 2020-12); the keywords they use mean the same in
      // both (shared/data/broker/PROVENANCE.md), so all are read as 2020-12
      ObjectNode copy = object.deepCopy();
      copy.remove("$schema");
      return factory.getSchema(copy, config);
    } catch (IOException e) {
      throw new NuageException(file + ": cannot read the launcher schema (" + e.getMessage() + ")");
    }
  }
}

package io.nuage.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nuage.scenario.Scenario;
import io.nuage.store.server.StoredScenario;
import io.nuage.store.server.StoredScenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploaded scenarios: validated by the CLI's parser before anything is stored, then kept in the
 * store with their YAML; parsed scenarios are cached since a stored one never changes.
 */
final class ScenarioLibrary {
  private final StoredScenarios stored;
  private final ScenarioReader reader;
  private final ObjectMapper json;
  private final Map<String, Scenario> parsed = new ConcurrentHashMap<>();

  ScenarioLibrary(StoredScenarios stored, ScenarioReader reader, ObjectMapper json) {
    this.stored = stored;
    this.reader = reader;
    this.json = json;
  }

  /** Parses (422 with located problems when bad), then stores. */
  StoredScenario upload(String fileName, String yaml) {
    Scenario scenario = reader.read(fileName, yaml);
    String summary;
    try {
      summary = json.writeValueAsString(summary(scenario));
    } catch (Exception e) {
      throw new IllegalStateException("cannot write a scenario summary", e);
    }
    StoredScenario saved = stored.add(scenario.name(), fileName, summary, yaml);
    parsed.put(saved.id(), scenario);
    return saved;
  }

  List<StoredScenario> list() {
    return stored.list();
  }

  StoredScenario get(String id) {
    return stored
        .find(id)
        .orElseThrow(() -> new HttpProblem.NotFound("no scenario with id '" + id + "'"));
  }

  /** The parsed scenario of a stored id (404 when unknown). */
  Scenario scenario(String id) {
    Scenario cached = parsed.get(id);
    if (cached != null) return cached;
    StoredScenario s = get(id);
    Scenario read = reader.read(s.fileName(), s.yaml());
    parsed.put(id, read);
    return read;
  }

  private static Map<String, Object> summary(Scenario s) {
    var out = new LinkedHashMap<String, Object>();
    out.put("horizonStart", s.horizon().start().toString());
    out.put("horizonEnd", s.horizon().end().toString());
    out.put("providers", s.catalog().providers().size());
    out.put("regions", s.catalog().regions().size());
    out.put("offerings", s.catalog().offerings().size());
    out.put("contracts", s.contracts().size());
    out.put("workloads", s.workloads().size());
    // the dashboard's share panel draws each provider's cap from this
    var caps = new java.util.TreeMap<String, String>();
    s.policy().maxShareByProvider().forEach((p, cap) -> caps.put(p, cap.toPlainString()));
    out.put(
        "policy",
        Map.of("maxShare", s.policy().maxShare().toPlainString(), "maxShareByProvider", caps));
    return out;
  }
}

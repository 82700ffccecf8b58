package io.nuage.store.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Scenarios uploaded through the API, kept with their YAML so plans can be re-run from them. */
public final class StoredScenarios {
  private final ConnectionSource db;

  public StoredScenarios(ConnectionSource db) {
    this.db = db;
  }

  /** Stores an already validated scenario and returns it with its new id. */
  public StoredScenario add(String name, String fileName, String summary, String yaml) {
    var scenario =
        new StoredScenario(newId("sc_"), name, fileName, Timestamps.now(), summary, yaml);
    try (Connection c = db.open();
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO stored_scenarios (id, name, file_name, yaml, summary, uploaded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      st.setString(1, scenario.id());
      st.setString(2, name);
      st.setString(3, fileName);
      st.setString(4, yaml);
      st.setString(5, summary);
      Timestamps.set(st, 6, scenario.uploadedAt());
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailure("storing a scenario", e);
    }
    return scenario;
  }

  /** Every stored scenario, newest first. */
  public List<StoredScenario> list() {
    return query("SELECT * FROM stored_scenarios ORDER BY uploaded_at DESC, id", null);
  }

  public Optional<StoredScenario> find(String id) {
    return query("SELECT * FROM stored_scenarios WHERE id = ?", id).stream().findFirst();
  }

  private List<StoredScenario> query(String sql, @Nullable String parameter) {
    try (Connection c = db.open();
        PreparedStatement st = c.prepareStatement(sql)) {
      if (parameter != null) st.setString(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        var out = new ArrayList<StoredScenario>();
        while (rs.next()) {
          out.add(
              new StoredScenario(
                  rs.getString("id"),
                  rs.getString("name"),
                  rs.getString("file_name"),
                  Timestamps.require(rs, "uploaded_at"),
                  rs.getString("summary"),
                  rs.getString("yaml")));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreFailure("reading scenarios", e);
    }
  }

  static String newId(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }
}

package io.nuage.store.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Plan jobs and their results, so a finished plan survives a restart of the server. */
public final class PlanRuns {
  private final ConnectionSource db;

  public PlanRuns(ConnectionSource db) {
    this.db = db;
  }

  public PlanRun add(String scenarioId) {
    return add(scenarioId, "pl_");
  }

  /** A job whose id starts with {@code prefix}, which says its kind (the server's risk jobs). */
  public PlanRun add(String scenarioId, String prefix) {
    var run =
        new PlanRun(
            StoredScenarios.newId(prefix),
            scenarioId,
            PlanStatus.QUEUED,
            Timestamps.now(),
            null,
            null,
            null,
            null,
            null);
    update(
        "INSERT INTO plan_runs (id, scenario_id, status, created_at) VALUES (?, ?, ?, ?)",
        st -> {
          st.setString(1, run.id());
          st.setString(2, scenarioId);
          st.setString(3, run.status().name());
          Timestamps.set(st, 4, run.createdAt());
        });
    return run;
  }

  public void started(String id) {
    update(
        "UPDATE plan_runs SET status = 'RUNNING', started_at = ? WHERE id = ? AND status = 'QUEUED'",
        st -> {
          Timestamps.set(st, 1, Timestamps.now());
          st.setString(2, id);
        });
  }

  /**
   * Records a final status and how far the job had come ({@code progress}, in [0, 1]; null when
   * unknown); a run already finished is left as it is (first outcome wins).
   */
  public void finished(
      String id,
      PlanStatus status,
      @Nullable Double progress,
      @Nullable String resultJson,
      @Nullable String error) {
    if (!status.finished()) throw new IllegalArgumentException("not a final status: " + status);
    if (progress != null && !(progress >= 0 && progress <= 1))
      throw new IllegalArgumentException("progress must be in [0, 1] (got " + progress + ")");
    update(
        "UPDATE plan_runs SET status = ?, finished_at = ?, result_json = ?, error = ?, progress = ?"
            + " WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
        st -> {
          st.setString(1, status.name());
          Timestamps.set(st, 2, Timestamps.now());
          st.setString(3, resultJson);
          st.setString(4, error);
          if (progress == null) st.setNull(5, java.sql.Types.DOUBLE);
          else st.setDouble(5, progress);
          st.setString(6, id);
        });
  }

  /**
   * Marks every run left queued or running by a stopped server as failed, its progress unknown;
   * returns how many.
   */
  public int failUnfinished(String reason) {
    List<PlanRun> open =
        query("SELECT * FROM plan_runs WHERE status IN ('QUEUED', 'RUNNING')", null);
    for (PlanRun run : open) finished(run.id(), PlanStatus.FAILED, null, null, reason);
    return open.size();
  }

  /** Every run, newest first. */
  public List<PlanRun> list() {
    return query("SELECT * FROM plan_runs ORDER BY created_at DESC, id", null);
  }

  public Optional<PlanRun> find(String id) {
    return query("SELECT * FROM plan_runs WHERE id = ?", id).stream().findFirst();
  }

  private interface Binder {
    void bind(PreparedStatement st) throws SQLException;
  }

  private void update(String sql, Binder binder) {
    try (Connection c = db.open();
        PreparedStatement st = c.prepareStatement(sql)) {
      binder.bind(st);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailure("writing a plan run", e);
    }
  }

  private List<PlanRun> query(String sql, @Nullable String parameter) {
    try (Connection c = db.open();
        PreparedStatement st = c.prepareStatement(sql)) {
      if (parameter != null) st.setString(1, parameter);
      try (ResultSet rs = st.executeQuery()) {
        var out = new ArrayList<PlanRun>();
        while (rs.next()) {
          out.add(
              new PlanRun(
                  rs.getString("id"),
                  rs.getString("scenario_id"),
                  PlanStatus.valueOf(rs.getString("status")),
                  Timestamps.require(rs, "created_at"),
                  Timestamps.get(rs, "started_at"),
                  Timestamps.get(rs, "finished_at"),
                  rs.getString("result_json"),
                  rs.getString("error"),
                  rs.getObject("progress") == null ? null : rs.getDouble("progress")));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreFailure("reading plan runs", e);
    }
  }
}

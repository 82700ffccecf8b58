package io.nuage.store.plans;

import io.nuage.core.NuageException;
import io.nuage.plan.history.PlanKind;
import io.nuage.plan.history.Plans;
import io.nuage.plan.history.StoredPlan;
import io.nuage.store.Store;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The plans of table {@code plans}. Each call uses a connection of its own ({@link
 * Store#duplicate}), so the server's threads never share one; the latest of a scenario is the one
 * stored last (a sequence, not the clock: two plans stored in one microsecond keep their order).
 */
public final class DuckDbPlans implements Plans {
  private final Store store;

  public DuckDbPlans(Store store) {
    this.store = store;
  }

  @Override
  public StoredPlan add(
      String scenarioName,
      String scenarioPath,
      String scenarioHash,
      PlanKind kind,
      @Nullable LocalDate asOf,
      String status,
      @Nullable BigDecimal totalCost,
      String json) {
    var plan =
        new StoredPlan(
            "pn_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16),
            scenarioName,
            scenarioPath,
            scenarioHash,
            kind,
            asOf,
            status,
            totalCost,
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            json);
    try (Store s = store.duplicate();
        PreparedStatement st =
            s.connection()
                .prepareStatement(
                    "INSERT INTO plans (id, seq, scenario_name, scenario_path, scenario_hash,"
                        + " kind, as_of, status, total_cost, stored_at, plan_json)"
                        + " VALUES (?, nextval('plans_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      st.setString(1, plan.id());
      st.setString(2, scenarioName);
      st.setString(3, scenarioPath);
      st.setString(4, scenarioHash);
      st.setString(5, kind.name());
      st.setObject(6, asOf);
      st.setString(7, status);
      st.setBigDecimal(8, totalCost);
      st.setObject(9, LocalDateTime.ofInstant(plan.storedAt(), ZoneOffset.UTC));
      st.setString(10, json);
      st.executeUpdate();
    } catch (SQLException e) {
      throw new NuageException(
          "cannot store the plan in " + store.path() + ": " + Store.firstLine(e), e);
    }
    return plan;
  }

  @Override
  public Optional<StoredPlan> latest(String scenarioName) {
    return query(scenarioName, 1).stream().findFirst();
  }

  @Override
  public List<StoredPlan> of(String scenarioName) {
    return query(scenarioName, Integer.MAX_VALUE);
  }

  private List<StoredPlan> query(String scenarioName, int limit) {
    try (Store s = store.duplicate();
        PreparedStatement st =
            s.connection()
                .prepareStatement(
                    "SELECT * FROM plans WHERE scenario_name = ? ORDER BY seq DESC LIMIT ?")) {
      st.setString(1, scenarioName);
      st.setInt(2, limit);
      try (ResultSet rs = st.executeQuery()) {
        List<StoredPlan> out = new ArrayList<>();
        while (rs.next()) {
          out.add(
              new StoredPlan(
                  rs.getString("id"),
                  rs.getString("scenario_name"),
                  rs.getString("scenario_path"),
                  rs.getString("scenario_hash"),
                  PlanKind.valueOf(rs.getString("kind")),
                  rs.getObject("as_of", LocalDate.class),
                  rs.getString("status"),
                  rs.getBigDecimal("total_cost"),
                  rs.getObject("stored_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                  rs.getString("plan_json")));
        }
        return out;
      }
    } catch (SQLException e) {
      throw new NuageException(
          "cannot read the plans in " + store.path() + ": " + Store.firstLine(e), e);
    }
  }

  /** How many plans the store keeps, of every scenario. */
  public long count() {
    try (Store s = store.duplicate();
        Statement st = s.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM plans")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new NuageException(
          "cannot read the plans in " + store.path() + ": " + Store.firstLine(e), e);
    }
  }
}

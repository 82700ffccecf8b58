package io.nuage.store.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** TIMESTAMP columns hold UTC wall time; this converts at the JDBC boundary. */
final class Timestamps {
  private Timestamps() {}

  static Instant now() {
    // DuckDB keeps microseconds; truncating here makes a value read back equal the one written
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  static void set(PreparedStatement st, int index, @Nullable Instant value) throws SQLException {
    st.setObject(index, value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  static @Nullable Instant get(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  static Instant require(ResultSet rs, String column) throws SQLException {
    Instant value = get(rs, column);
    if (value == null) throw new SQLException(column + " is null");
    return value;
  }
}

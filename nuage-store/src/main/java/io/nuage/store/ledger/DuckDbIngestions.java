package io.nuage.store.ledger;

import io.nuage.core.NuageException;
import io.nuage.store.Store;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

final class DuckDbIngestions implements Ingestions {
  private final Store store;

  DuckDbIngestions(Store store) {
    this.store = store;
  }

  @Override
  public IngestReport ingest(Path file, IngestOptions options) {
    return new FocusIngest(store).run(file, options);
  }

  @Override
  public long count() {
    try (Statement s = store.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM ingestions")) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new NuageException("cannot read the ingestions: " + Store.firstLine(e), e);
    }
  }
}

package org.caravan.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The study results store over JDBC: a DuckDB file (embedded; the default) or a PostgreSQL database
 * given by its JDBC URL, with one schema (docs/STUDIES.md): {@code studies}, {@code variants},
 * {@code runs} and {@code kpis}. Each replication is written in one transaction (its run row and
 * all its KPI rows), and the primary key (study, variant, replication) makes a replication either
 * fully stored or absent: after a crash the runner skips what is stored and runs the rest, so
 * nothing is lost or duplicated. Thread-safe: every method is one transaction on the store's one
 * connection, under the store's monitor, so a web server can share one store between its study runs
 * and its jobs ({@link StoredJobs}).
 */
public final class StudyStore implements AutoCloseable {
  /** A study as stored. */
  public record StudyRow(
      String study,
      String fingerprint,
      String baseline,
      long seed,
      int replications,
      double years,
      String createdAt,
      int runs) {}

  /** A variant as stored, in file order. */
  public record VariantRow(
      String variant, int position, String description, String source, String overlay) {}

  /** One KPI value of one replication. */
  public record KpiValue(String kpi, String unit, double value) {}

  /** One stored replication. */
  public record RunRow(
      String variant, int replication, long seed, double wall_s, String bottleneck) {}

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS studies (study VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL,"
        + " baseline VARCHAR NOT NULL, seed BIGINT NOT NULL, replications INTEGER NOT NULL,"
        + " years DOUBLE PRECISION NOT NULL, created_at VARCHAR NOT NULL)",
    "CREATE TABLE IF NOT EXISTS variants (study VARCHAR NOT NULL, variant VARCHAR NOT NULL, position INTEGER NOT NULL,"
        + " description VARCHAR NOT NULL, source VARCHAR NOT NULL, overlay VARCHAR NOT NULL,"
        + " PRIMARY KEY (study, variant))",
    "CREATE TABLE IF NOT EXISTS runs (study VARCHAR NOT NULL, variant VARCHAR NOT NULL, replication INTEGER NOT NULL,"
        + " seed BIGINT NOT NULL, wall_s DOUBLE PRECISION NOT NULL, bottleneck VARCHAR NOT NULL,"
        + " PRIMARY KEY (study, variant, replication))",
    "CREATE TABLE IF NOT EXISTS kpis (study VARCHAR NOT NULL, variant VARCHAR NOT NULL, replication INTEGER NOT NULL,"
        + " kpi VARCHAR NOT NULL, unit VARCHAR NOT NULL, value DOUBLE PRECISION,"
        + " PRIMARY KEY (study, variant, replication, kpi))",
    StoredJobs.SCHEMA
  };

  /** KPI rows per INSERT statement. */
  private static final int KPI_ROWS = 256;

  private final Connection c;
  private final String location;

  private StudyStore(Connection c, String location) {
    this.c = c;
    this.location = location;
  }

  /**
   * Opens (and creates if needed) the store at {@code location}: a {@code jdbc:} URL (PostgreSQL,
   * or {@code jdbc:duckdb:FILE}), else a DuckDB file path whose parent folders are created.
   */
  public static StudyStore open(String location) {
    String url = location;
    if (!location.startsWith("jdbc:")) {
      Path p = Path.of(location).toAbsolutePath();
      try {
        Files.createDirectories(p.getParent());
      } catch (java.io.IOException e) {
        throw new StudyException(
            "store", "cannot create the folder of store " + location + ": " + e.getMessage());
      }
      url = "jdbc:duckdb:" + p;
    }
    try {
      Connection c = DriverManager.getConnection(url);
      try (Statement st = c.createStatement()) {
        for (String s : SCHEMA) {
          st.execute(s);
        }
      }
      c.setAutoCommit(false);
      c.commit();
      return new StudyStore(c, location);
    } catch (SQLException e) {
      throw new StudyException(
          "store", "cannot open study store " + location + ": " + firstLine(e));
    }
  }

  /** Where the store is, as given. */
  public String location() {
    return location;
  }

  /**
   * Registers the study and its variants, or checks that a stored study of the same name was run
   * with the same settings (fingerprint), and raises its replication count if asked for more.
   */
  public synchronized void register(StudyRow s, List<VariantRow> variants) {
    try {
      Optional<StudyRow> old = study(s.study());
      if (old.isPresent()) {
        if (!old.get().fingerprint().equals(s.fingerprint())) {
          throw new StudyException(
              "study",
              "study '"
                  + s.study()
                  + "' is in store "
                  + location
                  + " with other settings (file, baseline, seed or years); rename the study or use another store");
        }
        if (s.replications() > old.get().replications()) {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE studies SET replications = ? WHERE study = ?")) {
            ps.setInt(1, s.replications());
            ps.setString(2, s.study());
            ps.executeUpdate();
          }
        }
        c.commit();
        return;
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO studies VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, s.study());
        ps.setString(2, s.fingerprint());
        ps.setString(3, s.baseline());
        ps.setLong(4, s.seed());
        ps.setInt(5, s.replications());
        ps.setDouble(6, s.years());
        ps.setString(7, s.createdAt());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO variants VALUES (?, ?, ?, ?, ?, ?)")) {
        for (VariantRow v : variants) {
          ps.setString(1, s.study());
          ps.setString(2, v.variant());
          ps.setInt(3, v.position());
          ps.setString(4, v.description());
          ps.setString(5, v.source());
          ps.setString(6, v.overlay());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("study store " + location + ": " + firstLine(e), e);
    }
  }

  /** The (variant, replication) pairs already stored for a study. */
  public synchronized Set<String> finished(String study) {
    Set<String> out = new HashSet<>();
    query(
        "SELECT variant, replication FROM runs WHERE study = ?",
        study,
        rs -> out.add(key(rs.getString(1), rs.getInt(2))));
    return out;
  }

  /** The key {@link #finished} uses. */
  public static String key(String variant, int replication) {
    return variant + "#" + replication;
  }

  /** Stores one replication in one transaction: its run row and all its KPIs. */
  public synchronized void writeReplication(String study, RunRow run, List<KpiValue> kpis) {
    try {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, study);
        ps.setString(2, run.variant());
        ps.setInt(3, run.replication());
        ps.setLong(4, run.seed());
        ps.setDouble(5, run.wall_s());
        ps.setString(6, run.bottleneck());
        ps.executeUpdate();
      }
      // Multi-row INSERTs of up to KPI_ROWS rows: DuckDB's JDBC batch executes row by row (about
      // 0.2 ms a row),
      // one statement per chunk is several times faster there and no slower on PostgreSQL.
      for (int from = 0; from < kpis.size(); from += KPI_ROWS) {
        int n = Math.min(KPI_ROWS, kpis.size() - from);
        StringBuilder sql = new StringBuilder("INSERT INTO kpis VALUES ");
        for (int i = 0; i < n; i++) {
          sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
          int p = 1;
          for (KpiValue k : kpis.subList(from, from + n)) {
            ps.setString(p++, study);
            ps.setString(p++, run.variant());
            ps.setInt(p++, run.replication());
            ps.setString(p++, k.kpi());
            ps.setString(p++, k.unit());
            if (Double.isFinite(k.value())) {
              ps.setDouble(p++, k.value());
            } else {
              ps.setNull(p++, Types.DOUBLE);
            }
          }
          ps.executeUpdate();
        }
      }
      c.commit();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("study store " + location + ": " + firstLine(e), e);
    }
  }

  /** All stored studies with their number of stored replications, by name. */
  public synchronized List<StudyRow> studies() {
    List<StudyRow> out = new ArrayList<>();
    query(
        "SELECT s.study, s.fingerprint, s.baseline, s.seed, s.replications, s.years, s.created_at,"
            + " (SELECT COUNT(*) FROM runs r WHERE r.study = s.study) FROM studies s ORDER BY s.study",
        null,
        rs ->
            out.add(
                new StudyRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getInt(5),
                    rs.getDouble(6),
                    rs.getString(7),
                    rs.getInt(8))));
    return out;
  }

  /** One stored study. */
  public synchronized Optional<StudyRow> study(String name) {
    return studies().stream().filter(s -> s.study().equals(name)).findFirst();
  }

  /** A study's variants in file order (the baseline first). */
  public synchronized List<VariantRow> variants(String study) {
    List<VariantRow> out = new ArrayList<>();
    query(
        "SELECT variant, position, description, source, overlay FROM variants WHERE study = ? ORDER BY position",
        study,
        rs ->
            out.add(
                new VariantRow(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5))));
    return out;
  }

  /** A study's stored replications, by variant and replication. */
  public synchronized List<RunRow> runs(String study) {
    List<RunRow> out = new ArrayList<>();
    query(
        "SELECT variant, replication, seed, wall_s, bottleneck FROM runs WHERE study = ?"
            + " ORDER BY variant, replication",
        study,
        rs ->
            out.add(
                new RunRow(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getLong(3),
                    rs.getDouble(4),
                    rs.getString(5))));
    return out;
  }

  /** variant → KPI → values by replication (NaN where the replication has no value). */
  public synchronized Map<String, Map<String, Map<Integer, Double>>> kpis(String study) {
    Map<String, Map<String, Map<Integer, Double>>> out = new LinkedHashMap<>();
    query(
        "SELECT variant, kpi, replication, value FROM kpis WHERE study = ? ORDER BY variant, kpi, replication",
        study,
        rs -> {
          double v = rs.getDouble(4);
          double value = rs.wasNull() ? Double.NaN : v;
          out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
              .computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>())
              .put(rs.getInt(3), value);
        });
    return out;
  }

  /** KPI name → unit of a study. */
  public synchronized Map<String, String> units(String study) {
    Map<String, String> out = new LinkedHashMap<>();
    query(
        "SELECT DISTINCT kpi, unit FROM kpis WHERE study = ? ORDER BY kpi",
        study,
        rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }

  /** Counts rows of {@code kpis} in total and distinct by key, for checks. */
  public synchronized long[] kpiRowCounts(String study) {
    long[] out = new long[2];
    query(
        "SELECT COUNT(*), COUNT(DISTINCT variant || '#' || CAST(replication AS VARCHAR) || '#' || kpi) FROM kpis"
            + " WHERE study = ?",
        study,
        rs -> {
          out[0] = rs.getLong(1);
          out[1] = rs.getLong(2);
        });
    return out;
  }

  /** The connection, for {@link StoredJobs}; callers hold this store's monitor. */
  Connection connection() {
    return c;
  }

  interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  void query(String sql, String param, RowReader reader) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (param != null) {
        ps.setString(1, param);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
      c.commit();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("study store " + location + ": " + firstLine(e), e);
    }
  }

  void rollback() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is gone; the caller reports the first error
    }
  }

  static String firstLine(SQLException e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  @Override
  public synchronized void close() {
    try {
      c.close();
    } catch (SQLException e) {
      throw new IllegalStateException("closing study store " + location + ": " + firstLine(e), e);
    }
  }
}

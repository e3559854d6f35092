package org.caravan.study;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The study results store over JDBC: a DuckDB file (embedded; the default) or a PostgreSQL database
 * given by its JDBC URL, with one schema (docs/STUDIES.md): {@code studies}, {@code variants},
 * {@code runs}, {@code kpis} and {@code series}. Each replication is written in one transaction
 * (its run row, all its KPI rows and its series rows), and the primary key (study, variant,
 * replication) makes a replication either fully stored or absent: after a crash the runner skips
 * what is stored and runs the rest, so nothing is lost or duplicated. Thread-safe: every method is
 * one transaction on the store's one connection, under the store's monitor, so a web server can
 * share one store between its study runs and its jobs ({@link StoredJobs}).
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
  public record KpiValue(String kpi, String unit, double value) implements Serializable {}

  /**
   * One period of one series of one replication: the mean of a queue-length series over a period of
   * the measured window ({@code start_day} days from the scenario start, {@code days} long).
   */
  public record SeriesValue(String series, int period, double start_day, double days, double value)
      implements Serializable {}

  /** Where a study came from: the study file as given and the Caravan version that ran it. */
  public record Provenance(String file, String version) {}

  /** A series' per-period mean over a variant's stored replications. */
  public record SeriesPoint(String variant, int period, double start_day, double mean) {}

  /** One stored replication. */
  public record RunRow(
      String variant, int replication, long seed, double wall_s, String bottleneck) {}

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS studies (study VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL,"
        + " baseline VARCHAR NOT NULL, seed BIGINT NOT NULL, replications INTEGER NOT NULL,"
        + " years DOUBLE PRECISION NOT NULL, created_at VARCHAR NOT NULL, file VARCHAR, version VARCHAR)",
    "CREATE TABLE IF NOT EXISTS variants (study VARCHAR NOT NULL, variant VARCHAR NOT NULL, position INTEGER NOT NULL,"
        + " description VARCHAR NOT NULL, source VARCHAR NOT NULL, overlay VARCHAR NOT NULL,"
        + " PRIMARY KEY (study, variant))",
    "CREATE TABLE IF NOT EXISTS runs (study VARCHAR NOT NULL, variant VARCHAR NOT NULL, replication INTEGER NOT NULL,"
        + " seed BIGINT NOT NULL, wall_s DOUBLE PRECISION NOT NULL, bottleneck VARCHAR NOT NULL,"
        + " PRIMARY KEY (study, variant, replication))",
    "CREATE TABLE IF NOT EXISTS kpis (study VARCHAR NOT NULL, variant VARCHAR NOT NULL, replication INTEGER NOT NULL,"
        + " kpi VARCHAR NOT NULL, unit VARCHAR NOT NULL, value DOUBLE PRECISION,"
        + " PRIMARY KEY (study, variant, replication, kpi))",
    "CREATE TABLE IF NOT EXISTS series (study VARCHAR NOT NULL, variant VARCHAR NOT NULL, replication INTEGER NOT NULL,"
        + " series VARCHAR NOT NULL, period INTEGER NOT NULL, start_day DOUBLE PRECISION NOT NULL,"
        + " days DOUBLE PRECISION NOT NULL, value DOUBLE PRECISION,"
        + " PRIMARY KEY (study, variant, replication, series, period))",
    StoredJobs.SCHEMA
  };

  /** Columns added after the first stores were written: added to an older store when it opens. */
  private static final String[] ADDED_COLUMNS = {"studies.file", "studies.version"};

  /** Rows per multi-row INSERT statement. */
  private static final int INSERT_ROWS = 64;

  private final Connection c;
  private final String location;

  /**
   * The write statements, prepared once per store and reused: DuckDB's prepare of a multi-row
   * INSERT costs more than executing it (a 256-row statement took about 0.45 s to prepare on the
   * loaded build machine, docs/BENCHMARKS.md), so each replication re-preparing them was most of
   * the store's time.
   */
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private StudyStore(Connection c, String location) {
    this.c = c;
    this.location = location;
  }

  /** Opens (and creates if needed) the store at a JDBC URL, named by the URL in messages. */
  public static StudyStore open(String url) {
    return open(url, url);
  }

  /**
   * Opens (and creates if needed) the store at a JDBC URL: PostgreSQL, or {@code jdbc:duckdb:FILE}
   * ({@code jdbc:duckdb:} alone for one in memory). The gateway turns a user's location (a file
   * path or a URL) into the URL.
   *
   * @param location the store as the user named it, for messages
   */
  public static StudyStore open(String url, String location) {
    try {
      Connection c = DriverManager.getConnection(url);
      try (Statement st = c.createStatement()) {
        for (String s : SCHEMA) {
          st.execute(s);
        }
        for (String tc : ADDED_COLUMNS) {
          String[] t = tc.split("\\.");
          try {
            st.execute("SELECT " + t[1] + " FROM " + t[0] + " WHERE 1 = 0");
          } catch (SQLException missing) {
            st.execute("ALTER TABLE " + t[0] + " ADD COLUMN " + t[1] + " VARCHAR");
          }
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
    register(s, variants, new Provenance("", ""));
  }

  /**
   * As {@link #register(StudyRow, List)}, recording where the study came from (kept from the first
   * run).
   */
  public synchronized void register(StudyRow s, List<VariantRow> variants, Provenance provenance) {
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
          c.prepareStatement(
              "INSERT INTO studies (study, fingerprint, baseline, seed, replications, years,"
                  + " created_at, file, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, s.study());
        ps.setString(2, s.fingerprint());
        ps.setString(3, s.baseline());
        ps.setLong(4, s.seed());
        ps.setInt(5, s.replications());
        ps.setDouble(6, s.years());
        ps.setString(7, s.createdAt());
        ps.setString(8, provenance.file());
        ps.setString(9, provenance.version());
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
    writeReplication(study, run, kpis, List.of());
  }

  /** Stores one replication in one transaction: its run row, all its KPIs and its series. */
  public synchronized void writeReplication(
      String study, RunRow run, List<KpiValue> kpis, List<SeriesValue> series) {
    try {
      PreparedStatement runs = statement("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?)");
      runs.setString(1, study);
      runs.setString(2, run.variant());
      runs.setInt(3, run.replication());
      runs.setLong(4, run.seed());
      runs.setDouble(5, run.wall_s());
      runs.setString(6, run.bottleneck());
      runs.executeUpdate();
      insertRows(
          "kpis",
          6,
          kpis,
          (ps, p, k) -> {
            p = key(ps, p, study, run);
            ps.setString(p++, k.kpi());
            ps.setString(p++, k.unit());
            value(ps, p, k.value());
          });
      insertRows(
          "series (study, variant, replication, series, period, start_day, days, value)",
          8,
          series,
          (ps, p, v) -> {
            p = key(ps, p, study, run);
            ps.setString(p++, v.series());
            ps.setInt(p++, v.period());
            ps.setDouble(p++, v.start_day());
            ps.setDouble(p++, v.days());
            value(ps, p, v.value());
          });
      c.commit();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("study store " + location + ": " + firstLine(e), e);
    }
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = c.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  private interface RowBinder<T> {
    void bind(PreparedStatement ps, int first, T row) throws SQLException;
  }

  /**
   * Multi-row INSERTs of up to {@value #INSERT_ROWS} rows, each shape prepared once: DuckDB's JDBC
   * batch executes row by row (about 0.2 ms a row); one statement per chunk is several times faster
   * there and no slower on PostgreSQL.
   */
  private <T> void insertRows(String table, int columns, List<T> rows, RowBinder<T> binder)
      throws SQLException {
    String tuple = "(" + "?, ".repeat(columns - 1) + "?)";
    for (int from = 0; from < rows.size(); from += INSERT_ROWS) {
      int n = Math.min(INSERT_ROWS, rows.size() - from);
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" VALUES ");
      for (int i = 0; i < n; i++) {
        sql.append(i == 0 ? "" : ", ").append(tuple);
      }
      PreparedStatement ps = statement(sql.toString());
      int p = 1;
      for (T row : rows.subList(from, from + n)) {
        binder.bind(ps, p, row);
        p += columns;
      }
      ps.executeUpdate();
    }
  }

  private static int key(PreparedStatement ps, int p, String study, RunRow run)
      throws SQLException {
    ps.setString(p, study);
    ps.setString(p + 1, run.variant());
    ps.setInt(p + 2, run.replication());
    return p + 3;
  }

  private static void value(PreparedStatement ps, int p, double v) throws SQLException {
    if (Double.isFinite(v)) {
      ps.setDouble(p, v);
    } else {
      ps.setNull(p, Types.DOUBLE);
    }
  }

  /** Where a stored study came from; empty fields for studies stored before provenance was kept. */
  public synchronized Provenance provenance(String study) {
    Provenance[] out = {new Provenance("", "")};
    query(
        "SELECT file, version FROM studies WHERE study = ?",
        study,
        rs ->
            out[0] =
                new Provenance(
                    Optional.ofNullable(rs.getString(1)).orElse(""),
                    Optional.ofNullable(rs.getString(2)).orElse("")));
    return out[0];
  }

  /** The names of a study's stored series. */
  public synchronized List<String> seriesNames(String study) {
    List<String> out = new ArrayList<>();
    query(
        "SELECT DISTINCT series FROM series WHERE study = ? ORDER BY series",
        study,
        rs -> out.add(rs.getString(1)));
    return out;
  }

  /**
   * One series' per-period mean over each variant's stored replications, by variant and period.
   * Averaged here in replication order (not by SQL {@code AVG}, whose summation order follows the
   * rows' storage order), so two stores with the same rows give the same means to the bit.
   */
  public synchronized List<SeriesPoint> seriesMeans(String study, String series) {
    List<SeriesPoint> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT variant, period, start_day, value FROM series WHERE study = ? AND series = ?"
                + " ORDER BY variant, period, replication")) {
      ps.setString(1, study);
      ps.setString(2, series);
      try (ResultSet rs = ps.executeQuery()) {
        String variant = null;
        int period = -1;
        double start = 0;
        double sum = 0;
        int n = 0;
        while (rs.next()) {
          String v = rs.getString(1);
          int p = rs.getInt(2);
          if (!v.equals(variant) || p != period) {
            if (variant != null) {
              out.add(new SeriesPoint(variant, period, start, n == 0 ? Double.NaN : sum / n));
            }
            variant = v;
            period = p;
            start = rs.getDouble(3);
            sum = 0;
            n = 0;
          }
          double x = rs.getDouble(4);
          if (!rs.wasNull()) {
            sum += x;
            n++;
          }
        }
        if (variant != null) {
          out.add(new SeriesPoint(variant, period, start, n == 0 ? Double.NaN : sum / n));
        }
      }
      c.commit();
    } catch (SQLException e) {
      rollback();
      throw new IllegalStateException("study store " + location + ": " + firstLine(e), e);
    }
    return out;
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
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      c.close();
    } catch (SQLException e) {
      throw new IllegalStateException("closing study store " + location + ": " + firstLine(e), e);
    }
  }
}

package org.caravan.study;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.List;

/**
 * A study's KPI values as one flat table, {@code study, variant, replication, seed, kpi, unit,
 * value} (one row per replication and KPI, ordered by variant, KPI and replication), written as CSV
 * or as Parquet. Parquet is written by DuckDB's own writer ({@code COPY ... TO ... (FORMAT
 * parquet)}): the rows are read from the store, whichever database it is, and loaded into an
 * in-memory DuckDB, so a PostgreSQL store exports exactly like a DuckDB file. Both writers write
 * the file they are given; choosing and replacing the target safely is the caller's job.
 */
public final class StudyExport {
  /** One exported value; {@code value} is NaN where the replication has no value. */
  public record Row(
      String study,
      String variant,
      int replication,
      long seed,
      String kpi,
      String unit,
      double value) {}

  /** The CSV header, also the Parquet column names. */
  public static final String HEADER = "study,variant,replication,seed,kpi,unit,value";

  /** Rows per INSERT into the in-memory DuckDB. */
  private static final int CHUNK = 256;

  private StudyExport() {}

  /** Every KPI value of a study, in export order. */
  public static List<Row> rows(StudyStore store, String study) {
    List<Row> out = new ArrayList<>();
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT k.variant, k.replication, r.seed, k.kpi, k.unit, k.value FROM kpis k"
                  + " JOIN runs r ON r.study = k.study AND r.variant = k.variant"
                  + " AND r.replication = k.replication WHERE k.study = ?"
                  + " ORDER BY k.variant, k.kpi, k.replication")) {
        ps.setString(1, study);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            double read = rs.getDouble(6);
            double v = rs.wasNull() ? Double.NaN : read; // before any other column is read
            out.add(
                new Row(
                    study,
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    v));
          }
        }
        c.commit();
      } catch (SQLException e) {
        store.rollback();
        throw new IllegalStateException(
            "study store " + store.location() + ": " + StudyStore.firstLine(e), e);
      }
    }
    return out;
  }

  /** Writes the rows as CSV (RFC 4180 quoting; an empty value where there is none). */
  public static void writeCsv(List<Row> rows, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (Row r : rows) {
        w.write(csv(r.study()) + ',' + csv(r.variant()) + ',' + r.replication() + ',' + r.seed());
        w.write(',' + csv(r.kpi()) + ',' + csv(r.unit()) + ',');
        w.write(Double.isNaN(r.value()) ? "" : Double.toString(r.value()));
        w.write('\n');
      }
    }
  }

  /**
   * Writes the rows as a Parquet file (columns as {@link #HEADER}; replication INTEGER, seed
   * BIGINT, value DOUBLE with NULL where there is none) through an in-memory DuckDB.
   */
  public static void writeParquet(List<Row> rows, Path file) throws IOException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE export (study VARCHAR, variant VARCHAR, replication INTEGER, seed BIGINT,"
              + " kpi VARCHAR, unit VARCHAR, value DOUBLE)");
      for (int from = 0; from < rows.size(); from += CHUNK) {
        int n = Math.min(CHUNK, rows.size() - from);
        StringBuilder sql = new StringBuilder("INSERT INTO export VALUES ");
        for (int i = 0; i < n; i++) {
          sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
          int p = 1;
          for (Row r : rows.subList(from, from + n)) {
            ps.setString(p++, r.study());
            ps.setString(p++, r.variant());
            ps.setInt(p++, r.replication());
            ps.setLong(p++, r.seed());
            ps.setString(p++, r.kpi());
            ps.setString(p++, r.unit());
            if (Double.isNaN(r.value())) {
              ps.setNull(p++, Types.DOUBLE);
            } else {
              ps.setDouble(p++, r.value());
            }
          }
          ps.executeUpdate();
        }
      }
      // COPY takes no parameters: the path is a quoted literal (quotes doubled).
      String path = file.toAbsolutePath().toString().replace("'", "''");
      st.execute(
          "COPY (SELECT * FROM export ORDER BY variant, kpi, replication) TO '"
              + path
              + "' (FORMAT parquet)");
    } catch (SQLException e) {
      throw new IOException("parquet: " + StudyStore.firstLine(e), e);
    }
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\""
        : s;
  }
}

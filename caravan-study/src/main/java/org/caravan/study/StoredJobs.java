package org.caravan.study;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The web server's jobs (simulation runs and study runs) in the results store, table {@code jobs}
 * (docs/STUDIES.md): one row per job, rewritten on every state change in one transaction, with the
 * finished job's results as JSON text. A server that restarts on the same store finds every job it
 * had; jobs that were queued or running when the process died are marked {@code interrupted} by
 * {@link #interruptActive}. Thread-safe: every call runs under the store's monitor.
 */
public final class StoredJobs {
  /** The table, created with the store's other tables. */
  static final String SCHEMA =
      "CREATE TABLE IF NOT EXISTS jobs (id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL,"
          + " owner VARCHAR NOT NULL, status VARCHAR NOT NULL, name VARCHAR NOT NULL, replications INTEGER NOT NULL,"
          + " years DOUBLE PRECISION NOT NULL, seed BIGINT NOT NULL, done INTEGER NOT NULL,"
          + " total INTEGER NOT NULL, cancel_requested BOOLEAN NOT NULL, created_at VARCHAR NOT NULL,"
          + " started_at VARCHAR, finished_at VARCHAR, error VARCHAR, results VARCHAR)";

  private static final String COLUMNS =
      "id, kind, owner, status, name, replications, years, seed, done, total, cancel_requested,"
          + " created_at, started_at, finished_at, error";

  /**
   * One job as stored.
   *
   * @param kind {@code simulation} or {@code study}
   * @param owner who started the job (the web server's hash of the client's token); only they see
   *     it
   * @param status {@code queued}, {@code running}, {@code done}, {@code failed}, {@code cancelled}
   *     or {@code interrupted}
   * @param name the scenario's or the study's name
   * @param results JSON text of a finished job's results; empty in listings
   */
  public record JobRow(
      String id,
      String kind,
      String owner,
      String status,
      String name,
      int replications,
      double years,
      long seed,
      int done,
      int total,
      boolean cancelRequested,
      String createdAt,
      Optional<String> startedAt,
      Optional<String> finishedAt,
      Optional<String> error,
      Optional<String> results) {}

  private final StudyStore store;

  /** The jobs of an open store. */
  public StoredJobs(StudyStore store) {
    this.store = store;
  }

  /** Writes a job, replacing the stored row of the same id. */
  public void put(JobRow j) {
    synchronized (store) {
      Connection c = store.connection();
      try {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
          ps.setString(1, j.id());
          ps.executeUpdate();
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO jobs ("
                    + COLUMNS
                    + ", results) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ps.setString(1, j.id());
          ps.setString(2, j.kind());
          ps.setString(3, j.owner());
          ps.setString(4, j.status());
          ps.setString(5, j.name());
          ps.setInt(6, j.replications());
          ps.setDouble(7, j.years());
          ps.setLong(8, j.seed());
          ps.setInt(9, j.done());
          ps.setInt(10, j.total());
          ps.setBoolean(11, j.cancelRequested());
          ps.setString(12, j.createdAt());
          ps.setString(13, j.startedAt().orElse(null));
          ps.setString(14, j.finishedAt().orElse(null));
          ps.setString(15, j.error().orElse(null));
          ps.setString(16, j.results().orElse(null));
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException e) {
        throw fail(e);
      }
    }
  }

  /** One job with its results. */
  public Optional<JobRow> get(String id) {
    List<JobRow> found = select(", results FROM jobs WHERE id = ?", List.of(id), true);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  /** Every job of a kind that an owner started, oldest first, without results. */
  public List<JobRow> list(String kind, String owner) {
    return select(
        " FROM jobs WHERE kind = ? AND owner = ? ORDER BY created_at, id",
        List.of(kind, owner),
        false);
  }

  /** Removes a job; false when there was none. */
  public boolean delete(String id) {
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE id = ?")) {
        ps.setString(1, id);
        int n = ps.executeUpdate();
        c.commit();
        return n > 0;
      } catch (SQLException e) {
        throw fail(e);
      }
    }
  }

  /**
   * Marks every job still queued or running as {@code interrupted}: called when a server starts, so
   * the jobs a crash (or {@code kill -9}) cut off say so instead of running forever.
   *
   * @return how many were marked
   */
  public int interruptActive(String now) {
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement ps =
          c.prepareStatement(
              "UPDATE jobs SET status = 'interrupted', finished_at = ?, error = ?"
                  + " WHERE status IN ('queued', 'running')")) {
        ps.setString(1, now);
        ps.setString(2, "the server stopped before the job finished; submit it again");
        int n = ps.executeUpdate();
        c.commit();
        return n;
      } catch (SQLException e) {
        throw fail(e);
      }
    }
  }

  private List<JobRow> select(String rest, List<String> params, boolean withResults) {
    synchronized (store) {
      Connection c = store.connection();
      List<JobRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + rest)) {
        for (int i = 0; i < params.size(); i++) {
          ps.setString(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(
                new JobRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getDouble(7),
                    rs.getLong(8),
                    rs.getInt(9),
                    rs.getInt(10),
                    rs.getBoolean(11),
                    rs.getString(12),
                    Optional.ofNullable(rs.getString(13)),
                    Optional.ofNullable(rs.getString(14)),
                    Optional.ofNullable(rs.getString(15)),
                    withResults ? Optional.ofNullable(rs.getString(16)) : Optional.empty()));
          }
        }
        c.commit();
        return out;
      } catch (SQLException e) {
        throw fail(e);
      }
    }
  }

  private IllegalStateException fail(SQLException e) {
    store.rollback();
    return new IllegalStateException(
        "study store " + store.location() + ": " + StudyStore.firstLine(e), e);
  }
}

package org.caravan.tracking;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tracking events in the results store the studies use: a DuckDB file (embedded; the default
 * {@code out/studies.duckdb}) or a PostgreSQL database by JDBC URL. One table, {@code
 * tracking_events} (docs/TRACKING.md), keyed by {@code event_id}: a batch is written in one
 * transaction, so it is stored whole or not at all, and ingesting the same file twice stores
 * nothing new. The table lives beside the study tables and is created on first use ({@code CREATE
 * TABLE IF NOT EXISTS}), so an existing study store gains it without migration. Not thread-safe
 * (one connection); callers open a store per request.
 */
public final class TrackingStore implements EventValidator.Stored, AutoCloseable {
  private static final String SCHEMA =
      "CREATE TABLE IF NOT EXISTS tracking_events (event_id VARCHAR PRIMARY KEY,"
          + " shipment_id VARCHAR NOT NULL, container VARCHAR NOT NULL, event_type VARCHAR NOT NULL,"
          + " classifier VARCHAR NOT NULL, event_time_s BIGINT NOT NULL, location VARCHAR NOT NULL,"
          + " facility VARCHAR NOT NULL, mode VARCHAR NOT NULL, destination VARCHAR NOT NULL,"
          + " booked_route VARCHAR NOT NULL)";

  private static final String COLUMNS =
      "event_id, shipment_id, container, event_type, classifier, event_time_s, location, facility,"
          + " mode, destination, booked_route";

  private final Connection c;
  private final String location;

  private TrackingStore(Connection c, String location) {
    this.c = c;
    this.location = location;
  }

  /** A store that cannot be opened, read or written; the message names it. */
  public static final class StoreException extends RuntimeException {
    public StoreException(String message) {
      super(message);
    }
  }

  /**
   * Opens (and creates if needed) the store at a JDBC URL: PostgreSQL, or {@code jdbc:duckdb:FILE}.
   * The gateway turns a user's location (a file path or a URL) into the URL.
   *
   * @param location the store as the user named it, for messages
   */
  public static TrackingStore open(String url, String location) {
    try {
      Connection c = DriverManager.getConnection(url);
      try (Statement st = c.createStatement()) {
        st.execute(SCHEMA);
      }
      c.setAutoCommit(false);
      c.commit();
      return new TrackingStore(c, location);
    } catch (SQLException e) {
      throw new StoreException("cannot open store " + location + ": " + firstLine(e));
    }
  }

  /** Where the store is, as given. */
  public String location() {
    return location;
  }

  /** Stores new events in one transaction (all or none). */
  public void insert(List<TrackingEvent> events) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tracking_events (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      for (TrackingEvent e : events) {
        ps.setString(1, e.eventId());
        ps.setString(2, e.shipmentId());
        ps.setString(3, e.container());
        ps.setString(4, e.type().name());
        ps.setString(5, e.classifier().name());
        ps.setLong(6, e.eventTime_s());
        ps.setString(7, e.location());
        ps.setString(8, e.facility().orElse(""));
        ps.setString(9, e.mode().map(Enum::name).orElse(""));
        ps.setString(10, e.destination().orElse(""));
        ps.setString(11, String.join(";", e.bookedRoute()));
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    } catch (SQLException e) {
      rollback();
      throw new StoreException("cannot write to store " + location + ": " + firstLine(e));
    }
  }

  @Override
  public Optional<TrackingEvent> event(String eventId) {
    List<TrackingEvent> l = query("WHERE event_id = ?", eventId);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.getFirst());
  }

  @Override
  public Optional<Long> lastActual_s(String shipmentId, String container) {
    return query(
            "WHERE shipment_id = ? AND container = ? AND classifier = 'ACT'"
                + " ORDER BY event_time_s DESC LIMIT 1",
            shipmentId,
            container)
        .stream()
        .findFirst()
        .map(TrackingEvent::eventTime_s);
  }

  /** A shipment's events by time (then id). */
  public List<TrackingEvent> shipment(String shipmentId) {
    return query("WHERE shipment_id = ? ORDER BY event_time_s, event_id", shipmentId);
  }

  /** Every event, by shipment, time and id. */
  public List<TrackingEvent> all() {
    return query("ORDER BY shipment_id, event_time_s, event_id");
  }

  private List<TrackingEvent> query(String where, String... args) {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM tracking_events " + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<TrackingEvent> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String route = rs.getString(11);
          out.add(
              new TrackingEvent(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  EventType.valueOf(rs.getString(4)),
                  Classifier.valueOf(rs.getString(5)),
                  rs.getLong(6),
                  rs.getString(7),
                  nonEmpty(rs.getString(8)),
                  nonEmpty(rs.getString(9)).map(TransportMode::valueOf),
                  nonEmpty(rs.getString(10)),
                  route.isEmpty() ? List.of() : Arrays.asList(route.split(";"))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read store " + location + ": " + firstLine(e));
    }
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private void rollback() {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is closed with the store; the failed batch was not committed
    }
  }

  private static String firstLine(SQLException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    try {
      c.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close store " + location + ": " + firstLine(e));
    }
  }
}

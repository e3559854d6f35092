package org.caravan.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads tracking events from CSV (a header row with the field names of docs/TRACKING.md; a UTF-8
 * byte-order mark is ignored) or JSON (an array of event objects, or {@code {"events": [...]}}).
 * Every record is checked on its own: a record with a missing or malformed field becomes a {@link
 * Rejection} naming its event id, its line (CSV) or index (JSON) and the field; the others are
 * read. Checks that need other events or the network are {@link EventValidator}'s.
 */
public final class EventReader {
  /** The fields, in the order of the CSV header this program writes. */
  public static final List<String> FIELDS =
      List.of(
          "event_id",
          "shipment_id",
          "container",
          "event_type",
          "classifier",
          "event_time",
          "location",
          "facility",
          "mode",
          "destination",
          "booked_route");

  /** The fields every event has: the first seven; facility to booked_route may be empty. */
  static final List<String> REQUIRED = FIELDS.subList(0, 7);

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What reading a file or body gave: its events ({@link Read}) or why none can be read ({@link
   * Unreadable}). A result rather than an exception, so every caller decides what an unreadable
   * input means to it (a CLI file error, an HTTP 400).
   */
  public sealed interface Result permits Read, Unreadable {}

  /**
   * Events read (with the line or index of each, in the same order) and records left out.
   *
   * @param where what {@code lines} count: {@code line} (CSV) or {@code index} (JSON)
   */
  public record Read(
      List<TrackingEvent> events, List<Long> lines, List<Rejection> rejections, String where)
      implements Result {}

  /**
   * A whole file or body that cannot be read at all (not CSV, not JSON, no header).
   *
   * @param field the field at fault (a missing CSV column, {@code events}), or empty when the input
   *     as a whole is
   */
  public record Unreadable(String field, String message) implements Result {}

  private EventReader() {}

  /** Reads CSV text. */
  public static Result csv(Reader in) {
    CSVFormat fmt =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    List<TrackingEvent> events = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    try (CSVParser p = CSVParser.builder().setReader(skipBom(in)).setFormat(fmt).get()) {
      List<String> header = p.getHeaderNames();
      for (String f : REQUIRED) {
        if (!header.contains(f)) {
          return new Unreadable(
              f,
              "the CSV header has no column '"
                  + f
                  + "' (columns: "
                  + String.join(",", FIELDS)
                  + ")");
        }
      }
      for (CSVRecord r : p) {
        long line = p.getCurrentLineNumber();
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : FIELDS) {
          if (r.isMapped(f) && r.isSet(f)) {
            m.put(f, r.get(f));
          }
        }
        parse(m::get, line).apply(events, lines, rejections);
      }
    } catch (IOException
        | IllegalStateException
        | IllegalArgumentException
        | UncheckedIOException e) {
      // Commons CSV reports a blank or repeated header name as IllegalArgumentException.
      return new Unreadable("", "not readable as CSV: " + firstLine(e));
    }
    return new Read(events, lines, rejections, "line");
  }

  /** Reads a JSON document: an array of events or an object with an {@code events} array. */
  public static Result json(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return new Unreadable(
          "",
          "not valid JSON"
              + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr())
              + ": "
              + e.getOriginalMessage().replaceAll("`[^`]*`", "").replace("java.", ""));
    }
    if (root != null && root.isObject() && root.has("events")) {
      root = root.get("events");
    }
    if (root == null || !root.isArray()) {
      return new Unreadable(
          "events", "expected a JSON array of events or an object with an 'events' array");
    }
    List<TrackingEvent> events = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode n = root.get(i);
      if (!n.isObject()) {
        rejections.add(new Rejection("?", "events[" + i + "]", i, "is not a JSON object"));
        continue;
      }
      Function<String, String> get =
          f -> {
            JsonNode v = n.get(f);
            if (v == null || v.isNull()) {
              return null;
            }
            if (v.isArray()) {
              List<String> parts = new ArrayList<>();
              v.forEach(x -> parts.add(x.asText()));
              return String.join(";", parts);
            }
            return v.isValueNode() ? v.asText() : v.toString();
          };
      parse(get, i).apply(events, lines, rejections);
    }
    return new Read(events, lines, rejections, "index");
  }

  /** Reads JSON from a reader (a file). */
  public static Result json(Reader in) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int k; (k = in.read(buf)) > 0; ) {
      sb.append(buf, 0, k);
    }
    String s = sb.toString();
    return json(s.startsWith("\uFEFF") ? s.substring(1) : s);
  }

  private record One(TrackingEvent event, Rejection rejection, long line) {
    void apply(List<TrackingEvent> events, List<Long> lines, List<Rejection> rejections) {
      if (event != null) {
        events.add(event);
        lines.add(line);
      } else {
        rejections.add(rejection);
      }
    }
  }

  private static One parse(Function<String, String> get, long line) {
    String id = blank(get.apply("event_id")) ? "?" : get.apply("event_id").trim();
    for (String f : REQUIRED) {
      if (blank(get.apply(f))) {
        return fail(id, f, line, "is missing");
      }
    }
    String container = ContainerNumber.normalise(get.apply("container").trim());
    Optional<String> bad = ContainerNumber.problem(container);
    if (bad.isPresent()) {
      return fail(id, "container", line, bad.get());
    }
    Optional<EventType> type = EventType.parse(get.apply("event_type"));
    if (type.isEmpty()) {
      return fail(
          id,
          "event_type",
          line,
          "'" + get.apply("event_type") + "' is not one of " + Arrays.toString(EventType.values()));
    }
    Optional<Classifier> cls = Classifier.parse(get.apply("classifier"));
    if (cls.isEmpty()) {
      return fail(
          id,
          "classifier",
          line,
          "'"
              + get.apply("classifier")
              + "' is not one of "
              + Arrays.toString(Classifier.values()));
    }
    Optional<Long> time = instant(get.apply("event_time"));
    if (time.isEmpty()) {
      return fail(
          id,
          "event_time",
          line,
          "'" + get.apply("event_time") + "' is not an ISO 8601 time such as 2024-03-01T12:00:00Z");
    }
    Optional<TransportMode> mode = Optional.empty();
    if (!blank(get.apply("mode"))) {
      mode = TransportMode.parse(get.apply("mode"));
      if (mode.isEmpty()) {
        return fail(
            id,
            "mode",
            line,
            "'" + get.apply("mode") + "' is not one of " + Arrays.toString(TransportMode.values()));
      }
    }
    List<String> route = new ArrayList<>();
    if (!blank(get.apply("booked_route"))) {
      for (String s : get.apply("booked_route").split("[;>]")) {
        if (!s.isBlank()) {
          route.add(code(s));
        }
      }
    }
    String shipment = get.apply("shipment_id").trim();
    if (shipment.length() > 64 || id.length() > 64) {
      return fail(
          id, shipment.length() > 64 ? "shipment_id" : "event_id", line, "is over 64 characters");
    }
    return new One(
        new TrackingEvent(
            id,
            shipment,
            container,
            type.get(),
            cls.get(),
            time.get(),
            code(get.apply("location")),
            optional(get.apply("facility")),
            mode,
            optional(get.apply("destination")).map(EventReader::code),
            route),
        null,
        line);
  }

  private static One fail(String id, String field, long line, String message) {
    return new One(null, new Rejection(id, field, line, message), line);
  }

  /** An ISO 8601 instant, with offset or {@code Z}, as epoch seconds. */
  static Optional<Long> instant(String s) {
    String t = s.trim();
    try {
      return Optional.of(Instant.parse(t).getEpochSecond());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(t).toEpochSecond());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private static String code(String s) {
    return s.trim().replace(" ", "").toUpperCase(Locale.ROOT);
  }

  private static Optional<String> optional(String s) {
    return blank(s) ? Optional.empty() : Optional.of(s.trim());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static Reader skipBom(Reader in) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    for (int k; (k = in.read(buf)) > 0; ) {
      sb.append(buf, 0, k);
    }
    String s = sb.toString();
    return new StringReader(s.startsWith("\uFEFF") ? s.substring(1) : s);
  }

  private static String firstLine(Exception e) {
    // An UncheckedIOException's message is its cause's toString (with the class name): use the
    // cause's own message.
    Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}

package org.caravan.web.mapping;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.caravan.scenario.RouteQuery;
import org.caravan.web.dto.RouteRequest;

/**
 * {@link RouteRequest} → {@link RouteQuery}. Checks what only the API can get wrong (missing
 * places, the date format, oversized strings and lists); ranges and names are left to the planner,
 * which names the field itself.
 */
public final class RouteMapping {
  /** Longest accepted place text or list entry; a place name is far shorter. */
  public static final int MAX_TEXT = 200;

  /** Most entries accepted in one list field. */
  public static final int MAX_LIST = 50;

  private RouteMapping() {}

  /**
   * @throws ApiException a 400 problem naming the field
   */
  public static RouteQuery toQuery(RouteRequest r) {
    String from = place("from", r.from());
    String to = place("to", r.to());
    Optional<LocalDate> depart =
        r.depart()
            .map(
                d -> {
                  try {
                    return LocalDate.parse(d);
                  } catch (DateTimeParseException e) {
                    throw Problems.invalidField(
                        "depart", "depart '" + shorten(d) + "' is not a date like 2026-12-01");
                  }
                });
    list("avoid_countries", r.limits().avoidCountries());
    list("avoid_passages", r.limits().avoidPassages());
    list("modes", r.limits().modes());
    list("via", r.limits().via());
    String cargo = text("cargo", r.cargo()).orElse("general");
    String objective = text("objective", r.objective()).orElse("pareto");
    int labelCap = r.labelCap().orElse(0);
    return new RouteQuery(
        from,
        to,
        r.teu(),
        r.feu(),
        r.tonnes(),
        cargo,
        r.unClass(),
        depart,
        r.limits(),
        objective,
        r.alternatives().orElse(1),
        labelCap,
        r.epsilon());
  }

  private static String place(String field, Optional<String> value) {
    String v =
        text(field, value)
            .orElseThrow(
                () ->
                    Problems.invalidField(
                        field, field + " is required: a place name, " + "UN/LOCODE or lat,lon"));
    if (v.isBlank()) {
      throw Problems.invalidField(field, field + " must not be blank");
    }
    return v;
  }

  private static Optional<String> text(String field, Optional<String> value) {
    value.ifPresent(
        v -> {
          if (v.length() > MAX_TEXT) {
            throw Problems.invalidField(
                field, field + " is longer than " + MAX_TEXT + " characters");
          }
        });
    return value;
  }

  private static void list(String field, List<String> values) {
    if (values.size() > MAX_LIST) {
      throw Problems.invalidField(
          field,
          field + " has " + values.size() + " entries; at most " + MAX_LIST + " are accepted");
    }
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (v == null || v.length() > MAX_TEXT) {
        throw Problems.invalidField(
            field + "[" + i + "]",
            "/" + field + "/" + i,
            field + "[" + i + "] must be a string of at most " + MAX_TEXT + " characters");
      }
    }
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}

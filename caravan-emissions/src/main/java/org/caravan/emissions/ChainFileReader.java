package org.caravan.emissions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * Reads a transport chain from a CSV or JSON chain file (format in docs/EMISSIONS.md). Every error
 * names the file, the line (CSV) or JSON path, and the field. A row with only {@code from}/{@code
 * to} needs a {@link DistanceResolver}; without one it is an error asking for {@code distance_km}.
 * Stateless apart from its configuration; safe to share.
 */
public final class ChainFileReader {
  /** Chain file formats; AUTO picks by file extension (.json, otherwise CSV). */
  public enum Format {
    AUTO,
    CSV,
    JSON
  }

  /** The TOC a bare {@code mode} maps to; write {@code toc} to choose another. */
  public static final Map<String, String> MODE_DEFAULT_TOC =
      orderedMap(
          "rail",
          "rail-electric",
          "road",
          "road-hgv",
          "ferry",
          "ferry-roro",
          "sea",
          "sea-container-large",
          "iww",
          "iww-barge");

  static final Set<String> FIELDS =
      Set.of(
          "leg",
          "type",
          "mode",
          "toc",
          "hoc",
          "from",
          "to",
          "distance_km",
          "distance_basis",
          "mass_t",
          "teu",
          "teu_class",
          "countries",
          "country",
          "carrier",
          "wtt_g_per_tkm",
          "ttw_g_per_tkm",
          "fuel",
          "fuel_per_tkm",
          "fuel_unit");

  private final EmissionFactors factors;
  private final Optional<DistanceResolver> resolver;

  public ChainFileReader(EmissionFactors factors, Optional<DistanceResolver> resolver) {
    this.factors = factors;
    this.resolver = resolver;
  }

  /** Reads a chain file in the given format. */
  public List<ChainElement> read(Path file, Format format) {
    Format f = format;
    if (f == Format.AUTO) {
      f =
          file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
              ? Format.JSON
              : Format.CSV;
    }
    String name = file.toString();
    try (Reader in = TextFiles.open(file)) {
      return f == Format.JSON ? readJson(in, name) : readCsv(in, name);
    } catch (NoSuchFileException e) {
      throw new EmissionsException("cannot read " + name + ": no such file");
    } catch (IOException e) {
      throw new EmissionsException("cannot read " + name + ": " + TextFiles.describe(e));
    }
  }

  /** Reads a CSV chain; {@code name} is used in error messages. */
  public List<ChainElement> readCsv(Reader in, String name) {
    CSVFormat format = TextFiles.CSV;
    List<ChainElement> out = new ArrayList<>();
    try (CSVParser p = format.parse(in)) {
      Set<String> header = p.getHeaderMap().keySet();
      checkColumns(header, name, "column", " in the header");
      for (CSVRecord r : p) {
        long line = p.getCurrentLineNumber();
        out.add(
            element(
                new Row() {
                  @Override
                  public String get(String field) {
                    return r.isMapped(field) && r.isSet(field) ? r.get(field).strip() : "";
                  }

                  @Override
                  public String where() {
                    return name + " line " + line;
                  }

                  @Override
                  public String where(String field) {
                    return where() + ", field " + field;
                  }

                  @Override
                  public String position() {
                    return "line " + line;
                  }

                  @Override
                  public String path(String field) {
                    return "";
                  }
                }));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new EmissionsException("cannot read " + name + ": " + TextFiles.describe(e));
    }
    if (out.isEmpty()) {
      throw new EmissionsException(name + ": the chain has no legs");
    }
    return out;
  }

  /** Reads a JSON chain: an array of leg objects, or an object with a {@code legs} array. */
  public List<ChainElement> readJson(Reader in, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (JsonProcessingException e) {
      String at =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + " column "
                  + e.getLocation().getColumnNr();
      throw new EmissionsException(
          name + ": not valid JSON" + at + ": " + parserWords(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new EmissionsException("cannot read " + name + ": " + TextFiles.describe(e));
    }
    JsonNode legs = root != null && root.isObject() ? root.get("legs") : root;
    String base = root != null && root.isObject() ? "legs" : "";
    if (legs == null || !legs.isArray()) {
      throw new EmissionsException(
          name + ": expected an array of legs or an object with a \"legs\" array");
    }
    List<ChainElement> out = new ArrayList<>();
    for (int i = 0; i < legs.size(); i++) {
      JsonNode leg = legs.get(i);
      String path = base + "[" + i + "]";
      if (!leg.isObject()) {
        throw new EmissionsException(path, name + " " + path + ": a leg must be a JSON object");
      }
      Set<String> present = new java.util.HashSet<>();
      leg.fieldNames().forEachRemaining(present::add);
      for (String f : present) {
        if (!FIELDS.contains(f)) {
          throw new EmissionsException(
              path + "." + f,
              name
                  + " "
                  + path
                  + "."
                  + f
                  + ": unknown field (known: "
                  + String.join(", ", FIELDS.stream().sorted().toList())
                  + ")");
        }
      }
      int index = i;
      Row row =
          new Row() {
            @Override
            public String get(String field) {
              JsonNode v = leg.get(field);
              if (v == null || v.isNull()) {
                return "";
              }
              if ((field.equals("countries") || field.equals("country")) && v.isArray()) {
                try {
                  return countriesFromJson(v, where(field));
                } catch (EmissionsException e) {
                  throw e.locatedAt(path(field));
                }
              }
              if (!v.isValueNode()) {
                throw error(field, ": expected a number or a string");
              }
              return v.asText().strip();
            }

            @Override
            public String where() {
              return name + " " + base + "[" + index + "]";
            }

            @Override
            public String where(String field) {
              return where() + "." + field;
            }

            @Override
            public String position() {
              return base + "[" + index + "]";
            }

            @Override
            public String path(String field) {
              return position() + "." + field;
            }
          };
      try {
        out.add(element(row));
      } catch (EmissionsException e) {
        throw e.locatedAt(path);
      }
    }
    if (out.isEmpty()) {
      throw new EmissionsException(name + ": the chain has no legs");
    }
    return out;
  }

  /** One leg's fields, whatever the file format, and how to name its position in messages. */
  private interface Row {
    String get(String field);

    String where();

    String where(String field);

    /** "line 4" or "legs[2]": the default label of a leg without a name. */
    String position();

    /**
     * The JSON path of a field of this leg ({@code legs[2].toc}); empty for CSV, whose messages
     * give the line.
     */
    String path(String field);

    /** An error about one field of this leg: its place in the message and, for JSON, as data. */
    default EmissionsException error(String field, String rest) {
      return new EmissionsException(path(field), where(field) + rest);
    }
  }

  private static void checkColumns(Set<String> header, String name, String what, String suffix) {
    for (String h : header) {
      if (!FIELDS.contains(h)) {
        throw new EmissionsException(
            name
                + ": unknown "
                + what
                + " '"
                + h
                + "'"
                + suffix
                + " (known: "
                + String.join(", ", FIELDS.stream().sorted().toList())
                + ")");
      }
    }
    boolean transport = header.contains("mode") || header.contains("toc");
    if (!transport && !header.contains("hoc")) {
      throw new EmissionsException(
          name + ": missing " + what + " mode (or toc, or hoc for hubs)" + suffix);
    }
    if (!header.contains("mass_t") && !header.contains("teu")) {
      throw new EmissionsException(name + ": missing " + what + " mass_t (or teu)" + suffix);
    }
    if (transport
        && !header.contains("distance_km")
        && !(header.contains("from") && header.contains("to"))) {
      throw new EmissionsException(
          name + ": missing " + what + " distance_km (or from and to)" + suffix);
    }
  }

  private ChainElement element(Row row) {
    String label = row.get("leg");
    if (label.isEmpty()) {
      String from = row.get("from");
      String to = row.get("to");
      label = !from.isEmpty() && !to.isEmpty() ? from + "-" + to : row.position();
    }
    String type = row.get("type").toLowerCase(Locale.ROOT);
    String hoc = row.get("hoc");
    if (!type.isEmpty() && !type.equals("hub") && !type.equals("transport")) {
      throw row.error("type", ": '" + type + "' is not transport or hub");
    }
    boolean hub = type.equals("hub") || (type.isEmpty() && !hoc.isEmpty());
    String teuClass = row.get("teu_class").isEmpty() ? "average" : row.get("teu_class");
    double teuMass_t =
        factors
            .findTeuMass_t(teuClass)
            .orElseThrow(
                () ->
                    row.error("teu_class", ": '" + teuClass + "' is not average, light or heavy"));
    String massText = row.get("mass_t");
    String teuText = row.get("teu");
    if (massText.isEmpty() && teuText.isEmpty()) {
      throw row.error("mass_t", ": give mass_t or teu");
    }
    double mass_t = massText.isEmpty() ? Double.NaN : nonNegative(row, "mass_t");
    double teu = teuText.isEmpty() ? Double.NaN : nonNegative(row, "teu");
    if (hub) {
      if (hoc.isEmpty()) {
        throw row.error("hoc", ": a hub row needs a hoc");
      }
      if (factors.findCategory(hoc).filter(Category::hub).isEmpty()) {
        throw row.error("hoc", ": unknown HOC '" + hoc + "' (known: " + known(true) + ")");
      }
      if (Double.isNaN(teu)) {
        teu = mass_t / teuMass_t;
      }
      if (Double.isNaN(mass_t)) {
        mass_t = teu * teuMass_t;
      }
      return new HubOperation(label, hoc, teu, mass_t);
    }
    String toc = row.get("toc");
    String mode = row.get("mode").toLowerCase(Locale.ROOT);
    if (toc.isEmpty()) {
      if (mode.isEmpty()) {
        throw row.error("mode", ": give mode or toc");
      }
      toc = MODE_DEFAULT_TOC.get(mode);
      if (toc == null) {
        throw row.error(
            "mode",
            ": unknown mode '"
                + row.get("mode")
                + "' (known: "
                + String.join(", ", MODE_DEFAULT_TOC.keySet())
                + ")");
      }
    } else if (factors.findCategory(toc).filter(c -> !c.hub()).isEmpty()) {
      throw row.error("toc", ": unknown TOC '" + toc + "' (known: " + known(false) + ")");
    }
    if (Double.isNaN(mass_t)) {
      mass_t = teu * teuMass_t;
    }
    String basisText = row.get("distance_basis").toLowerCase(Locale.ROOT);
    DistanceBasis basis =
        switch (basisText) {
          case "", "sfd" -> DistanceBasis.SFD;
          case "actual" -> DistanceBasis.ACTUAL;
          default ->
              throw row.error("distance_basis", ": '" + basisText + "' is not sfd or actual");
        };
    String countryField =
        row.get("countries").isEmpty() && !row.get("country").isEmpty() ? "country" : "countries";
    String countriesText = row.get(countryField);
    double distance_km;
    List<CountryKm> resolvedCountries = List.of();
    if (!row.get("distance_km").isEmpty()) {
      distance_km = nonNegative(row, "distance_km");
    } else {
      String from = row.get("from");
      String to = row.get("to");
      if (from.isEmpty() || to.isEmpty()) {
        throw row.error("distance_km", ": distance_km is required (or from and to)");
      }
      if (resolver.isEmpty()) {
        throw row.error(
            "distance_km",
            ": distance_km is required: from/to ("
                + from
                + " to "
                + to
                + ") cannot be resolved because no network distance resolver is configured");
      }
      String t = toc;
      DistanceResolver.Resolved r =
          resolver
              .get()
              .resolve(from, to, toc)
              .orElseThrow(
                  () ->
                      row.error(
                          "from",
                          ": no "
                              + t
                              + " distance known from "
                              + from
                              + " to "
                              + to
                              + "; give distance_km"));
      distance_km = r.distance_km();
      resolvedCountries = r.countries();
    }
    List<CountryKm> countries = resolvedCountries;
    if (!countriesText.isEmpty()) {
      try {
        countries = parseCountries(countriesText, distance_km, row.where(countryField));
      } catch (EmissionsException e) {
        throw e.locatedAt(row.path(countryField));
      }
    }
    Optional<String> carrier =
        row.get("carrier").isEmpty() ? Optional.empty() : Optional.of(row.get("carrier"));
    Optional<PrimaryIntensity> primary = Optional.empty();
    String wtt = row.get("wtt_g_per_tkm");
    String ttw = row.get("ttw_g_per_tkm");
    String fuel = row.get("fuel");
    String fuelPerTkm = row.get("fuel_per_tkm");
    String fuelUnit = row.get("fuel_unit");
    if (!(wtt + ttw + fuel + fuelPerTkm + fuelUnit).isEmpty()) {
      if (wtt.isEmpty() != ttw.isEmpty()) {
        throw row.error(
            wtt.isEmpty() ? "wtt_g_per_tkm" : "ttw_g_per_tkm",
            ": primary intensity needs both wtt_g_per_tkm and ttw_g_per_tkm");
      }
      String source =
          "primary data on " + row.where() + carrier.map(c -> " (" + c + ")").orElse("");
      primary =
          Optional.of(
              PrimaryData.parseRow(
                  wtt, ttw, fuel, fuelPerTkm, fuelUnit, source, row.where(), factors));
    }
    return new TransportLeg(label, toc, distance_km, basis, mass_t, countries, carrier, primary);
  }

  /**
   * Parses {@code CN}, {@code CN:2100;KZ:300} or {@code AZ;GE} (the last only with km for each). A
   * single country without km takes the whole leg distance.
   */
  static List<CountryKm> parseCountries(String text, double distance_km, String where) {
    String[] parts = text.split(";");
    List<CountryKm> out = new ArrayList<>(parts.length);
    for (String part : parts) {
      String p = part.strip();
      if (p.isEmpty()) {
        throw new EmissionsException(where + ": empty country in '" + text + "'");
      }
      int colon = p.indexOf(':');
      String code = (colon < 0 ? p : p.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
      if (!code.matches("[A-Z]{2}")) {
        throw new EmissionsException(where + ": '" + code + "' is not a two-letter country code");
      }
      if (colon < 0) {
        if (parts.length > 1) {
          throw new EmissionsException(
              where + ": give km for each country, e.g. AZ:430;GE:220 (was '" + text + "')");
        }
        out.add(new CountryKm(code, distance_km));
      } else {
        String km = p.substring(colon + 1).strip();
        double v;
        try {
          v = Double.parseDouble(km);
        } catch (NumberFormatException e) {
          throw new EmissionsException(
              where + ": km for " + code + " '" + km + "' is not a number");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new EmissionsException(where + ": km for " + code + " must be >= 0, was " + km);
        }
        out.add(new CountryKm(code, v));
      }
    }
    return out;
  }

  private static String countriesFromJson(JsonNode array, String where) {
    List<String> parts = new ArrayList<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      JsonNode c = it.next();
      if (c.isTextual()) {
        parts.add(c.asText());
      } else if (c.isObject() && c.has("country") && c.has("distance_km")) {
        parts.add(c.get("country").asText() + ":" + c.get("distance_km").asText());
      } else {
        throw new EmissionsException(
            where + ": each entry must be \"CN\" or {\"country\": \"CN\", \"distance_km\": 2100}");
      }
    }
    return String.join(";", parts);
  }

  private String known(boolean hub) {
    return String.join(
        ", ",
        factors.listCategoryIds().stream()
            .filter(id -> factors.findCategory(id).orElseThrow().hub() == hub)
            .toList());
  }

  private static double nonNegative(Row row, String field) {
    String text = row.get(field);
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw row.error(field, ": '" + text + "' is not a number");
    }
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw row.error(field, ": must be a number >= 0, was " + text);
    }
    return v;
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The JSON parser's message without what only a developer can use: its source description and
   * feature names in parentheses or backticks ("(start marker at [Source: REDACTED
   * (`StreamReadFeature...` ...)])").
   */
  static String parserWords(String message) {
    String m = message == null ? "" : message.lines().findFirst().orElse("");
    int source = m.indexOf(" (start marker at [Source");
    if (source >= 0) {
      m = m.substring(0, source);
    }
    int advice = m.indexOf(": enable `");
    if (advice >= 0) {
      m = m.substring(0, advice);
    }
    return m.replaceAll("`[^`]*`", "value");
  }
}

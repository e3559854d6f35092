package org.caravan.emissions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * The factor table and the TOC/HOC mapping, read once and then shared read-only by any number of
 * threads. {@link #loadDefault()} reads the tables packed into the jar from {@code
 * data/emissions/}; {@link #load(Path, Path)} reads edited copies. Loading checks that every
 * category resolves to factors of the right unit, so a bad table fails at start-up, not mid-query.
 */
public final class EmissionFactors {
  static final String DEFAULT_FACTORS = "/org/caravan/emissions/default/factors.csv";
  static final String DEFAULT_CATEGORIES = "/org/caravan/emissions/default/categories.csv";

  private final List<EmissionFactor> factors;
  private final Map<String, EmissionFactor> byKey;
  private final Map<String, Category> categories;
  private final Map<String, Double> grid_g_per_kWh;

  private EmissionFactors(List<EmissionFactor> factors, Map<String, Category> categories) {
    this.factors = List.copyOf(factors);
    Map<String, EmissionFactor> keyed = new HashMap<>();
    Map<String, Double> grid = new HashMap<>();
    for (EmissionFactor f : factors) {
      keyed.put(key(f.id(), f.scope()), f);
      if (f.kind().equals("grid") && f.id().startsWith("grid.")) {
        grid.put(f.id().substring("grid.".length()), f.value() * gramsPerUnit(f.unit()));
      }
    }
    this.byKey = keyed;
    this.grid_g_per_kWh = grid;
    this.categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
  }

  /** Reads the default tables packed into the jar. */
  public static EmissionFactors loadDefault() {
    try (InputStream f = resource(DEFAULT_FACTORS);
        InputStream c = resource(DEFAULT_CATEGORIES)) {
      return read(
          new InputStreamReader(f, StandardCharsets.UTF_8), "factors.csv",
          new InputStreamReader(c, StandardCharsets.UTF_8), "categories.csv");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the default emission factors", e);
    }
  }

  /** Reads a factor table and a category table from files. */
  public static EmissionFactors load(Path factorsCsv, Path categoriesCsv) {
    try (Reader f = Files.newBufferedReader(factorsCsv);
        Reader c = Files.newBufferedReader(categoriesCsv)) {
      return read(f, factorsCsv.toString(), c, categoriesCsv.toString());
    } catch (IOException e) {
      throw new EmissionsException("cannot read " + e.getMessage());
    }
  }

  /** Reads the two tables; {@code *Name} is used in error messages. */
  public static EmissionFactors read(
      Reader factorsCsv, String factorsName, Reader categoriesCsv, String categoriesName) {
    List<EmissionFactor> factors = readFactors(factorsCsv, factorsName);
    Map<String, EmissionFactor> keyed = new HashMap<>();
    for (EmissionFactor f : factors) {
      keyed.put(key(f.id(), f.scope()), f);
    }
    Map<String, Category> categories = readCategories(categoriesCsv, categoriesName, keyed);
    return new EmissionFactors(factors, categories);
  }

  /** Every factor row, in file order. */
  public List<EmissionFactor> list() {
    return factors;
  }

  /** The factor row with this id and scope. */
  public Optional<EmissionFactor> find(String id, Scope scope) {
    return Optional.ofNullable(byKey.get(key(id, Optional.of(scope))));
  }

  /** A parameter row (no scope): energy, loss, TEU mass, distance adjustment factor. */
  public Optional<EmissionFactor> findParameter(String id) {
    return Optional.ofNullable(byKey.get(key(id, Optional.empty())));
  }

  /** The TOC or HOC with this id. */
  public Optional<Category> findCategory(String id) {
    return Optional.ofNullable(categories.get(id));
  }

  /** All TOC and HOC ids, in table order. */
  public List<String> listCategoryIds() {
    return List.copyOf(categories.keySet());
  }

  /**
   * Grid intensity of a country (alpha-2 or EU) in g CO2e per kWh, or empty if the table has none.
   */
  public OptionalDouble findGrid_g_per_kWh(String country) {
    Double v = grid_g_per_kWh.get(country);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** Allocation-free variant for hot paths: NaN when the country has no grid factor. */
  double gridOrNaN_g_per_kWh(String country) {
    Double v = grid_g_per_kWh.get(country);
    return v == null ? Double.NaN : v;
  }

  /** Countries with a grid factor, sorted. */
  public List<String> listGridCountries() {
    return List.copyOf(new TreeSet<>(grid_g_per_kWh.keySet()));
  }

  /** Cargo tonnes per loaded TEU for a class: average, light or heavy. */
  public Optional<Double> findTeuMass_t(String teuClass) {
    return findParameter("teu-mass." + teuClass.toLowerCase(Locale.ROOT))
        .map(EmissionFactor::value);
  }

  /**
   * Multiplier from the unit's mass of CO2e to grams: 1000 for kg, 1 for g, 1 for non-CO2e units.
   */
  static double gramsPerUnit(String unit) {
    String u = unit.strip();
    if (u.startsWith("kg CO2e")) {
      return 1000;
    }
    if (u.startsWith("t CO2e")) {
      return 1_000_000;
    }
    return 1;
  }

  private static String key(String id, Optional<Scope> scope) {
    return id + "|" + scope.map(Enum::name).orElse("");
  }

  private static InputStream resource(String name) {
    InputStream in = EmissionFactors.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("resource " + name + " is missing from the emissions jar");
    }
    return in;
  }

  private static List<EmissionFactor> readFactors(Reader in, String name) {
    List<String> required =
        List.of(
            "id",
            "kind",
            "value",
            "unit",
            "scope",
            "source",
            "source_ref",
            "year",
            "licence",
            "confidence",
            "note");
    List<EmissionFactor> out = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    try (CSVParser p = TextFiles.CSV.parse(in)) {
      for (String column : required) {
        if (!p.getHeaderMap().containsKey(column)) {
          throw new EmissionsException(name + ": missing column " + column + " in the header");
        }
      }
      for (CSVRecord r : p) {
        long line = p.getCurrentLineNumber();
        String where = name + " line " + line;
        String id = text(r, "id", where);
        String scopeText = r.get("scope").strip();
        Optional<Scope> scope;
        if (scopeText.isEmpty() || scopeText.equals("-")) {
          scope = Optional.empty();
        } else {
          try {
            scope = Optional.of(Scope.valueOf(scopeText.toUpperCase(Locale.ROOT)));
          } catch (IllegalArgumentException e) {
            throw new EmissionsException(
                where + ", field scope: '" + scopeText + "' is not WTT, TTW, WTW or -");
          }
        }
        double value = number(r, "value", where);
        int year = (int) number(r, "year", where);
        String k = key(id, scope);
        Long earlier = seen.putIfAbsent(k, line);
        if (earlier != null) {
          throw new EmissionsException(
              where
                  + ", field id: "
                  + id
                  + " "
                  + scopeText
                  + " is already defined on line "
                  + earlier);
        }
        out.add(
            new EmissionFactor(
                id,
                text(r, "kind", where),
                value,
                text(r, "unit", where),
                scope,
                text(r, "source", where),
                r.get("source_ref").strip(),
                year,
                text(r, "licence", where),
                r.get("confidence").strip(),
                r.get("note").strip()));
      }
    } catch (IOException e) {
      throw new EmissionsException("cannot read " + name + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new EmissionsException(name + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Map<String, Category> readCategories(
      Reader in, String name, Map<String, EmissionFactor> factors) {
    Map<String, Category> out = new LinkedHashMap<>();
    try (CSVParser p = TextFiles.CSV.parse(in)) {
      for (String column : List.of("category", "kind", "method", "factor", "daf", "note")) {
        if (!p.getHeaderMap().containsKey(column)) {
          throw new EmissionsException(name + ": missing column " + column + " in the header");
        }
      }
      for (CSVRecord r : p) {
        String where = name + " line " + p.getCurrentLineNumber();
        String id = text(r, "category", where);
        String kind = text(r, "kind", where);
        String method = text(r, "method", where);
        String factorId = text(r, "factor", where);
        String lowId = optional(r, "low").orElse(factorId);
        String highId = optional(r, "high").orElse(factorId);
        String daf = r.get("daf").strip();
        DistanceBasis basis =
            switch (optional(r, "factor_basis").orElse("actual")) {
              case "actual" -> DistanceBasis.ACTUAL;
              case "sfd" -> DistanceBasis.SFD;
              default ->
                  throw new EmissionsException(
                      where
                          + ", field factor_basis: '"
                          + r.get("factor_basis").strip()
                          + "' is not actual or sfd");
            };
        boolean hub =
            switch (kind) {
              case "toc" -> false;
              case "hoc" -> true;
              default ->
                  throw new EmissionsException(
                      where + ", field kind: '" + kind + "' is not toc or hoc");
            };
        switch (method) {
          case "intensity", "per-teu", "rail-ferry" -> {
            for (String[] f :
                new String[][] {{"factor", factorId}, {"low", lowId}, {"high", highId}}) {
              for (Scope s : List.of(Scope.WTT, Scope.TTW)) {
                if (!factors.containsKey(key(f[1], Optional.of(s)))) {
                  throw new EmissionsException(
                      where
                          + ", field "
                          + f[0]
                          + ": no "
                          + s
                          + " row for factor "
                          + f[1]
                          + " in the factor table");
                }
              }
            }
          }
          case "electric" -> {
            EmissionFactor energy = factors.get(key(factorId, Optional.empty()));
            if (energy == null || !energy.unit().equals("kWh/tkm")) {
              throw new EmissionsException(
                  where + ", field factor: " + factorId + " must be an energy row in kWh/tkm");
            }
          }
          default ->
              throw new EmissionsException(
                  where
                      + ", field method: '"
                      + method
                      + "' is not intensity, electric, rail-ferry or per-teu");
        }
        if (hub != method.equals("per-teu")) {
          throw new EmissionsException(
              where + ", field method: hubs use per-teu, transport does not");
        }
        if (!hub && !factors.containsKey(key(daf, Optional.empty()))) {
          throw new EmissionsException(
              where + ", field daf: no distance adjustment factor '" + daf + "'");
        }
        if (out.containsKey(id)) {
          throw new EmissionsException(where + ", field category: " + id + " is defined twice");
        }
        out.put(
            id,
            new Category(
                id,
                hub,
                method,
                factorId,
                lowId,
                highId,
                daf.isEmpty() ? Optional.empty() : Optional.of(daf),
                basis,
                r.get("note").strip()));
      }
    } catch (IOException e) {
      throw new EmissionsException("cannot read " + name + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Optional<String> optional(CSVRecord r, String field) {
    String v = r.isMapped(field) && r.isSet(field) ? r.get(field).strip() : "";
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static String text(CSVRecord r, String field, String where) {
    String v = r.isMapped(field) && r.isSet(field) ? r.get(field).strip() : "";
    if (v.isEmpty()) {
      throw new EmissionsException(where + ", field " + field + ": value is empty");
    }
    return v;
  }

  private static double number(CSVRecord r, String field, String where) {
    String v = text(r, field, where);
    return TextFiles.finiteNumber(v)
        .orElseThrow(
            () ->
                new EmissionsException(
                    where + ", field " + field + ": '" + v + "' is not a number"));
  }
}

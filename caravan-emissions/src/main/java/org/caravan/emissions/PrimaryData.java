package org.caravan.emissions;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.caravan.network.io.TextFiles;

/**
 * Carriers' own intensities per TOC (ISO 14083 primary data), read from a CSV file with the columns
 * {@code toc, carrier, wtt_g_per_tkm, ttw_g_per_tkm, fuel, fuel_per_tkm, fuel_unit, source}. A row
 * gives either a stated intensity (both g columns) or a fuel use, which is converted with the fuel
 * factors. An empty carrier applies to every leg of that TOC without a more specific row. Immutable
 * once read.
 */
public final class PrimaryData {
  private static final PrimaryData NONE = new PrimaryData(Map.of());
  private final Map<String, PrimaryIntensity> byTocAndCarrier;

  private PrimaryData(Map<String, PrimaryIntensity> byTocAndCarrier) {
    this.byTocAndCarrier = Map.copyOf(byTocAndCarrier);
  }

  /** No primary data: every leg uses the defaults. */
  public static PrimaryData none() {
    return NONE;
  }

  /** Primary data given in code, keyed by TOC with no carrier. */
  public static PrimaryData ofToc(Map<String, PrimaryIntensity> byToc) {
    Map<String, PrimaryIntensity> m = new HashMap<>();
    byToc.forEach((toc, p) -> m.put(key(toc, ""), p));
    return new PrimaryData(m);
  }

  /** Reads a primary-data file. */
  public static PrimaryData load(Path file, EmissionFactors factors) {
    try (Reader in = TextFiles.open(file)) {
      return read(in, file.toString(), factors);
    } catch (NoSuchFileException e) {
      throw new EmissionsException("cannot read primary data " + file + ": no such file");
    } catch (IOException e) {
      throw new EmissionsException(
          "cannot read primary data " + file + ": " + TextFiles.describe(e));
    }
  }

  /** Reads primary data; {@code name} is used in error messages. */
  public static PrimaryData read(Reader in, String name, EmissionFactors factors) {
    Map<String, PrimaryIntensity> out = new HashMap<>();
    CSVFormat format = TextFiles.CSV;
    try (CSVParser p = format.parse(in)) {
      if (!p.getHeaderMap().containsKey("toc")) {
        throw new EmissionsException(name + ": missing column toc in the header");
      }
      boolean stated =
          p.getHeaderMap().containsKey("wtt_g_per_tkm")
              && p.getHeaderMap().containsKey("ttw_g_per_tkm");
      boolean fuel =
          p.getHeaderMap().containsKey("fuel")
              && p.getHeaderMap().containsKey("fuel_per_tkm")
              && p.getHeaderMap().containsKey("fuel_unit");
      if (!stated && !fuel) {
        throw new EmissionsException(
            name
                + ": missing columns: need wtt_g_per_tkm and ttw_g_per_tkm, or fuel, fuel_per_tkm and fuel_unit");
      }
      for (CSVRecord r : p) {
        String where = name + " line " + p.getCurrentLineNumber();
        String toc = get(r, "toc");
        if (toc.isEmpty()) {
          throw new EmissionsException(where + ", field toc: value is empty");
        }
        if (factors.findCategory(toc).filter(c -> !c.hub()).isEmpty()) {
          throw new EmissionsException(where + ", field toc: unknown TOC '" + toc + "'");
        }
        String carrier = get(r, "carrier");
        String source = get(r, "source");
        String label =
            "primary data "
                + name
                + " line "
                + p.getCurrentLineNumber()
                + (carrier.isEmpty() ? "" : " (" + carrier + ")")
                + (source.isEmpty() ? "" : ": " + source);
        PrimaryIntensity intensity =
            parseRow(
                get(r, "wtt_g_per_tkm"),
                get(r, "ttw_g_per_tkm"),
                get(r, "fuel"),
                get(r, "fuel_per_tkm"),
                get(r, "fuel_unit"),
                label,
                where,
                factors);
        if (out.put(key(toc, carrier), intensity) != null) {
          throw new EmissionsException(
              where + ": a second row for toc " + toc + " and carrier '" + carrier + "'");
        }
      }
    } catch (IOException e) {
      throw new EmissionsException("cannot read " + name + ": " + TextFiles.describe(e));
    }
    return new PrimaryData(out);
  }

  /** The carrier's row for the TOC, else the TOC's row without carrier, else empty. */
  public Optional<PrimaryIntensity> find(String toc, Optional<String> carrier) {
    if (byTocAndCarrier.isEmpty()) {
      return Optional.empty();
    }
    if (carrier.isPresent()) {
      PrimaryIntensity p = byTocAndCarrier.get(key(toc, carrier.get()));
      if (p != null) {
        return Optional.of(p);
      }
    }
    return Optional.ofNullable(byTocAndCarrier.get(key(toc, "")));
  }

  /**
   * Builds one intensity from either stated g/tkm values or a fuel use; shared by the primary-data
   * file and inline chain-file columns. {@code where} prefixes error messages; field names follow.
   */
  static PrimaryIntensity parseRow(
      String wtt,
      String ttw,
      String fuel,
      String fuelPerTkm,
      String fuelUnit,
      String source,
      String where,
      EmissionFactors factors) {
    boolean hasStated = !wtt.isEmpty() || !ttw.isEmpty();
    boolean hasFuel = !fuel.isEmpty() || !fuelPerTkm.isEmpty() || !fuelUnit.isEmpty();
    if (hasStated && hasFuel) {
      throw new EmissionsException(
          where + ": give either wtt_g_per_tkm/ttw_g_per_tkm or fuel/fuel_per_tkm, not both");
    }
    if (hasStated) {
      return PrimaryIntensity.of(
          nonNegative(wtt, "wtt_g_per_tkm", where),
          nonNegative(ttw, "ttw_g_per_tkm", where),
          source);
    }
    if (!hasFuel) {
      throw new EmissionsException(
          where
              + ": no intensity: give wtt_g_per_tkm and ttw_g_per_tkm, or fuel, fuel_per_tkm and fuel_unit");
    }
    return fromFuel(
        fuel, nonNegative(fuelPerTkm, "fuel_per_tkm", where), fuelUnit, source, where, factors);
  }

  /** Converts a fuel use per tonne-km to an intensity with the fuel factors (l, kg or kWh). */
  static PrimaryIntensity fromFuel(
      String fuel,
      double amountPerTkm,
      String unit,
      String source,
      String where,
      EmissionFactors factors) {
    String f = fuel.strip().toLowerCase(Locale.ROOT);
    String u = unit.strip().toLowerCase(Locale.ROOT);
    if (f.isEmpty()) {
      throw new EmissionsException(where + ", field fuel: value is empty");
    }
    if (f.equals("electricity")) {
      if (!u.equals("kwh")) {
        throw new EmissionsException(
            where + ", field fuel_unit: electricity is given in kwh, not '" + unit + "'");
      }
      return new PrimaryIntensity(0, 0, amountPerTkm, source, List.of());
    }
    String suffix;
    double gramsPerFactorUnit;
    switch (u) {
      case "l" -> {
        suffix = "l";
        gramsPerFactorUnit = 1000;
      }
      case "kg" -> {
        suffix = "t";
        gramsPerFactorUnit = 1;
      } // kg CO2e per t of fuel = g per kg
      case "kwh" -> {
        suffix = "kwh";
        gramsPerFactorUnit = 1000;
      }
      default ->
          throw new EmissionsException(
              where + ", field fuel_unit: '" + unit + "' is not l, kg or kwh");
    }
    String id = "fuel." + f + "." + suffix;
    EmissionFactor wtt =
        factors.find(id, Scope.WTT).orElseThrow(() -> unknownFuel(where, fuel, unit, factors));
    EmissionFactor ttw =
        factors.find(id, Scope.TTW).orElseThrow(() -> unknownFuel(where, fuel, unit, factors));
    return new PrimaryIntensity(
        amountPerTkm * wtt.value() * gramsPerFactorUnit,
        amountPerTkm * ttw.value() * gramsPerFactorUnit,
        0,
        source,
        List.of(id));
  }

  private static EmissionsException unknownFuel(
      String where, String fuel, String unit, EmissionFactors factors) {
    List<String> known =
        factors.list().stream()
            .filter(x -> x.kind().equals("fuel"))
            .map(EmissionFactor::id)
            .distinct()
            .toList();
    return new EmissionsException(
        where
            + ", field fuel: no factor for fuel '"
            + fuel
            + "' in "
            + unit
            + " (known: electricity in kwh, "
            + String.join(", ", known)
            + ")");
  }

  private static double nonNegative(String text, String field, String where) {
    if (text.isEmpty()) {
      throw new EmissionsException(where + ", field " + field + ": value is empty");
    }
    double v;
    try {
      v = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new EmissionsException(where + ", field " + field + ": '" + text + "' is not a number");
    }
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new EmissionsException(where + ", field " + field + ": must be >= 0, was " + text);
    }
    return v;
  }

  private static String get(CSVRecord r, String field) {
    return r.isMapped(field) && r.isSet(field) ? r.get(field).strip() : "";
  }

  private static String key(String toc, String carrier) {
    return toc + "|" + carrier;
  }
}

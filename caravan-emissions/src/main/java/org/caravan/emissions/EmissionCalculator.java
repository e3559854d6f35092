package org.caravan.emissions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The entry point: computes ISO 14083 emissions of transport chains and of single legs from a
 * factor table and optional primary data. Built once (see {@link #withDefaults()}); immutable and
 * safe to share between threads. The per-leg calls ({@link #co2eWtw_g}) look up precomputed
 * per-TOC numbers and allocate nothing, so routing can call them for every link it relaxes.
 */
public final class EmissionCalculator {
  private final EmissionFactors factors;
  private final PrimaryData primary;
  private final Map<String, TocModel> tocs = new HashMap<>();
  private final Map<String, HocModel> hocs = new HashMap<>();

  /** Precomputed numbers for one TOC: g/tkm (intensity method) or kWh/tkm (electric). */
  private record TocModel(
      String id, boolean electric, double wtt_g_per_tkm, double ttw_g_per_tkm, double energy_kWh_per_tkm,
      String dafId, double daf, List<String> factorIds, String source) {}

  private record HocModel(String id, double wtt_g_per_teu, double ttw_g_per_teu, String factorId, String source) {}

  public EmissionCalculator(EmissionFactors factors, PrimaryData primary) {
    this.factors = factors;
    this.primary = primary;
    for (String id : factors.listCategoryIds()) {
      Category c = factors.findCategory(id).orElseThrow();
      if (c.hub()) {
        EmissionFactor wtt = factors.find(c.factorId(), Scope.WTT).orElseThrow();
        EmissionFactor ttw = factors.find(c.factorId(), Scope.TTW).orElseThrow();
        hocs.put(id, new HocModel(id, wtt.value() * EmissionFactors.gramsPerUnit(wtt.unit()),
            ttw.value() * EmissionFactors.gramsPerUnit(ttw.unit()), c.factorId(), ttw.source()));
        continue;
      }
      String dafId = c.dafId().orElseThrow();
      double daf = factors.findParameter(dafId).orElseThrow().value();
      if (c.method().equals("electric")) {
        EmissionFactor energy = factors.findParameter(c.factorId()).orElseThrow();
        List<String> ids = new ArrayList<>(List.of(c.factorId()));
        double loss = 0;
        Optional<EmissionFactor> lossRow = factors.findParameter("rail-electric.supply-loss");
        if (lossRow.isPresent()) {
          loss = lossRow.get().value();
          ids.add(lossRow.get().id());
        }
        tocs.put(id, new TocModel(id, true, 0, 0, energy.value() * (1 + loss), dafId, daf, List.copyOf(ids),
            energy.source() + " x Ember grid intensity"));
      } else {
        EmissionFactor wtt = factors.find(c.factorId(), Scope.WTT).orElseThrow();
        EmissionFactor ttw = factors.find(c.factorId(), Scope.TTW).orElseThrow();
        tocs.put(id, new TocModel(id, false, wtt.value() * EmissionFactors.gramsPerUnit(wtt.unit()),
            ttw.value() * EmissionFactors.gramsPerUnit(ttw.unit()), 0, dafId, daf, List.of(c.factorId()),
            ttw.source()));
      }
    }
  }

  /** A calculator over the packed default factors and no primary data. */
  public static EmissionCalculator withDefaults() {
    return new EmissionCalculator(EmissionFactors.loadDefault(), PrimaryData.none());
  }

  public EmissionFactors factors() {
    return factors;
  }

  /**
   * Computes every element of a chain and the total.
   *
   * @throws EmissionsException naming the leg and field when a category, country or factor is unknown
   */
  public ChainResult compute(List<? extends ChainElement> chain) {
    List<ElementResult> out = new ArrayList<>(chain.size());
    int index = 1;
    for (ChainElement e : chain) {
      out.add(computeElement(e, index++));
    }
    return ChainResult.of(out);
  }

  /** Computes one element; {@code index} (from 1) is used in the result and in error messages. */
  public ElementResult computeElement(ChainElement element, int index) {
    return switch (element) {
      case TransportLeg leg -> computeLeg(leg, index);
      case HubOperation hub -> computeHub(hub, index);
    };
  }

  /**
   * Well-to-wheel grams CO2e for one consignment on one leg, with the leg distance taken as SFD
   * (the TOC's distance adjustment factor applies) and primary data for the TOC if the calculator
   * has any without a carrier. Allocation-free.
   *
   * @param countries country codes the leg runs through; needed for electric traction only
   * @param countryKm kilometres in each country, same order; shares are taken in proportion
   * @throws EmissionsException for an unknown TOC or a country without a grid factor
   */
  public double co2eWtw_g(String toc, double distance_km, double mass_t, String[] countries, double[] countryKm) {
    TocModel m = toc(toc);
    Optional<PrimaryIntensity> p = primary.find(toc, Optional.empty());
    double wtw_g_per_tkm;
    if (p.isPresent()) {
      PrimaryIntensity pi = p.get();
      wtw_g_per_tkm = pi.wtt_g_per_tkm() + pi.ttw_g_per_tkm()
          + (pi.electricity_kWh_per_tkm() > 0 ? pi.electricity_kWh_per_tkm() * meanGrid(toc, countries, countryKm) : 0);
    } else if (m.electric()) {
      wtw_g_per_tkm = m.energy_kWh_per_tkm() * meanGrid(toc, countries, countryKm);
    } else {
      wtw_g_per_tkm = m.wtt_g_per_tkm() + m.ttw_g_per_tkm();
    }
    return mass_t * distance_km * m.daf() * wtw_g_per_tkm;
  }

  /** As {@link #co2eWtw_g(String, double, double, String[], double[])} with a list of countries. */
  public double co2eWtw_g(String toc, double distance_km, double mass_t, List<CountryKm> countries) {
    return legIntensity(toc, countries).co2eWtw_g(distance_km, mass_t);
  }

  /**
   * The intensity of a TOC over these countries (default or TOC-wide primary data), for callers that
   * want to compute it once per link and multiply later.
   */
  public LegIntensity legIntensity(String toc, List<CountryKm> countries) {
    TocModel m = toc(toc);
    Optional<PrimaryIntensity> p = primary.find(toc, Optional.empty());
    if (p.isPresent()) {
      PrimaryIntensity pi = p.get();
      double el = pi.electricity_kWh_per_tkm() > 0 ? pi.electricity_kWh_per_tkm() * meanGrid(toc, countries) : 0;
      return new LegIntensity(pi.wtt_g_per_tkm() + el, pi.ttw_g_per_tkm(), m.daf());
    }
    if (m.electric()) {
      return new LegIntensity(m.energy_kWh_per_tkm() * meanGrid(toc, countries), 0, m.daf());
    }
    return new LegIntensity(m.wtt_g_per_tkm(), m.ttw_g_per_tkm(), m.daf());
  }

  private ElementResult computeLeg(TransportLeg leg, int index) {
    String where = "leg " + index + " '" + leg.label() + "'";
    TocModel m = tocs.get(leg.toc());
    if (m == null) {
      throw new EmissionsException(where + ", field toc: " + unknownToc(leg.toc()));
    }
    double daf = leg.distanceBasis() == DistanceBasis.SFD ? m.daf() : 1.0;
    double adjusted_km = leg.distance_km() * daf;
    double tkm = leg.mass_t() * adjusted_km;
    Set<String> ids = new LinkedHashSet<>();
    Optional<PrimaryIntensity> p = leg.primary().or(() -> primary.find(leg.toc(), leg.carrier()));
    double wtt_g_per_tkm;
    double ttw_g_per_tkm;
    String source;
    DataKind kind;
    if (p.isPresent()) {
      PrimaryIntensity pi = p.get();
      wtt_g_per_tkm = pi.wtt_g_per_tkm();
      ttw_g_per_tkm = pi.ttw_g_per_tkm();
      ids.addAll(pi.factorIds());
      if (pi.electricity_kWh_per_tkm() > 0) {
        wtt_g_per_tkm += pi.electricity_kWh_per_tkm() * meanGrid(where, leg.countries(), ids);
      }
      if (ids.isEmpty()) {
        ids.add("primary");
      }
      source = pi.source();
      kind = DataKind.PRIMARY;
    } else if (m.electric()) {
      ids.addAll(m.factorIds());
      wtt_g_per_tkm = m.energy_kWh_per_tkm() * meanGrid(where, leg.countries(), ids);
      ttw_g_per_tkm = 0;
      source = m.source();
      kind = DataKind.DEFAULT;
    } else {
      ids.addAll(m.factorIds());
      wtt_g_per_tkm = m.wtt_g_per_tkm();
      ttw_g_per_tkm = m.ttw_g_per_tkm();
      source = m.source();
      kind = DataKind.DEFAULT;
    }
    if (leg.distanceBasis() == DistanceBasis.SFD) {
      ids.add(m.dafId());
    }
    Emissions e = new Emissions(tkm * wtt_g_per_tkm, tkm * ttw_g_per_tkm);
    return new ElementResult(index, leg.label(), false, leg.toc(), leg.distance_km(), adjusted_km, leg.mass_t(),
        teuOf(leg.mass_t()), e, List.copyOf(ids), source, kind);
  }

  private ElementResult computeHub(HubOperation hub, int index) {
    HocModel m = hocs.get(hub.hoc());
    if (m == null) {
      throw new EmissionsException("leg " + index + " '" + hub.label() + "', field hoc: unknown HOC '" + hub.hoc()
          + "' (known: " + String.join(", ", hocs.keySet().stream().sorted().toList()) + ")");
    }
    Emissions e = new Emissions(hub.teu() * m.wtt_g_per_teu(), hub.teu() * m.ttw_g_per_teu());
    return new ElementResult(index, hub.label(), true, hub.hoc(), 0, 0, hub.mass_t(), hub.teu(), e,
        List.of(m.factorId()), m.source(), DataKind.DEFAULT);
  }

  private double teuOf(double mass_t) {
    return factors.findTeuMass_t("average").map(t -> mass_t / t).orElse(Double.NaN);
  }

  private TocModel toc(String toc) {
    TocModel m = tocs.get(toc);
    if (m == null) {
      throw new EmissionsException(unknownToc(toc));
    }
    return m;
  }

  private String unknownToc(String toc) {
    return "unknown TOC '" + toc + "' (known: " + String.join(", ", tocs.keySet().stream().sorted().toList()) + ")";
  }

  /** Grid intensity averaged over the countries in proportion to their km, in g/kWh. */
  private double meanGrid(String where, List<CountryKm> countries, Set<String> ids) {
    if (countries.isEmpty()) {
      throw new EmissionsException(where + ", field countries: electric traction needs the countries the leg "
          + "runs through (e.g. CN or CN:2100;KZ:300)");
    }
    double sumKm = 0;
    double weighted = 0;
    for (CountryKm c : countries) {
      double g = grid(where, c.country());
      ids.add("grid." + c.country());
      sumKm += c.distance_km();
      weighted += c.distance_km() * g;
    }
    if (sumKm > 0) {
      return weighted / sumKm;
    }
    if (countries.size() == 1) {
      return grid(where, countries.getFirst().country());
    }
    throw new EmissionsException(where + ", field countries: km per country add up to 0");
  }

  private double meanGrid(String toc, List<CountryKm> countries) {
    return meanGrid("TOC " + toc, countries, new java.util.HashSet<>());
  }

  private double meanGrid(String toc, String[] countries, double[] km) {
    if (countries == null || countries.length == 0) {
      throw new EmissionsException("TOC " + toc + ": electric traction needs the countries the leg runs through");
    }
    if (km == null || km.length != countries.length) {
      throw new EmissionsException("TOC " + toc + ": one km value per country is needed");
    }
    double sumKm = 0;
    double weighted = 0;
    for (int i = 0; i < countries.length; i++) {
      double g = factors.gridOrNaN_g_per_kWh(countries[i]);
      if (Double.isNaN(g)) {
        grid("TOC " + toc, countries[i]); // throws with the full message
      }
      sumKm += km[i];
      weighted += km[i] * g;
    }
    if (sumKm > 0) {
      return weighted / sumKm;
    }
    if (countries.length == 1) {
      return grid("TOC " + toc, countries[0]);
    }
    throw new EmissionsException("TOC " + toc + ": km per country add up to 0");
  }

  private double grid(String where, String country) {
    OptionalDouble g = factors.findGrid_g_per_kWh(country);
    if (g.isEmpty()) {
      throw new EmissionsException(where + ", field countries: no grid intensity for country '" + country
          + "' (known: " + String.join(" ", factors.listGridCountries())
          + "); add a grid." + country + " row to factors.csv or use primary data");
    }
    return g.getAsDouble();
  }
}

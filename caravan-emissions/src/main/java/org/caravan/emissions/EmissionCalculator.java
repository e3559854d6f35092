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
 * safe to share between threads. The per-leg calls ({@link #co2eWtw_g}) look up precomputed per-TOC
 * numbers and allocate nothing, so routing can call them for every link it relaxes.
 */
public final class EmissionCalculator {
  private final EmissionFactors factors;
  private final PrimaryData primary;
  private final Map<String, TocModel> tocs = new HashMap<>();
  private final Map<String, HocModel> hocs = new HashMap<>();

  /**
   * Precomputed numbers for one TOC: g/tkm (intensity and rail-ferry methods) or kWh/tkm
   * (electric), each as central, low and high. {@code daf} is 1 when the factor is on an SFD basis
   * (no adjustment of SFD legs).
   */
  private record TocModel(
      String id,
      boolean electric,
      double wtt_g_per_tkm,
      double ttw_g_per_tkm,
      double energy_kWh_per_tkm,
      double wtwLow_g_per_tkm,
      double wtwHigh_g_per_tkm,
      double energyLow_kWh_per_tkm,
      double energyHigh_kWh_per_tkm,
      String dafId,
      double daf,
      List<String> factorIds,
      String source) {}

  private record HocModel(
      String id,
      double wtt_g_per_teu,
      double ttw_g_per_teu,
      double low_g_per_teu,
      double high_g_per_teu,
      String factorId,
      String source) {}

  public EmissionCalculator(EmissionFactors factors, PrimaryData primary) {
    this.factors = factors;
    this.primary = primary;
    for (String id : factors.listCategoryIds()) {
      Category c = factors.findCategory(id).orElseThrow();
      if (c.hub()) {
        hocs.put(
            id,
            new HocModel(
                id,
                grams(c.factorId(), Scope.WTT),
                grams(c.factorId(), Scope.TTW),
                wtw(c.lowId()),
                wtw(c.highId()),
                c.factorId(),
                factors.find(c.factorId(), Scope.TTW).orElseThrow().source()));
        continue;
      }
      String dafId = c.dafId().orElseThrow();
      double daf =
          c.factorBasis() == DistanceBasis.ACTUAL
              ? factors.findParameter(dafId).orElseThrow().value()
              : 1.0;
      List<String> ids = new ArrayList<>(List.of(c.factorId()));
      switch (c.method()) {
        case "electric" -> {
          double[] energy = trainEnergy(c.factorId(), ids);
          tocs.put(
              id,
              new TocModel(
                  id,
                  true,
                  0,
                  0,
                  energy[0],
                  0,
                  0,
                  energy[1],
                  energy[2],
                  dafId,
                  daf,
                  List.copyOf(ids),
                  factors.findParameter(c.factorId()).orElseThrow().source()
                      + " x Ember grid intensity"));
        }
        case "rail-ferry" -> {
          double[] ratio = ferryGrossPerNet(ids);
          tocs.put(
              id,
              new TocModel(
                  id,
                  false,
                  grams(c.factorId(), Scope.WTT) * ratio[0],
                  grams(c.factorId(), Scope.TTW) * ratio[0],
                  0,
                  wtw(c.lowId()) * ratio[1],
                  wtw(c.highId()) * ratio[2],
                  0,
                  0,
                  dafId,
                  daf,
                  List.copyOf(ids),
                  factors.find(c.factorId(), Scope.TTW).orElseThrow().source()
                      + " on cargo + container and wagon tare"));
        }
        default ->
            tocs.put(
                id,
                new TocModel(
                    id,
                    false,
                    grams(c.factorId(), Scope.WTT),
                    grams(c.factorId(), Scope.TTW),
                    0,
                    Math.min(wtw(c.lowId()), wtw(c.factorId())),
                    Math.max(wtw(c.highId()), wtw(c.factorId())),
                    0,
                    0,
                    dafId,
                    daf,
                    List.of(c.factorId()),
                    factors.find(c.factorId(), Scope.TTW).orElseThrow().source()));
      }
    }
  }

  private double grams(String factorId, Scope scope) {
    EmissionFactor f = factors.find(factorId, scope).orElseThrow();
    return f.value() * EmissionFactors.gramsPerUnit(f.unit());
  }

  private double wtw(String factorId) {
    return grams(factorId, Scope.WTT) + grams(factorId, Scope.TTW);
  }

  private OptionalDouble param(String id, List<String> ids) {
    Optional<EmissionFactor> f = factors.findParameter(id);
    f.ifPresent(x -> ids.add(x.id()));
    return f.isPresent() ? OptionalDouble.of(f.get().value()) : OptionalDouble.empty();
  }

  /**
   * Electric container trains: the published energy per net tkm of the measured train is turned
   * into energy per gross tkm (its net and gross tonnes), then multiplied by the gross/net ratio of
   * a corridor block train ({@link ContainerTrain}) at the central, best and worst load factor and
   * empty return, and by (1 + T&D loss). Without the train parameters in the table, the published
   * figure is used as it is.
   *
   * @return central, low and high kWh per net tkm at the pantograph plus losses
   */
  private double[] trainEnergy(String energyId, List<String> ids) {
    double e = factors.findParameter(energyId).orElseThrow().value();
    double loss = param("rail-electric.supply-loss", ids).orElse(0);
    OptionalDouble net = param("lipasto16.container-train.net-t", ids);
    OptionalDouble gross = param("lipasto16.container-train.gross-t", ids);
    if (net.isEmpty() || gross.isEmpty()) {
      double v = e * (1 + loss);
      return new double[] {v, v, v};
    }
    double perGross = e * net.getAsDouble() / gross.getAsDouble();
    double[] r = trainRatios(ids, true);
    return new double[] {
      perGross * r[0] * (1 + loss), perGross * r[1] * (1 + loss), perGross * r[2] * (1 + loss)
    };
  }

  /** Gross/net of loaded wagons on a ferry (no empty return on board): central, best, worst. */
  private double[] ferryGrossPerNet(List<String> ids) {
    return trainRatios(ids, false);
  }

  private double[] trainRatios(List<String> ids, boolean withReturn) {
    double w = param("tare.wagon-per-teu", ids).orElse(0);
    double wBest = param("tare.wagon-per-teu.best", ids).orElse(w);
    double wWorst = param("tare.wagon-per-teu.worst", ids).orElse(w);
    double c = param("tare.container-per-teu", ids).orElse(0);
    double m = factors.findTeuMass_t("average").orElse(10.0);
    double lf = param("rail-container.load-factor", ids).orElse(1);
    double lfBest = param("rail-container.load-factor.best", ids).orElse(lf);
    double lfWorst = param("rail-container.load-factor.worst", ids).orElse(lf);
    double er = withReturn ? param("rail-container.empty-return", ids).orElse(0) : 0;
    double erBest = withReturn ? param("rail-container.empty-return.best", ids).orElse(er) : 0;
    double erWorst = withReturn ? param("rail-container.empty-return.worst", ids).orElse(er) : 0;
    return new double[] {
      ContainerTrain.grossPerNet(w, c, m, lf, er),
      ContainerTrain.grossPerNet(wBest, c, m, lfBest, erBest),
      ContainerTrain.grossPerNet(wWorst, c, m, lfWorst, erWorst)
    };
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
   * @throws EmissionsException naming the leg and field when a category, country or factor is
   *     unknown
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
  public double co2eWtw_g(
      String toc, double distance_km, double mass_t, String[] countries, double[] countryKm) {
    TocModel m = toc(toc);
    Optional<PrimaryIntensity> p = primary.find(toc, Optional.empty());
    double wtw_g_per_tkm;
    if (p.isPresent()) {
      PrimaryIntensity pi = p.get();
      wtw_g_per_tkm =
          pi.wtt_g_per_tkm()
              + pi.ttw_g_per_tkm()
              + (pi.electricity_kWh_per_tkm() > 0
                  ? pi.electricity_kWh_per_tkm() * meanGrid(toc, countries, countryKm)
                  : 0);
    } else if (m.electric()) {
      wtw_g_per_tkm = m.energy_kWh_per_tkm() * meanGrid(toc, countries, countryKm);
    } else {
      wtw_g_per_tkm = m.wtt_g_per_tkm() + m.ttw_g_per_tkm();
    }
    return mass_t * distance_km * m.daf() * wtw_g_per_tkm;
  }

  /** As {@link #co2eWtw_g(String, double, double, String[], double[])} with a list of countries. */
  public double co2eWtw_g(
      String toc, double distance_km, double mass_t, List<CountryKm> countries) {
    return legIntensity(toc, countries).co2eWtw_g(distance_km, mass_t);
  }

  /**
   * The intensity of a TOC over these countries (default or TOC-wide primary data), for callers
   * that want to compute it once per link and multiply later.
   */
  public LegIntensity legIntensity(String toc, List<CountryKm> countries) {
    TocModel m = toc(toc);
    Optional<PrimaryIntensity> p = primary.find(toc, Optional.empty());
    if (p.isPresent()) {
      PrimaryIntensity pi = p.get();
      double el =
          pi.electricity_kWh_per_tkm() > 0
              ? pi.electricity_kWh_per_tkm() * meanGrid(toc, countries)
              : 0;
      return new LegIntensity(pi.wtt_g_per_tkm() + el, pi.ttw_g_per_tkm(), m.daf());
    }
    if (m.electric()) {
      double g = meanGrid(toc, countries);
      return new LegIntensity(
          m.energy_kWh_per_tkm() * g,
          0,
          m.daf(),
          m.energyLow_kWh_per_tkm() * g,
          m.energyHigh_kWh_per_tkm() * g);
    }
    return new LegIntensity(
        m.wtt_g_per_tkm(), m.ttw_g_per_tkm(), m.daf(), m.wtwLow_g_per_tkm(), m.wtwHigh_g_per_tkm());
  }

  /** The well-to-wheel CO2e range of one hub handling per TEU, in grams: low and high. */
  public WtwRange hubRangePerTeu_g(String hoc) {
    HocModel m = hocs.get(hoc);
    if (m == null) {
      throw new EmissionsException("unknown HOC '" + hoc + "'");
    }
    return new WtwRange(m.low_g_per_teu(), m.high_g_per_teu());
  }

  private ElementResult computeLeg(TransportLeg leg, int index) {
    String where = "leg " + index + " '" + leg.label() + "'";
    TocModel m = tocs.get(leg.toc());
    if (m == null) {
      throw new EmissionsException(where + ", field toc: " + unknownToc(leg.toc()));
    }
    double daf = leg.distanceBasis() == DistanceBasis.SFD ? m.daf() : 1.0;
    double lowFactor = 1;
    double highFactor = 1;
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
      lowFactor = m.energyLow_kWh_per_tkm() / m.energy_kWh_per_tkm();
      highFactor = m.energyHigh_kWh_per_tkm() / m.energy_kWh_per_tkm();
      ttw_g_per_tkm = 0;
      source = m.source();
      kind = DataKind.DEFAULT;
    } else {
      ids.addAll(m.factorIds());
      wtt_g_per_tkm = m.wtt_g_per_tkm();
      ttw_g_per_tkm = m.ttw_g_per_tkm();
      double central = wtt_g_per_tkm + ttw_g_per_tkm;
      lowFactor = central > 0 ? m.wtwLow_g_per_tkm() / central : 1;
      highFactor = central > 0 ? m.wtwHigh_g_per_tkm() / central : 1;
      source = m.source();
      kind = DataKind.DEFAULT;
    }
    if (leg.distanceBasis() == DistanceBasis.SFD && m.daf() != 1.0) {
      ids.add(m.dafId());
    }
    Emissions e = new Emissions(tkm * wtt_g_per_tkm, tkm * ttw_g_per_tkm);
    WtwRange range = new WtwRange(e.wtw_g() * lowFactor, e.wtw_g() * highFactor);
    return new ElementResult(
        index,
        leg.label(),
        false,
        leg.toc(),
        leg.distance_km(),
        adjusted_km,
        leg.mass_t(),
        teuOf(leg.mass_t()),
        e,
        List.copyOf(ids),
        source,
        kind,
        range);
  }

  private ElementResult computeHub(HubOperation hub, int index) {
    HocModel m = hocs.get(hub.hoc());
    if (m == null) {
      throw new EmissionsException(
          "leg "
              + index
              + " '"
              + hub.label()
              + "', field hoc: unknown HOC '"
              + hub.hoc()
              + "' (known: "
              + String.join(", ", hocs.keySet().stream().sorted().toList())
              + ")");
    }
    Emissions e = new Emissions(hub.teu() * m.wtt_g_per_teu(), hub.teu() * m.ttw_g_per_teu());
    WtwRange range =
        new WtwRange(
            Math.min(hub.teu() * m.low_g_per_teu(), e.wtw_g()),
            Math.max(hub.teu() * m.high_g_per_teu(), e.wtw_g()));
    return new ElementResult(
        index,
        hub.label(),
        true,
        hub.hoc(),
        0,
        0,
        hub.mass_t(),
        hub.teu(),
        e,
        List.of(m.factorId()),
        m.source(),
        DataKind.DEFAULT,
        range);
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
    return "unknown TOC '"
        + toc
        + "' (known: "
        + String.join(", ", tocs.keySet().stream().sorted().toList())
        + ")";
  }

  /** Grid intensity averaged over the countries in proportion to their km, in g/kWh. */
  private double meanGrid(String where, List<CountryKm> countries, Set<String> ids) {
    if (countries.isEmpty()) {
      throw new EmissionsException(
          where
              + ", field countries: electric traction needs the countries the leg "
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
      throw new EmissionsException(
          "TOC " + toc + ": electric traction needs the countries the leg runs through");
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
      throw new EmissionsException(
          where
              + ", field countries: no grid intensity for country '"
              + country
              + "' (known: "
              + String.join(" ", factors.listGridCountries())
              + "); add a grid."
              + country
              + " row to factors.csv or use primary data");
    }
    return g.getAsDouble();
  }
}

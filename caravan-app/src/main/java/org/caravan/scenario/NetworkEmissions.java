package org.caravan.scenario;

import java.util.ArrayList;
import java.util.List;
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.EmissionsException;
import org.caravan.emissions.HubOperation;
import org.caravan.emissions.LegIntensity;
import org.caravan.emissions.VehicleCategories;
import org.caravan.emissions.WtwRange;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.RouteRequest;

/**
 * Routing's CO2e criterion from the ISO 14083 calculator: each link's intensity per tonne (WTT, TTW
 * and the low and high WTW of its factor range) is computed once when the network is loaded
 * (emissions are linear in mass), so a query multiplies instead of recomputing. The emission
 * category is chosen by what runs on the link ({@link VehicleCategories}: rail ferries, the
 * Asia-Europe lane). A link's kilometres are split over the countries it lists by {@link
 * Network#kmPerCountry} (it matters only for electric rail, whose grid intensity differs by
 * country). Hubs use the hub operation category of the node's kind. A link whose TOC or country has
 * no factor fails at load time, naming the link. Immutable; shared by all queries.
 */
public final class NetworkEmissions implements EmissionModel {
  /** Grams per tonne over the whole link: WTT, TTW, low WTW, high WTW at index 4l .. 4l+3. */
  private final double[] link_g_per_t;

  /** Grams per TEU handled: WTT, TTW, low WTW, high WTW at index 4v .. 4v+3. */
  private final double[] hub_g_per_teu;

  private final String[] linkToc;
  private final String[] hubHoc;

  /** WTT share, low/central and high/central of the road TOC, for splitting access legs' WTW. */
  private final double roadWttShare;

  private final double roadLow;
  private final double roadHigh;

  /** One element's CO2e in grams: WTT, TTW and the WTW range. */
  public record Co2e(double wtt_g, double ttw_g, double low_g, double high_g) {
    public static final Co2e ZERO = new Co2e(0, 0, 0, 0);

    public double wtw_g() {
      return wtt_g + ttw_g;
    }

    public Co2e plus(Co2e o) {
      return new Co2e(wtt_g + o.wtt_g, ttw_g + o.ttw_g, low_g + o.low_g, high_g + o.high_g);
    }

    Co2e times(double f) {
      return new Co2e(wtt_g * f, ttw_g * f, low_g * f, high_g * f);
    }
  }

  NetworkEmissions(Network network, EmissionCalculator calc) {
    int m = network.linkCount();
    link_g_per_t = new double[4 * m];
    linkToc = new String[m];
    List<Problem> problems = new ArrayList<>();
    for (int l = 0; l < m; l++) {
      double km = network.distance_m(l) / 1000.0;
      String toc =
          VehicleCategories.emissionToc(
              network.link(l).toc(), network.link(l).ferryType(), network.linkCountries(l));
      linkToc[l] = toc;
      try {
        LegIntensity li = calc.legIntensity(toc, countryKm(network, l));
        double tkm = km * li.daf();
        link_g_per_t[4 * l] = li.wtt_g_per_tkm() * tkm;
        link_g_per_t[4 * l + 1] = li.ttw_g_per_tkm() * tkm;
        link_g_per_t[4 * l + 2] = li.wtwLow_g_per_tkm() * tkm;
        link_g_per_t[4 * l + 3] = li.wtwHigh_g_per_tkm() * tkm;
      } catch (EmissionsException e) {
        if (!network.isReverse(l)) {
          problems.add(
              new Problem(
                  network.spec().origin("links", network.link(l).id(), "toc"),
                  "toc",
                  e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    LegIntensity road = calc.legIntensity(Planner.ROAD_TOC, List.of());
    roadWttShare = road.wtt_g_per_tkm() / road.wtw_g_per_tkm();
    roadLow = road.wtwLow_g_per_tkm() / road.wtw_g_per_tkm();
    roadHigh = road.wtwHigh_g_per_tkm() / road.wtw_g_per_tkm();
    int n = network.nodeCount();
    hub_g_per_teu = new double[4 * n];
    hubHoc = new String[n];
    for (int v = 0; v < n; v++) {
      String hoc =
          switch (network.nodeKind(v)) {
            case PORT -> "hub-port";
            case BORDER, GAUGE_CHANGE -> "hub-gauge-change";
            case TERMINAL, CITY -> "hub-rail-terminal";
          };
      hubHoc[v] = hoc;
      var e =
          calc.computeElement(
              new HubOperation(network.nodeId(v), hoc, 1, RouteRequest.DEFAULT_TEU_MASS_T), 0);
      WtwRange r = e.range();
      hub_g_per_teu[4 * v] = e.emissions().wtt_g();
      hub_g_per_teu[4 * v + 1] = e.emissions().ttw_g();
      hub_g_per_teu[4 * v + 2] = r.low_g();
      hub_g_per_teu[4 * v + 3] = r.high_g();
    }
  }

  /**
   * A link's kilometres per country ({@link Network#kmPerCountry}), as the emission calculator
   * takes them.
   */
  public static List<CountryKm> countryKm(Network network, int link) {
    List<String> countries = network.linkCountries(link);
    double km = Network.kmPerCountry(network.distance_m(link) / 1000.0, countries);
    List<CountryKm> split = new ArrayList<>();
    for (String c : countries) {
      split.add(new CountryKm(c, km));
    }
    return split;
  }

  @Override
  public double linkCo2e_g(Network network, int link, double mass_t) {
    return (link_g_per_t[4 * link] + link_g_per_t[4 * link + 1]) * mass_t;
  }

  @Override
  public double hubCo2e_g(Network network, int node, double teu) {
    return (hub_g_per_teu[4 * node] + hub_g_per_teu[4 * node + 1]) * teu;
  }

  /**
   * CO2e of moving {@code mass_t} over a link, scaled by {@code scale} (a sea-lane override of its
   * length).
   */
  public Co2e link(int link, double mass_t, double scale) {
    int i = 4 * link;
    return new Co2e(link_g_per_t[i], link_g_per_t[i + 1], link_g_per_t[i + 2], link_g_per_t[i + 3])
        .times(mass_t * scale);
  }

  /** CO2e of handling {@code teu} once at a node. */
  public Co2e hub(int node, double teu) {
    int i = 4 * node;
    return new Co2e(
            hub_g_per_teu[i], hub_g_per_teu[i + 1], hub_g_per_teu[i + 2], hub_g_per_teu[i + 3])
        .times(teu);
  }

  /**
   * A road access leg's WTW split into WTT, TTW and the range of the road TOC ({@link
   * Planner#ROAD_TOC}).
   */
  public Co2e road(double wtw_g) {
    return new Co2e(
        wtw_g * roadWttShare, wtw_g * (1 - roadWttShare), wtw_g * roadLow, wtw_g * roadHigh);
  }

  /** The emission category charged on a link (after {@link VehicleCategories}). */
  public String linkToc(int link) {
    return linkToc[link];
  }

  /** The hub operation category of a node. */
  public String hubHoc(int node) {
    return hubHoc[node];
  }
}

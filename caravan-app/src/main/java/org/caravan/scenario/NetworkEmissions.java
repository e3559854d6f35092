package org.caravan.scenario;

import java.util.ArrayList;
import java.util.List;
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.EmissionsException;
import org.caravan.emissions.HubOperation;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.network.Problem;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.RouteRequest;

/**
 * Routing's CO2e criterion from the ISO 14083 calculator: each link's well-to-wheel intensity per tonne is
 * computed once when the network is loaded (emissions are linear in mass), so a query multiplies instead of
 * recomputing. A link's kilometres are split over the countries it lists by {@link Network#kmPerCountry} (it
 * matters only for electric rail, whose grid intensity differs by country). Hubs use the
 * hub operation category of the node's kind. A link whose TOC or country has no factor fails at load time,
 * naming the link.
 */
public final class NetworkEmissions implements EmissionModel {
  private final double[] wtw_g_per_t;
  private final double[] hub_g_per_teu;

  NetworkEmissions(Network network, EmissionCalculator calc) {
    int m = network.linkCount();
    wtw_g_per_t = new double[m];
    List<Problem> problems = new ArrayList<>();
    for (int l = 0; l < m; l++) {
      double km = network.distance_m(l) / 1000.0;
      try {
        wtw_g_per_t[l] = calc.co2eWtw_g(network.link(l).toc(), km, 1.0, countryKm(network, l));
      } catch (EmissionsException e) {
        if (!network.isReverse(l)) {
          problems.add(new Problem(network.spec().origin("links", network.link(l).id(), "toc"), "toc", e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    hub_g_per_teu = new double[network.nodeCount()];
    for (int v = 0; v < network.nodeCount(); v++) {
      String hoc = switch (network.nodeKind(v)) {
        case PORT -> "hub-port";
        case BORDER, GAUGE_CHANGE -> "hub-gauge-change";
        case TERMINAL, CITY -> "hub-rail-terminal";
      };
      hub_g_per_teu[v] = calc.computeElement(new HubOperation(network.nodeId(v), hoc, 1, RouteRequest.DEFAULT_TEU_MASS_T), 0).emissions().wtw_g();
    }
  }

  /** A link's kilometres per country ({@link Network#kmPerCountry}), as the emission calculator takes them. */
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
    return wtw_g_per_t[link] * mass_t;
  }

  @Override
  public double hubCo2e_g(Network network, int node, double teu) {
    return hub_g_per_teu[node] * teu;
  }
}

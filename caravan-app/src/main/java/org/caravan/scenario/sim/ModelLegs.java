package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caravan.emissions.CountryKm;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.EmissionsException;
import org.caravan.emissions.VehicleCategories;
import org.caravan.network.LinkSpec;
import org.caravan.network.Network;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.scenario.NetworkEmissions;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * The model's legs as one model build makes them, shared by every flow whose route has the same leg
 * (same mode, same links), with the handling at each leg's end and the CO2e of a unit over a route.
 * The legs' gates, ports and crossings come from {@link ModelParts}.
 */
final class ModelLegs {
  /** A route as model legs, its legs as text, and the CO2e of one unit over it. */
  record PathLegs(int[] legs, List<String> text, double co2e_g) {}

  private final Network network;
  private final EmissionCalculator emissions;
  private final ModelParts parts;
  private final List<CorridorSpec.Leg> legs = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Integer, Double> endHandling = new HashMap<>();

  ModelLegs(Network network, EmissionCalculator emissions, ModelParts parts) {
    this.network = network;
    this.emissions = emissions;
    this.parts = parts;
  }

  /** The model legs of {@code route} (each made on first use), for a unit of {@code mass_t}. */
  PathLegs path(Route route, int to, double mass_t) {
    List<Leg> rl = route.legs();
    int[] legIds = new int[rl.size()];
    List<String> legText = new ArrayList<>();
    double co2e = 0;
    for (int k = 0; k < rl.size(); k++) {
      Leg leg = rl.get(k);
      int[] links = leg.links();
      String key = leg.mode() + ":" + Arrays.toString(links);
      Integer li = index.get(key);
      if (li == null) {
        li = legs.size();
        legs.add(parts.leg(leg, uniqueId(leg)));
        index.put(key, li);
      }
      legIds[k] = li;
      double end = k + 1 < rl.size() ? rl.get(k + 1).transfer_s() : network.handling_s(to);
      endHandling.merge(li, end, Math::max);
      legText.add(leg.from() + ">" + leg.to() + " " + leg.mode().name().toLowerCase(Locale.ROOT));
      for (int l : links) {
        co2e += co2eOfLink(l, mass_t);
      }
    }
    return new PathLegs(legIds, legText, co2e);
  }

  /**
   * The legs, each with the longest handling at its end over the routes that use it (a crossing has
   * none: its far port's handling is part of the crossing).
   */
  List<CorridorSpec.Leg> withEndHandling() {
    List<CorridorSpec.Leg> out = new ArrayList<>(legs.size());
    for (int li = 0; li < legs.size(); li++) {
      CorridorSpec.Leg l = legs.get(li);
      double end =
          l.kind() == CorridorSpec.LegKind.CROSSING ? 0 : endHandling.getOrDefault(li, 0.0);
      out.add(l.withEndHandling(end));
    }
    return out;
  }

  /**
   * The id of a new model leg: {@code from>to:mode}, followed by its first link's id when another
   * leg already has that id (two services between the same ports, such as a liner and the CRM
   * layer's charter): leg ids name KPIs.
   */
  private String uniqueId(Leg leg) {
    String id = leg.from() + ">" + leg.to() + ":" + leg.mode().name().toLowerCase(Locale.ROOT);
    if (legs.stream().noneMatch(x -> x.id().equals(id))) {
      return id;
    }
    return id + "[" + network.link(leg.links()[0]).id() + "]";
  }

  /** Well-to-wheel CO2e of a unit of {@code mass_t} over one link; 0 where no TOC applies. */
  private double co2eOfLink(int l, double mass_t) {
    LinkSpec ls = network.link(l);
    if (ls.toc() == null || ls.toc().isBlank()) {
      return 0;
    }
    double km = network.distance_m(l) / 1000.0;
    List<CountryKm> split = NetworkEmissions.countryKm(network, l);
    try {
      String toc =
          VehicleCategories.emissionToc(ls.toc(), ls.ferryType(), network.linkCountries(l));
      return emissions.co2eWtw_g(toc, km, mass_t, split);
    } catch (EmissionsException e) {
      return 0;
    }
  }
}

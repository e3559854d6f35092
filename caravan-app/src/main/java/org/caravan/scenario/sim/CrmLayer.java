package org.caravan.scenario.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caravan.crm.CrmDataset;
import org.caravan.crm.RiskAnalysis;
import org.caravan.crm.RiskAnalysis.RoutedFlow;
import org.caravan.network.Network;
import org.caravan.routing.CargoClass;
import org.caravan.routing.Route;
import org.caravan.routing.SeaLanes;
import org.caravan.routing.TableCargoRules;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.ResolvedScenario.Demand;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * The critical-raw-material demand layer (docs/CRM.md): with {@code demand.crm_flows: true} the
 * flows of {@code data/crm/flows.csv} join the scenario's flows, each on the route the risk view
 * gives it (the least-cost route its material's cargo rules allow, the Trans-Caspian uranium quota
 * applied), so the run reports their delivery times and reliability per material: their corridor
 * label is {@code crm-<material>}.
 *
 * <p>Packaging decides the unit: bulk materials (ore, concentrate in big bags) ride wagons of the
 * scenario's {@code wagon_mass_t}; the others (cathodes, drums) ride 40 ft units of two 20 ft boxes
 * of {@link RiskAnalysis#UNIT_MASS_T} each (EST). The flows do not grow (the dataset has no growth
 * figures). Tonnes the rules leave without a route are not simulated (the risk view names them).
 *
 * <p>Every flow of the dataset boards at a producer's station (a mine or a plant) in Kazakhstan,
 * whose practice is wagonload (the default scenario's Kazakh flows, CPMM22KZ): its wagons are
 * marshalled over the first rail section as the scenario's {@code service: wagonload} flows are
 * ({@link Wagonload}, at the scenario's {@code formation.wagonload_speed_kmh}), unless it boards at
 * a border station or a gauge change ({@link Wagonload#marshalledAt}, the router's rule too).
 */
final class CrmLayer {
  /** Corridor label prefix of the layer's flows. */
  static final String LABEL_PREFIX = "crm-";

  /** A flow of the layer, its legs and CO2e still to be filled in, and its route. */
  record Unit(CorridorSpec.Flow flow, Route route) {}

  private CrmLayer() {}

  /** The network with the CRM overlay, which the layer's routes need. */
  static Caravan caravan() {
    return Caravan.openCrm();
  }

  /**
   * The layer's flows, routed on {@code crm} (the {@link #caravan()}) for a departure at the
   * scenario's start, marshalled at {@code wagonloadSpeed_kmh}.
   */
  static List<Unit> units(Caravan crm, Demand d, double wagonloadSpeed_kmh, long departure_s) {
    Network n = crm.network();
    RiskAnalysis analysis =
        new RiskAnalysis(
            n,
            CrmDataset.loadDefault(n),
            TableCargoRules.loadDefault(),
            crm.networkEmissions(),
            SeaLanes.load(),
            crm.nominalRouterOptions(),
            // As the scenario's own flows: assigned without simulated waits and without dated
            // sea-lane switches (ModelBuilder, CorridorRoutes).
            Set.of(),
            departure_s);
    List<RoutedFlow> routed = analysis.routedFlows();
    List<Unit> out = new ArrayList<>();
    for (RoutedFlow r : routed) {
      if (r.tonnes_yr() <= 0) {
        continue;
      }
      long parts = routed.stream().filter(x -> x.flow().id().equals(r.flow().id())).count();
      String id = "crm:" + r.flow().id() + (parts > 1 ? ":" + r.route().corridor() : "");
      boolean wagon = r.material().cargo() == CargoClass.BULK;
      double tonnesPerUnit = wagon ? d.wagonMass_t() : 2 * RiskAnalysis.UNIT_MASS_T;
      double marshal_s =
          Wagonload.marshalledAt(n.nodeKind(n.getNode(r.flow().origin())))
              ? Wagonload.firstSection(n, r.route()).marshal_s(wagonloadSpeed_kmh)
              : 0;
      out.add(
          new Unit(
              new CorridorSpec.Flow(
                  id,
                  r.flow().origin(),
                  r.flow().destination(),
                  LABEL_PREFIX + r.material().id(),
                  wagon ? "wagon" : "container",
                  r.tonnes_yr() / tonnesPerUnit,
                  0,
                  wagon ? 0 : 2,
                  tonnesPerUnit,
                  new int[] {0},
                  0,
                  CorridorSpec.Reaction.NONE,
                  marshal_s,
                  marshal_s * Wagonload.SD_SHARE),
              r.route()));
    }
    return out;
  }
}

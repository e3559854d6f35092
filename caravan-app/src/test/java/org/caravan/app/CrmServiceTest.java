package org.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.caravan.crm.CrmData.Flow;
import org.caravan.crm.CrmData.Material;
import org.caravan.crm.CrmDataset;
import org.caravan.crm.RiskAnalysis;
import org.caravan.crm.RiskReport;
import org.caravan.crm.RiskReport.FlowRoutes;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.network.Network;
import org.caravan.network.Passage;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.scenario.Caravan;
import org.junit.jupiter.api.Test;

/**
 * The risk view tells the route planner's story: each flow's least-cost route has the days and
 * price that the planner's router (simulated waits, wagonload marshalling, dated rate tables) gives
 * for the same shipment on the CRM network.
 */
class CrmServiceTest {
  @Test
  void every_flow_is_timed_and_priced_as_the_route_planner_answers() {
    RiskReport report = new CrmService().report(Optional.empty());
    Caravan crm = Caravan.openCrm();
    Network n = crm.network();
    CrmDataset data = CrmDataset.loadDefault(n);
    int checked = 0;
    for (var m : report.materials()) {
      for (FlowRoutes fr : m.flows()) {
        if (fr.routes().isEmpty()) {
          continue;
        }
        Flow f =
            data.flows().stream().filter(x -> x.id().equals(fr.id())).findFirst().orElseThrow();
        Material mat = data.material(f.material()).orElseThrow();
        Route r =
            crm.router()
                .route(
                    RouteRequest.of(
                            n.getNode(f.origin()),
                            n.getNode(f.destination()),
                            CrmService.DEPARTURE.getEpochSecond())
                        .withCargo(1, RiskAnalysis.UNIT_MASS_T, mat.cargo(), mat.unClass())
                        .withAvoid(f.avoidCountries(), diverted(crm))
                        .withObjective(Objective.COST, 1))
                .routes()
                .getFirst();
        RoutedPart best = fr.routes().getFirst();
        assertThat(best.days()).as(f.id()).isCloseTo(r.transitDays(), within(0.006));
        assertThat(best.costUsd_t())
            .as(f.id())
            .isCloseTo(r.cost_cents() / 100.0 / RiskAnalysis.UNIT_MASS_T, within(0.006));
        // Every flow boards at a producer's station in Kazakhstan: its first leg is rail and its
        // wagons are marshalled (the wait table's wagonload rows).
        assertThat(r.legs().getFirst().marshal_s()).as(f.id()).isPositive();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(5);
  }

  @Test
  void alternatives_sail_round_the_red_sea_while_the_planners_diversion_is_in_force() {
    // On the reference departure (2026-12-01) lanes.csv keeps the Red Sea diversion in force
    // (RED-SEA, estimate to 2026-12-31): `caravan route` sails round the Cape, so must the view.
    Caravan crm = Caravan.openCrm();
    assertThat(diverted(crm)).contains(Passage.SUEZ, Passage.BABELMANDEB);
    ObjectNode json = new CrmService().risk(Optional.of("russia-transit-closure"));
    assertThat(json.path("departure").asText()).isEqualTo("2026-12-01");
    assertThat(json.path("sea_lanes").findValuesAsText("id")).containsExactly("RED-SEA");
    int alternatives = 0;
    for (JsonNode s : json.path("stranded")) {
      for (JsonNode a : s.path("alternative")) {
        // Without the diversion these rail-to-Lianyungang alternatives sailed through Suez.
        assertThat(a.path("corridor").asText()).isEqualTo("sea");
        List<String> chokepoints = new ArrayList<>();
        a.path("chokepoints").forEach(c -> chokepoints.add(c.asText()));
        assertThat(chokepoints).as(s.path("flow").asText()).doesNotContain("suez");
        // The map draws the lane sailed: round the Cape of Good Hope, never through the Red Sea.
        double south = 90;
        for (JsonNode stop : a.path("path")) {
          double lat = stop.path("lat").asDouble();
          double lon = stop.path("lon").asDouble();
          south = Math.min(south, lat);
          assertThat(lat > 12 && lat < 30 && lon > 32 && lon < 44)
              .as(s.path("flow").asText() + " point " + lat + "," + lon + " in the Red Sea")
              .isFalse();
        }
        assertThat(south).as(s.path("flow").asText()).isLessThan(-30);
        alternatives++;
      }
    }
    assertThat(alternatives).isEqualTo(3);
  }

  private static Set<Passage> diverted(Caravan crm) {
    Set<Passage> out = EnumSet.noneOf(Passage.class);
    crm.laneSwitches(CrmService.DEPARTURE.getEpochSecond()).forEach(s -> out.addAll(s.avoid()));
    return out;
  }
}

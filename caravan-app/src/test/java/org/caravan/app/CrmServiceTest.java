package org.caravan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
                        .withAvoid(f.avoidCountries(), Set.of())
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
}

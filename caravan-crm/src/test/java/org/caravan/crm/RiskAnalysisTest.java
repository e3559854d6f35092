package org.caravan.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caravan.crm.CrmData.Flow;
import org.caravan.crm.RiskReport.FlowRoutes;
import org.caravan.crm.RiskReport.MaterialRisk;
import org.caravan.crm.RiskReport.RoutedPart;
import org.caravan.crm.RiskReport.Share;
import org.caravan.crm.RiskReport.Stranded;
import org.caravan.network.Corridors;
import org.caravan.network.Network;
import org.caravan.routing.CargoClass;
import org.caravan.routing.EmissionModel;
import org.caravan.routing.Leg;
import org.caravan.routing.Objective;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.routing.SeaLaneOverrides;
import org.caravan.routing.SeasonalRisks;
import org.caravan.routing.TableCargoRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The risk view on the built-in network and dataset (real router, real cargo rules). */
class RiskAnalysisTest {
  private static final long DEPART_S = 1_796_083_200L; // 2026-12-01T00:00Z
  private static Network network;
  private static CrmDataset data;
  private static TableCargoRules rules;

  @BeforeAll
  static void load() {
    network = Network.build(CrmNetwork.spec());
    data = CrmDataset.loadDefault(network);
    rules = TableCargoRules.loadDefault();
  }

  private static RiskAnalysis analysis(CrmDataset d, TableCargoRules r) {
    return new RiskAnalysis(
        network,
        d,
        r,
        EmissionModel.NONE,
        SeaLaneOverrides.NONE,
        Router.Options.NONE.withCorridors(
            Corridors.loadDefault(network), SeasonalRisks.loadDefault()),
        Set.of(),
        DEPART_S);
  }

  @Test
  void every_material_is_listed_and_its_tonnes_add_up() {
    RiskReport report = analysis(data, rules).analyse();
    assertThat(report.materials())
        .extracting(MaterialRisk::id)
        .containsExactlyElementsOf(data.materials().stream().map(CrmData.Material::id).toList());
    for (MaterialRisk m : report.materials()) {
      double flows =
          data.flows().stream()
              .filter(f -> f.material().equals(m.id()))
              .mapToDouble(Flow::tonnes_yr)
              .sum();
      assertThat(m.tonnes_yr()).isEqualTo(flows);
      assertThat(m.chokepointSets().stream().mapToDouble(Share::tonnes_yr).sum())
          .isCloseTo(flows, within(0.01));
      for (FlowRoutes f : m.flows()) {
        double routed =
            f.routes().stream().mapToDouble(RoutedPart::tonnes_yr).sum() + f.unrouted_t();
        assertThat(routed).isCloseTo(f.tonnes_yr(), within(0.01));
      }
      for (Share c : m.chokepoints()) {
        assertThat(c.tonnes_yr()).isLessThanOrEqualTo(m.tonnes_yr() + 0.01);
      }
      if (m.tonnes_yr() > 0) {
        assertThat(m.routeHhi()).isBetween(1.0, 10_000.0);
      }
    }
  }

  @Test
  void uranium_takes_the_trans_caspian_chain_by_charter_from_poti() {
    RiskReport report = analysis(data, rules).analyse();
    MaterialRisk u =
        report.materials().stream().filter(m -> m.id().equals("uranium")).findFirst().orElseThrow();
    RoutedPart part = u.flows().getFirst().routes().getFirst();
    assertThat(part.chokepoints()).contains("caspian");
    assertThat(part.countries()).doesNotContain("RU", "BY");
    assertThat(part.legs()).anyMatch(l -> l.startsWith("sea GEPTI->ROCND") && !l.contains("SVC-"));
  }

  @Test
  void a_uranium_flow_never_uses_a_scheduled_liner_or_a_port_that_refuses_class_7() {
    // The built-in rules plus a port that refuses class 7 on the chain's usual path (Poti).
    List<TableCargoRules.Rule> more = new ArrayList<>(rules.rules());
    more.add(
        new TableCargoRules.Rule(
            TableCargoRules.Scope.NODE,
            "GEPTI",
            CargoClass.DANGEROUS,
            7,
            "EST",
            "test port refusing class 7"));
    TableCargoRules withPort = new TableCargoRules(more);
    for (TableCargoRules r : List.of(rules, withPort)) {
      Router router =
          new Router(network, EmissionModel.NONE, r, SeaLaneOverrides.NONE, Router.Options.NONE);
      for (String origin : List.of("KZKZO", "KZALA", "KZPLX")) {
        for (String dest : List.of("ROCND", "DEHAM", "NLRTM", "GRPIR")) {
          RouteRequest q =
              RouteRequest.of(network.getNode(origin), network.getNode(dest), DEPART_S)
                  .withCargo(1, 20, CargoClass.DANGEROUS, 7)
                  .withObjective(Objective.PARETO, 1);
          for (Route route : router.route(q).routes()) {
            for (Leg leg : route.legs()) {
              for (int l : leg.links()) {
                String toc = network.link(l).toc();
                assertThat(toc).isNotIn("sea-container-large", "sea-container-feeder");
                assertThat(network.link(l).id()).isNotEqualTo("GEPTI-BGBOJ-ferry");
                if (r == withPort) {
                  assertThat(network.nodeId(network.linkFrom(l))).isNotEqualTo("GEPTI");
                  assertThat(network.nodeId(network.linkTo(l))).isNotEqualTo("GEPTI");
                }
              }
            }
          }
        }
      }
    }
    RiskReport report = analysis(data, withPort).analyse();
    for (FlowRoutes f : report.materials().getFirst().flows()) {
      f.routes().forEach(p -> assertThat(p.legs()).noneMatch(l -> l.contains("GEPTI")));
    }
  }

  @Test
  void caspian_closure_strands_the_uranium_flow_and_names_an_alternative_without_the_caspian() {
    RiskReport report =
        analysis(data, rules).analyse(data.disruption("caspian-closure").orElseThrow());
    assertThat(report.stranded()).extracting(Stranded::flow).contains("u-kz-eu", "mn-kz-eu");
    // Uranium avoids Russia and Belarus and has no transit permit through Iran: with the Caspian
    // closed it has no
    // allowed route at all, and the answer says so instead of inventing one.
    Stranded u =
        report.stranded().stream()
            .filter(s -> s.flow().equals("u-kz-eu"))
            .findFirst()
            .orElseThrow();
    assertThat(u.tonnes_yr()).isEqualTo(3500);
    assertThat(u.alternative()).isEmpty();
    assertThat(u.noAlternative()).isPresent();
    // Manganese (bulk, no class-7 rules) has an alternative, without the Caspian and without Russia
    // or Belarus.
    Stranded mn =
        report.stranded().stream()
            .filter(s -> s.flow().equals("mn-kz-eu"))
            .findFirst()
            .orElseThrow();
    assertThat(mn.alternative()).isNotEmpty();
    mn.alternative().forEach(p -> assertThat(p.chokepoints()).doesNotContain("caspian"));
    mn.alternative().forEach(p -> assertThat(p.countries()).doesNotContain("RU", "BY"));
    for (Stranded s : report.stranded()) {
      assertThat(s.before()).anyMatch(p -> p.chokepoints().contains("caspian"));
    }
    // The price of the preference: lifting as little of it as possible (Russia alone), the
    // historical route through Russia; never presented as an allowed alternative.
    var k = u.conditional().orElseThrow();
    assertThat(k.condition()).contains("RU").contains("REUTERS22");
    assertThat(k.routes()).hasSize(1);
    assertThat(k.routes().getFirst().chokepoints()).contains("russia-transit");
    assertThat(k.routes().getFirst().countries()).doesNotContain("BY");
    assertThat(mn.conditional()).isEmpty();
  }

  @Test
  void the_conditional_uranium_route_uses_no_liner_and_avoids_a_port_that_refuses_class_7() {
    // St Petersburg refused class 7 during the 2018 World Cup (WNN221220): with that rule the
    // conditional route must find another way or none, never through the port.
    List<TableCargoRules.Rule> more = new ArrayList<>(rules.rules());
    more.add(
        new TableCargoRules.Rule(
            TableCargoRules.Scope.NODE,
            "RULED",
            CargoClass.DANGEROUS,
            7,
            "EST",
            "test: St Petersburg closed to class 7"));
    for (TableCargoRules r : List.of(rules, new TableCargoRules(more))) {
      RiskReport report = analysis(data, r).analyse(data.disruption("caspian-closure").get());
      Stranded u =
          report.stranded().stream()
              .filter(s -> s.flow().equals("u-kz-eu"))
              .findFirst()
              .orElseThrow();
      for (RoutedPart p : u.conditional().map(c -> c.routes()).orElse(List.of())) {
        assertThat(p.legs()).noneMatch(l -> l.contains("(SVC-"));
        if (r != rules) {
          assertThat(p.legs()).noneMatch(l -> l.contains("RULED"));
        }
      }
    }
  }

  @Test
  void russia_transit_is_a_chokepoint_of_every_route_through_russia() {
    RiskReport report = analysis(data, rules).analyse();
    for (MaterialRisk m : report.materials()) {
      for (FlowRoutes f : m.flows()) {
        for (RoutedPart p : f.routes()) {
          assertThat(p.chokepoints().contains("russia-transit"))
              .as(f.id())
              .isEqualTo(p.countries().contains("RU"));
        }
      }
    }
    MaterialRisk copper = report.materials().get(1);
    assertThat(copper.chokepoints())
        .filteredOn(c -> c.id().equals("russia-transit"))
        .extracting(Share::share)
        .containsExactly(1.0);
    RiskReport closed =
        analysis(data, rules).analyse(data.disruption("russia-transit-closure").orElseThrow());
    assertThat(closed.stranded()).extracting(Stranded::flow).contains("cu-kz-eu");
    for (Stranded s : closed.stranded()) {
      s.alternative().forEach(p -> assertThat(p.countries()).doesNotContain("RU"));
    }
  }

  @Test
  void tonnes_over_a_quota_take_the_next_route_avoiding_the_chokepoint() {
    List<Flow> flows = new ArrayList<>(data.flows());
    Flow u = flows.getFirst();
    flows.set(
        0,
        new Flow(
            u.id(),
            u.material(),
            u.origin(),
            u.destination(),
            5000,
            u.tonnesSource(),
            u.destinationSource(),
            u.avoidCountries(),
            u.avoidSource(),
            u.notes()));
    CrmDataset bigger = new CrmDataset(data.materials(), flows, data.risks());
    FlowRoutes f = analysis(bigger, rules).analyse().materials().getFirst().flows().getFirst();
    assertThat(f.routes().get(0).tonnes_yr()).isEqualTo(3500);
    assertThat(f.routes().get(0).chokepoints()).contains("caspian");
    // The tonnes over the quota look for a route avoiding the Caspian; for uranium (no Russia,
    // Belarus or Iran)
    // there is none, so they stay unrouted with the reason, and parts plus unrouted still add up to
    // the flow.
    double routed = f.routes().stream().mapToDouble(RoutedPart::tonnes_yr).sum();
    assertThat(routed + f.unrouted_t()).isEqualTo(5000);
    if (f.routes().size() > 1) {
      assertThat(f.routes().get(1).chokepoints()).doesNotContain("caspian");
      assertThat(f.routes().get(1).quotaNote()).isPresent();
    } else {
      assertThat(f.unrouted_t()).isEqualTo(1500);
      assertThat(f.noRoute()).isPresent();
    }
  }

  @Test
  void hhi_is_10000_for_one_route_and_5000_for_two_equal_ones() {
    assertThat(Tally.hhi(List.of(7.0), 7)).isEqualTo(10_000);
    assertThat(Tally.hhi(List.of(3.0, 3.0), 6)).isEqualTo(5_000);
    assertThat(Tally.hhi(List.of(), 0)).isZero();
    assertThat(Set.of(Tally.hhi(List.of(1.0, 1.0, 1.0, 1.0), 4))).containsExactly(2_500.0);
  }
}

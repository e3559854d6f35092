package org.caravan.simulation.corridor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The model's reactions on tiny corridors whose answers are worked out by hand: re-routing around a
 * closure, waiting it out, empty boxes going back, and a yard that holds trains when full.
 */
class ReactionsTest {
  private static final long DAY = 86_400;
  private static final long H = 3_600;
  private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  /**
   * A → B → C by two rail legs (10 h section, then a 10 h border at B) or directly A → C by one 30
   * h rail leg. One-unit trains leave at once; gates pass a train a second, so nothing queues.
   * Closure of the border B over {@code [start, end)}.
   */
  private static CorridorSpec triangle(boolean reroute, long start, long end) {
    var reaction =
        new CorridorSpec.Reaction(reroute, new int[][] {{2}}, new double[] {3_000}, -1, 0, false);
    var flow =
        new CorridorSpec.Flow(
            "f",
            "A",
            "C",
            "middle",
            "container",
            3_650,
            0,
            2,
            20,
            new int[] {0, 1},
            1_000,
            reaction,
            0,
            0);
    var ab = rail("A>B", 0);
    var bc = rail("B>C", 1);
    var ac = rail("A>C", 2);
    var gates =
        List.of(
            new CorridorSpec.Gate("A-B", CorridorSpec.GateKind.SECTION, "A-B", 86_400, 10 * H, 0),
            new CorridorSpec.Gate("B", CorridorSpec.GateKind.BORDER, "B", 86_400, 10 * H, 0),
            new CorridorSpec.Gate("A-C", CorridorSpec.GateKind.SECTION, "A-C", 86_400, 30 * H, 0));
    var closure = new CorridorSpec.Closure("b", new int[0], new int[] {1}, start, end);
    return new CorridorSpec(
        120 * DAY,
        20 * DAY,
        DAY,
        1,
        FLAT,
        1,
        0,
        List.of(flow),
        List.of(ab, bc, ac),
        gates,
        List.of(),
        List.of(),
        new CorridorSpec.Hazards(List.of(), List.of(closure)));
  }

  private static CorridorSpec.Leg rail(String id, int gate) {
    return new CorridorSpec.Leg(
        id,
        CorridorSpec.LegKind.RAIL,
        id.substring(0, 1),
        id.substring(2),
        new int[] {gate},
        -1,
        0,
        0,
        0);
  }

  private static KpiCatalogue.Replication run(CorridorSpec spec) {
    Layout layout = Layout.of(spec);
    return new KpiCatalogue.Replication(layout, new CorridorModel(layout, 0, 5).run());
  }

  private static double kpi(CorridorSpec spec, KpiCatalogue.Replication x, String name) {
    KpiCatalogue c = new KpiCatalogue(Layout.of(spec));
    for (KpiCatalogue.Kpi k : c.kpis()) {
      if (k.name().equals(name)) {
        return k.value().applyAsDouble(x);
      }
    }
    throw new AssertionError("no KPI " + name);
  }

  /** Units released after the warm-up whose door-to-door time is at least {@code hours}. */
  private static long slowerThan(Histogram h, double hours) {
    long n = 0;
    for (var v : h.recordedValues()) {
      if (v.getValueIteratedTo() >= hours * 60) {
        n += v.getCountAtValueIteratedTo();
      }
    }
    return n;
  }

  @Test
  void a_closure_sends_the_units_released_while_it_lasts_on_the_open_route_for_ten_hours_more() {
    // Closed from day 30 00:00 to day 40 00:00 (simulation clock); nothing is on the way then (the
    // day-29 units arrived at 20:00), so exactly the units released on days 30..39 take A→C.
    CorridorSpec re = triangle(true, 30 * DAY, 40 * DAY);
    CorridorSpec wait = triangle(false, 30 * DAY, 40 * DAY);
    KpiCatalogue.Replication r = run(re);
    KpiCatalogue.Replication w = run(wait);
    Histogram hr = r.result.flowTransit()[0];
    Histogram hw = w.result.flowTransit()[0];

    // By hand: own route 10 h + 10 h = 20 h, open route 30 h: 10 h more for every re-routed unit.
    long rerouted = slowerThan(hr, 25);
    assertThat(rerouted).isPositive();
    assertThat(hr.getMaxValue()).isLessThan(31 * 60);
    assertThat(kpi(re, r, "reroute.all.extra_days")).isCloseTo(10.0 / 24, offset(1.0 / 1440));
    // The same units (same demand stream) are the ones the wait rule holds at the border.
    assertThat(slowerThan(hw, 25)).isEqualTo(rerouted);
    // Volume: each re-routed unit is 2 TEU over the 100 measured days.
    double years = 100.0 / 365;
    assertThat(kpi(re, r, "reroute.all.teu_per_year"))
        .isCloseTo(rerouted * 2 / years, offset(1e-9));
    assertThat(kpi(re, r, "reroute.flow.f.teu_per_year"))
        .isCloseTo(rerouted * 2 / years, offset(1e-9));
    // CO2e: re-routed units are charged at the open route's 3 kg, the others at 1 kg.
    double delivered = r.result.flowUnitsPerYear()[0];
    double perYear = rerouted / years;
    assertThat(r.allCo2e_t)
        .isCloseTo((perYear * 3_000 + (delivered - perYear) * 1_000) / 1e6, offset(1e-9));
    // Nobody waited at the closed border under re-routing.
    int border = Layout.of(re).gateResource[1];
    assertThat(r.result.resourceMeanWait_h()[border]).isLessThan(0.01);
    assertThat(r.result.unitsDelivered() + r.result.unitsInside())
        .isEqualTo(r.result.unitsCreated());
  }

  @Test
  void the_wait_rule_delays_a_unit_that_meets_the_closure_by_exactly_the_closure_window() {
    // Closed from day 30 10:00 for 10 days: the day-30 units reach the border at 10:00 sharp.
    CorridorSpec wait = triangle(false, 30 * DAY + 10 * H, 40 * DAY + 10 * H);
    KpiCatalogue.Replication w = run(wait);
    Histogram h = w.result.flowTransit()[0];

    // Free-flow 20 h; the unit that meets the closure waits the 10-day window: 10 d 20 h = 15,600
    // min, read back within the histogram's resolution (8 min at this size).
    assertThat(h.getMinValue()).isBetween(20 * 60L - 1, 20 * 60L + 1);
    assertThat((double) h.getMaxValue()).isCloseTo(15_600, offset(8.0));
    // No KPIs of re-routing without a re-routing flow.
    assertThat(new KpiCatalogue(Layout.of(wait)).kpis())
        .noneMatch(k -> k.name().startsWith("reroute."));
  }

  /**
   * A → B by rail, B → C by ferry, C → D by road; with {@code share} > 0 a second flow carries
   * empty boxes back D → C → B → A on the same legs reversed (the ferry's way back).
   */
  private static CorridorSpec ferry(double share, int yardUnits, boolean blocking, int fleet) {
    boolean empties = share > 0;
    var loaded =
        new CorridorSpec.Flow(
            "f",
            "A",
            "D",
            "middle",
            "container",
            20_000,
            0,
            2,
            20,
            new int[] {0, 1, 2},
            1_000,
            empties
                ? new CorridorSpec.Reaction(false, new int[0][], new double[0], 1, share, false)
                : CorridorSpec.Reaction.NONE,
            0,
            0);
    var empty =
        new CorridorSpec.Flow(
            "f.empty",
            "D",
            "A",
            "middle",
            "empty",
            0,
            0,
            2,
            0,
            new int[] {3, 4, 5},
            400,
            new CorridorSpec.Reaction(false, new int[0][], new double[0], -1, 0, true),
            0,
            0);
    var legs =
        List.of(
            new CorridorSpec.Leg(
                "A>B", CorridorSpec.LegKind.RAIL, "A", "B", new int[] {0}, -1, 0, 0, H),
            new CorridorSpec.Leg(
                "B>C", CorridorSpec.LegKind.CROSSING, "B", "C", new int[0], 0, 0, 0, 0),
            new CorridorSpec.Leg(
                "C>D", CorridorSpec.LegKind.DELAY, "C", "D", new int[0], -1, 2 * H, 0, 0),
            new CorridorSpec.Leg(
                "D>C", CorridorSpec.LegKind.DELAY, "D", "C", new int[0], -1, 2 * H, 0, 0),
            new CorridorSpec.Leg(
                "C>B", CorridorSpec.LegKind.CROSSING, "C", "B", new int[0], 1, 0, 0, 0),
            new CorridorSpec.Leg(
                "B>A", CorridorSpec.LegKind.RAIL, "B", "A", new int[] {1}, -1, 0, 0, H));
    var gates =
        List.of(
            new CorridorSpec.Gate("A-B", CorridorSpec.GateKind.SECTION, "A-B", 12, 10 * H, 0),
            new CorridorSpec.Gate("B-A", CorridorSpec.GateKind.SECTION, "B-A", 12, 10 * H, 0));
    var ports =
        List.of(
            new CorridorSpec.Port("B", 1, yardUnits, blocking),
            new CorridorSpec.Port("C", 1, 1_000, false));
    var out =
        new CorridorSpec.Crossing("B>C", 0, 1, fleet, 50, 0, 20 * H, 0, 10 * H, 0, 2 * DAY, -1);
    var back = new CorridorSpec.Crossing("C>B", 1, 0, 0, 50, 0, 20 * H, 0, 10 * H, 0, 0, 0);
    return new CorridorSpec(
        120 * DAY,
        20 * DAY,
        DAY,
        1,
        FLAT,
        42,
        2 * DAY,
        empties ? List.of(loaded, empty) : List.of(loaded),
        empties ? legs : legs.subList(0, 3),
        empties ? gates : gates.subList(0, 1),
        ports,
        empties ? List.of(out, back) : List.of(out),
        CorridorSpec.Hazards.NONE);
  }

  @Test
  void empty_boxes_go_back_on_the_ferry_and_every_box_is_accounted_for() {
    CorridorSpec spec = ferry(0.5, 1_000, false, 3);
    KpiCatalogue.Replication x = run(spec);
    ReplicationResult r = x.result;
    double years = 100.0 / 365;

    // Every unit released, loaded or empty, is delivered or still inside.
    assertThat(r.unitsDelivered() + r.unitsInside()).isEqualTo(r.unitsCreated());
    // Half a box goes back per delivered box: released empties = floor(credit + 0.5 N), within one.
    double loaded = r.flowUnitsPerYear()[0] * years;
    double released = r.reactions().emptiesReleasedPerYear()[1] * years;
    assertThat(released).isBetween(0.5 * loaded - 1, 0.5 * loaded + 1);
    // The empties crossed on the ferry's way back (the return crossing has no fleet of its own).
    assertThat(r.flowUnitsPerYear()[1]).isPositive();
    assertThat(r.legTeuPerYear()[4])
        .isCloseTo(r.legTeuPerYear()[5], offset(0.02 * r.legTeuPerYear()[4]));
    // Loaded and empty throughput are apart.
    assertThat(kpi(spec, x, "throughput.all.teu_per_year"))
        .isCloseTo(r.flowUnitsPerYear()[0] * 2, offset(1e-9));
    assertThat(kpi(spec, x, "throughput.empty.teu_per_year"))
        .isCloseTo(r.flowUnitsPerYear()[1] * 2, offset(1e-9));
    assertThat(kpi(spec, x, "empty.released.teu_per_year"))
        .isCloseTo(released * 2 / years, offset(1e-9));
  }

  @Test
  void a_full_blocking_yard_holds_trains_before_the_port_instead_of_overfilling() {
    // One vessel of 50 units per 60 h cycle cannot keep up with 20,000 units a year: the yard
    // fills.
    KpiCatalogue.Replication open = run(ferry(0, 100, false, 1));
    CorridorSpec spec = ferry(0, 100, true, 1);
    KpiCatalogue.Replication held = run(spec);
    Layout layout = Layout.of(spec);
    int yard = layout.seriesNames().indexOf("yard_units.B");

    float maxOpen = 0;
    float maxHeld = 0;
    for (int i = 0; i < layout.samples(); i++) {
      maxOpen = Math.max(maxOpen, open.result.series()[yard][i]);
      maxHeld = Math.max(maxHeld, held.result.series()[yard][i]);
    }
    assertThat(maxOpen).isGreaterThan(100);
    assertThat(maxHeld).isLessThanOrEqualTo(100);
    assertThat(kpi(spec, held, "blocking.B.held_share")).isGreaterThan(0.5);
    assertThat(kpi(spec, held, "blocking.B.mean_held_h")).isPositive();
    assertThat(kpi(spec, held, "blocking.B.held_unit_hours_per_year")).isPositive();
    // Nothing is dropped: held trains keep their units.
    ReplicationResult r = held.result;
    assertThat(r.unitsDelivered() + r.unitsInside()).isEqualTo(r.unitsCreated());
    // The vessel is the bottleneck either way: throughput stays at its cycle (7,300 units/yr).
    assertThat(r.flowUnitsPerYear()[0]).isBetween(6_500.0, 7_400.0);
  }
}

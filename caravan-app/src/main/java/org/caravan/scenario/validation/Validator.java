package org.caravan.scenario.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.caravan.network.Mode;
import org.caravan.network.Network;
import org.caravan.routing.CargoClass;
import org.caravan.routing.ExpectedWaits;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.routing.RouteRequest;
import org.caravan.routing.Router;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.ModelBuilder;
import org.caravan.scenario.sim.SimulationService;
import org.caravan.simulation.corridor.CorridorResult;
import org.caravan.simulation.corridor.CorridorSpec;

/**
 * Computes the router's and the simulation's value for every target and every flow of a simulated
 * scenario.
 *
 * <p>Router: the median over {@link #DEPARTURES_PER_YEAR} departures spread evenly over the
 * scenario's measured year (the 1st and 15th of each month), of the fastest route on the target's
 * corridor, or, for a transit time of the corridor's regular traffic that a default flow carries,
 * of that flow's assigned path ({@link #onFlowPath}). Simulation: the median door-to-door time of
 * the flow with the same origin, destination and corridor. A promised or record transit time
 * ({@link Target#bestCase()}) is the best case, so it is compared with the fast end instead: the
 * {@link #FAST_END_PERCENTILE}th percentile of the router's transit over the year's departures
 * (each departure's route a normal distribution with the route's spread, as for its p95; never
 * below the route's moving time, without waits, dwell and transfers) and of the simulation's. For a
 * part of a flow's path (a Kazakh section, one crossing) the simulation gives the mean time from
 * the arrival at the origin to the arrival at the destination, and the router times the same span
 * of the same flow's path ({@link #partOfFlow}); waits, border and handling times from the
 * per-resource statistics. A figure of one month's trips ({@link Target#departed}) is compared on
 * that month: the router's departures on its 1st and 15th, the simulation's units released in it.
 * Deterministic: the same scenario run gives the same rows.
 */
public final class Validator {
  /** Router departures per year sampled for its median (1st and 15th of every month). */
  public static final int DEPARTURES_PER_YEAR = 24;

  /** The simulated percentile a promised or record transit time is compared with. */
  public static final double FAST_END_PERCENTILE = 5;

  /** A default flow agrees with the router when their medians differ by at most this share. */
  public static final double FLOW_TOLERANCE = 0.10;

  /** Verdicts. */
  public enum Verdict {
    WITHIN("within"),
    OUTSIDE("outside"),
    SPLIT("split"),
    INPUT("input"),
    NO_VALUE("no value");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * One target with both sides' values.
   *
   * @param routerBasis how the router's value was read (the fastest route on the corridor, a
   *     default flow's path or part of it, a named path; median, mean or fast end)
   * @param simulationBasis how the simulation's value was read
   */
  public record TargetRow(
      Target target,
      OptionalDouble router,
      String routerBasis,
      OptionalDouble simulation,
      String simulationBasis,
      Verdict routerVerdict,
      Verdict simulationVerdict,
      Verdict verdict,
      String explanation) {

    /**
     * Which side of the published range a row that misses lies on: every value given above the
     * range, or every one below it. Empty for a row within, an input, or a split whose values lie
     * either side of the range or one of them inside it.
     */
    public Optional<Side> side() {
      if (verdict != Verdict.OUTSIDE) {
        return Optional.empty();
      }
      boolean above = true;
      boolean below = true;
      for (OptionalDouble v : List.of(router, simulation)) {
        if (v.isPresent()) {
          above &= v.getAsDouble() > target.high();
          below &= v.getAsDouble() < target.low();
        }
      }
      return above ? Optional.of(Side.ABOVE) : below ? Optional.of(Side.BELOW) : Optional.empty();
    }
  }

  /** The side of its published range a row that misses lies on. */
  public enum Side {
    ABOVE,
    BELOW
  }

  /** One default flow: router median against simulated median. */
  public record FlowRow(
      String flow,
      String origin,
      String destination,
      String corridor,
      double routerMedianDays,
      double routerP95Days,
      double simulatedMedianDays,
      double simulatedP95Days,
      double difference,
      boolean agrees,
      double[] routerByMonthDays,
      double[] simulatedByMonthDays) {
    /**
     * @param routerByMonthDays the router's mean of each month's two departures (the 1st and the
     *     15th), January first; NaN where it has none
     * @param simulatedByMonthDays the simulated median of the units that left in each month; NaN
     *     where none was delivered
     */
    public FlowRow {
      routerByMonthDays = routerByMonthDays.clone();
      simulatedByMonthDays = simulatedByMonthDays.clone();
    }

    /**
     * Whether a dated episode shows in the flow's months: some month's router value is more than
     * {@code days} above the router's median of the year.
     */
    public boolean episodeMonths(double days) {
      for (double m : routerByMonthDays) {
        if (m > routerMedianDays + days) {
          return true;
        }
      }
      return false;
    }

    /** The verdict as reports and JSON write it. */
    public String verdictText() {
      return agrees ? "within 10 %" : "outside 10 %";
    }
  }

  /** Everything the report and the JSON need. */
  public record Result(
      String scenario, int replications, long seed, List<TargetRow> targets, List<FlowRow> flows) {
    /** Rows that are not inputs. */
    public long validated() {
      return targets.stream().filter(r -> r.verdict() != Verdict.INPUT).count();
    }

    /** Rows that are not inputs and whose every value is within the range. */
    public long within() {
      return targets.stream().filter(r -> r.verdict() == Verdict.WITHIN).count();
    }

    /** Rows that miss with every value on {@code side} of the published range. */
    public long missing(Side side) {
      return targets.stream().filter(r -> r.side().equals(Optional.of(side))).count();
    }

    /** Share of validated rows within, 0..1. */
    public double withinShare() {
      return validated() == 0 ? 0 : (double) within() / validated();
    }

    /**
     * Default flows whose router median is within {@link #FLOW_TOLERANCE} of the simulated median.
     */
    public long flowsAgreeing() {
      return flows.stream().filter(FlowRow::agrees).count();
    }

    /**
     * The headline counts put into {@code template} in this order: rows within, rows validated, the
     * share within in percent, input rows not counted, flows agreeing, flows, rows that miss above
     * their range, rows that miss below it. The command's closing line and the document's summary
     * word them differently; the numbers come from here.
     */
    public String headline(String template) {
      return String.format(
          Locale.ROOT,
          template,
          within(),
          validated(),
          100 * withinShare(),
          targets.size() - validated(),
          flowsAgreeing(),
          flows.size(),
          missing(Side.ABOVE),
          missing(Side.BELOW));
    }
  }

  private final Caravan caravan;
  private final Network network;
  private final Optional<List<WaitTable.Row>> waits;
  private final Map<String, OnCorridor> sides = new HashMap<>();

  /**
   * The router of one corridor, the corridor rule asking it and the waits it charges (empty: the
   * network's own dwell times).
   */
  private record OnCorridor(Router router, ModelBuilder builder, Optional<ExpectedWaits> waits) {}

  /** A validator asking the caravan's router as it is, whatever the corridor. */
  public Validator(Caravan caravan) {
    this(caravan, Optional.empty());
  }

  /**
   * A validator whose router reads the given wait table for the corridor it is asked about ({@link
   * WaitTable#waits(List, Network, String)}): the formation waits of the trains the simulation
   * forms on that corridor.
   */
  public Validator(Caravan caravan, Optional<List<WaitTable.Row>> waits) {
    this.caravan = caravan;
    this.network = caravan.network();
    this.waits = waits.map(List::copyOf);
  }

  /**
   * The router a user asks on a corridor (with the simulated waits of that corridor's trains), on
   * the simulation's corridor rule. Not thread-safe (a validator runs on one thread).
   */
  private ModelBuilder builder(String corridor) {
    return side(corridor).builder();
  }

  private OnCorridor side(String corridor) {
    String label =
        switch (corridor) {
          case "any" -> "";
          case "sea-cape" -> "sea";
          default -> corridor;
        };
    return sides.computeIfAbsent(
        label,
        c -> {
          Optional<ExpectedWaits> charged = waits.map(rows -> WaitTable.waits(rows, network, c));
          Caravan on = charged.map(caravan::withWaits).orElse(caravan);
          return new OnCorridor(on.router(), new ModelBuilder(on, on.router()), charged);
        });
  }

  /** Validates the targets against a finished run of a scenario. */
  public Result validate(List<Target> targets, SimulationService.Run run) {
    CorridorResult r = run.result();
    CorridorSpec spec = run.model().spec();
    LocalDate measured =
        LocalDate.ofInstant(run.scenario().start(), ZoneOffset.UTC)
            .plusDays(Math.round(run.scenario().warmupDays()));
    // The router's departures in the measured window, as the simulation's units (a run shorter
    // than a year measures fewer months).
    long end_s =
        measured.atStartOfDay().toEpochSecond(ZoneOffset.UTC)
            + Math.round(run.scenario().horizonDays() * 86_400);
    long[] departures = Arrays.stream(departures(measured)).filter(d -> d < end_s).toArray();
    List<Route> plans = run.model().plans();
    List<TargetRow> rows = new ArrayList<>();
    for (Target t : targets) {
      long[] deps = quoteDepartures(t).or(() -> datedDepartures(t)).orElse(departures);
      Optional<Integer> onPath = onFlowPath(t, spec, plans);
      Optional<SimulatedValue.Part> part =
          onPath.isPresent() ? Optional.empty() : partOfFlow(t, spec, plans);
      OptionalDouble router =
          onPath
              .map(i -> flowPathDays(spec, plans, i, deps))
              .or(() -> part.map(p -> partDays(t, spec, plans, p, deps)))
              .orElseGet(() -> routerValue(t, deps));
      String routerBasis =
          onPath
              .map(i -> "median along the path of flow " + spec.flows().get(i).id())
              .or(
                  () ->
                      part.map(
                          p ->
                              (t.bestCase() ? "fast end" : "mean")
                                  + " over part of the path of flow "
                                  + spec.flows().get(p.flow()).id()))
              .orElseGet(() -> routerBasis(t));
      SimulatedValue sim =
          departedOutside(t, measured, end_s)
              ? new SimulatedValue(
                  OptionalDouble.empty(),
                  "the trips left in "
                      + t.departed().orElseThrow()
                      + ", outside the simulated window ("
                      + measured
                      + " to "
                      + LocalDate.ofInstant(Instant.ofEpochSecond(end_s - 1), ZoneOffset.UTC)
                      + ")")
              : SimulatedValue.of(t, r, spec, network);
      Verdict rv = verdict(t, router);
      Verdict sv = verdict(t, sim.value());
      Verdict v;
      if (t.input().isPresent()) {
        v = Verdict.INPUT;
      } else if (rv == Verdict.NO_VALUE) {
        v = sv;
      } else if (sv == Verdict.NO_VALUE) {
        v = rv;
      } else {
        v = rv == sv ? rv : Verdict.SPLIT;
      }
      rows.add(new TargetRow(t, router, routerBasis, sim.value(), sim.basis(), rv, sv, v, ""));
    }
    List<TargetRow> explained = new ArrayList<>();
    for (TargetRow row : rows) {
      explained.add(
          new TargetRow(
              row.target(),
              row.router(),
              row.routerBasis(),
              row.simulation(),
              row.simulationBasis(),
              row.routerVerdict(),
              row.simulationVerdict(),
              row.verdict(),
              MissReasons.explain(row, rows)));
    }
    List<FlowRow> flows = new ArrayList<>();
    for (int i = 0; i < spec.flows().size(); i++) {
      CorridorSpec.Flow f = spec.flows().get(i);
      boolean wagons = "wagon".equals(f.cargo());
      int from = network.getNode(f.from());
      int to = network.getNode(f.to());
      // The router times the path the simulation assigned the flow (one path choice, in
      // ModelBuilder), so both sides describe the same trains, borders and sailings.
      double[] perDeparture =
          i < plans.size()
              ? routerDaysAlong(from, to, f.corridor(), plans.get(i), departures)
              : routerDays(from, to, f.corridor(), wagons, departures);
      double[] days = Arrays.stream(perDeparture).filter(d -> !Double.isNaN(d)).toArray();
      double routerMedian = Percentiles.median(days);
      double routerP95 = Percentiles.of(days, 95);
      Histogram h = r.flowTransit()[i];
      double simMedian = h.getValueAtPercentile(50) / 1440.0;
      double simP95 = h.getValueAtPercentile(95) / 1440.0;
      double diff = simMedian > 0 ? (routerMedian - simMedian) / simMedian : Double.NaN;
      double[] routerMonths = new double[12];
      int[] inMonth = new int[12];
      for (int k = 0; k < departures.length; k++) {
        if (!Double.isNaN(perDeparture[k])) {
          int m =
              LocalDate.ofInstant(Instant.ofEpochSecond(departures[k]), ZoneOffset.UTC)
                      .getMonthValue()
                  - 1;
          routerMonths[m] += perDeparture[k];
          inMonth[m]++;
        }
      }
      double[] simMonths = new double[12];
      for (int m = 0; m < 12; m++) {
        routerMonths[m] = inMonth[m] == 0 ? Double.NaN : routerMonths[m] / inMonth[m];
        simMonths[m] = r.flowMedianDays(i, m).orElse(Double.NaN);
      }
      flows.add(
          new FlowRow(
              f.id(),
              f.from(),
              f.to(),
              f.corridor(),
              routerMedian,
              routerP95,
              simMedian,
              simP95,
              diff,
              Math.abs(diff) <= FLOW_TOLERANCE,
              routerMonths,
              simMonths));
    }
    return new Result(
        run.scenario().name(),
        r.replications(),
        r.seed(),
        List.copyOf(explained),
        List.copyOf(flows));
  }

  /**
   * The default flow whose assigned path the router times for {@code t}: a transit time of the
   * corridor's regular traffic (observed or guidance, not one block train's, not a named path) for
   * which the simulation has a flow with the same origin, destination and corridor. Such a figure
   * describes the trains the traffic takes, and the simulation books them on the Caspian lines by
   * their fleets, not all on the fastest; timing that path makes router and simulation read the
   * same trains, borders and sailings (as for the default flows). A promise, a record or a block
   * train takes the fastest route on the corridor instead: the best case picks the best line.
   */
  static Optional<Integer> onFlowPath(Target t, CorridorSpec spec, List<Route> plans) {
    if (t.quantity() != Target.Quantity.TRANSIT_DAYS
        || t.bestCase()
        || t.blockTrain()
        || !t.via().isEmpty()) {
      return Optional.empty();
    }
    OptionalInt i = SimulatedValue.flowOf(t, spec);
    return i.isPresent() && i.getAsInt() < plans.size()
        ? Optional.of(i.getAsInt())
        : Optional.empty();
  }

  /** The router's median transit days along default flow {@code i}'s assigned path. */
  private OptionalDouble flowPathDays(
      CorridorSpec spec, List<Route> plans, int i, long[] departures) {
    CorridorSpec.Flow f = spec.flows().get(i);
    double[] days =
        Arrays.stream(
                routerDaysAlong(
                    network.getNode(f.from()),
                    network.getNode(f.to()),
                    f.corridor(),
                    plans.get(i),
                    departures))
            .filter(d -> !Double.isNaN(d))
            .toArray();
    return days.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Percentiles.median(days));
  }

  /**
   * The part of a default flow's path that a transit time with no flow of its own describes, as the
   * simulation reads it ({@link SimulatedValue#partOf}), when the run has the flow's plan. The
   * router then times that span of the flow's path as the simulation measures it, from the arrival
   * at the origin to the arrival at the destination, so the origin's border stop and train
   * formation are on both sides.
   */
  static Optional<SimulatedValue.Part> partOfFlow(Target t, CorridorSpec spec, List<Route> plans) {
    if (t.quantity() != Target.Quantity.TRANSIT_DAYS || !t.via().isEmpty()) {
      return Optional.empty();
    }
    return SimulatedValue.partOf(t, spec)
        .filter(
            p ->
                p.flow() < plans.size()
                    && plans.get(p.flow()).legs().size()
                        == spec.flows().get(p.flow()).legs().length);
  }

  /**
   * The router's days over {@code part} of a flow's path: per departure of the flow, the arrival at
   * the end of the part's last leg less the arrival at the origin (the end of the leg before it);
   * the mean over the departures, as the simulation gives the mean time between the legs (a mean
   * and a median differ by a month of congestion, as at the Chinese border in spring 2024), or for
   * a promise or a record the fast end of those spans (each a normal distribution with the variance
   * of the part's legs; never below their moving time).
   */
  private OptionalDouble partDays(
      Target t, CorridorSpec spec, List<Route> plans, SimulatedValue.Part part, long[] departures) {
    CorridorSpec.Flow f = spec.flows().get(part.flow());
    Route plan = plans.get(part.flow());
    int[] links = plan.legs().stream().flatMapToInt(l -> IntStream.of(l.links())).toArray();
    Router router = side(f.corridor()).router();
    double[] vals = new double[departures.length];
    double[] sds = new double[departures.length];
    double floor = Double.POSITIVE_INFINITY;
    int n = 0;
    for (long dep : departures) {
      RouteRequest req =
          RouteRequest.of(network.getNode(f.from()), network.getNode(f.to()), dep)
              .withCargo(1, RouteRequest.DEFAULT_TEU_MASS_T, CargoClass.GENERAL, 0);
      Optional<Route> along = router.along(req, links);
      if (along.isEmpty() || along.get().legs().size() != plan.legs().size()) {
        continue;
      }
      List<Leg> legs = along.get().legs();
      long start_s = part.first() == 0 ? dep : legs.get(part.first() - 1).arrive_s();
      long span_s = legs.get(part.last()).arrive_s() - start_s;
      long variance_s2 = 0;
      long stopped_s = 0;
      for (int k = part.first(); k <= part.last(); k++) {
        Leg l = legs.get(k);
        variance_s2 += l.variance_s2();
        stopped_s += l.wait_s() + l.dwell_s() + l.transfer_s();
      }
      vals[n] = span_s / 86_400.0;
      sds[n] = Math.sqrt((double) variance_s2) / 86_400.0;
      floor = Math.min(floor, (span_s - stopped_s) / 86_400.0);
      n++;
    }
    if (n == 0) {
      return OptionalDouble.empty();
    }
    double[] got = Arrays.copyOf(vals, n);
    return OptionalDouble.of(
        t.bestCase()
            ? fastEnd(got, Arrays.copyOf(sds, n), floor)
            : Arrays.stream(got).average().orElseThrow());
  }

  /** The simulation's value for a target, if the run has one. */
  public OptionalDouble simulated(Target t, SimulationService.Run run) {
    return SimulatedValue.of(t, run.result(), run.model().spec(), network).value();
  }

  /**
   * A price is compared at the date it was quoted: a cost target with a year is priced on the
   * departures of that year (the dated rate tables of that year, or the undated tariffs before
   * them), not of the measured year.
   */
  static Optional<long[]> quoteDepartures(Target t) {
    if (!isCost(t) || !t.year().matches("\\d{4}")) {
      return Optional.empty();
    }
    return Optional.of(departures(LocalDate.of(Integer.parseInt(t.year()), 1, 1)));
  }

  /**
   * Whether a dated figure's month lies outside the simulated window: the simulation keeps its
   * units apart by month of the year only, so a figure of September 2025 must not read September
   * 2024.
   */
  static boolean departedOutside(Target t, LocalDate measured, long end_s) {
    return t.departed()
        .map(
            m ->
                m.atEndOfMonth().isBefore(measured)
                    || m.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) >= end_s)
        .orElse(false);
  }

  /**
   * A transit time that describes the trips of one month (a single train, a monthly market report)
   * is compared on that month's departures (the 1st and the 15th), so it meets the dated episodes
   * of that month as those trips did.
   */
  static Optional<long[]> datedDepartures(Target t) {
    return t.departed()
        .map(
            m ->
                new long[] {
                  m.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC),
                  m.atDay(15).atStartOfDay().toEpochSecond(ZoneOffset.UTC)
                });
  }

  /** A price (per FEU or per TEU). */
  static boolean isCost(Target t) {
    return t.quantity() == Target.Quantity.COST_USD_FEU
        || t.quantity() == Target.Quantity.COST_USD_TEU;
  }

  /**
   * The departures sampled for the router: the 1st and 15th of each month of the measured year,
   * 00:00 UTC.
   */
  static long[] departures(LocalDate first) {
    long[] out = new long[DEPARTURES_PER_YEAR];
    for (int m = 0; m < 12; m++) {
      LocalDate d = first.plusMonths(m);
      out[2 * m] = d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
      out[2 * m + 1] = d.plusDays(14).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
    return out;
  }

  /**
   * The fast end of a set of departures' transit days, each a normal distribution with its spread:
   * the {@link #FAST_END_PERCENTILE}th percentile of the mixture, never below the moving time
   * {@code floor_d} (no waits, stops or transfers).
   */
  private static double fastEnd(double[] days, double[] sd_d, double floor_d) {
    return Math.max(floor_d, Percentiles.ofMixture(days, sd_d, FAST_END_PERCENTILE));
  }

  /** The international nautical mile, metres. */
  private static final double METRES_PER_NM = 1852.0;

  /** How {@link #routerValue} reads a target, for the report. */
  private static String routerBasis(Target t) {
    String route =
        (t.via().isEmpty()
                ? "the fastest route on the corridor"
                : "the fastest route through " + String.join(", ", t.via()))
            + (t.blockTrain() ? " for a train load" : "");
    return switch (t.quantity()) {
      case BORDER_H -> "the pass time the router charges at the border";
      case HANDLING_H -> "the node's handling time";
      case THROUGHPUT_MT, THROUGHPUT_TEU -> "not routed";
      case TRANSIT_DAYS -> (t.bestCase() ? "fast end (5th percentile) of " : "median of ") + route;
      case COST_USD_FEU, COST_USD_TEU -> "median price of " + route + " in the quote's year";
      case WAIT_DAYS -> "median wait for the ferry on the fastest rail and ferry route";
      case SEA_DISTANCE_NM -> "nautical miles sailed on " + route;
      default -> "median of " + route;
    };
  }

  OptionalDouble routerValue(Target t, long[] departures) {
    Target.Quantity q = t.quantity();
    switch (q) {
      case BORDER_H -> {
        // What the router charges at the border: the simulated pass time where the wait table
        // has one (it replaces the node's dwell in the search), else the node's dwell.
        int v = network.getNode(t.origin());
        long pass = side(t.corridor()).waits().map(w -> w.pass_s(v)).orElse(-1L);
        return OptionalDouble.of((pass >= 0 ? pass : network.dwell_s(v)) / 3600.0);
      }
      case HANDLING_H -> {
        return OptionalDouble.of(network.handling_s(network.getNode(t.origin())) / 3600.0);
      }
      case THROUGHPUT_MT, THROUGHPUT_TEU -> {
        return OptionalDouble.empty();
      }
      default -> {}
    }
    int from = network.getNode(t.origin());
    int to = network.getNode(t.destination());
    int[] via = t.via().stream().mapToInt(network::getNode).toArray();
    boolean feu = q == Target.Quantity.COST_USD_FEU;
    // One block train's figure: a train load, which waits for no train to be formed.
    double teu = t.blockTrain() ? RouteRequest.FULL_TRAIN_TEU : feu ? 2 : 1;
    double mass = teu * 10;
    // A promise or a record is the best case: the router's 5th percentile over the year's
    // departures, as the simulation's; only then are the routes' spreads and moving times needed.
    boolean fastEnd = q == Target.Quantity.TRANSIT_DAYS && t.bestCase();
    double[] vals = new double[departures.length];
    double[] sds = new double[departures.length];
    double floor = Double.POSITIVE_INFINITY;
    int n = 0;
    // A wait for a Caspian sailing is a ferry's (travellers' reports: the container feeders carry
    // no passengers): on rail and ferries only, as the simulation's side reads the ferry line.
    boolean ferry = q == Target.Quantity.WAIT_DAYS && via.length == 0;
    for (long dep : departures) {
      Optional<Route> route =
          ferry
              ? builder(t.corridor())
                  .routeOnCorridor(from, to, t.corridor(), true, dep, teu, 0, mass)
              : builder(t.corridor())
                  .routeOnCorridor(from, to, t.corridor(), via, dep, teu, feu ? 1 : 0, mass);
      if (route.isEmpty()) {
        continue;
      }
      Route rt = route.get();
      if (fastEnd) {
        sds[n] = Math.sqrt((double) rt.variance_s2()) / 86_400.0;
        long stopped_s =
            rt.legs().stream().mapToLong(l -> l.wait_s() + l.dwell_s() + l.transfer_s()).sum();
        floor = Math.min(floor, rt.transitDays() - stopped_s / 86_400.0);
      }
      vals[n++] =
          switch (q) {
            case TRANSIT_DAYS -> rt.transitDays();
            case COST_USD_FEU, COST_USD_TEU -> rt.cost_cents() / 100.0;
            case CO2E_KG_TEU -> rt.co2e_g() / 1000.0;
            case CO2E_G_TKM -> rt.co2e_g() / (mass * rt.distance_m() / 1000.0);
            case WAIT_DAYS ->
                rt.legs().stream()
                        .filter(l -> l.mode() == Mode.FERRY || l.mode() == Mode.SEA)
                        .mapToLong(Leg::wait_s)
                        .sum()
                    / 86_400.0;
            case SEA_DISTANCE_NM ->
                rt.legs().stream()
                        .filter(l -> l.mode() == Mode.FERRY || l.mode() == Mode.SEA)
                        .mapToLong(Leg::distance_m)
                        .sum()
                    / METRES_PER_NM;
            default -> throw new IllegalStateException(q.key());
          };
    }
    if (n == 0) {
      return OptionalDouble.empty();
    }
    double[] got = Arrays.copyOf(vals, n);
    return OptionalDouble.of(
        fastEnd ? fastEnd(got, Arrays.copyOf(sds, n), floor) : Percentiles.median(got));
  }

  private double[] routerDays(
      int from, int to, String corridor, boolean wagons, long[] departures) {
    double[] vals = new double[departures.length];
    for (int k = 0; k < departures.length; k++) {
      vals[k] =
          builder(corridor)
              .routeOnCorridor(from, to, corridor, wagons, departures[k], 1, 0, 10)
              .map(Route::transitDays)
              .orElse(Double.NaN);
    }
    return vals;
  }

  /**
   * The router's transit days along {@code plan}'s links for each departure (one TEU of 10 t), with
   * the waits of the corridor's trains; NaN for a departure without a route.
   */
  private double[] routerDaysAlong(
      int from, int to, String corridor, Route plan, long[] departures) {
    int[] links = plan.legs().stream().flatMapToInt(l -> IntStream.of(l.links())).toArray();
    Router router = side(corridor).router();
    double[] vals = new double[departures.length];
    for (int k = 0; k < departures.length; k++) {
      RouteRequest req =
          RouteRequest.of(from, to, departures[k])
              .withCargo(1, RouteRequest.DEFAULT_TEU_MASS_T, CargoClass.GENERAL, 0);
      vals[k] = router.along(req, links).map(Route::transitDays).orElse(Double.NaN);
    }
    return vals;
  }

  private static Verdict verdict(Target t, OptionalDouble v) {
    if (v.isEmpty()) {
      return Verdict.NO_VALUE;
    }
    return t.contains(v.getAsDouble()) ? Verdict.WITHIN : Verdict.OUTSIDE;
  }
}

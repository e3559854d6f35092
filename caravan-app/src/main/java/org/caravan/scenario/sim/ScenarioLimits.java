package org.caravan.scenario.sim;

import java.util.List;
import java.util.Locale;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;

/**
 * The documented range of every scenario value (docs/SIMULATION.md, "Limits") and the cost estimate
 * of a run, so that no file or request can start a job that pins a core for hours or exhausts the
 * heap. Checked on the bound file before the loader's semantic checks (CLI and API alike), and
 * again on the run settings after command-line or request overrides. Errors are {@link
 * UserException}s naming the field path, as the loader's. Stateless.
 *
 * <p>The ranges are generous bounds on what is physically meaningful on the corridors (the busiest
 * border stations pass tens of trains a day; the whole China–Europe rail traffic is well under a
 * million TEU a year), not calibration ranges: they only exclude values that make no sense or no
 * result in bounded time.
 */
public final class ScenarioLimits {
  /** Longest warm-up, days. */
  public static final double MAX_WARMUP_DAYS = 3650;

  /** Longest measured horizon, days (10 years); {@code --years} is bounded by the same. */
  public static final double MAX_HORIZON_DAYS = 3650;

  /**
   * Shortest measured horizon, days: one hour, the finest queue sampling. A positive horizon below
   * it (say 4.9e-324 days) would round to no simulated time at all.
   */
  public static final double MIN_HORIZON_DAYS = 1.0 / 24;

  /** Most replications. */
  public static final int MAX_REPLICATIONS = 1000;

  /** Finest queue sampling, hours (samples per resource = horizon / interval). */
  public static final double MIN_SAMPLE_INTERVAL_H = 1;

  /** Largest container flow, TEU per year. */
  public static final double MAX_TEU_PER_YEAR = 5_000_000;

  /** Largest wagon flow, tonnes per year. */
  public static final double MAX_TONNES_PER_YEAR = 100_000_000;

  /** Most flows, storms, disruptions or network changes in one list. */
  public static final int MAX_LIST = 1000;

  /**
   * Events of one run above which a job is refused before it starts: about a minute of one core at
   * the engine's measured 10–20 million events per second (docs/BENCHMARKS.md).
   */
  public static final long MAX_EVENTS = 1_000_000_000L;

  /**
   * Events per unit (FEU or wagon) released, measured on the default scenario: one replication of
   * 60 + 365 days dispatched 247,968 events for 199,085 units (1.25); rounded up to leave room for
   * timetables.
   */
  static final double EVENTS_PER_UNIT = 2.0;

  private ScenarioLimits() {}

  /** Checks every value of the file against its range; the first value outside names its field. */
  public static void check(ScenarioFile f) {
    range("warmup_days", f.warmupDays(), 0, MAX_WARMUP_DAYS);
    rangeAbove0("horizon_days", f.horizonDays(), MAX_HORIZON_DAYS);
    if (f.horizonDays() != null && f.horizonDays() < MIN_HORIZON_DAYS) {
      throw new UserException(
          "horizon_days",
          "horizon_days must be at least one hour (1/24 day), got " + fmt(f.horizonDays()));
    }
    if (f.replications() != null) {
      range("replications", (double) f.replications(), 1, MAX_REPLICATIONS);
    }
    range("sample_interval_h", f.sampleIntervalH(), MIN_SAMPLE_INTERVAL_H, 8760);
    if (f.formation() != null) {
      ScenarioFile.Formation fo = f.formation();
      range("formation.train_capacity_units", toD(fo.trainCapacityUnits()), 1, 500);
      range("formation.timetable_h", fo.timetableH(), 0, 8760);
      range("formation.wagonload_speed_kmh", fo.wagonloadSpeedKmh(), 0.1, 200);
    }
    if (f.demand() != null) {
      ScenarioFile.Demand d = f.demand();
      if (d.seasonality() != null) {
        for (int i = 0; i < d.seasonality().size(); i++) {
          range("demand.seasonality[" + i + "]", d.seasonality().get(i), 0, 12);
        }
      }
      range("demand.growth_per_year", d.growthPerYear(), -0.99, 1);
      rangeAbove0("demand.teu_mass_t", d.teuMassT(), 40);
      rangeAbove0("demand.wagon_mass_t", d.wagonMassT(), 150);
      List<ScenarioFile.FlowFile> flows = size("demand.flows", d.flows());
      for (int i = 0; i < flows.size(); i++) {
        ScenarioFile.FlowFile fl = flows.get(i);
        String p = "demand.flows[" + i + "].";
        range(p + "teu_per_year", fl.teuPerYear(), 0, MAX_TEU_PER_YEAR);
        range(p + "tonnes_per_year", fl.tonnesPerYear(), 0, MAX_TONNES_PER_YEAR);
        range(p + "growth_per_year", fl.growthPerYear(), -0.99, 1);
        range(p + "empty_return_share", fl.emptyReturnShare(), 0, 1);
      }
    }
    if (f.reactions() != null) {
      range("reactions.empty_return_share", f.reactions().emptyReturnShare(), 0, 1);
      rangeAbove0("reactions.empty_tare_t", f.reactions().emptyTareT(), 10);
    }
    if (f.network() != null) {
      ScenarioFile.NetworkChanges n = f.network();
      if (n.lines() != null) {
        rangeAbove0(
            "network.lines.single_track_paths_per_day", n.lines().singleTrackPathsPerDay(), 500);
        rangeAbove0(
            "network.lines.double_track_paths_per_day", n.lines().doubleTrackPathsPerDay(), 500);
        range("network.lines.teu_per_train", n.lines().teuPerTrain(), 1, 1000);
        rangeAbove0(
            "network.lines.default_border_trains_per_day",
            n.lines().defaultBorderTrainsPerDay(),
            500);
      }
      List<ScenarioFile.BorderFile> borders = size("network.borders", n.borders());
      for (int i = 0; i < borders.size(); i++) {
        String p = "network.borders[" + i + "].";
        rangeAbove0(p + "trains_per_day", borders.get(i).trainsPerDay(), 500);
        range(p + "dwell_h", borders.get(i).dwellH(), 0, 720);
        range(p + "dwell_sd_h", borders.get(i).dwellSdH(), 0, 720);
      }
      List<ScenarioFile.PortFile> ports = size("network.ports", n.ports());
      for (int i = 0; i < ports.size(); i++) {
        String p = "network.ports[" + i + "].";
        range(p + "berths", toD(ports.get(i).berths()), 1, 200);
        range(p + "yard_teu", toD(ports.get(i).yardTeu()), 1, 10_000_000);
      }
      List<ScenarioFile.CrossingFile> crossings = size("network.crossings", n.crossings());
      for (int i = 0; i < crossings.size(); i++) {
        ScenarioFile.CrossingFile c = crossings.get(i);
        String p = "network.crossings[" + i + "].";
        range(p + "fleet", toD(c.fleet()), 1, 500);
        range(p + "capacity_units", toD(c.capacityUnits()), 1, 20_000);
        range(p + "low_water_derating", c.lowWaterDerating(), 0, 0.9);
        rangeAbove0(p + "sail_h", c.sailH(), 2000);
        range(p + "sail_sd_h", c.sailSdH(), 0, 2000);
        range(p + "handling_h", c.handlingH(), 0, 720);
        range(p + "handling_sd_h", c.handlingSdH(), 0, 720);
        range(p + "timetable_h", c.timetableH(), 0, 8760);
      }
      size("network.double_track", n.doubleTrack());
    }
    List<ScenarioFile.StormFile> storms = size("storms", f.storms());
    for (int i = 0; i < storms.size(); i++) {
      ScenarioFile.StormFile s = storms.get(i);
      String p = "storms[" + i + "].";
      size(p + "ports", s.ports());
      if (s.eventsPerSeason() != null) {
        range(p + "events_per_season.winter", s.eventsPerSeason().winter(), 0, 50);
        range(p + "events_per_season.spring", s.eventsPerSeason().spring(), 0, 50);
        range(p + "events_per_season.summer", s.eventsPerSeason().summer(), 0, 50);
        range(p + "events_per_season.autumn", s.eventsPerSeason().autumn(), 0, 50);
      }
      if (s.durationDays() != null) {
        range(p + "duration_days.min", s.durationDays().min(), 0, 365);
        range(p + "duration_days.mode", s.durationDays().mode(), 0, 365);
        range(p + "duration_days.max", s.durationDays().max(), 0, 365);
      }
    }
    List<ScenarioFile.Disruption> disruptions = size("disruptions", f.disruptions());
    for (int i = 0; i < disruptions.size(); i++) {
      String p = "disruptions[" + i + "].";
      size(p + "nodes", disruptions.get(i).nodes());
      range(p + "start_day", disruptions.get(i).startDay(), 0, MAX_WARMUP_DAYS + MAX_HORIZON_DAYS);
      rangeAbove0(p + "duration_days", disruptions.get(i).durationDays(), MAX_HORIZON_DAYS);
    }
  }

  /**
   * Checks the run settings after overrides (CLI {@code --years}, {@code --replications}; request
   * fields {@code years}, {@code replications}); errors name the fields {@code years} and {@code
   * replications}.
   */
  public static void checkRun(Scenario sc) {
    if (!(sc.horizonDays() > 0 && sc.horizonDays() <= MAX_HORIZON_DAYS)) {
      throw new UserException(
          ErrorCode.INVALID_VALUE,
          "years",
          "{years} must be > 0 and at most "
              + fmt(MAX_HORIZON_DAYS / 365)
              + ", got "
              + fmt(sc.horizonDays() / 365));
    }
    if (sc.replications() < 1 || sc.replications() > MAX_REPLICATIONS) {
      throw new UserException(
          ErrorCode.INVALID_VALUE,
          "replications",
          "{replications} must be from 1 to " + MAX_REPLICATIONS + ", got " + sc.replications());
    }
  }

  /**
   * Estimated events of the whole run (all replications): units released times {@link
   * #EVENTS_PER_UNIT}, with each flow's growth compounded over the run and its empty returns, plus
   * one sampling event per resource-sample.
   */
  public static double estimatedEvents(Scenario sc) {
    ResolvedScenario m = sc.model();
    double years = (sc.warmupDays() + sc.horizonDays()) / 365.0;
    double units = 0;
    for (ResolvedScenario.Flow fl : m.demand().flows()) {
      double perYear =
          fl.cargo() == ResolvedScenario.Cargo.CONTAINER
              ? fl.perYear() / 2
              : fl.perYear() / m.demand().wagonMass_t();
      double g = fl.growthPerYear();
      double factor = Math.abs(g) < 1e-9 ? years : (Math.pow(1 + g, years) - 1) / Math.log1p(g);
      // Empty boxes going back are released on top of the flow's own units.
      double empties = 1 + m.reactions().of(fl.id()).emptyReturnShare();
      units += perYear * Math.max(years, factor) * empties;
    }
    double interval_h = Math.max(1, m.sampleInterval_s() / 3600.0);
    double samples = years * 8760 / interval_h * (1 + m.demand().flows().size());
    return sc.replications() * (units * EVENTS_PER_UNIT + samples);
  }

  /** Refuses a run whose {@link #estimatedEvents} exceed {@code maxEvents}. */
  public static void checkCost(Scenario sc, long maxEvents) {
    double events = estimatedEvents(sc);
    if (!(events <= maxEvents)) {
      throw new UserException(
          ErrorCode.INVALID_SCENARIO,
          "scenario",
          String.format(
              Locale.ROOT,
              "scenario too large: about %.3g events (%d replications of %.0f days), the limit is %.3g;"
                  + " use fewer replications, a shorter horizon or smaller flows",
              events,
              sc.replications(),
              sc.warmupDays() + sc.horizonDays(),
              (double) maxEvents));
    }
  }

  private static Double toD(Integer i) {
    return i == null ? null : i.doubleValue();
  }

  private static <T> List<T> size(String field, List<T> list) {
    if (list == null) {
      return List.of();
    }
    if (list.size() > MAX_LIST) {
      throw new UserException(
          field, field + " has " + list.size() + " entries; at most " + MAX_LIST);
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        String entry = field + "[" + i + "]";
        throw new UserException(entry, entry + " is empty; give its fields or remove the entry");
      }
    }
    return list;
  }

  private static void range(String field, Double v, double lo, double hi) {
    if (v == null) {
      return;
    }
    if (v.isNaN()) {
      throw new UserException(field, field + " must be a number, got " + v);
    }
    if (v < lo) {
      throw new UserException(field, field + " must be >= " + fmt(lo) + ", got " + fmt(v));
    }
    if (v > hi) {
      throw new UserException(
          field,
          field + " must be at most " + fmt(hi) + " (docs/SIMULATION.md, limits), got " + fmt(v));
    }
  }

  private static void rangeAbove0(String field, Double v, double hi) {
    if (v != null && !(v > 0)) {
      throw new UserException(field, field + " must be > 0, got " + fmt(v));
    }
    range(field, v, 0, hi);
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}

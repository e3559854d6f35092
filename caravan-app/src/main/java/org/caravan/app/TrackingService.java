package org.caravan.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.caravan.app.TrackingViews.EventLine;
import org.caravan.app.TrackingViews.IngestReport;
import org.caravan.app.TrackingViews.LegState;
import org.caravan.app.TrackingViews.Rejected;
import org.caravan.app.TrackingViews.SegmentBasis;
import org.caravan.app.TrackingViews.ShipmentDetail;
import org.caravan.app.TrackingViews.ShipmentSummary;
import org.caravan.network.Network;
import org.caravan.routing.Leg;
import org.caravan.routing.Route;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.tracking.EventReader;
import org.caravan.tracking.EventValidator;
import org.caravan.tracking.EventWriter;
import org.caravan.tracking.TrackingEvent;
import org.caravan.tracking.TrackingStore;
import org.caravan.tracking.eta.EtaEngine;
import org.caravan.tracking.eta.Observations;
import org.caravan.tracking.eta.Segment;

/**
 * Shipment tracking: ingest events (CSV or JSON, idempotent, bad events rejected by name while the
 * good ones are kept), list shipments with their position, and predict each one's arrival as a
 * distribution (docs/TRACKING.md, docs/ETA.md). Events live in the results store the studies use.
 * The ETA's clock is the store's: the time of its latest actual event, unless the caller names one.
 * Thread-safe (each call opens the store it reads).
 */
public final class TrackingService {
  /** The results store used when none is named: the one the studies use. */
  public static final String DEFAULT_STORE = StudyService.DEFAULT_STORE;

  static final String METHOD =
      "Monte Carlo over the legs ahead; planner prior blended with recent observed legs"
          + " (Dirichlet-process posterior predictive, docs/ETA.md)";

  private final Caravan caravan;
  private final ShipmentTracker tracker;

  TrackingService(Caravan caravan) {
    this.caravan = caravan;
    this.tracker = new ShipmentTracker(caravan.network(), caravan.router());
  }

  /**
   * Ingests a CSV file (or JSON when its name ends in {@code .json}).
   *
   * @throws UserException when the file cannot be read at all (field {@code file}) or the store
   *     cannot be opened (field {@code store}); single bad events are reported, not thrown
   */
  public IngestReport ingestFile(Path file, Optional<String> store) {
    EventReader.Result result;
    boolean json =
        file.getFileName() != null
            && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      result = json ? EventReader.json(in) : EventReader.csv(in);
    } catch (NoSuchFileException e) {
      throw new UserException("file", "no such file: " + file);
    } catch (IOException e) {
      throw new UserException("file", "cannot read " + file + ": " + e.getMessage());
    }
    return switch (result) {
      case EventReader.Read read -> ingest(read, file.toString(), store);
      case EventReader.Unreadable u -> throw new UserException("file", file + ": " + u.message());
    };
  }

  /**
   * Ingests a JSON document (an array of events or {@code {"events": [...]}}).
   *
   * @throws UserException with code {@link ErrorCode#MALFORMED_JSON} when it is not JSON, or naming
   *     the field when it has no event array
   */
  public IngestReport ingestJson(String body, Optional<String> store) {
    return switch (EventReader.json(body)) {
      case EventReader.Read read -> ingest(read, "request", store);
      case EventReader.Unreadable u ->
          throw u.field().isEmpty()
              ? new UserException(ErrorCode.MALFORMED_JSON, u.message())
              : new UserException(u.field(), u.message());
    };
  }

  private IngestReport ingest(EventReader.Read read, String source, Optional<String> store) {
    try (TrackingStore s = open(store)) {
      EventValidator.Outcome o =
          new EventValidator(tracker::known).validate(read.events(), read.lines(), s);
      s.insert(o.accepted());
      List<Rejected> rejected = new ArrayList<>();
      read.rejections()
          .forEach(r -> rejected.add(new Rejected(r.eventId(), r.field(), r.line(), r.message())));
      o.rejected()
          .forEach(r -> rejected.add(new Rejected(r.eventId(), r.field(), r.line(), r.message())));
      rejected.sort(Comparator.comparingLong(Rejected::line));
      return new IngestReport(
          source,
          s.location(),
          read.events().size() + read.rejections().size(),
          o.accepted().size(),
          o.alreadyStored(),
          rejected,
          read.where());
    }
  }

  /**
   * The ETA evaluation's headline figures (Middle Corridor, held-out seeds, all horizons) and the
   * report ({@code docs/ETA.md}).
   */
  public record Evaluation(
      String markdown,
      double etaError_d,
      double timetableError_d,
      double staticError_d,
      double coverage,
      int shipments) {}

  /**
   * Replays simulated shipments and measures the ETA against the timetable and static route ETAs
   * (docs/ETA.md). Takes minutes: five simulated years.
   *
   * @param perGroup shipments per corridor and seed, &gt; 0
   */
  public Evaluation evaluate(int perGroup, Consumer<String> progress) {
    if (perGroup < 1) {
      throw new UserException("per_corridor", "{per_corridor} must be >= 1, got " + perGroup);
    }
    List<SimReplay> cal = new ArrayList<>();
    List<Observations> calObs = new ArrayList<>();
    for (long seed : EtaEvaluation.CALIBRATION_SEEDS) {
      progress.accept("simulating calibration seed " + seed);
      SimReplay r = SimReplay.run(caravan, EtaEvaluation.scenario(caravan, seed), seed);
      cal.add(r);
      calObs.add(r.observations());
    }
    StringBuilder table = new StringBuilder();
    EtaEngine.Settings chosen = EtaEvaluation.calibrate(cal, calObs, perGroup, progress, table);
    cal.clear();
    calObs.clear();
    List<EtaEvaluation.Result> results = new ArrayList<>();
    int n = 0;
    for (long seed : EtaEvaluation.TEST_SEEDS) {
      progress.accept("simulating test seed " + seed);
      SimReplay r = SimReplay.run(caravan, EtaEvaluation.scenario(caravan, seed), seed);
      EtaEvaluation.Result res = EtaEvaluation.evaluate(r, r.observations(), chosen, perGroup);
      results.add(res);
      n += res.shipments();
    }
    Map<String, EtaEvaluation.Cell[]> merged = EtaReport.merge(results);
    EtaEvaluation.Cell mid = EtaReport.total(merged.get("middle"));
    return new Evaluation(
        EtaReport.markdown(merged, table.toString(), chosen, perGroup),
        mid.errEta_d / mid.n,
        mid.errTimetable_d / mid.n,
        mid.errStatic_d / mid.n,
        mid.inBand / (double) mid.n,
        n);
  }

  /** What {@link #writeSample} wrote. */
  public record Sample(int shipments, int events, long asOf_s) {}

  /**
   * Writes a synthetic sample event file: shipments of one simulated replication of the default
   * scenario (seed {@code seed}), cut at {@code day} days after the warm-up, so some are delivered
   * and most are on the way. Refuses to overwrite an existing file.
   */
  public Sample writeSample(Path out, long seed, int day, int shipments) {
    if (shipments < 1 || day < 45) {
      throw new UserException(
          shipments < 1 ? "shipments" : "day",
          shipments < 1
              ? "{shipments} must be >= 1"
              : "{day} must be >= 45 (a month and a half of traffic first)");
    }
    if (Files.exists(out)) {
      throw new UserException("out", out + " exists; the sample is only written to a new file");
    }
    SimReplay r =
        SimReplay.run(caravan, ScenarioLoader.loadResource(ScenarioLoader.DEFAULT, caravan), seed);
    long now = r.warmup_s + day * 86_400L;
    List<Integer> pick = new ArrayList<>();
    for (int t = 0; t < r.traces; t++) {
      if (r.release[t] <= now
          && r.release[t] > now - 21 * 86_400L
          && "middle".equals(r.corridor(t))) {
        pick.add(t);
      }
    }
    int stride = Math.max(1, pick.size() / shipments);
    List<TrackingEvent> events = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < pick.size() && count < shipments; i += stride) {
      int t = pick.get(i);
      events.addAll(r.events(t, now, String.format(Locale.ROOT, "SIM%d-%06d", seed, t)));
      count++;
    }
    events.sort(
        Comparator.comparingLong(TrackingEvent::eventTime_s).thenComparing(TrackingEvent::eventId));
    try {
      Path parent = out.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = Files.createTempFile(parent, ".sample", ".csv");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        EventWriter.csv(events, w);
      }
      Files.move(tmp, out);
    } catch (IOException e) {
      throw new UserException("out", "cannot write " + out + ": " + e.getMessage());
    }
    return new Sample(count, events.size(), r.start_s + now);
  }

  /** Every shipment in the store with its position and predicted arrival, by id. */
  public List<ShipmentSummary> list(Optional<String> store) {
    List<TrackingEvent> all = all(store);
    Observations obs = ShipmentTracker.observations(all);
    long asOf = clock(all);
    List<ShipmentSummary> out = new ArrayList<>();
    for (Map.Entry<String, List<TrackingEvent>> e : byShipment(all).entrySet()) {
      ShipmentTracker.State st = tracker.state(e.getKey(), e.getValue());
      out.add(summary(st, eta(st, obs, asOf)));
    }
    return out;
  }

  /**
   * One shipment with its route, events and ETA, or empty when the store has no such shipment.
   *
   * @param asOf the time of the prediction; empty for the store's latest actual event
   */
  public Optional<ShipmentDetail> show(String id, Optional<String> store, Optional<Long> asOf) {
    List<TrackingEvent> all = all(store);
    List<TrackingEvent> mine = all.stream().filter(e -> e.shipmentId().equals(id)).toList();
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    long now = asOf.orElse(clock(all));
    List<TrackingEvent> known = all.stream().filter(e -> e.eventTime_s() <= now).toList();
    List<TrackingEvent> mineKnown = known.stream().filter(e -> e.shipmentId().equals(id)).toList();
    ShipmentTracker.State st = tracker.state(id, mineKnown.isEmpty() ? mine : mineKnown);
    ShipmentSummary sum = summary(st, eta(st, ShipmentTracker.observations(known), now));
    List<LegState> legs = new ArrayList<>();
    List<double[]> geometry = List.of();
    if (st.route().isPresent()) {
      List<Leg> rl = st.route().get().legs();
      for (int i = 0; i < rl.size(); i++) {
        Leg l = rl.get(i);
        String state = i < st.legsDone() ? "done" : i == st.legsDone() ? "current" : "ahead";
        legs.add(
            new LegState(
                l.from(),
                l.to(),
                l.mode().name().toLowerCase(Locale.ROOT),
                state,
                l.depart_s(),
                l.arrive_s()));
      }
      geometry = st.route().get().geometry();
    }
    List<EventLine> events = new ArrayList<>();
    for (TrackingEvent e : mine) {
      events.add(
          new EventLine(
              e.eventId(),
              e.container(),
              e.type().name(),
              e.classifier().name(),
              e.eventTime_s(),
              e.location(),
              e.facility(),
              e.mode().map(Enum::name)));
    }
    return Optional.of(new ShipmentDetail(sum, legs, events, geometry));
  }

  /** The predicted arrival of one shipment, or empty when the store has no such shipment. */
  public Optional<ShipmentSummary> eta(String id, Optional<String> store, Optional<Long> asOf) {
    return show(id, store, asOf).map(ShipmentDetail::summary);
  }

  private Optional<TrackingViews.Eta> eta(ShipmentTracker.State st, Observations obs, long asOf) {
    if (st.route().isEmpty()) {
      return Optional.empty();
    }
    Route r = st.route().get();
    if (st.delivered()) {
      long t = st.since_s();
      return Optional.of(
          new TrackingViews.Eta(asOf, t, t, t, t, r.arrival_s(), 0, 0, "delivered", List.of()));
    }
    List<Segment> ahead = ShipmentTracker.segments(r, st.legsDone());
    long seed = st.shipmentId().hashCode() * 0x9E3779B97F4A7C15L ^ asOf;
    long now = Math.max(asOf, st.since_s());
    EtaEngine.Prediction p =
        EtaEngine.predict(
            ahead, st.phase(), st.since_s(), now, obs, EtaEngine.Settings.DEFAULT, seed);
    List<SegmentBasis> basis = new ArrayList<>();
    for (int j = 0; j < ahead.size(); j++) {
      basis.add(
          new SegmentBasis(
              ahead.get(j).key(), ahead.get(j).mode(), p.observed()[j], p.priorShare()[j]));
    }
    return Optional.of(
        new TrackingViews.Eta(
            now,
            p.p10_s(),
            p.p50_s(),
            p.p90_s(),
            timetable(st, ahead),
            r.arrival_s(),
            p.samples(),
            p.seed(),
            METHOD,
            basis));
  }

  /** Baseline: the last actual event plus the nominal running times ahead, no waits. */
  static long timetable(ShipmentTracker.State st, List<Segment> ahead) {
    double t = 0;
    for (Segment s : ahead) {
      t += s.runMean_s();
    }
    return st.since_s() + Math.round(t);
  }

  private ShipmentSummary summary(ShipmentTracker.State st, Optional<TrackingViews.Eta> eta) {
    Network n = caravan.network();
    LinkedHashSet<String> containers = new LinkedHashSet<>();
    st.events().forEach(e -> containers.add(e.container()));
    TrackingEvent last = st.last().orElse(st.events().getFirst());
    int node = n.findNode(last.location()).orElse(-1);
    TrackingViews.Position pos =
        new TrackingViews.Position(
            last.location(),
            node >= 0 ? n.node(node).name() : last.location(),
            node >= 0 ? n.lat(node) : Double.NaN,
            node >= 0 ? n.lon(node) : Double.NaN,
            last.type().name(),
            last.eventTime_s(),
            st.delivered()
                ? "delivered"
                : st.phase() == EtaEngine.Phase.RUNNING ? "running" : "at_node");
    String status = st.last().isEmpty() ? "planned" : st.delivered() ? "delivered" : "in_transit";
    int total = st.route().map(r -> r.legs().size()).orElse(0);
    return new ShipmentSummary(
        st.shipmentId(),
        List.copyOf(containers),
        st.origin(),
        st.destination(),
        status,
        st.booked() ? "booked" : "network",
        pos,
        st.legsDone(),
        total,
        st.events().size(),
        eta);
  }

  private List<TrackingEvent> all(Optional<String> store) {
    try (TrackingStore s = open(store)) {
      return s.all();
    }
  }

  private static Map<String, List<TrackingEvent>> byShipment(List<TrackingEvent> all) {
    Map<String, List<TrackingEvent>> m = new LinkedHashMap<>();
    for (TrackingEvent e : all) {
      m.computeIfAbsent(e.shipmentId(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }

  /** The store's clock: its latest actual event (0 when it has none). */
  private static long clock(List<TrackingEvent> all) {
    return all.stream()
        .filter(TrackingEvent::actual)
        .mapToLong(TrackingEvent::eventTime_s)
        .max()
        .orElse(0);
  }

  private static TrackingStore open(Optional<String> store) {
    StoreLocation at = StoreLocation.of(store);
    try {
      return TrackingStore.open(at.jdbcUrl(), at.given());
    } catch (TrackingStore.StoreException e) {
      throw new UserException("store", e.getMessage());
    }
  }
}

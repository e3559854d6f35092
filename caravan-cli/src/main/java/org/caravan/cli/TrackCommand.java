package org.caravan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caravan.app.TrackingJson;
import org.caravan.app.TrackingService;
import org.caravan.app.TrackingViews.IngestReport;
import org.caravan.app.TrackingViews.Rejected;
import org.caravan.app.TrackingViews.ShipmentDetail;
import org.caravan.app.TrackingViews.ShipmentSummary;
import org.caravan.cli.TrackKnobs.Knobs;
import org.caravan.scenario.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caravan track ingest|list|eta|show|evaluate|sample}: shipment tracking (docs/TRACKING.md).
 * {@code ingest} exits with 1 when any event was rejected (the good ones are stored all the same).
 */
@Command(
    name = "track",
    mixinStandardHelpOptions = true,
    description = {
      "Shipment tracking: events in (CSV or JSON, DCSA Track and Trace vocabulary), positions and",
      "arrival distributions out. Events are kept in the results store (DuckDB file "
          + TrackingService.DEFAULT_STORE
          + " by default, or a PostgreSQL JDBC URL). Format: docs/TRACKING.md."
    },
    subcommands = {
      TrackCommand.Ingest.class,
      TrackCommand.ListShipments.class,
      TrackCommand.Eta.class,
      TrackCommand.Show.class,
      TrackCommand.Evaluate.class,
      TrackCommand.Sample.class
    })
final class TrackCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code --at}: the time of the prediction. */
  static final class AtOption {
    @Option(
        names = "--at",
        paramLabel = "TIME",
        description =
            "Predict as of this ISO 8601 time (default: the latest actual event in the store).")
    Optional<String> at = Optional.empty();

    Optional<Long> epoch() {
      try {
        return at.map(s -> Instant.parse(s.trim()).getEpochSecond());
      } catch (DateTimeParseException e) {
        throw new UserException("at", "--at must be an ISO 8601 time such as 2024-06-01T00:00:00Z");
      }
    }
  }

  /**
   * A subcommand: {@link #run} prints and gives the exit code; standard output, then standard
   * error, are flushed after it.
   */
  abstract static class Printing extends OpensNetwork implements Callable<Integer> {
    abstract int run(PrintWriter out);

    PrintWriter err() {
      return spec.commandLine().getErr();
    }

    @Override
    public final Integer call() {
      PrintWriter out = out();
      int code = run(out);
      out.flush();
      err().flush();
      return code;
    }
  }

  /** A subcommand that reads the store: {@code --store} besides what {@link Printing} has. */
  abstract static class OnStore extends Printing {
    @Mixin StoreOption store;

    TrackingService tracking() {
      return network.open().tracking();
    }
  }

  /** A subcommand about one shipment of the store, as of {@code --at}. */
  abstract static class OneShipment extends OnStore {
    @Mixin AtOption at;

    @Parameters(index = "0", paramLabel = "SHIPMENT")
    String id;

    /** What the store knows of the shipment; a user error when it has never heard of it. */
    <T> T known(Optional<T> found) {
      return found.orElseThrow(
          () -> new UserException("shipment", "no shipment '" + id + "' in the store"));
    }
  }

  @Command(
      name = "ingest",
      description = {
        "Reads events from a CSV or JSON file into the store: idempotent by event_id; bad events",
        "are named and left out, the good ones stored. Exit code 1 when any event was rejected."
      })
  static final class Ingest extends OnStore {
    @Parameters(index = "0", paramLabel = "FILE", description = "Events: .csv or .json.")
    Path file;

    @Mixin Formats.TableOrJson output;

    @Override
    int run(PrintWriter out) {
      IngestReport r = tracking().ingestFile(file, store.store);
      if (output.json) {
        out.println(Json.write(TrackingJson.ingest(r)));
      } else {
        out.printf(
            Locale.ROOT,
            "%s: %d events read, %d stored, %d already stored, %d rejected%nstore: %s%n",
            r.source(),
            r.read(),
            r.stored(),
            r.alreadyStored(),
            r.rejected().size(),
            r.store());
      }
      for (Rejected x : r.rejected()) {
        err()
            .printf(
                Locale.ROOT,
                "caravan: rejected event %s (%s %d), field %s: %s%n",
                x.eventId(),
                r.where(),
                x.line(),
                x.field(),
                x.message());
      }
      return r.rejected().isEmpty() ? 0 : 1;
    }
  }

  @Command(
      name = "list",
      description = "Lists the shipments in the store with position and ETA band.")
  static final class ListShipments extends OnStore {
    @Mixin Formats.TableOrJson output;

    @Override
    int run(PrintWriter out) {
      List<ShipmentSummary> list = tracking().list(store.store);
      if (output.json) {
        out.println(Json.write(TrackingJson.shipments(list)));
      } else {
        out.printf(
            Locale.ROOT,
            "%-18s %-12s %-7s %-10s %-22s %5s  %-11s %-11s %-11s%n",
            "SHIPMENT",
            "CONTAINER",
            "DEST",
            "STATUS",
            "LAST POSITION",
            "LEGS",
            "P10",
            "P50",
            "P90");
        for (ShipmentSummary s : list) {
          out.printf(
              Locale.ROOT,
              "%-18s %-12s %-7s %-10s %-22s %2d/%-2d  %-11s %-11s %-11s%n",
              s.shipmentId(),
              s.containers().getFirst(),
              s.destination().orElse("?"),
              s.status(),
              s.position().eventType() + " " + s.position().location(),
              s.legsDone(),
              s.legsTotal(),
              s.eta().map(e -> day(e.p10_s())).orElse("-"),
              s.eta().map(e -> day(e.p50_s())).orElse("-"),
              s.eta().map(e -> day(e.p90_s())).orElse("-"));
        }
      }
      return 0;
    }
  }

  static String day(long t_s) {
    return TrackingJson.time(t_s).substring(0, 10);
  }

  @Command(name = "eta", description = "The predicted arrival of a shipment: p10, p50 and p90.")
  static final class Eta extends OneShipment {
    @Mixin Formats.TableOrJson output;

    @Override
    int run(PrintWriter out) {
      ShipmentSummary s = known(tracking().eta(id, store.store, at.epoch()));
      if (output.json) {
        out.println(Json.write(TrackingJson.summary(s)));
      } else if (s.eta().isEmpty()) {
        out.printf(
            Locale.ROOT,
            "%s: %s at %s; no route to %s known, so no ETA%n",
            s.shipmentId(),
            s.status(),
            s.position().location(),
            s.destination().orElse("an unnamed destination"));
      } else {
        var e = s.eta().get();
        out.printf(
            Locale.ROOT,
            "%s to %s: %s, last %s at %s %s; %d of %d legs done%n"
                + "as of %s: p10 %s  p50 %s  p90 %s%n"
                + "timetable ETA %s, planned at departure %s%n",
            s.shipmentId(),
            s.destination().orElse("?"),
            s.status(),
            s.position().eventType(),
            s.position().location(),
            TrackingJson.time(s.position().time_s()),
            s.legsDone(),
            s.legsTotal(),
            TrackingJson.time(e.asOf_s()),
            TrackingJson.time(e.p10_s()),
            TrackingJson.time(e.p50_s()),
            TrackingJson.time(e.p90_s()),
            TrackingJson.time(e.timetable_s()),
            TrackingJson.time(e.planned_s()));
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      description = "A shipment's route, legs done and ahead, event timeline and ETA (JSON).")
  static final class Show extends OneShipment {
    @Override
    int run(PrintWriter out) {
      ShipmentDetail d = known(tracking().show(id, store.store, at.epoch()));
      out.println(Json.write(TrackingJson.detail(d)));
      return 0;
    }
  }

  @Command(
      name = "evaluate",
      description = {
        "Replays simulated shipments (storms and closures), hides the end of each and measures the",
        "ETA against the timetable and static route ETAs; writes docs/ETA.md. Takes minutes."
      })
  static final class Evaluate extends Printing {
    @Mixin Knobs knobs = new Knobs(TrackKnobs.REPORT, TrackKnobs.PER_CORRIDOR);

    @Override
    int run(PrintWriter o) {
      PrintWriter err = err();
      Path out = knobs.get(TrackKnobs.REPORT);
      TrackingService.Evaluation ev =
          network
              .open()
              .tracking()
              .evaluate(
                  knobs.get(TrackKnobs.PER_CORRIDOR),
                  msg -> {
                    err.println(msg);
                    err.flush();
                  });
      try {
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), ".eta", ".md");
        Files.writeString(tmp, ev.markdown(), StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UserException("out", "cannot write " + out + ": " + e.getMessage());
      }
      o.printf(
          Locale.ROOT,
          "Middle Corridor, held-out seeds: p50 error %.2f d (timetable %.2f d, static route %.2f d),"
              + " %.0f %% below the timetable; 80 %% band coverage %.1f %%; %d shipments%nwrote %s%n",
          ev.etaError_d(),
          ev.timetableError_d(),
          ev.staticError_d(),
          100 * (1 - ev.etaError_d() / ev.timetableError_d()),
          100 * ev.coverage(),
          ev.shipments(),
          out);
      return 0;
    }
  }

  @Command(
      name = "sample",
      description = {
        "Writes a synthetic sample event file cut from one simulated replication of the default",
        "scenario (Middle Corridor shipments; some delivered, most on the way)."
      })
  static final class Sample extends Printing {
    @Mixin
    Knobs knobs =
        new Knobs(TrackKnobs.EVENTS, TrackKnobs.SEED, TrackKnobs.DAY, TrackKnobs.SHIPMENTS);

    @Override
    int run(PrintWriter o) {
      Path out = knobs.get(TrackKnobs.EVENTS);
      long seed = knobs.get(TrackKnobs.SEED);
      int day = knobs.get(TrackKnobs.DAY);
      int shipments = knobs.get(TrackKnobs.SHIPMENTS);
      TrackingService.Sample s = network.open().tracking().writeSample(out, seed, day, shipments);
      o.printf(
          Locale.ROOT,
          "wrote %s: %d shipments, %d events, up to %s (synthetic: seed %d, day %d)%n",
          out,
          s.shipments(),
          s.events(),
          TrackingJson.time(s.asOf_s()),
          seed,
          day);
      return 0;
    }
  }
}

package org.caravan.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.caravan.crm.CrmData.Disruption;
import org.caravan.crm.CrmDataset;
import org.caravan.crm.Element;
import org.caravan.crm.RiskAnalysis;
import org.caravan.crm.RiskReport;
import org.caravan.network.LaneSwitches;
import org.caravan.network.Network;
import org.caravan.network.NetworkException;
import org.caravan.network.Passage;
import org.caravan.routing.SeaLanes;
import org.caravan.routing.TableCargoRules;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;
import org.caravan.scenario.UserPaths;

/**
 * Critical raw materials: the supply-risk view of {@code caravan crm risk} and {@code GET
 * /api/crm/risk} (docs/CRM.md). Routes on the built-in network plus the CRM overlay (the chartered
 * class-7 leg), with the default cargo rules, emission factors and sea lanes and the route
 * planner's options (rate tables, episodes, the simulated waits and wagonload marshalling, the
 * sea-lane switches in force on the departure day), so a flow's days and price are those {@code
 * caravan route} gives; loaded on first use, then shared.
 */
public final class CrmService {
  /**
   * Departure of every flow's reference shipment: 2026-12-01T00:00Z (schedules are weekly
   * frequencies).
   */
  public static final Instant DEPARTURE = Instant.parse("2026-12-01T00:00:00Z");

  private volatile RiskAnalysis analysis;
  private volatile List<LaneSwitches.Switch> lanes = List.of();

  CrmService() {}

  private RiskAnalysis analysis() {
    RiskAnalysis a = analysis;
    if (a == null) {
      synchronized (this) {
        if (analysis == null) {
          try {
            Caravan crm = Caravan.openCrm();
            Network network = crm.network();
            CrmDataset data = CrmDataset.loadDefault(network);
            List<LaneSwitches.Switch> inForce = crm.laneSwitches(DEPARTURE.getEpochSecond());
            Set<Passage> diverted = EnumSet.noneOf(Passage.class);
            inForce.forEach(sw -> diverted.addAll(sw.avoid()));
            lanes = inForce;
            analysis =
                new RiskAnalysis(
                    network,
                    data,
                    TableCargoRules.loadDefault(),
                    crm.networkEmissions(),
                    SeaLanes.load(),
                    crm.routerOptions(),
                    diverted,
                    DEPARTURE.getEpochSecond());
          } catch (NetworkException e) {
            throw new UserException(ErrorCode.INVALID_NETWORK, e.oneLine());
          }
        }
        a = analysis;
      }
    }
    return a;
  }

  /** The names of the built-in disruptions. */
  public List<String> disruptions() {
    return analysis().data().risks().disruptions().stream().map(Disruption::id).toList();
  }

  /** The built-in disruptions as JSON (for the web page's choice): id, name, removes, sources. */
  public ArrayNode disruptionList() {
    return CrmViews.disruptions(analysis().data().risks().disruptions());
  }

  /**
   * The risk view as the public JSON document (docs/CLI.md); with a disruption (a built-in name or
   * a CSV file of the disruptions.csv format; several rows are applied together), the flows it
   * strands and their alternatives.
   *
   * @throws UserException for an unknown name or a bad file (naming file, line and field)
   */
  public ObjectNode risk(Optional<String> disruption) {
    return CrmViews.json(report(disruption), lanes);
  }

  /** The report behind {@link #risk}, for tests of the gateway. */
  RiskReport report(Optional<String> disruption) {
    RiskAnalysis a = analysis();
    if (disruption.isEmpty()) {
      return a.analyse();
    }
    String d = disruption.get();
    Optional<Disruption> named = a.data().disruption(d);
    if (named.isPresent()) {
      return a.analyse(named.get());
    }
    if (!d.endsWith(".csv") || !UserPaths.valid(d) || !Files.exists(Path.of(d))) {
      throw new UserException(
          "disruption",
          "unknown disruption '"
              + UserPaths.printable(d)
              + "'; expected one of "
              + String.join(", ", disruptions())
              + " or a .csv file");
    }
    Path file = UserPaths.of("disruption", d);
    try {
      List<Disruption> read = a.data().readDisruptions(a.network(), file);
      if (read.size() == 1) {
        return a.analyse(read.getFirst());
      }
      List<Element> all = read.stream().flatMap(x -> x.removes().stream()).toList();
      String sources =
          read.stream().map(Disruption::source).distinct().collect(Collectors.joining("+"));
      return a.analyse(
          new Disruption(file.getFileName().toString(), "all rows of " + file, all, sources, ""));
    } catch (NetworkException e) {
      throw new UserException(
          "disruption",
          e.problems().stream().map(Object::toString).collect(Collectors.joining("; ")));
    }
  }
}

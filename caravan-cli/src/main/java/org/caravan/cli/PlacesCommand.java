package org.caravan.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.caravan.app.PlaceService.PlaceMatch;
import org.caravan.scenario.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caravan places SEARCH}: find nodes by name, alias or UN/LOCODE, best matches first. */
@Command(
    name = "places",
    description = "Find terminals, ports and crossings by name, alias or UN/LOCODE.")
final class PlacesCommand extends OpensNetwork implements Callable<Integer> {

  @Parameters(
      paramLabel = "SEARCH",
      description = "Name, alias or UN/LOCODE (accents, case and small typos are forgiven).")
  String query;

  @Option(
      names = "--limit",
      defaultValue = "10",
      description = "At most this many matches (default ${DEFAULT-VALUE}).")
  int limit;

  @Mixin Formats.TableOrJson output;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UserException("limit", "{limit} must be at least 1, found " + limit);
    }
    List<PlaceMatch> matches = network.open().places().search(query, limit);
    PrintWriter out = out();
    if (output.json) {
      out.println(
          Json.write(
              java.util.Map.of(
                  "query",
                  query,
                  "matches",
                  matches.stream()
                      .map(
                          m ->
                              java.util.Map.of(
                                  "id",
                                  m.id(),
                                  "name",
                                  m.name(),
                                  "country",
                                  m.country(),
                                  "kind",
                                  m.kind(),
                                  "score",
                                  m.score(),
                                  "matched_on",
                                  m.matched(),
                                  "status",
                                  m.status(),
                                  "opening_year",
                                  m.openingYear()))
                      .toList())));
      return matches.isEmpty() ? 1 : 0; // a miss is exit 1 in both formats
    }
    if (matches.isEmpty()) {
      out.println("no place matches '" + query + "'");
      return 1;
    }
    out.printf("%-12s %-36s %-7s %-12s %s%n", "ID", "NAME", "COUNTRY", "KIND", "MATCHED ON");
    for (PlaceMatch m : matches) {
      // planned places are found too, marked: a user asking for Anaklia learns it is planned
      String kind =
          m.status().equals("planned")
              ? m.kind() + " (planned" + (m.openingYear() > 0 ? " " + m.openingYear() : "") + ")"
              : m.kind();
      out.printf("%-12s %-36s %-7s %-12s %s%n", m.id(), m.name(), m.country(), kind, m.matched());
    }
    return 0;
  }
}

package org.caravan.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caravan.app.CaravanApp;
import org.caravan.app.NetworkService;
import org.caravan.scenario.EstimateUsage;
import org.caravan.scenario.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caravan network ...}: look at, check and export the corridor network. */
@Command(
    name = "network",
    mixinStandardHelpOptions = true,
    description = "Inspect, validate and export the corridor network.",
    subcommands = {
      NetworkCommand.Info.class,
      NetworkCommand.Validate.class,
      NetworkCommand.Export.class
    })
final class NetworkCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "info", description = "Counts of nodes by kind and country, links by mode.")
  static final class Info extends OpensNetwork implements Callable<Integer> {

    @Mixin Formats.TableOrJson output;

    @Override
    public Integer call() {
      NetworkService service = network.open().network();
      NetworkService.Overview s = service.overview();
      EstimateUsage.Report usage = service.estimateUsage();
      PrintWriter out = out();
      if (output.json) {
        ObjectNode node = Json.MAPPER.valueToTree(s);
        node.set("top_estimates", Json.MAPPER.valueToTree(usage));
        out.println(Json.write(node));
        return 0;
      }
      out.printf(
          "Caravan network: %d nodes in %d countries, %d link rows (%d directed links), %d transfers, %d services, %d sources%n",
          s.nodes(),
          s.countries(),
          s.links(),
          s.directedLinks(),
          s.transfers(),
          s.services(),
          s.sources());
      out.println();
      out.println("Nodes by kind:    " + line(s.nodesByKind()));
      out.println("Links by mode:    " + line(s.linksByMode()));
      out.println("Km by mode:       " + line(s.linkKmByMode()));
      out.println("Nodes by country: " + line(s.nodesByCountry()));
      NetworkService.ProvenanceCounts p = s.provenance();
      out.printf(
          "Planned (left out unless --include-planned): %d nodes, %d links%n",
          s.plannedNodes(), s.plannedLinks());
      out.printf(
          "Provenance of %d values: publication %d, dataset %d, estimate with basis %d, bare estimate %d"
              + " (publications %.1f %% of the non-dataset values, %.1f %% of those that are not"
              + " coordinates)%n",
          p.publication() + p.dataset() + p.estimateWithBasis() + p.bareEstimate(),
          p.publication(),
          p.dataset(),
          p.estimateWithBasis(),
          p.bareEstimate(),
          p.publicationShare() * 100,
          p.publicationShareExcludingCoordinates() * 100);
      out.printf(
          "%nEstimated values read by the most fastest routes (%d of %d terminal pairs routed, departing %s):%n",
          usage.routed(), usage.pairs(), EstimateUsage.DEPARTURE);
      for (EstimateUsage.Use u : usage.top()) {
        out.printf("  %5d  %-58s %10s  %s%n", u.routes(), u.value(), num(u.number()), u.source());
      }
      return 0;
    }

    private static String num(double v) {
      return v == Math.rint(v) ? String.format("%.0f", v) : String.format("%.2f", v);
    }

    private static String line(Map<String, ? extends Number> m) {
      StringBuilder b = new StringBuilder();
      m.forEach(
          (k, v) ->
              b.append(b.isEmpty() ? "" : ", ")
                  .append(k)
                  .append(' ')
                  .append(v instanceof Double d ? String.format("%,.0f", d) : v));
      return b.toString();
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Check network files (directories or single files) applied on top of the built-in network.")
  static final class Validate implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
        paramLabel = "FILE",
        arity = "0..*",
        description = "Overlay directories or files; none checks the built-in network.")
    List<Path> files = List.of();

    @Override
    public Integer call() {
      NetworkService.Validated n = NetworkService.validate(files);
      spec.commandLine()
          .getOut()
          .printf(
              "ok: %d nodes, %d link rows, %d transfers, %d services, %d dated episodes%s%n",
              n.nodes(),
              n.linkRows(),
              n.transfers(),
              n.services(),
              n.episodes(),
              files.isEmpty()
                  ? " (built-in network)"
                  : " (built-in network + "
                      + files.size()
                      + " overlay"
                      + (files.size() > 1 ? "s" : "")
                      + ")");
      return 0;
    }
  }

  @Command(
      name = "export",
      description = "Write the network as GeoJSON (the map layer) or as network CSV files.")
  static final class Export extends OpensNetwork implements Callable<Integer> {

    @Option(names = "--format", required = true, description = "geojson or csv")
    String format;

    @Option(
        names = {"-o", "--out"},
        paramLabel = "PATH",
        description =
            "Output file (geojson; default or '-': standard output) or new/empty folder (csv, required).")
    Path out;

    @Mixin Force force;

    @Override
    public Integer call() {
      boolean stdout = out == null || out.toString().equals("-");
      CaravanApp app = network.open();
      switch (format) {
        case "geojson" -> {
          if (stdout) {
            out().println(Json.write(app.network().geoJson()));
          } else {
            app.network().exportGeoJson(out, force.force, doc -> Json.write(doc) + "\n");
          }
        }
        case "csv" -> {
          if (stdout) {
            throw new UserException(
                "out", "{format} csv writes five files: give a new or empty folder with {out} DIR");
          }
          app.network().exportCsv(out, force.force);
          out().println("wrote " + out.resolve("*.csv"));
        }
        default ->
            throw new UserException(
                "format", "unknown {format} '" + format + "'; expected geojson or csv");
      }
      return 0;
    }
  }
}

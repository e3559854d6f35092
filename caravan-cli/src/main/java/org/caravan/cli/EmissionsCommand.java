package org.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caravan.emissions.ChainElement;
import org.caravan.emissions.ChainFileReader;
import org.caravan.emissions.ChainResult;
import org.caravan.emissions.DistanceResolver;
import org.caravan.emissions.EmissionCalculator;
import org.caravan.emissions.EmissionFactors;
import org.caravan.emissions.EmissionsException;
import org.caravan.emissions.EmissionsReport;
import org.caravan.emissions.PrimaryData;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan emissions FILE}: ISO 14083 emissions of a transport chain file, printed as a
 * per-leg table with totals. User errors print one line to stderr and exit with 1.
 */
@Command(
    name = "emissions",
    mixinStandardHelpOptions = true,
    subcommands = EmissionsValidateCommand.class,
    description = {
      "Greenhouse-gas emissions (ISO 14083: WTT, TTW, WTW in kg CO2e) of a transport chain file.",
      "FILE is a CSV or JSON chain file (format in docs/EMISSIONS.md); .json is read as JSON, anything else as CSV.",
      "'caravan emissions validate' compares Caravan with hand calculations and published figures."
    })
public final class EmissionsCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Chain file (CSV or JSON).")
  Path file;

  @Option(names = "--input-format", defaultValue = "auto", paramLabel = "auto|csv|json",
      description = "How to read FILE (default: by extension, .json is JSON, anything else CSV).")
  String inputFormat;

  @ArgGroup(exclusive = true)
  OutputFormat output;

  static final class OutputFormat {
    @Option(names = "--json", description = "Print the result as JSON (per element and totals, with factor ids and sources).")
    boolean json;

    @Option(names = "--csv", description = "Print one CSV row per chain element, then a total row.")
    boolean csv;
  }

  @Option(names = "--primary", paramLabel = "PRIMARY.csv",
      description = "Carriers' primary data (intensity or fuel use per TOC); overrides the defaults on the legs it covers.")
  Path primary;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Optional<DistanceResolver> resolver;

  /** Legs given by from/to are resolved on the built-in network (loaded only when a file needs it). */
  public EmissionsCommand() {
    this(Optional.of((from, to, toc) -> new org.caravan.scenario.NetworkDistanceResolver(
        org.caravan.scenario.Caravan.openDefault()).resolve(from, to, toc)));
  }

  /** With a resolver that turns from/to into distance and countries (wired by the caller). */
  public EmissionsCommand(Optional<DistanceResolver> resolver) {
    this.resolver = resolver;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (file == null) {
      err.println("caravan emissions: missing FILE (a chain file), or use 'caravan emissions validate'");
      err.flush();
      return 1;
    }
    try {
      EmissionFactors factors = EmissionFactors.loadDefault();
      PrimaryData primaryData = primary == null ? PrimaryData.none() : PrimaryData.load(primary, factors);
      ChainFileReader.Format f = switch (inputFormat) {
        case "auto" -> ChainFileReader.Format.AUTO;
        case "csv" -> ChainFileReader.Format.CSV;
        case "json" -> ChainFileReader.Format.JSON;
        default -> throw new EmissionsException("--input-format: expected auto, csv or json, found '" + inputFormat + "'");
      };
      List<ChainElement> chain = new ChainFileReader(factors, resolver).read(file, f);
      ChainResult result = new EmissionCalculator(factors, primaryData).compute(chain);
      if (output != null && output.json) {
        out.println(Json.write(java.util.Map.of("elements", EmissionsReport.rows(result), "total", EmissionsReport.totals(result))));
      } else if (output != null && output.csv) {
        out.print(EmissionsReport.csv(result));
      } else {
        out.print(EmissionsReport.table(result));
      }
      out.flush();
      return 0;
    } catch (EmissionsException | IllegalArgumentException | java.io.UncheckedIOException e) {
      err.println("caravan emissions: " + e.getMessage().lines().findFirst().orElse(""));
      err.flush();
      return 1;
    }
  }
}

package org.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caravan.app.EmissionsService;
import org.caravan.scenario.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "Chain file (CSV or JSON).")
  Path file;

  @Option(
      names = "--input-format",
      defaultValue = "auto",
      paramLabel = "auto|csv|json",
      description = "How to read FILE (default: by extension, .json is JSON, anything else CSV).")
  String inputFormat;

  @Mixin
  Formats.Output output =
      new Formats.Output("csv", "Print one CSV row per chain element, then a total row.");

  @Option(
      names = "--primary",
      paramLabel = "PRIMARY.csv",
      description =
          "Carriers' primary data (intensity or fuel use per TOC); overrides the defaults on the legs it covers.")
  Path primary;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (file == null) {
      err.println(
          "caravan emissions: missing FILE (a chain file), or use 'caravan emissions validate'");
      err.flush();
      return 1;
    }
    try {
      output.check();
      EmissionsService.InputFormat f =
          switch (inputFormat) {
            case "auto" -> EmissionsService.InputFormat.AUTO;
            case "csv" -> EmissionsService.InputFormat.CSV;
            case "json" -> EmissionsService.InputFormat.JSON;
            default ->
                throw new UserException(
                    "input_format",
                    "{input_format}: expected auto, csv or json, found '" + inputFormat + "'");
          };
      EmissionsService.ChainReport result =
          EmissionsService.onDefaultNetwork().computeFile(file, f, Optional.ofNullable(primary));
      if (output.json) {
        out.println(Json.write(result.json()));
      } else if (output.ownFormat) {
        out.print(result.csv());
      } else {
        out.print(result.table());
      }
      out.flush();
      return 0;
    } catch (UserException e) {
      err.println("caravan emissions: " + CliWords.message(e));
      err.flush();
      return 1;
    }
  }
}

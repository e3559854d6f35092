package org.caravan.cli;

import java.io.PrintWriter;
import org.caravan.app.CaravanApp;
import org.caravan.scenario.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; subcommands do the work. Exit codes: 0 ok, 1 user error, 2 internal error. */
@Command(
    name = "caravan",
    mixinStandardHelpOptions = true,
    version = "caravan " + CaravanApp.VERSION,
    description = "Plan and simulate freight on the Eurasian trade corridors.",
    subcommands = {
      RouteCommand.class,
      EmissionsCommand.class,
      NetworkCommand.class,
      PlacesCommand.class,
      SimulateCommand.class,
      StudyCommand.class,
      CrmCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      AotTrainCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CaravanCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs a command line on the process's standard streams. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs a command line writing to the given streams; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new CaravanCommand());
    cl.setOut(out);
    cl.setErr(err);
    // A path picocli cannot build (a NUL byte, say) is a user error with a plain message, not
    // the JDK exception text picocli's built-in converter would print.
    cl.registerConverter(
        java.nio.file.Path.class,
        s -> {
          try {
            return java.nio.file.Path.of(s);
          } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException(
                "'" + printable(s) + "' is not a valid path: " + e.getReason());
          }
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof UserException ue) {
            err.println("caravan: " + CliWords.message(ue));
            return 1;
          }
          err.println("caravan: internal error: " + ex);
          ex.printStackTrace(err);
          return 2;
        });
    cl.setParameterExceptionHandler(
        (ex, rest) -> {
          err.println("caravan: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return 1;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Replaces control characters so an error message stays one readable line. */
  private static String printable(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
    return b.toString();
  }
}

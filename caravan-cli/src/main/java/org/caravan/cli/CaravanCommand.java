package org.caravan.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.caravan.app.CaravanApp;
import org.caravan.scenario.UserException;
import org.caravan.scenario.UserPaths;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command; subcommands do the work. Exit codes: 0 ok, 1 user error, 2 internal error.
 *
 * <p>Subcommands are added per run: when the first argument names one, only that one is built.
 * Picocli reads every command class's annotations by reflection when it is added (with a dynamic
 * proxy per annotation), which cost half of a short command's start-up when all were built for
 * {@code caravan places}. Anything else ({@code --help}, {@code help}, a typo, no argument) gets
 * all of them, so usage lists and suggestions are unchanged.
 */
@Command(
    name = "caravan",
    mixinStandardHelpOptions = true,
    version = "caravan " + CaravanApp.VERSION,
    description = "Plan and simulate freight on the Eurasian trade corridors.")
public final class CaravanCommand implements Runnable {
  /** Every subcommand by name, in the order usage lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> m = new LinkedHashMap<>();
    m.put("route", RouteCommand::new);
    m.put("emissions", EmissionsCommand::new);
    m.put("network", NetworkCommand::new);
    m.put("places", PlacesCommand::new);
    m.put("simulate", SimulateCommand::new);
    m.put("validate", ValidateCommand::new);
    m.put("calibrate", CalibrateCommand::new);
    m.put("study", StudyCommand::new);
    m.put("crm", CrmCommand::new);
    m.put("track", TrackCommand::new);
    m.put("serve", ServeCommand::new);
    m.put("bench", BenchCommand::new);
    m.put("aot-train", AotTrainCommand::new);
    // A lambda, not CommandLine.HelpCommand::new: the AOT cache excludes picocli's classes (Java 5
    // bytecode), and JDK 25.0.3 crashes writing a cache whose archived method reference points into
    // an excluded class.
    m.put("help", () -> new CommandLine.HelpCommand());
    return m;
  }

  /** The subcommands a command line needs: the one it names, or all (see the class comment). */
  static List<Object> subcommandsFor(String... args) {
    Supplier<Object> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    if (named != null && !args[0].equals("help")) {
      return List.of(named.get());
    }
    return SUBCOMMANDS.values().stream().map(Supplier::get).toList();
  }

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
    for (Object sub : subcommandsFor(args)) {
      cl.addSubcommand(sub); // before the settings below, which apply to the subcommands added
    }
    cl.setOut(out);
    cl.setErr(err);
    // A path the platform cannot build (a NUL byte, a lone surrogate, a letter the file-name
    // encoding lacks) is a user error with a plain message, not the JDK exception text picocli's
    // built-in converter would print (UserPaths: one home for user text to paths).
    cl.registerConverter(
        java.nio.file.Path.class,
        s -> {
          if (!UserPaths.valid(s)) {
            throw new CommandLine.TypeConversionException(
                "'" + UserPaths.printable(s) + "' is not a valid path");
          }
          return java.nio.file.Path.of(s);
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
}

package org.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.caravan.app.StudyReport;
import org.caravan.app.StudyService;
import org.caravan.scenario.UserException;
import org.caravan.scenario.UserPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code caravan study run|list|show|compare|export|report}: corridor studies (docs/STUDIES.md).
 * {@code run} writes each replication to the store as it finishes and resumes what a killed run
 * left; the other subcommands read the store only and do not load the network. The subcommands
 * inherit {@code --help} and {@code --version} from this command ({@code scope = INHERIT}).
 */
@Command(
    name = "study",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    description = {
      "Corridor studies: a baseline and variants run with common random numbers, kept in a store",
      "(DuckDB file "
          + StudyService.DEFAULT_STORE
          + " by default, or a PostgreSQL JDBC URL). Format: docs/STUDIES.md."
    },
    subcommands = {
      StudyCommand.Run.class,
      StudyCommand.ListStudies.class,
      StudyCommand.Show.class,
      StudyCommand.Compare.class,
      StudyCommand.Export.class,
      StudyCommand.Report.class
    })
final class StudyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The headline KPIs of the comparison table (prefixes of KPI names). */
  static final List<String> HEADLINE = StudyReport.HEADLINE;

  /** A subcommand on the store: {@code --store}, the output, flushed at the end; exit code 0. */
  abstract static class OnStore implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    abstract void run(PrintWriter out);

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      run(out);
      out.flush();
      return 0;
    }
  }

  /** A subcommand on the store that opens the network: {@code --overlay} besides the store. */
  abstract static class OnNetwork extends OnStore {
    @Mixin NetworkOptions network;
  }

  /** The study a subcommand is about, named by its first parameter. */
  static final class StudyName {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;
  }

  /**
   * {@code --out FILE} and {@code --force}: the one file a subcommand writes of a study ({@code
   * export}, {@code report}), by default {@code out/study-NAME.EXT}.
   */
  static final class StudyFile {
    @Option(
        names = "--out",
        paramLabel = "FILE",
        description =
            "Output file (default out/study-NAME.csv or .parquet, for a report .html); must be"
                + " new unless --force.")
    Optional<Path> file = Optional.empty();

    @Mixin Force force;

    /** The file to write: {@code --out}, else the default for the study and extension. */
    Path target(String study, String extension) {
      return file.orElseGet(() -> UserPaths.of("name", "out/study-" + study + "." + extension));
    }
  }

  /** A subcommand on one stored study. */
  abstract static class OnStudy extends OnStore {
    @Mixin StudyName study;
  }

  /**
   * The options of the study engines, one flag each: the engine it applies to, its value label,
   * type (picocli refuses a value of another type) and help. The constant's lower-case name is the
   * flag and the key the engine reads ({@link StudyService.RunOptions}), which checks the value.
   */
  enum EngineOption {
    THREADS("local", "N", Integer.class, "worker threads (default: one per processor)."),
    MASTER(
        "spark",
        "URL",
        String.class,
        "the master, e.g. local[2] (default: spark-submit's, else local[*]).");

    final String engine;
    final String label;
    final Class<?> type;
    final String help;

    EngineOption(String engine, String label, Class<?> type, String help) {
      this.engine = engine;
      this.label = label;
      this.type = type;
      this.help = help;
    }

    /** The key the engine reads. */
    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The {@link EngineOption} flags of {@code study run}, declared from the table. */
  @Command
  static final class EngineOptions {
    private final Map<EngineOption, Object> given = new EnumMap<>(EngineOption.class);

    @Spec(Spec.Target.MIXEE)
    void declare(CommandSpec run) {
      for (EngineOption o : EngineOption.values()) {
        String engine = Character.toUpperCase(o.engine.charAt(0)) + o.engine.substring(1);
        run.addOption(
            Flags.<Object>bound(
                    OptionSpec.builder("--" + o.key())
                        .type(o.type)
                        .paramLabel(o.label)
                        .description(engine + " engine: " + o.help),
                    v -> given.compute(o, (k, old) -> v),
                    () -> given.get(o))
                .build());
      }
    }

    /**
     * The options given, as {@code engine} reads them.
     *
     * @throws UserException for an option of another engine
     */
    Map<String, String> of(String engine) {
      Map<String, String> options = new LinkedHashMap<>();
      given.forEach(
          (o, v) -> {
            if (!o.engine.equals(engine)) {
              throw new UserException(
                  o.key(), "--" + o.key() + " applies to --engine " + o.engine + " only");
            }
            options.put(o.key(), v.toString());
          });
      return options;
    }
  }

  @Command(
      name = "run",
      description =
          "Runs every variant x replication of a study not yet in the store (resumes a killed run).")
  static final class Run extends OnNetwork {
    @Parameters(index = "0", paramLabel = "STUDY.yaml", description = "Study file.")
    Path file;

    @Option(
        names = "--replications",
        paramLabel = "N",
        description = "Replications per variant (overrides the file).")
    Optional<Integer> replications = Optional.empty();

    @Option(
        names = "--years",
        paramLabel = "Y",
        description = "Measured years per replication (overrides the file).")
    Optional<Double> years = Optional.empty();

    @Option(
        names = "--engine",
        paramLabel = "local|spark",
        defaultValue = "local",
        description =
            "Where replications run: local (this JVM's threads, default) or spark (Apache Spark;"
                + " same KPIs).")
    String engine;

    @Mixin EngineOptions engineOptions;

    @Override
    void run(PrintWriter out) {
      PrintWriter err = spec.commandLine().getErr();
      Map<String, String> options = engineOptions.of(engine);
      StudyService.RunOutcome o =
          network
              .open()
              .studies()
              .run(
                  file,
                  store.store,
                  replications,
                  years,
                  new StudyService.RunOptions(engine, options),
                  p -> {
                    if (!p.skipped()) {
                      err.printf(
                          Locale.ROOT,
                          "%s replication %d stored in %.2f s (%d/%d)%n",
                          p.variant(),
                          p.replication(),
                          p.wall_s(),
                          p.done(),
                          p.total());
                      err.flush();
                    }
                  });
      out.printf(
          Locale.ROOT,
          "study %s: %d variants (with the baseline) x %d replications of %.3g years; ran %d,"
              + " already stored %d; %.1f s%nstore: %s (%d rows written in %.2f s)%n",
          o.study(),
          o.variants().size(),
          o.replications(),
          o.years(),
          o.ran(),
          o.skipped(),
          o.wall_s(),
          o.store(),
          o.storeRows(),
          o.store_s());
      out.printf(
          Locale.ROOT,
          "compare: caravan study compare %s%s%n",
          o.study(),
          store.store.map(s -> " --store " + s).orElse(""));
    }
  }

  @Command(name = "list", description = "Lists the studies in the store.")
  static final class ListStudies extends OnStore {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    void run(PrintWriter out) {
      var list = StudyService.listJson(store.store);
      if (json) {
        out.println(Json.write(list));
      } else {
        out.printf(
            Locale.ROOT,
            "%-32s %-16s %8s %6s %12s%n",
            "study",
            "baseline",
            "variants",
            "years",
            "runs");
        list.forEach(
            s ->
                out.printf(
                    Locale.ROOT,
                    "%-32s %-16s %8d %6.3g %5d / %-5d%n",
                    s.get("study").asText(),
                    s.get("baseline").asText(),
                    s.get("variants").asInt(),
                    s.get("years").asDouble(),
                    s.get("runs_stored").asInt(),
                    s.get("runs_expected").asInt()));
      }
    }
  }

  @Command(name = "show", description = "Shows a study's variants (JSON).")
  static final class Show extends OnStudy {
    @Override
    void run(PrintWriter out) {
      out.println(Json.write(StudyService.showJson(study.name, store.store)));
    }
  }

  @Command(
      name = "compare",
      description =
          "Every KPI of every variant against the baseline: paired difference and its 95 %% interval.")
  static final class Compare extends OnNetwork {
    @Mixin StudyName study;

    @Option(names = "--json", description = "Print every KPI as JSON.")
    boolean json;

    @Option(
        names = "--all",
        description = "In the table, add every KPI whose 95 %% interval excludes zero.")
    boolean all;

    @Override
    void run(PrintWriter out) {
      var comparison = network.open().studies().compareWithRoutes(study.name, store.store);
      if (json) {
        out.println(Json.write(comparison));
      } else {
        out.print(StudyService.table(comparison, HEADLINE, all));
      }
    }
  }

  @Command(name = "export", description = "Exports a study's KPI values.")
  static final class Export extends OnStudy {
    @Option(
        names = "--format",
        paramLabel = "csv|parquet",
        description = "Output format: csv or parquet (default ${DEFAULT-VALUE}).",
        defaultValue = "csv")
    String format;

    @Mixin StudyFile file;

    @Override
    void run(PrintWriter out) {
      Path p = file.target(study.name, format);
      int rows = StudyService.export(study.name, store.store, format, p, file.force.force);
      out.printf(Locale.ROOT, "wrote %d KPI values to %s%n", rows, p);
    }
  }

  @Command(
      name = "report",
      description =
          "Writes a self-contained HTML report: provenance, KPI differences with 95 %% intervals"
              + " (charts and tables), binding resources, queue series.")
  static final class Report extends OnStudy {
    @Mixin StudyFile file;

    @Override
    void run(PrintWriter out) {
      Path p = file.target(study.name, "html");
      StudyReport.Written w = StudyReport.write(study.name, store.store, p, file.force.force);
      out.printf(
          Locale.ROOT,
          "wrote the report of %d variants x %d KPIs to %s%n",
          w.variants(),
          w.kpis(),
          w.file());
    }
  }
}

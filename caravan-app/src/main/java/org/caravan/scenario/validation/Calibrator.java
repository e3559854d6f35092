package org.caravan.scenario.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caravan.scenario.Caravan;
import org.caravan.scenario.sim.Scenario;
import org.caravan.scenario.sim.ScenarioFile;
import org.caravan.scenario.sim.ScenarioLoader;
import org.caravan.scenario.sim.SimulationService;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;

/**
 * Fits the scenario's estimated parameters, each inside its recorded range, to the published
 * targets the simulation can compute, and measures the error on held-out targets by k-fold
 * cross-validation.
 *
 * <p>Method: CMA-ES (Hansen and Ostermeier 2001; Hipparchus {@link CMAESOptimizer}, bounded,
 * seeded), a derivative-free optimiser suited to the noisy, non-smooth response of a simulation.
 * Every evaluation runs the scenario with the same seed (common random numbers), so the objective
 * is deterministic and the same seed gives the same fit.
 *
 * <p>Loss of a target: with {@code z} the distance to the published range divided by the range's
 * width (at least 10 % of its midpoint; 0 inside the range), the Geman–McClure robust loss {@code
 * z^2 / (1 + z^2)} (Geman and McClure 1987; Black and Rangarajan 1996), averaged over the targets.
 * It is {@code z^2} near the range and at most 1 far from it. The published figures for one trip
 * contradict each other (corridor-facts §9: China → Duisburg 20–25, 32–37 and 50–55 days): under a
 * squared loss the farthest figure, which no setting inside the recorded ranges reaches, would
 * decide the fit; under a bounded loss every figure weighs at most one target's worth, so the fit
 * follows the figures the parameters can meet together.
 */
public final class Calibrator {
  /**
   * One estimated parameter with its recorded range.
   *
   * @param apply returns the scenario file with the parameter set to a value
   */
  public record Parameter(
      String name,
      double low,
      double high,
      String source,
      BiFunction<ScenarioFile, Double, ScenarioFile> apply) {}

  /**
   * The parameters fitted by default: border dwell, vessel handling, low-water derating, ferry
   * departures. The wagonload speed (CPMM22KZ) is not among them: of the targets the simulation
   * computes only Almaty → Poti depends on it, so a fit would follow that one figure, and the
   * simulation's noise on the others outweighs it; the scenario keeps the latest cited figure.
   */
  public static List<Parameter> defaults() {
    return List.of(
        // One CPMM figure (the Kazakh rail border-crossing time, an average over the country's rail
        // crossings) for both Chinese crossings: fitting Dostyk alone, where the simulated trains
        // cross, would leave Altynkol at the value the fit rejected.
        new Parameter(
            "network.borders[KZ-DOSTYK,KZHOR].dwell_h",
            39.9,
            78.0,
            "CPMM20KZ..CPMM22KZ (nodes.csv range; one Kazakh average for both crossings)",
            (f, v) -> border(border(f, "KZ-DOSTYK", v), "KZHOR", v)),
        new Parameter(
            "network.crossings[KZKUR-AZ-ALAT-ferry,KZAAU-AZ-ALAT-ferry].handling_h",
            20,
            30,
            "TREND250603 (average 20.1 h, protocol maximum 30 h)",
            (f, v) ->
                crossing(
                    f,
                    "KZKUR-AZ-ALAT-ferry,KZAAU-AZ-ALAT-ferry",
                    c -> set(c, CrossingValue.HANDLING_H, v))),
        new Parameter(
            "network.crossings[KZAAU-AZ-ALAT-sea,KZAAU-AZ-ALAT-sea-asco].handling_h",
            20,
            30,
            "TREND250603 (average 20.1 h, protocol maximum 30 h)",
            (f, v) ->
                crossing(
                    f,
                    "KZAAU-AZ-ALAT-sea,KZAAU-AZ-ALAT-sea-asco",
                    c -> set(c, CrossingValue.HANDLING_H, v))),
        new Parameter(
            "network.crossings[KZKUR-AZ-ALAT-ferry,KZAAU-AZ-ALAT-ferry].low_water_derating",
            0,
            0.25,
            "CKHQ25 (0-25 % by ship size, corridor-facts §10.2)",
            (f, v) ->
                crossing(
                    f,
                    "KZKUR-AZ-ALAT-ferry,KZAAU-AZ-ALAT-ferry",
                    c -> set(c, CrossingValue.LOW_WATER_DERATING, v))),
        new Parameter(
            "network.crossings[KZKUR-AZ-ALAT-ferry,KZAAU-AZ-ALAT-ferry].timetable_h",
            48,
            120,
            "BSECURTA23 (no timetable) .. TWOBIKE (departures every 3-5 days)",
            (f, v) ->
                crossing(
                    f,
                    "KZKUR-AZ-ALAT-ferry,KZAAU-AZ-ALAT-ferry",
                    c -> set(c, CrossingValue.TIMETABLE_H, v))));
  }

  /** The crossing values a parameter may set. */
  private enum CrossingValue {
    HANDLING_H,
    LOW_WATER_DERATING,
    TIMETABLE_H
  }

  /** The crossing with one of its values set to {@code v}. */
  private static ScenarioFile.CrossingFile set(
      ScenarioFile.CrossingFile c, CrossingValue which, double v) {
    Double value = v;
    return new ScenarioFile.CrossingFile(
        c.link(),
        c.fleet(),
        c.capacityUnits(),
        which == CrossingValue.LOW_WATER_DERATING ? value : c.lowWaterDerating(),
        c.sailH(),
        c.sailSdH(),
        which == CrossingValue.HANDLING_H ? value : c.handlingH(),
        c.handlingSdH(),
        which == CrossingValue.TIMETABLE_H ? value : c.timetableH(),
        c.source());
  }

  /** The budget and randomness of a fit. */
  public record Settings(int evaluations, int folds, long seed, int threads) {}

  /** Result of one fit: parameter values and the training loss. */
  public record Fit(double[] values, double loss, int evaluations) {}

  /** One fold of the cross-validation. */
  public record Fold(
      int index,
      List<String> heldOut,
      double trainingLoss,
      double heldOutLoss,
      double heldOutWithin) {}

  /**
   * The outcome: the fit on all targets, the cross-validation folds, and the targets used.
   *
   * @param initialLoss loss of the scenario as it was, on all targets used
   */
  public record Outcome(
      List<Parameter> parameters,
      double[] initial,
      Fit fit,
      double initialLoss,
      List<Fold> folds,
      List<String> targets,
      ScenarioFile calibrated) {}

  private final Caravan caravan;
  private final List<Parameter> parameters;
  private final Validator validator;

  public Calibrator(Caravan caravan, List<Parameter> parameters) {
    this.caravan = caravan;
    this.parameters = List.copyOf(parameters);
    this.validator = new Validator(caravan);
  }

  /**
   * Calibrates a scenario to the targets the simulation can compute (inputs excluded).
   *
   * @param file the scenario's parsed file ({@link ScenarioLoader#readFile}), which the parameters
   *     edit
   * @param base the scenario as loaded, with the run settings (horizon, replications, seed) to use
   */
  public Outcome calibrate(ScenarioFile file, Scenario base, List<Target> all, Settings s) {
    List<Target> usable = new ArrayList<>();
    SimulationService.Run first = simulate(base, s);
    for (Target t : all) {
      if (t.input().isEmpty() && validator.simulated(t, first).isPresent()) {
        usable.add(t);
      }
    }
    double[] initial = initial(file);
    List<Fold> folds = new ArrayList<>();
    int k = Math.min(s.folds(), usable.size());
    for (int f = 0; f < k; f++) {
      List<Target> train = new ArrayList<>();
      List<Target> test = new ArrayList<>();
      for (int i = 0; i < usable.size(); i++) {
        (i % k == f ? test : train).add(usable.get(i));
      }
      Fit fit = fit(file, base, train, initial, s);
      SimulationService.Run run = simulate(with(file, base, fit.values()), s);
      folds.add(
          new Fold(
              f,
              test.stream().map(Target::id).toList(),
              fit.loss(),
              loss(test, run),
              within(test, run)));
    }
    Fit fit = fit(file, base, usable, initial, s);
    double initialLoss = loss(usable, first);
    return new Outcome(
        parameters,
        initial,
        fit,
        initialLoss,
        folds,
        usable.stream().map(Target::id).toList(),
        edited(file, fit.values()));
  }

  private Fit fit(
      ScenarioFile file, Scenario base, List<Target> targets, double[] start, Settings s) {
    int n = parameters.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = parameters.get(i).low();
      hi[i] = parameters.get(i).high();
      sigma[i] = (hi[i] - lo[i]) / 4;
    }
    int[] count = {0};
    double[] best = clamp(start, lo, hi);
    double[] bestLoss = {Double.POSITIVE_INFINITY};
    ObjectiveFunction f =
        new ObjectiveFunction(
            x -> {
              count[0]++;
              double l = loss(targets, simulate(with(file, base, x), s));
              // Keep the best point seen: CMA-ES does not return it when the evaluation budget runs
              // out.
              if (l < bestLoss[0]) {
                bestLoss[0] = l;
                System.arraycopy(x, 0, best, 0, n);
              }
              return l;
            });
    CMAESOptimizer opt =
        new CMAESOptimizer(s.evaluations(), 0, true, 0, 0, new Well19937c(s.seed()), false, null);
    int population = 4 + (int) (3 * Math.log(n));
    try {
      opt.optimize(
          new MaxEval(s.evaluations()),
          f,
          GoalType.MINIMIZE,
          new InitialGuess(clamp(start, lo, hi)),
          new SimpleBounds(lo, hi),
          new CMAESOptimizer.Sigma(sigma),
          new CMAESOptimizer.PopulationSize(population));
    } catch (MathIllegalStateException e) {
      // The evaluation budget is spent; the best point seen is the answer.
    }
    return new Fit(best, bestLoss[0], count[0]);
  }

  private static double[] clamp(double[] x, double[] lo, double[] hi) {
    double[] out = x.clone();
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.max(lo[i], Math.min(hi[i], x[i]));
    }
    return out;
  }

  private SimulationService.Run simulate(Scenario sc, Settings s) {
    return new SimulationService(caravan).run(sc, s.threads(), i -> {});
  }

  /**
   * The scenario with the parameters set, resolved as the loader does, with the base's run
   * settings.
   */
  public Scenario with(ScenarioFile file, Scenario base, double[] values) {
    Scenario sc = ScenarioLoader.resolve(edited(file, values), base.name(), caravan);
    return new Scenario(
        base.name(),
        base.start(),
        base.horizon_s(),
        base.warmup_s(),
        base.replications(),
        base.seed(),
        sc.model());
  }

  /** The scenario file with the parameters set. */
  private ScenarioFile edited(ScenarioFile file, double[] values) {
    ScenarioFile f = file;
    for (int i = 0; i < parameters.size(); i++) {
      f = parameters.get(i).apply().apply(f, values[i]);
    }
    return f;
  }

  /**
   * The scenario's current values: the file's, else the network's dwell for a border (the first of
   * a tied list), else the middle of the range.
   */
  private double[] initial(ScenarioFile f) {
    double[] x = new double[parameters.size()];
    for (int i = 0; i < x.length; i++) {
      Parameter p = parameters.get(i);
      String n = p.name();
      String id = n.substring(n.indexOf('[') + 1, n.indexOf(']'));
      var node = caravan.network().findNode(ids(id).getFirst());
      double fromNetwork =
          n.startsWith("network.borders") && node.isPresent()
              ? caravan.network().dwell_s(node.getAsInt()) / 3600.0
              : (p.low() + p.high()) / 2;
      x[i] = current(f, p).orElse(fromNetwork);
    }
    return x;
  }

  private static OptionalDouble current(ScenarioFile f, Parameter p) {
    String n = p.name();
    if (f.network() == null) {
      return OptionalDouble.empty();
    }
    String id = n.substring(n.indexOf('[') + 1, n.indexOf(']'));
    String field = n.substring(n.lastIndexOf('.') + 1);
    if (n.startsWith("network.borders") && f.network().borders() != null) {
      for (ScenarioFile.BorderFile b : f.network().borders()) {
        if (ids(id).contains(b.node()) && b.dwellH() != null) {
          return OptionalDouble.of(b.dwellH());
        }
      }
    }
    if (n.startsWith("network.crossings") && f.network().crossings() != null) {
      for (ScenarioFile.CrossingFile c : f.network().crossings()) {
        if (ids(id).contains(c.link())) {
          Double v =
              switch (field) {
                case "handling_h" -> c.handlingH();
                case "low_water_derating" -> c.lowWaterDerating();
                case "timetable_h" -> c.timetableH();
                default -> null;
              };
          if (v != null) {
            return OptionalDouble.of(v);
          }
        }
      }
    }
    return OptionalDouble.empty();
  }

  /** Mean robust loss of the simulated values against the published ranges (class comment). */
  double loss(List<Target> targets, SimulationService.Run run) {
    double sum = 0;
    int n = 0;
    for (Target t : targets) {
      OptionalDouble v = validator.simulated(t, run);
      if (v.isEmpty()) {
        continue;
      }
      double x = v.getAsDouble();
      double width = Math.max(t.high() - t.low(), 0.1 * Math.abs(t.high() + t.low()) / 2);
      double d = x < t.low() ? t.low() - x : x > t.high() ? x - t.high() : 0;
      double z2 = (d / width) * (d / width);
      sum += z2 / (1 + z2);
      n++;
    }
    return n == 0 ? 0 : sum / n;
  }

  private double within(List<Target> targets, SimulationService.Run run) {
    int in = 0;
    int n = 0;
    for (Target t : targets) {
      OptionalDouble v = validator.simulated(t, run);
      if (v.isPresent()) {
        n++;
        in += t.contains(v.getAsDouble()) ? 1 : 0;
      }
    }
    return n == 0 ? 0 : (double) in / n;
  }

  private static ScenarioFile border(ScenarioFile f, String node, double dwell_h) {
    ScenarioFile.NetworkChanges nc = f.network();
    List<ScenarioFile.BorderFile> bs =
        new ArrayList<>(nc.borders() == null ? List.of() : nc.borders());
    boolean found = false;
    for (int i = 0; i < bs.size(); i++) {
      ScenarioFile.BorderFile b = bs.get(i);
      if (b.node().equals(node)) {
        bs.set(
            i,
            new ScenarioFile.BorderFile(
                b.node(), b.trainsPerDay(), dwell_h, b.dwellSdH(), b.source()));
        found = true;
      }
    }
    if (!found) {
      bs.add(new ScenarioFile.BorderFile(node, null, dwell_h, null, "caravan calibrate"));
    }
    return f.withNetwork(nc.withBorders(bs));
  }

  private static ScenarioFile crossing(
      ScenarioFile f,
      String link,
      Function<ScenarioFile.CrossingFile, ScenarioFile.CrossingFile> change) {
    ScenarioFile.NetworkChanges nc = f.network();
    List<ScenarioFile.CrossingFile> cs = new ArrayList<>();
    for (ScenarioFile.CrossingFile c : nc.crossings()) {
      cs.add(ids(link).contains(c.link()) ? change.apply(c) : c);
    }
    return f.withNetwork(nc.withCrossings(cs));
  }

  /**
   * The links a crossing parameter sets: one id, or several separated by commas (one value for the
   * vessels of one operator's line, e.g. both Kazakh ferry ports of the ASCO line).
   */
  private static List<String> ids(String ids) {
    return List.of(ids.split(","));
  }

  /**
   * The calibrated scenario as a YAML scenario file (docs/SIMULATION.md format) under a header that
   * says what it was fitted to, with what budget and seed, and the cross-validated error.
   */
  public static String yaml(Outcome o, Settings s, String command) {
    ScenarioFile f = o.calibrated();
    ScenarioFile named =
        f.renamed(
            f.name() == null ? null : f.name() + "-calibrated",
            "Calibrated by caravan calibrate. " + (f.description() == null ? "" : f.description()));
    StringBuilder sb = new StringBuilder();
    sb.append("# Generated by ").append(command).append("; do not edit (re-run the command).\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "# CMA-ES (Hipparchus), seed %d, at most %d evaluations per fit, %d folds.%n",
            s.seed(),
            s.evaluations(),
            s.folds()));
    sb.append(
            "# Fitted to the published targets the simulation computes (data/validation/targets.csv): ")
        .append(String.join(" ", o.targets()))
        .append("\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "# Loss (mean Geman-McClure loss of the normalised distance to the ranges): %.4f before, %.4f "
                + "after.%n",
            o.initialLoss(),
            o.fit().loss()));
    for (Fold fold : o.folds()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "# Fold %d: held out %s: training loss %.4f, held-out loss %.4f, "
                  + "held-out within %.0f %%%n",
              fold.index(),
              String.join(" ", fold.heldOut()),
              fold.trainingLoss(),
              fold.heldOutLoss(),
              100 * fold.heldOutWithin()));
    }
    for (int i = 0; i < o.parameters().size(); i++) {
      Parameter p = o.parameters().get(i);
      sb.append(
          String.format(
              Locale.ROOT,
              "# %s: %s (was %s; range %s..%s, %s)%n",
              p.name(),
              format(o.fit().values()[i]),
              format(o.initial()[i]),
              format(p.low()),
              format(p.high()),
              p.source()));
    }
    try {
      ObjectMapper yaml =
          new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
              .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
              .setSerializationInclusion(JsonInclude.Include.NON_NULL);
      sb.append(yaml.writeValueAsString(named));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return sb.toString();
  }

  /** A short text of a parameter value. */
  public static String format(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }
}

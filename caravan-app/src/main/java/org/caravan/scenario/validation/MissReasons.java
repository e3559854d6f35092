package org.caravan.scenario.validation;

import java.util.ArrayList;
import java.util.List;
import org.caravan.scenario.validation.Validator.TargetRow;
import org.caravan.scenario.validation.Validator.Verdict;

/**
 * Why a validation row misses, said from the evidence itself: the published figures it agrees with
 * instead (contradicting sources, corridor-facts §9), the kind of figure (a promise or record is a
 * best case, guidance carries slack, an observation carries delays the model leaves out) or the
 * direction of the miss. The one home of the wording of {@code docs/VALIDATION.md}'s "Why it
 * misses" column and of {@code caravan validate --json}'s {@code explanation}.
 */
final class MissReasons {
  private MissReasons() {}

  /**
   * Why a row misses, from the evidence itself: a contradicting target, the kind of figure, or the
   * direction.
   */
  static String explain(TargetRow row, List<TargetRow> all) {
    Target t = row.target();
    if (row.verdict() == Verdict.INPUT) {
      return "echoes the model input " + t.input().orElseThrow();
    }
    if (row.verdict() == Verdict.NO_VALUE) {
      return "no route on the "
          + t.corridor()
          + " corridor between the two places (data/network/corridors.csv) and no simulated flow";
    }
    if (row.verdict() == Verdict.WITHIN) {
      return "";
    }
    double v =
        row.router().isPresent() ? row.router().getAsDouble() : row.simulation().orElse(Double.NaN);
    if (row.routerVerdict() == Verdict.WITHIN) {
      v = row.simulation().orElse(v);
    }
    List<String> why = new ArrayList<>();
    String dir = v < t.low() ? "below" : "above";
    if (row.router().isPresent() && row.simulation().isPresent()) {
      double r = row.router().getAsDouble();
      double s = row.simulation().getAsDouble();
      if ((r < t.low() && s > t.high()) || (r > t.high() && s < t.low())) {
        // Either side of the range: no single reason fits both values.
        return "the router's value is "
            + (r < t.low() ? "below" : "above")
            + " the range and the simulation's "
            + (s < t.low() ? "below" : "above")
            + " it";
      }
    }
    for (TargetRow o : all) {
      Target u = o.target();
      if (u != t
          && u.origin().equals(t.origin())
          && u.destination().equals(t.destination())
          && u.quantity() == t.quantity()
          && u.corridor().equals(t.corridor())
          && u.contains(v)
          && o.verdict() != Verdict.INPUT) {
        why.add("agrees with " + u.id() + " (" + u.kind() + ", " + u.source() + ")");
      }
    }
    boolean transit = t.quantity() == Target.Quantity.TRANSIT_DAYS;
    boolean delay =
        t.quantity() == Target.Quantity.WAIT_DAYS || t.quantity() == Target.Quantity.BORDER_H;
    boolean co2e =
        t.quantity() == Target.Quantity.CO2E_KG_TEU || t.quantity() == Target.Quantity.CO2E_G_TKM;
    if (transit && t.bestCase() && v > t.high()) {
      why.add("a " + t.kind() + " figure: even the model's fast end (5th percentile) is slower");
    } else if (transit && "observed".equals(t.kind()) && v < t.low()) {
      why.add(
          "faster than observed: congestion, missed connections and paperwork delays are not all modelled");
    } else if (delay && "observed".equals(t.kind()) && v < t.low()) {
      why.add(
          "shorter than observed: the model's queue has no paperwork, inspection or congestion"
              + " episodes");
    } else if (co2e && v < t.low()) {
      why.add(
          "below the published calculator figure, which names no emission factors; its distance"
              + " and intensity per tonne-km against the model's in docs/EMISSIONS-VALIDATION.md");
    } else if (transit && "guidance".equals(t.kind()) && v < t.low()) {
      why.add(
          "faster than the operators' guidance, which carries slack for waits the model does not have");
    } else {
      why.add("model " + dir + " the range");
    }
    return String.join("; ", why);
  }
}

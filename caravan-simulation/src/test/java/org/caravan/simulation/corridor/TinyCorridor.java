package org.caravan.simulation.corridor;

import java.util.List;

/**
 * The tiny two-way corridor of the hand-worked simulation tests ({@link EpisodeHoldsTest}, {@link
 * SeasonalWaitsTest}). The run starts on 1 December (day 335); the 31-day warm-up ends on 1 January
 * and one model year is measured.
 */
final class TinyCorridor {
  static final long DAY = 86_400;
  static final long H = 3_600;
  static final int START_DOY = 335;
  static final long WARMUP = 31 * DAY;
  private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  private TinyCorridor() {}

  /**
   * West: A → C over the border B (10 h dwell, gate step 0) and the section B-C (5 h); east: C → A
   * through the same border gate. Ten-unit trains, a train at least every day; the gates pass 48
   * trains a day, so little queues.
   */
  static CorridorSpec spec(CorridorSpec.Hazards hazards) {
    var west =
        new CorridorSpec.Flow(
            "west",
            "A",
            "C",
            "northern",
            "container",
            3_650,
            0,
            2,
            20,
            new int[] {0},
            1_000,
            CorridorSpec.Reaction.NONE,
            0,
            0);
    var east =
        new CorridorSpec.Flow(
            "east",
            "C",
            "A",
            "northern",
            "container",
            3_650,
            0,
            2,
            20,
            new int[] {1},
            1_000,
            CorridorSpec.Reaction.NONE,
            0,
            0);
    var legs =
        List.of(
            new CorridorSpec.Leg(
                "A>C", CorridorSpec.LegKind.RAIL, "A", "C", new int[] {0, 1}, -1, 0, 0, H),
            new CorridorSpec.Leg(
                "C>A", CorridorSpec.LegKind.RAIL, "C", "A", new int[] {0}, -1, 0, 0, H));
    var gates =
        List.of(
            new CorridorSpec.Gate("B", CorridorSpec.GateKind.BORDER, "B", 48, 10 * H, 2 * H),
            new CorridorSpec.Gate("B-C", CorridorSpec.GateKind.SECTION, "B-C", 48, 5 * H, 0));
    return new CorridorSpec(
        WARMUP + 365 * DAY,
        WARMUP,
        DAY,
        START_DOY,
        FLAT,
        10,
        DAY,
        List.of(west, east),
        legs,
        gates,
        List.of(),
        List.of(),
        hazards);
  }
}

package org.caravan.simulation.corridor;

/** Event-type codes of the corridor model, dispatched by {@link CorridorModel#dispatch}. */
final class Events {
  static final int DEMAND = 0;
  static final int FORM_TIMETABLE = 1;
  static final int GATE_RETRY = 2;
  static final int GATE_FREE = 3;
  static final int STEP_DONE = 4;
  static final int LEG_END = 5;
  static final int CROSSING_TIMETABLE = 6;
  static final int BERTH_RETRY = 7;
  static final int HANDLED = 8;
  static final int BERTH_FREE = 9;
  static final int DEPART_RETRY = 10;
  static final int ARRIVED = 11;
  static final int RETURNED = 12;
  static final int SAMPLE = 13;
  static final int WARMUP = 14;
  static final int CLOSURE_EDGE = 15;
  static final int YARD_ADMIT = 16;
  static final int MARSHALLED = 17;

  /** "No unit / no list": the end marker of the intrusive lists. */
  static final int NONE = -1;

  static final double YEAR_S = 365.0 * 86_400;
  static final double DAY_S = 86_400;

  private Events() {}
}

package org.caravan.simulation.corridor;

/** The unit of a KPI, with the label written next to its value in tables and JSON. */
public enum KpiUnit {
  TEU_PER_YEAR("TEU/yr"),
  TONNES_PER_YEAR("t/yr"),
  DAYS("d"),
  CO2E_TONNES_PER_YEAR("t CO2e/yr"),
  RATIO("1"),
  UNIT_HOURS_PER_YEAR("unit-h/yr"),
  HOURS("h"),
  VESSELS("vessels"),
  TRAINS("trains"),
  UNITS("units"),
  DAYS_PER_YEAR("d/yr");

  private final String label;

  KpiUnit(String label) {
    this.label = label;
  }

  /** The unit as written in outputs, e.g. {@code TEU/yr}. */
  public String label() {
    return label;
  }
}

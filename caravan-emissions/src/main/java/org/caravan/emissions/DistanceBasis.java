package org.caravan.emissions;

/**
 * What a leg's distance measures. ISO 14083 works from the shortest feasible distance (SFD) and
 * multiplies it by the mode's distance adjustment factor; an actual (driven or sailed) distance is
 * used as it is.
 */
public enum DistanceBasis {
  SFD,
  ACTUAL
}

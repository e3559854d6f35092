package org.caravan.emissions;

/**
 * Emission scope of a factor (ISO 14083 / GLEC terms): well-to-tank (energy supply), tank-to-wheel
 * (on board), or well-to-wheel, which is always WTT + TTW.
 */
public enum Scope {
  WTT,
  TTW,
  WTW
}

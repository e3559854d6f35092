package org.caravan.emissions;

/** Whether an element was computed from a default factor or from the operator's primary data. */
public enum DataKind {
  DEFAULT,
  PRIMARY
}

package org.caravan.network;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of a network row that must be cited, with the source group whose {@code
 * <group>_source} column cites it (the row's {@code source} column stands in for a group without
 * one). The component's name is its column. The one home of which column belongs to which group:
 * the reader, the writer, the validator and {@link Provenance} all take it from here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Cited {
  /** The source group, e.g. {@code dwell} for {@code dwell_h}. */
  String value();

  /**
   * Whether provenance counts the value; false for a spread or a schedule detail, which shares the
   * source of the value it belongs to.
   */
  boolean headline() default true;
}

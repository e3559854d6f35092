package org.caravan.app;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;

/**
 * The JSON documents the gateway builds from its records (study comparisons, tracking answers):
 * each view declares the shape once, as records or as Jackson mix-ins on the domain records,
 * instead of writing fields one by one. Names are snake_case; a number that is not finite (a KPI no
 * replication has, a place without coordinates) is written as null, since JSON has no NaN.
 */
final class JsonDocuments {
  private JsonDocuments() {}

  /** A new mapper with the document rules; each view adds its mix-ins to its own. */
  static ObjectMapper mapper() {
    SimpleModule finite = new SimpleModule("finite-or-null");
    finite.addSerializer(Double.class, new FiniteOrNull());
    finite.addSerializer(double.class, new FiniteOrNull());
    return new ObjectMapper()
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .registerModule(finite)
        .registerModule(new Jdk8Module());
  }

  /** Seconds since the epoch as ISO 8601 UTC ({@code 2024-03-01T08:00:00Z}). */
  static final class EpochSeconds extends StdSerializer<Long> {
    EpochSeconds() {
      super(Long.class);
    }

    @Override
    public void serialize(Long t_s, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeString(TrackingJson.time(t_s));
    }
  }

  /** A share rounded to 0.001. */
  static final class Thousandths extends StdSerializer<Double> {
    Thousandths() {
      super(Double.class);
    }

    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeNumber(Math.round(v * 1000) / 1000.0);
    }
  }

  private static final class FiniteOrNull extends StdSerializer<Double> {
    FiniteOrNull() {
      super(Double.class);
    }

    @Override
    public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
      if (Double.isFinite(v)) {
        g.writeNumber(v);
      } else {
        g.writeNull();
      }
    }
  }
}

package org.caravan.web.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.caravan.app.RouteViews;

/**
 * The API's JSON settings, derived from the shared {@link RouteViews#JSON} mapper (snake_case
 * names, sorted map keys) so the API and {@code caravan route --json} agree. Reading is strict:
 * unknown fields, duplicate keys, trailing tokens and scalar coercions ({@code "5"} for a number,
 * {@code 2.5} for a whole number, {@code 7} for a string) are errors. Writing is compact.
 * Thread-safe.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER = strict(RouteViews.JSON.copy());
  private static final ObjectWriter WRITER =
      MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private ApiJson() {}

  private static ObjectMapper strict(ObjectMapper m) {
    m.registerModule(new Jdk8Module());
    m.setSerializationInclusion(JsonInclude.Include.NON_ABSENT);
    m.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    m.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Collection)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    return m;
  }

  /**
   * Reads a request body.
   *
   * @throws ApiException a 400 problem naming the field for anything Jackson refuses
   */
  public static <T> T read(byte[] body, Class<T> type) {
    ObjectReader reader = MAPPER.readerFor(type);
    try {
      T value = reader.readValue(body);
      if (value == null) {
        throw Problems.invalidField("", "", "the request body must be a JSON object, found null");
      }
      return value;
    } catch (JacksonException e) {
      throw Problems.fromJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact JSON bytes of any DTO or Jackson tree. */
  public static byte[] write(Object value) {
    try {
      return WRITER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The strict mapper, for tests and for reading trees. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

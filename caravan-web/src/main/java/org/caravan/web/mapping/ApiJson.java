package org.caravan.web.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.caravan.app.RouteViews;

/**
 * The API's JSON settings, derived from the shared {@link RouteViews#JSON} mapper (snake_case
 * names, sorted map keys) so the API and {@code caravan route --json} agree. Reading is strict:
 * unknown fields, duplicate keys, trailing tokens and scalar coercions ({@code "5"} for a number,
 * {@code 2.5} for a whole number, {@code 7} for a string) are errors. Writing is compact.
 * Thread-safe.
 *
 * <p>A request record may take a part from the top level of the body ({@link JsonUnwrapped}, e.g.
 * the gateway's {@code RouteQuery.Limits} in {@code RouteRequest}). Jackson 2 then lets unknown
 * fields pass (jackson-databind issue 650, fixed only in 3.1), so {@link #read} checks the field
 * names of such a body itself and refuses an unknown one exactly as Jackson does elsewhere.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER = strict(RouteViews.JSON.copy());
  private static final ObjectWriter WRITER =
      MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  /** The field names of request types with unwrapped parts; empty for the others. */
  private static final Map<Class<?>, Optional<Set<String>>> FLAT_FIELDS = new ConcurrentHashMap<>();

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
      Optional<Set<String>> known = FLAT_FIELDS.computeIfAbsent(type, t -> flatFields(t));
      if (known.isPresent()) {
        refuseUnknown(body, type, known.get());
      }
      return value;
    } catch (JacksonException e) {
      throw Problems.fromJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The wire names of a type's fields with its unwrapped parts' fields in their place; empty when
   * it has no unwrapped part (Jackson checks those itself).
   */
  private static Optional<Set<String>> flatFields(Class<?> type) {
    Set<String> names = new TreeSet<>();
    boolean unwrapped = false;
    BeanDescription d = MAPPER.getDeserializationConfig().introspect(MAPPER.constructType(type));
    for (BeanPropertyDefinition p : d.findProperties()) {
      Stream<AnnotatedMember> members =
          Stream.of(p.getField(), p.getGetter(), p.getConstructorParameter());
      if (members.anyMatch(m -> m != null && m.hasAnnotation(JsonUnwrapped.class))) {
        unwrapped = true;
        JavaType part = p.getPrimaryType();
        names.addAll(flatFields(part.getRawClass()).orElseGet(() -> fieldsOf(part)));
      } else {
        names.add(p.getName());
      }
    }
    return unwrapped ? Optional.of(names) : Optional.empty();
  }

  private static Set<String> fieldsOf(JavaType type) {
    Set<String> names = new TreeSet<>();
    for (BeanPropertyDefinition p :
        MAPPER.getDeserializationConfig().introspect(type).findProperties()) {
      names.add(p.getName());
    }
    return names;
  }

  /** The first top-level field of {@code body} (a JSON object) that is not {@code known}. */
  private static void refuseUnknown(byte[] body, Class<?> type, Set<String> known)
      throws IOException {
    JsonNode tree = MAPPER.readTree(body);
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        List<Object> ids = new ArrayList<>(known);
        throw UnrecognizedPropertyException.from(MAPPER.createParser(body), type, name, ids);
      }
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

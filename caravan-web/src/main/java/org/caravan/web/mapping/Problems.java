package org.caravan.web.mapping;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserError;
import org.caravan.scenario.UserException;
import org.caravan.web.dto.Problem;
import org.caravan.web.dto.Problem.FieldError;

/**
 * Builds the API's problem documents. Each problem type has a fixed title and a {@code type} URI
 * that points at its description on the {@code /api-docs} page; the detail and the field list say
 * what was wrong with this request.
 */
public final class Problems {
  /**
   * Problem types: the HTTP status and the fixed title; the name, in lower case with dashes, is the
   * anchor on {@code /api-docs} ({@code problem-not-found}).
   */
  public enum Type {
    MALFORMED_JSON(400, "The request body is not valid JSON"),
    INVALID_REQUEST(400, "The request has invalid fields"),
    UNKNOWN_PLACE(400, "A place in the request is not on the network"),
    NO_ROUTE(400, "No route satisfies the request"),
    INVALID_SCENARIO(400, "The scenario is invalid"),
    BAD_HTTP(400, "The HTTP request is malformed"),
    HOST_NOT_ALLOWED(421, "The server does not answer to this host name"),
    UNAUTHORIZED(401, "The request needs a valid bearer token"),
    FORBIDDEN(403, "The server does not give this to this client"),
    NOT_FOUND(404, "No such resource"),
    METHOD_NOT_ALLOWED(405, "The resource does not accept this method"),
    NOT_ACCEPTABLE(406, "The resource cannot answer in the accepted media type"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request body must be JSON"),
    BODY_TOO_LARGE(413, "The request body is too large"),
    TOO_MANY_JOBS(429, "Too many simulation jobs are running"),
    INTERNAL_ERROR(500, "The server failed to answer");

    private final int status;
    private final String title;

    Type(int status, String title) {
      this.status = status;
      this.title = title;
    }

    public String uri() {
      return "/api-docs#problem-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int status() {
      return status;
    }

    public String title() {
      return title;
    }
  }

  private Problems() {}

  public static Problem of(Type type, String detail, List<FieldError> errors) {
    return new Problem(type.uri(), type.title(), type.status(), detail, errors);
  }

  public static ApiException fail(Type type, String detail) {
    return new ApiException(of(type, detail, List.of()));
  }

  /**
   * A 400 for one bad field; {@code field} is the JSON name, {@code pointer} its RFC 6901 pointer.
   */
  public static ApiException invalidField(String field, String pointer, String detail) {
    return new ApiException(
        of(Type.INVALID_REQUEST, detail, List.of(new FieldError(field, pointer, detail))));
  }

  /** A 400 for one bad top-level field of a JSON object body or query parameter. */
  public static ApiException invalidField(String field, String detail) {
    return invalidField(field, "/" + escape(field), detail);
  }

  /**
   * The planner's refusal: an unknown place, an impossible constraint or a value out of range. The
   * error names request fields by their JSON names already, so the field is the JSON field and its
   * pointer follows from it.
   */
  public static ApiException fromUser(UserException e) {
    UserError error = e.error();
    String field = error.field();
    String detail = error.message();
    Type type =
        switch (error.code()) {
          case UNKNOWN_PLACE -> Type.UNKNOWN_PLACE;
          case NO_ROUTE -> Type.NO_ROUTE;
          default -> Type.INVALID_REQUEST;
        };
    String pointer =
        error.code() == ErrorCode.NO_ROUTE || field.isEmpty() ? "" : "/" + escape(field);
    return new ApiException(of(type, detail, List.of(new FieldError(field, pointer, detail))));
  }

  /**
   * A bad emission chain. For a JSON chain the error names the leg or field as a path ({@code
   * legs[1].toc}), which becomes the JSON pointer ({@code /legs/1/toc}).
   */
  public static ApiException fromChain(UserException e) {
    UserError error = e.error();
    String detail = error.message();
    if (error.code() == ErrorCode.MALFORMED_JSON) {
      return fail(Type.MALFORMED_JSON, detail);
    }
    if (error.code() == ErrorCode.UNCOMPUTABLE_CHAIN) {
      return fail(Type.INVALID_REQUEST, "the chain cannot be computed: " + detail);
    }
    return new ApiException(
        of(
            Type.INVALID_REQUEST,
            detail,
            List.of(new FieldError(error.field(), pointerOf(error.field()), detail))));
  }

  /**
   * Maps what Jackson reports about a body to a problem naming the field, without Java type names.
   */
  public static ApiException fromJson(JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known = String.join(", ", new TreeSet<>(names(u.getKnownPropertyIds())));
      String pointer = pointer(u);
      return new ApiException(
          of(
              Type.INVALID_REQUEST,
              "unknown field '" + u.getPropertyName() + "'",
              List.of(
                  new FieldError(
                      dotted(pointer), pointer, "unknown field; known fields: " + known))));
    }
    if (e instanceof MismatchedInputException m) {
      String pointer = pointer(m);
      if (pointer.isEmpty()) {
        String what =
            m.getMessage().contains("end-of-input")
                ? "the request body is empty; expected a JSON object"
                : "the request body must be a JSON object";
        return new ApiException(
            of(Type.INVALID_REQUEST, what, List.of(new FieldError("", "", what))));
      }
      String detail = dotted(pointer) + ": " + expected(m.getTargetType());
      return new ApiException(
          of(
              Type.INVALID_REQUEST,
              detail,
              List.of(new FieldError(dotted(pointer), pointer, detail))));
    }
    if (e instanceof JsonMappingException j && !j.getPath().isEmpty()) {
      String pointer = pointer(j);
      String detail = dotted(pointer) + ": " + j.getOriginalMessage();
      return new ApiException(
          of(
              Type.INVALID_REQUEST,
              detail,
              List.of(new FieldError(dotted(pointer), pointer, detail))));
    }
    if (e instanceof InputCoercionException c) {
      String name =
          Optional.ofNullable(c.getProcessor()).map(p -> currentName((JsonParser) p)).orElse("");
      String detail = (name.isEmpty() ? "a number" : name) + " is out of range";
      return new ApiException(
          of(
              Type.INVALID_REQUEST,
              detail,
              List.of(new FieldError(name, name.isEmpty() ? "" : "/" + escape(name), detail))));
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
    String detail = "malformed JSON" + where + ": " + parserWords(e.getOriginalMessage());
    return new ApiException(
        of(Type.MALFORMED_JSON, detail, List.of(new FieldError("", "", detail))));
  }

  /** RFC 6901 escaping of one reference token. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static String currentName(JsonParser p) {
    try {
      return Optional.ofNullable(p.currentName()).orElse("");
    } catch (Exception ignored) {
      return "";
    }
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      sb.append('/')
          .append(
              r.getFieldName() != null ? escape(r.getFieldName()) : String.valueOf(r.getIndex()));
    }
    return sb.toString();
  }

  /** {@code legs[1].toc} → {@code /legs/1/toc}: the RFC 6901 pointer of a field path. */
  private static String pointerOf(String path) {
    StringBuilder sb = new StringBuilder();
    for (String t : path.replace("[", ".").replace("]", "").split("\\.")) {
      if (!t.isEmpty()) {
        sb.append('/').append(escape(t));
      }
    }
    return sb.toString();
  }

  /** {@code /legs/1/toc} → {@code legs[1].toc}: how the field reads in a message. */
  private static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String t : pointer.substring(Math.min(1, pointer.length())).split("/")) {
      if (t.matches("\\d+")) {
        sb.append('[').append(t).append(']');
      } else if (!t.isEmpty()) {
        sb.append(sb.isEmpty() ? "" : ".").append(t.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == Double.class || type == double.class || type == Float.class) {
      return "expected a number";
    }
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "expected a whole number";
    }
    if (type == String.class) {
      return "expected a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "expected an array of strings";
    }
    return "has the wrong type";
  }

  private static List<String> names(Collection<Object> ids) {
    return ids.stream().map(String::valueOf).toList();
  }

  /**
   * The parser's message without its advice to developers (Jackson names its own feature flags and
   * Java types in backticks, e.g. "enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"),
   * which means nothing to a client.
   */
  static String parserWords(String message) {
    String m = message == null ? "" : message.lines().findFirst().orElse("");
    int advice = m.indexOf(": enable `");
    if (advice >= 0) {
      m = m.substring(0, advice);
    }
    return m.replaceAll("`[^`]*`", "value")
        .replaceAll("\\b(java|com\\.fasterxml)\\.[\\w.$]+", "value");
  }
}

package org.caravan.web.dto;

import java.util.List;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): what went wrong, in words a
 * client can show, and for bad input the fields at fault.
 *
 * @param type a URI reference naming the kind of problem; resolves to its description on {@code
 *     /api-docs}
 * @param title short summary that is the same for every problem of this type
 * @param status the HTTP status code, repeated for clients that only keep the body
 * @param detail what was wrong with this request
 * @param errors the offending fields; empty when the problem is not about one field
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {
  public Problem {
    errors = List.copyOf(errors);
  }

  /**
   * One bad field.
   *
   * @param field the field name as written in the request ({@code teu}, {@code legs[1].toc}), or
   *     empty
   * @param pointer RFC 6901 JSON pointer into the request body ({@code /teu}, {@code /legs/1/toc});
   *     empty string for the whole body
   * @param detail what is wrong with it
   */
  public record FieldError(String field, String pointer, String detail) {}
}

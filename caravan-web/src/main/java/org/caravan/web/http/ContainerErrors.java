package org.caravan.web.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.caravan.web.dto.Problem;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors as problem documents: requests the container refuses before the API sees them
 * (a bad request line, a URI too long: 414, headers too large: 431, an unknown HTTP version: 505, a
 * broken chunked body) get {@code application/problem+json} like every other error, never Jetty's
 * HTML page, and never a stack trace or a Java type name (Jetty's reason text is replaced by a
 * fixed sentence per status).
 */
final class ContainerErrors extends ErrorHandler {
  static final String PROBLEM_JSON = "application/problem+json";

  /** The problem for a status the container produced. */
  static Problem problem(int status) {
    String detail =
        switch (status) {
          case 400 -> "the HTTP request is malformed (request line, headers or chunked body)";
          case 408 -> "the request was not sent in time";
          case 413 -> "the request body is too large";
          case 414 -> "the request URI is too long";
          case 431 -> "the request headers are too large";
          case 505 -> "this server speaks HTTP/1.1 and HTTP/1.0 only";
          default -> "the request cannot be served (HTTP " + status + ")";
        };
    Problems.Type type =
        status >= 500 && status != 505 ? Problems.Type.INTERNAL_ERROR : Problems.Type.BAD_HTTP;
    String title = HttpStatus.getMessage(status);
    return new Problem(type.uri(), title == null ? type.title() : title, status, detail, List.of());
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
    response.write(true, ByteBuffer.wrap(ApiJson.write(problem(code))), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
    return ByteBuffer.wrap(ApiJson.write(problem(status)));
  }
}

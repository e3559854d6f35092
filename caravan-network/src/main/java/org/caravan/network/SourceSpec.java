package org.caravan.network;

/** A cited source (report, news item, dataset) or {@code EST}, the project's own estimate. */
public record SourceSpec(String id, String title, String publisher, String date, String url, String licence) {
  /** The id of the project's own estimates. */
  public static final String ESTIMATE = "EST";
}

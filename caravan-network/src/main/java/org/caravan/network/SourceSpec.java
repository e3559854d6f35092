package org.caravan.network;

/**
 * A cited source (report, news item, dataset), a method note, or {@code EST}, the project's own
 * estimate.
 *
 * @param kind {@code publication}, {@code dataset}, {@code method} (a documented estimation method
 *     such as great-circle x 1.25) or {@code estimate}; empty in older files, read as publication
 */
public record SourceSpec(
    String id,
    String kind,
    String title,
    String publisher,
    String date,
    String url,
    String licence) {
  /** The id of the project's own estimates. */
  public static final String ESTIMATE = "EST";

  /** A publication with no kind column (the form older callers use). */
  public SourceSpec(
      String id, String title, String publisher, String date, String url, String licence) {
    this(id, "", title, publisher, date, url, licence);
  }

  /** True for a machine-readable dataset (UN/LOCODE, port list, marnet). */
  public boolean isDataset() {
    return kind.equals("dataset");
  }

  /** True for a documented estimation method (its values count as estimates with a basis). */
  public boolean isMethod() {
    return kind.equals("method") || kind.equals("estimate");
  }
}

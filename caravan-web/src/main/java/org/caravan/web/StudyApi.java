package org.caravan.web;

import java.util.Optional;
import org.caravan.app.CaravanApp;
import org.caravan.app.ResultsStore;
import org.caravan.app.ShippedStudies;
import org.caravan.app.StudyService;
import org.caravan.scenario.UserException;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;

/**
 * The studies endpoints ({@code /api/studies}, {@code /api/shipped-studies}, {@code
 * /api/study-runs}) over the server's results store, as methods from request values to bytes.
 * Reading goes through {@link StudyService}; runs through {@link StudyJobs}. Thread-safe.
 */
public final class StudyApi implements AutoCloseable {
  /** An export: its bytes, media type and file name. */
  public record Download(byte[] body, String contentType, String fileName) {}

  private final CaravanApp app;
  private final ResultsStore store;
  private final StudyJobs runs;

  public StudyApi(CaravanApp app, ResultsStore store) {
    this.app = app;
    this.store = store;
    this.runs = new StudyJobs(app, store);
  }

  /** The study runs (start, view, list, cancel). */
  public StudyJobs runs() {
    return runs;
  }

  /** The studies in the store. */
  public byte[] list() {
    return ApiJson.write(StudyService.listJson(store));
  }

  /** The shipped study files with their variants. */
  public byte[] shipped() {
    return ApiJson.write(ShippedStudies.summaries());
  }

  /** One stored study: its variants, their overlays and sources, runs stored. */
  public byte[] show(String name) {
    require(name);
    return ApiJson.write(StudyService.showJson(name, store));
  }

  /**
   * Every variant against the baseline: KPI differences with 95 % intervals, the binding resource
   * and the network elements each variant changes (routes under each variant: {@code caravan study
   * compare}).
   */
  public byte[] compare(String name) {
    require(name);
    try {
      return ApiJson.write(app.studies().compareWithChanges(name, store));
    } catch (UserException e) {
      throw Problems.fromUser(e);
    }
  }

  /** The study's KPI values as CSV or Parquet. */
  public Download export(String name, Optional<String> format) {
    String f = format.orElse("csv");
    if (!f.equals("csv") && !f.equals("parquet")) {
      throw Problems.invalidField(
          "format",
          "format must be csv or parquet, found '"
              + (f.length() > 20 ? f.substring(0, 20) + "…" : f)
              + "'");
    }
    require(name);
    byte[] body = StudyService.exportBytes(name, store, f);
    return new Download(
        body,
        f.equals("csv") ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet",
        "study-" + name + "." + f);
  }

  private void require(String name) {
    if (!StudyService.exists(name, store)) {
      throw Problems.fail(
          Problems.Type.NOT_FOUND,
          "there is no study '"
              + (name.length() > 60 ? name.substring(0, 60) + "…" : name)
              + "' in this server's store; run one with POST /api/study-runs");
    }
  }

  @Override
  public void close() {
    runs.close();
  }
}

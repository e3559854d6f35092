package org.caravan.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caravan.network.io.SafeOutput;
import org.caravan.network.io.TextFiles;
import org.caravan.scenario.ErrorCode;
import org.caravan.scenario.UserException;
import org.caravan.study.StudyExport;
import org.caravan.study.StudyStore;

/**
 * Study exports (CSV or Parquet, {@link StudyExport}) to a user's file, by the program's output
 * rules ({@link SafeOutput}: an existing file is refused unless forced, the file is written beside
 * the target and renamed into place), or as bytes for a download. Stateless.
 */
final class StudyExports {
  /** The formats {@code study export --format} and the export endpoint take. */
  static final List<String> FORMATS = List.of("csv", "parquet");

  private StudyExports() {}

  static int toFile(String name, StudyStore st, String format, Path out, boolean force) {
    checkFormat(format);
    StudyViews.require(st, name);
    SafeOutput.File target;
    try {
      target = SafeOutput.file(out, force, "{out}");
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
    List<StudyExport.Row> rows;
    try {
      rows = StudyExport.rows(st, name);
      write(rows, format, target.staging());
    } catch (IOException | RuntimeException e) {
      target.abort();
      throw new UserException(
          ErrorCode.INVALID_VALUE,
          "out",
          "{out} " + out + ": cannot write (" + TextFiles.describe(e) + ")");
    }
    try {
      target.commit();
    } catch (SafeOutput.OutputException e) {
      throw Outputs.userError(e);
    }
    return rows.size();
  }

  static byte[] toBytes(String name, StudyStore st, String format) {
    checkFormat(format);
    StudyViews.require(st, name);
    List<StudyExport.Row> rows = StudyExport.rows(st, name);
    Path tmp = null;
    try {
      tmp = Files.createTempFile("caravan-study-", "." + format);
      write(rows, format, tmp);
      return Files.readAllBytes(tmp);
    } catch (IOException e) {
      throw new IllegalStateException("study export of " + name + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a temporary file of our own; the OS cleans its temp folder
        }
      }
    }
  }

  private static void write(List<StudyExport.Row> rows, String format, Path file)
      throws IOException {
    if (format.equals("csv")) {
      StudyExport.writeCsv(rows, file);
    } else {
      StudyExport.writeParquet(rows, file);
    }
  }

  private static void checkFormat(String format) {
    if (!FORMATS.contains(format)) {
      String shown = format.length() > 20 ? format.substring(0, 20) + "…" : format;
      throw new UserException(
          ErrorCode.INVALID_VALUE,
          "format",
          "{format} must be csv or parquet, got '" + shown + "'");
    }
  }
}

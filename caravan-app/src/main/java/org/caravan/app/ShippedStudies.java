package org.caravan.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.caravan.study.StudyException;
import org.caravan.study.StudyFile;

/**
 * The study files shipped in {@code data/studies} (packed into the jar): what the web studies page
 * offers to run. The list is fixed at build time; each file is parsed on request. Stateless.
 */
public final class ShippedStudies {
  /** Names of the shipped studies (file names without {@code .yaml}), in display order. */
  public static final List<String> NAMES = List.of("middle-corridor-2030");

  private static final String DIR = "/org/caravan/app/studies/";

  /** A shipped study's summary: its variants with their descriptions and sources. */
  public record Summary(String name, String description, String baseline, List<Variant> variants) {}

  /** One variant of a shipped study. */
  public record Variant(String name, String description, String source) {}

  private ShippedStudies() {}

  /** The text of a shipped study; empty for an unknown name. */
  public static Optional<String> text(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    try (InputStream in = ShippedStudies.class.getResourceAsStream(DIR + name + ".yaml")) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + DIR + name + ".yaml");
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every shipped study, summarised. */
  public static List<Summary> summaries() {
    return NAMES.stream()
        .map(
            n -> {
              StudyFile f;
              try {
                f = StudyFile.parse(text(n).orElseThrow(), n + ".yaml");
              } catch (StudyException e) {
                throw new IllegalStateException("shipped study " + n + ": " + e.getMessage(), e);
              }
              return new Summary(
                  f.name(),
                  f.description(),
                  f.baseline(),
                  f.variants().stream()
                      .map(v -> new Variant(v.name(), v.description(), v.source()))
                      .toList());
            })
        .toList();
  }
}

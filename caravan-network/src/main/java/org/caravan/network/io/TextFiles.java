package org.caravan.network.io;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.caravan.network.NetworkException;
import org.caravan.network.Origin;
import org.caravan.network.Problem;

/**
 * Opens the text files users give (network files, chain files, primary data): UTF-8 with or without
 * a byte order mark (Excel writes one), {@code -} for standard input, malformed bytes reported
 * rather than replaced, and at most {@link #MAX_CHARS} characters, so {@code /dev/zero} or a wrong
 * file ends in a one-line error instead of exhausting the heap. The one home of these rules;
 * stateless.
 */
public final class TextFiles {
  /** Largest text a user file may have: 64 Mi characters (the built-in network is 100 KB). */
  public static final long MAX_CHARS = 64L << 20;

  /**
   * The CSV dialect of every data file Caravan reads (network, rates, corridors, cargo rules,
   * factors, chains, raw materials): a header row, {@code #} comments, blank lines skipped, values
   * trimmed. The one home of that rule.
   */
  public static final CSVFormat CSV =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  private TextFiles() {}

  /**
   * A number as data files write it ({@link Double#parseDouble} syntax), or empty when the text is
   * not one or is NaN or infinite. The one home of that rule; callers name file, line and field.
   */
  public static OptionalDouble finiteNumber(String text) {
    try {
      double d = Double.parseDouble(text);
      return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** Parses one text file; may throw {@link IOException}. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String name, Reader reader) throws IOException;
  }

  /**
   * Reads a table the jars ship on the class path. A missing resource is a packaging defect, not a
   * user error, hence the unchecked exception.
   *
   * @param resource class-path location
   * @param name the file's name in the source tree, used in messages (e.g. {@code
   *     data/network/corridors.csv})
   */
  public static <T> T readResource(String resource, String name, Parser<T> parser) {
    InputStream in = TextFiles.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the class path");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parser.parse(name, r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a table reader makes of one record: a value, or nothing after adding its problems. */
  @FunctionalInterface
  public interface RecordReader<T> {
    Optional<T> read(CSVRecord rec, Origin origin, List<Problem> problems);
  }

  /**
   * Reads every record of a {@link #CSV} table with {@code row}, collecting each record's problems
   * (file, line, field) and a malformed file as one; throws {@link NetworkException} with all of
   * them, so nothing is returned from a file with a problem.
   */
  public static <T> List<T> readRecords(String name, Reader reader, RecordReader<T> row)
      throws IOException {
    List<T> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(reader, CSV)) {
      for (CSVRecord rec : p) {
        row.read(rec, new Origin(name, p.getCurrentLineNumber()), problems).ifPresent(out::add);
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      problems.add(new Problem(new Origin(name, 0), "", "malformed CSV: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new NetworkException(problems);
    }
    return out;
  }

  /**
   * A table the jars ship on the class path, with the row reader both the packed default and a
   * user's copy go through, so the two are checked alike.
   *
   * @param resource class-path location
   * @param name the file's name in the source tree, used in messages (e.g. {@code
   *     data/routing/cargo-rules.csv})
   * @param row what one record becomes
   */
  public record PackedTable<T>(String resource, String name, RecordReader<T> row) {
    /** The rows of the packed default. */
    public List<T> readDefault() {
      return readResource(resource, name, this::read);
    }

    /** The rows of a copy of the table; problems name {@code fileName}, line and field. */
    public List<T> read(String fileName, Reader reader) throws IOException {
      return readRecords(fileName, reader, row);
    }
  }

  /**
   * Whether the record fills its {@code source} column; if not, adds the problem. Every row of a
   * data table cites its source, an estimate as {@code EST} with its basis: the one home of that
   * rule.
   *
   * @param what the row's noun in the message ("every risk needs a source ...")
   */
  public static boolean hasSource(
      CSVRecord rec, Origin origin, List<Problem> problems, String what) {
    if (!rec.get("source").isEmpty()) {
      return true;
    }
    problems.add(
        new Problem(origin, "source", "every " + what + " needs a source (EST for an estimate)"));
    return false;
  }

  /** True when {@code file} names standard input. */
  public static boolean isStdin(Path file) {
    return file.toString().equals("-");
  }

  /** A reader over the file, or standard input for {@code -}. */
  public static Reader open(Path file) throws IOException {
    InputStream in = isStdin(file) ? nonClosing(System.in) : Files.newInputStream(file);
    return reader(in, file.toString());
  }

  /** A BOM-stripping, strict UTF-8, size-bounded reader over {@code in}. */
  public static Reader reader(InputStream in, String name) throws IOException {
    InputStream bomless = BOMInputStream.builder().setInputStream(in).get();
    Reader decoded =
        new InputStreamReader(
            bomless,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    return new Bounded(decoded, name);
  }

  /**
   * The message of an I/O or parse failure for users: the innermost cause's own message, which
   * names the problem ("EOF reached before encapsulated token finished") without the wrapping
   * exceptions' class names.
   */
  public static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? "unreadable input" : m.lines().findFirst().orElse(m);
  }

  private static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {}
    };
  }

  /** Fails once more than {@link #MAX_CHARS} characters were read. */
  private static final class Bounded extends FilterReader {
    private final String name;
    private long read;

    Bounded(Reader in, String name) {
      super(in);
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      int c;
      try {
        c = super.read();
      } catch (CharacterCodingException e) {
        throw notUtf8();
      }
      count(c < 0 ? 0 : 1);
      return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(buf, off, len);
      } catch (CharacterCodingException e) {
        throw notUtf8();
      }
      count(Math.max(0, n));
      return n;
    }

    private IOException notUtf8() {
      return new IOException(
          name + " is not UTF-8 text (malformed bytes after character " + read + ")");
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > MAX_CHARS) {
        throw new IOException(
            name
                + " is larger than "
                + (MAX_CHARS >> 20)
                + " Mi characters; not a Caravan text file");
      }
    }
  }
}

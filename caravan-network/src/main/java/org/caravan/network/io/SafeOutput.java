package org.caravan.network.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.caravan.network.FieldException;

/**
 * Output targets that never lose a user's file. Every writer of the program (simulation results,
 * network export) goes through here:
 *
 * <ul>
 *   <li>a target is checked <em>before</em> the work starts: a folder target must be new, empty, or
 *       hold a previous Caravan output (its {@value #MANIFEST} lists the files and their SHA-256);
 *       a file target must be new. Anything else is refused with an {@link OutputException} naming
 *       the option;
 *   <li>with {@code force}, only files listed in the previous manifest, and still as Caravan wrote
 *       them, are replaced; other files in the folder are left alone;
 *   <li>files are written into a staging sibling ({@code .NAME.caravan-PID-RANDOM}) created up
 *       front, which also proves the place is writable, and renamed into place at the end (one
 *       atomic rename for a new or empty folder or a file, one atomic rename per file otherwise);
 *   <li>on failure only the staging sibling (and folders this class created) is removed; staging
 *       folders of dead processes (after {@code kill -9}) are recognised by their marker file and
 *       removed on the next run.
 * </ul>
 */
public final class SafeOutput {
  /** The manifest a folder output carries: one line per file, {@code sha256 name}. */
  public static final String MANIFEST = ".caravan-manifest";

  private static final String MARKER = ".caravan-staging";

  private SafeOutput() {}

  /**
   * An output target could not be used; the message is for the user, {@link #field()} names the
   * command-line option or request field naming the target ({@code --out}).
   */
  public static final class OutputException extends FieldException {
    public OutputException(String option, String message) {
      super(option, message);
    }
  }

  /**
   * Checks a folder target and creates its staging sibling.
   *
   * @param option the flag naming the target in messages ({@code --out})
   * @param force replace a previous Caravan output (only its listed files)
   */
  public static Folder folder(Path target, boolean force, String option) {
    Path t = absolute(target, option);
    Map<String, String> previous = Map.of();
    if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isDirectory(t, LinkOption.NOFOLLOW_LINKS)) {
        throw new OutputException(
            option,
            option + " " + target + ": is a file, not a folder; give a new or empty folder");
      }
      List<String> entries = list(t, option, target);
      if (!entries.isEmpty()) {
        if (!entries.contains(MANIFEST)) {
          throw new OutputException(
              option,
              option
                  + " "
                  + target
                  + ": folder is not empty and was not written by caravan ("
                  + String.join(", ", entries.stream().limit(3).toList())
                  + (entries.size() > 3 ? ", ..." : "")
                  + "); give a new or empty folder");
        }
        if (!force) {
          throw new OutputException(
              option,
              option
                  + " "
                  + target
                  + ": folder holds a previous caravan output; add --force to replace its files, or give a new folder");
        }
        previous = readManifest(t, option, target);
        for (Map.Entry<String, String> e : previous.entrySet()) {
          Path f = t.resolve(e.getKey());
          if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)
              && !e.getValue().equals(sha256(f, option))) {
            throw new OutputException(
                option,
                option
                    + " "
                    + target
                    + ": "
                    + e.getKey()
                    + " was changed after caravan wrote it; not replacing it (move it away or choose another folder)");
          }
        }
      }
    }
    List<Path> created = createParents(t.getParent(), option, target);
    removeDeadStaging(t);
    Path staging = createStaging(t, option, target, created);
    return new Folder(t, staging, previous, created, option);
  }

  /**
   * Checks a single-file target and creates its staging file next to it. An existing file is
   * refused unless {@code force}; a folder or special file is always refused.
   */
  public static File file(Path target, boolean force, String option) {
    Path t = absolute(target, option);
    if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS)) {
        throw new OutputException(
            option,
            option + " " + target + ": exists and is not a regular file; give a new file name");
      }
      if (!force) {
        throw new OutputException(
            option,
            option + " " + target + ": file exists; add --force to replace it, or give a new name");
      }
    }
    List<Path> created = createParents(t.getParent(), option, target);
    try {
      Path staging =
          Files.createTempFile(
              t.getParent(),
              "." + t.getFileName() + ".caravan-" + ProcessHandle.current().pid() + "-",
              ".tmp");
      return new File(t, staging, created, option);
    } catch (IOException | SecurityException e) {
      removeCreated(created);
      throw new OutputException(
          option, option + " " + target + ": cannot write there (" + reason(e) + ")");
    }
  }

  /**
   * A target being written: the program writes {@link #staging()}, then calls {@link #commit} or
   * {@link #abort}. What the two kinds share; {@link Folder} and {@link File} differ in how they
   * commit and clean up.
   */
  public abstract static sealed class Staged permits Folder, File {
    final Path target;
    final Path staging;
    final List<Path> created;
    final String option;

    Staged(Path target, Path staging, List<Path> created, String option) {
      this.target = target;
      this.staging = staging;
      this.created = created;
      this.option = option;
    }

    /** Where to write; it becomes the output on {@link #commit}. */
    public Path staging() {
      return staging;
    }

    /** The final place. */
    public Path target() {
      return target;
    }

    /** Moves the staged output into place; on failure the staging is removed. */
    public abstract void commit();

    /** Removes the staging and any folder this target created; never touches the target. */
    public abstract void abort();

    /** Aborts and reports a failed commit as a user-facing output error. */
    OutputException failed(Exception e) {
      abort();
      return new OutputException(
          option, option + " " + target + ": cannot write results (" + reason(e) + ")");
    }
  }

  /** A folder target: files written into the staging folder replace the previous run's files. */
  public static final class Folder extends Staged {
    private final Map<String, String> previous;

    private Folder(
        Path target,
        Path staging,
        Map<String, String> previous,
        List<Path> created,
        String option) {
      super(target, staging, created, option);
      this.previous = previous;
    }

    /** Moves the staged files into place and writes the manifest. */
    @Override
    public void commit() {
      try {
        Files.delete(staging.resolve(MARKER));
        Map<String, String> manifest = new LinkedHashMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(staging)) {
          List<Path> files = new ArrayList<>();
          ds.forEach(files::add);
          files.sort(null);
          for (Path f : files) {
            manifest.put(f.getFileName().toString(), sha256(f, option));
          }
        }
        Files.writeString(
            staging.resolve(MANIFEST), manifestText(manifest), StandardCharsets.UTF_8);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || previous.isEmpty()) {
          // New or empty folder: one rename (rename(2) replaces an empty folder, fails on a
          // non-empty one).
          Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
          return;
        }
        for (String name : manifest.keySet()) {
          if (!name.equals(MANIFEST)) {
            Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
          }
        }
        for (String name : previous.keySet()) {
          if (!manifest.containsKey(name)) {
            Files.deleteIfExists(target.resolve(name));
          }
        }
        Files.move(
            staging.resolve(MANIFEST), target.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(staging);
      } catch (IOException | RuntimeException e) {
        throw failed(e);
      }
    }

    @Override
    public void abort() {
      deleteStaging(staging);
      removeCreated(created);
    }
  }

  /** A single-file target: the staged file is renamed onto it. */
  public static final class File extends Staged {
    private File(Path target, Path staging, List<Path> created, String option) {
      super(target, staging, created, option);
    }

    @Override
    public void commit() {
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        throw failed(e);
      }
    }

    @Override
    public void abort() {
      try {
        Files.deleteIfExists(staging);
      } catch (IOException ignored) {
        // best effort: the name is ours and hidden
      }
      removeCreated(created);
    }
  }

  private static Path absolute(Path target, String option) {
    Path t = target.toAbsolutePath().normalize();
    if (t.getParent() == null || t.getFileName() == null) {
      throw new OutputException(
          option,
          option + " " + target + ": cannot write to the file-system root; give a new folder");
    }
    return t;
  }

  private static List<String> list(Path dir, String option, Path shown) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      throw new OutputException(
          option, option + " " + shown + ": cannot read the folder (" + reason(e) + ")");
    }
    names.sort(null);
    return names;
  }

  private static Map<String, String> readManifest(Path dir, String option, Path shown) {
    Map<String, String> m = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(dir.resolve(MANIFEST), StandardCharsets.UTF_8)) {
        int sp = line.indexOf("  ");
        String name = sp < 0 ? "" : line.substring(sp + 2);
        if (sp != 64
            || name.isEmpty()
            || name.contains("/")
            || name.contains("\\")
            || name.startsWith("..")) {
          throw new OutputException(
              option,
              option + " " + shown + ": " + MANIFEST + " is damaged; not replacing anything");
        }
        m.put(name, line.substring(0, sp));
      }
    } catch (IOException e) {
      throw new OutputException(
          option, option + " " + shown + ": cannot read " + MANIFEST + " (" + reason(e) + ")");
    }
    return m;
  }

  private static String manifestText(Map<String, String> m) {
    StringBuilder b = new StringBuilder();
    m.forEach((name, sha) -> b.append(sha).append("  ").append(name).append('\n'));
    return b.toString();
  }

  private static String sha256(Path f, String option) {
    try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new OutputException(option, option + " " + f + ": cannot read (" + reason(e) + ")");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates missing parent folders; returns those created, deepest last. */
  private static List<Path> createParents(Path parent, String option, Path shown) {
    List<Path> missing = new ArrayList<>();
    for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
      missing.addFirst(p);
    }
    List<Path> created = new ArrayList<>();
    try {
      for (Path p : missing) {
        Files.createDirectory(p);
        created.add(p);
      }
      if (!Files.isDirectory(parent)) {
        throw new IOException(parent + " is not a folder");
      }
    } catch (IOException | SecurityException e) {
      removeCreated(created);
      throw new OutputException(
          option, option + " " + shown + ": cannot create the folder (" + reason(e) + ")");
    }
    return created;
  }

  private static void removeCreated(List<Path> created) {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i)); // only succeeds while empty
      } catch (IOException ignored) {
        // not empty any more: someone else's now
      }
    }
  }

  private static Path createStaging(Path t, String option, Path shown, List<Path> created) {
    String name =
        "."
            + t.getFileName()
            + ".caravan-"
            + ProcessHandle.current().pid()
            + "-"
            + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    Path staging = t.resolveSibling(name);
    try {
      Files.createDirectory(staging);
      Files.createFile(staging.resolve(MARKER));
      return staging;
    } catch (IOException | SecurityException e) {
      deleteStaging(staging);
      removeCreated(created);
      throw new OutputException(
          option, option + " " + shown + ": cannot write there (" + reason(e) + ")");
    }
  }

  /** Removes staging folders of the same target left by processes that no longer run. */
  private static void removeDeadStaging(Path t) {
    String prefix = "." + t.getFileName() + ".caravan-";
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(
            t.getParent(), p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : ds) {
        String rest = p.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        if (dash <= 0
            || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
            || !Files.exists(p.resolve(MARKER))) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(rest.substring(0, dash));
        } catch (NumberFormatException e) {
          continue;
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        deleteStaging(p);
      }
    } catch (IOException | SecurityException ignored) {
      // nothing of ours to clean, or not readable: the staging step reports real problems
    }
  }

  /** Deletes a staging folder's plain files and the folder; never follows links or descends. */
  private static void deleteStaging(Path staging) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(staging)) {
      for (Path p : ds) {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (NoSuchFileException ignored) {
      return;
    } catch (IOException ignored) {
      // fall through to try the folder itself
    }
    try {
      Files.deleteIfExists(staging);
    } catch (IOException ignored) {
      // left for the next run's clean-up
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return m == null ? e.getClass().getSimpleName() : m;
  }
}

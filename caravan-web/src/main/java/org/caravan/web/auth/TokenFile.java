package org.caravan.web.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caravan.scenario.UserException;

/**
 * The token file in the user's configuration directory ({@code $XDG_CONFIG_HOME/caravan/token},
 * else {@code ~/.config/caravan/token}, per the XDG Base Directory Specification 0.8): created on a
 * server's first start with one fresh token, readable by its owner only (mode 600 in a folder of
 * mode 700), and never overwritten once present. One token per line; blank lines and lines starting
 * with {@code #} are skipped, so a user may add tokens for other clients (each owns its own jobs).
 */
public final class TokenFile {
  /** Largest token file read: far more than any sensible list of tokens. */
  static final long MAX_BYTES = 64 * 1024;

  private TokenFile() {}

  /**
   * What was read.
   *
   * @param file the token file
   * @param tokens its tokens, the first one the web app's
   * @param created whether this call created the file
   * @param warning e.g. that the file is readable by others
   */
  public record Loaded(Path file, List<String> tokens, boolean created, Optional<String> warning) {}

  /**
   * The configuration folder: {@code XDG_CONFIG_HOME} when it is an absolute path, else {@code
   * HOME/.config}, else {@code userHome/.config}.
   *
   * @param env the process environment (a map, so tests never reach the real home)
   */
  public static Path configHome(Map<String, String> env, String userHome) {
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
    if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg);
    }
    String home = env.getOrDefault("HOME", "");
    return Path.of(home.isEmpty() ? userHome : home, ".config");
  }

  /** The token file in a configuration folder. */
  public static Path in(Path configHome) {
    return configHome.resolve("caravan").resolve("token");
  }

  /**
   * Reads the token file, creating it with a new token ({@link ApiTokens#newToken}) when there is
   * none. An existing file is never written.
   *
   * @throws UserException when the file cannot be read or created, or holds no usable token (the
   *     message names the file and line)
   */
  public static Loaded loadOrCreate(Path file) {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      try {
        String token = ApiTokens.newToken();
        create(file, token);
        return new Loaded(file, List.of(token), true, Optional.empty());
      } catch (FileAlreadyExistsException raced) {
        // another server created it a moment ago: use that one
      } catch (IOException e) {
        throw new UserException(
            "token",
            "cannot create the token file "
                + file
                + " ("
                + reason(e)
                + "); give a token with --token or CARAVAN_TOKEN");
      }
    }
    return read(file);
  }

  static Loaded read(Path file) {
    List<String> lines;
    try {
      if (!Files.isRegularFile(file)) {
        throw new UserException("token", "the token file " + file + " is not a regular file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new UserException(
            "token", "the token file " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserException(
          "token", "cannot read the token file " + file + " (" + reason(e) + ")");
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int line = i + 1;
      ApiTokens.problem(t)
          .ifPresent(
              p -> {
                throw new UserException("token", file + " line " + line + ": " + p);
              });
      tokens.add(t);
    }
    if (tokens.isEmpty()) {
      throw new UserException(
          "token",
          "the token file "
              + file
              + " holds no token; put one in it, or delete it to have a new one made");
    }
    return new Loaded(file, List.copyOf(tokens), false, permissionWarning(file));
  }

  private static void create(Path file, String token) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createDirectories(dir, attribute("rwx------"));
    } else {
      Files.createDirectories(dir);
    }
    // CREATE_NEW is O_EXCL: of two servers starting at once, one creates the file and the other
    // reads it; the mode is 600 from the first byte.
    FileAttribute<?>[] attrs =
        posix ? new FileAttribute<?>[] {attribute("rw-------")} : new FileAttribute<?>[0];
    try (SeekableByteChannel ch =
        Files.newByteChannel(
            file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
      ByteBuffer b = ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII));
      while (b.hasRemaining()) {
        ch.write(b);
      }
    }
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(String perms) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms));
  }

  private static Optional<String> permissionWarning(Path file) {
    try {
      if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        return Optional.empty();
      }
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      if (p.contains(PosixFilePermission.GROUP_READ)
          || p.contains(PosixFilePermission.OTHERS_READ)) {
        return Optional.of(
            "the token file " + file + " is readable by other users; run chmod 600 on it");
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "a folder on the way is missing";
    }
    if (e instanceof FileSystemException) {
      return "a folder on the way is not a folder, or the disk refused";
    }
    return "input/output error";
  }
}

package org.caravan.study;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store round trip on a throwaway PostgreSQL cluster started in a temporary folder with
 * Debian's initdb and pg_ctl (as the {@code postgres} user when the test runs as root, which initdb
 * refuses). Skips with a message when PostgreSQL is not installed.
 */
class PostgresStoreTest {
  @TempDir Path dir;

  private static Optional<Path> bin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.resolve("bin"))
          .filter(p -> Files.isExecutable(p.resolve("initdb")))
          .sorted()
          .reduce((a, b) -> b);
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void exec(List<String> cmd, Path log) throws Exception {
    List<String> c = new ArrayList<>();
    if (root()) {
      c.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    c.addAll(cmd);
    Process p =
        new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", c) + " failed: " + Files.readString(log));
    }
  }

  @Test
  void round_trip_on_postgresql() throws Exception {
    Optional<Path> bin = bin();
    assumeTrue(
        bin.isPresent(), "PostgreSQL not installed (/usr/lib/postgresql/*/bin/initdb): skipped");
    Path home = Files.createDirectories(dir.resolve("pg"));
    if (root()) {
      new ProcessBuilder("chown", "-R", "postgres", dir.toString()).start().waitFor();
      new ProcessBuilder("chmod", "755", dir.toString()).start().waitFor();
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = home.resolve("data");
    Path log = dir.resolve("cmd.log");
    exec(
        List.of(
            bin.get().resolve("initdb").toString(),
            "-D",
            data.toString(),
            "-U",
            "caravan",
            "--auth=trust",
            "-E",
            "UTF8"),
        log);
    exec(
        List.of(
            bin.get().resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            home.resolve("server.log").toString(),
            "-w",
            "-o",
            "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1",
            "start"),
        log);
    try (StudyStore s =
        StudyStore.open("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=caravan")) {
      StoreContract.roundTrip(s);
      StoreContract.exportsAgree(s, home);
      StoreContract.jobs(s);
    } finally {
      exec(
          List.of(
              bin.get().resolve("pg_ctl").toString(),
              "-D",
              data.toString(),
              "-m",
              "immediate",
              "stop"),
          log);
    }
  }
}

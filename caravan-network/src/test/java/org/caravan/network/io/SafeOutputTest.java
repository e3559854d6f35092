package org.caravan.network.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output targets: what is refused, what is replaced, and that nothing else is touched. */
class SafeOutputTest {
  @TempDir Path dir;

  private static void writeOne(SafeOutput.Folder f, String name, String text) throws Exception {
    Files.writeString(f.staging().resolve(name), text);
    f.commit();
  }

  private static String[] names(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void a_new_folder_gets_the_files_and_a_manifest_and_no_leftovers() throws Exception {
    Path out = dir.resolve("a/b/out");
    writeOne(SafeOutput.folder(out, false, "--out"), "x.csv", "1\n");
    assertThat(names(out)).containsExactly(SafeOutput.MANIFEST, "x.csv");
    assertThat(Files.readString(out.resolve(SafeOutput.MANIFEST))).endsWith("  x.csv\n");
    assertThat(names(dir.resolve("a/b"))).containsExactly("out");
  }

  @Test
  void an_empty_folder_is_used() throws Exception {
    Path out = Files.createDirectory(dir.resolve("empty"));
    writeOne(SafeOutput.folder(out, false, "--out"), "x.csv", "1\n");
    assertThat(out.resolve("x.csv")).hasContent("1");
  }

  @Test
  void a_folder_holding_a_user_file_is_refused_even_with_force_and_the_file_is_untouched()
      throws Exception {
    Path out = Files.createDirectory(dir.resolve("mine"));
    Files.writeString(out.resolve("thesis.txt"), "precious");
    for (boolean force : new boolean[] {false, true}) {
      assertThatThrownBy(() -> SafeOutput.folder(out, force, "--out"))
          .isInstanceOf(SafeOutput.OutputException.class)
          .hasMessageContaining("not written by caravan")
          .hasMessageContaining("thesis.txt");
    }
    assertThat(names(out)).containsExactly("thesis.txt");
    assertThat(out.resolve("thesis.txt")).hasContent("precious");
    assertThat(names(dir)).containsExactly("mine");
  }

  @Test
  void a_file_given_as_folder_is_refused_and_untouched() throws Exception {
    Path f = Files.writeString(dir.resolve("somefile"), "keep");
    assertThatThrownBy(() -> SafeOutput.folder(f, true, "--out"))
        .hasMessageContaining("is a file, not a folder");
    assertThat(f).isRegularFile().hasContent("keep");
  }

  @Test
  void the_root_is_refused() {
    assertThatThrownBy(() -> SafeOutput.folder(Path.of("/"), true, "--out"))
        .hasMessageContaining("root");
  }

  @Test
  void an_unwritable_place_is_refused_before_any_work() throws Exception {
    Path ro = Files.createDirectory(dir.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(
          Files.isWritable(ro), "running as root: permissions are not enforced");
      assertThatThrownBy(() -> SafeOutput.folder(ro.resolve("out"), false, "--out"))
          .isInstanceOf(SafeOutput.OutputException.class)
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> SafeOutput.file(ro.resolve("x.geojson"), false, "--out"))
          .isInstanceOf(SafeOutput.OutputException.class);
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    assertThat(names(ro)).isEmpty();
  }

  @Test
  void a_missing_parent_under_a_file_is_refused_and_nothing_is_created() throws Exception {
    Path f = Files.writeString(dir.resolve("plain"), "keep");
    assertThatThrownBy(() -> SafeOutput.folder(f.resolve("sub/out"), false, "--out"))
        .isInstanceOf(SafeOutput.OutputException.class);
    assertThat(f).hasContent("keep");
  }

  @Test
  void force_replaces_only_the_listed_files_and_keeps_the_users() throws Exception {
    Path out = dir.resolve("out");
    SafeOutput.Folder first = SafeOutput.folder(out, false, "--out");
    Files.writeString(first.staging().resolve("a.csv"), "old a");
    Files.writeString(first.staging().resolve("b.csv"), "old b");
    first.commit();
    Files.writeString(out.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> SafeOutput.folder(out, false, "--out"))
        .hasMessageContaining("--force");
    writeOne(SafeOutput.folder(out, true, "--out"), "a.csv", "new a");

    assertThat(names(out)).containsExactly(SafeOutput.MANIFEST, "a.csv", "notes.txt");
    assertThat(out.resolve("a.csv")).hasContent("new a");
    assertThat(out.resolve("notes.txt")).hasContent("mine");
    assertThat(names(dir)).containsExactly("out");
  }

  @Test
  void force_refuses_a_listed_file_the_user_edited() throws Exception {
    Path out = dir.resolve("out");
    writeOne(SafeOutput.folder(out, false, "--out"), "a.csv", "caravan");
    Files.writeString(out.resolve("a.csv"), "edited by hand");
    assertThatThrownBy(() -> SafeOutput.folder(out, true, "--out"))
        .hasMessageContaining("a.csv was changed");
    assertThat(out.resolve("a.csv")).hasContent("edited by hand");
  }

  @Test
  void abort_removes_only_its_staging_and_the_folders_it_created() throws Exception {
    SafeOutput.Folder f = SafeOutput.folder(dir.resolve("new/deep/out"), false, "--out");
    Files.writeString(f.staging().resolve("half.csv"), "x");
    f.abort();
    assertThat(names(dir)).isEmpty();
  }

  @Test
  void staging_left_by_a_dead_process_is_removed_but_foreign_lookalikes_are_not() throws Exception {
    Path dead = Files.createDirectory(dir.resolve(".out.caravan-2147483646-zz"));
    Files.createFile(dead.resolve(".caravan-staging"));
    Files.writeString(dead.resolve("summary.json"), "{}");
    Path lookalike = Files.createDirectory(dir.resolve(".out.caravan-2147483645-yy"));
    Files.writeString(lookalike.resolve("data"), "not ours");
    writeOne(SafeOutput.folder(dir.resolve("out"), false, "--out"), "a.csv", "1");
    assertThat(names(dir)).containsExactly(".out.caravan-2147483645-yy", "out");
  }

  @Test
  void a_file_target_is_new_or_forced_and_written_atomically() throws Exception {
    Path f = dir.resolve("net.geojson");
    SafeOutput.File t = SafeOutput.file(f, false, "--out");
    Files.writeString(t.staging(), "one");
    t.commit();
    assertThatThrownBy(() -> SafeOutput.file(f, false, "--out"))
        .hasMessageContaining("file exists");
    SafeOutput.File u = SafeOutput.file(f, true, "--out");
    Files.writeString(u.staging(), "two");
    u.commit();
    assertThat(f).hasContent("two");
    assertThatThrownBy(() -> SafeOutput.file(dir, true, "--out"))
        .hasMessageContaining("not a regular file");
    assertThat(names(dir)).containsExactly("net.geojson");
  }
}

package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.caravan.scenario.UserException;
import org.caravan.scenario.UserPaths;
import org.junit.jupiter.api.Test;

/**
 * Text the platform cannot make a file path of reaches {@code Path.of} from several commands; each
 * is a user error (exit 1, a plain message), not the JDK's InvalidPathException text. A lone UTF-16
 * surrogate cannot be encoded as a file name in any charset; a NUL byte is refused by the kernel.
 * One regression test per place the text arrives (UserPaths is the one home of the check).
 */
class HostileInputTest {
  private static final String SURROGATE = "x\ud800.csv";

  private static void userError(Cli r, String mentions) {
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains(mentions)
        .doesNotContain("java.")
        .doesNotContain("Exception")
        .doesNotContain("\ud800")
        .doesNotContain("\u0000");
  }

  @Test
  void a_path_option_with_a_lone_surrogate() {
    userError(Cli.run("places", "Baku", "--overlay", SURROGATE), "is not a valid path");
    userError(Cli.run("emissions", SURROGATE), "is not a valid path");
  }

  @Test
  void a_scenario_name_that_is_no_path() {
    userError(Cli.run("simulate", SURROGATE), "is not a valid path");
    userError(Cli.run("simulate", "a\u0000b"), "is not a valid path");
  }

  @Test
  void a_disruption_file_name_that_is_no_path() {
    userError(Cli.run("crm", "risk", "--disruption", SURROGATE), "unknown disruption");
    userError(Cli.run("crm", "risk", "--disruption", "a\u0000.csv"), "unknown disruption");
  }

  @Test
  void user_paths_name_the_field_and_show_the_text_safely() {
    assertThat(UserPaths.of("out", "a/b.csv")).isEqualTo(Path.of("a/b.csv"));
    assertThat(UserPaths.valid(SURROGATE)).isFalse();
    assertThat(UserPaths.valid("a\u0000")).isFalse();
    UserException e =
        catchThrowableOfType(
            UserException.class, () -> UserPaths.of("baseline", "a\u0000\ud800" + "z".repeat(200)));
    assertThat(e.field()).isEqualTo("baseline");
    assertThat(e.getMessage()).startsWith("'a??zzz").endsWith("...' is not a valid path");
  }
}

package org.caravan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caravan.scenario.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Where {@code caravan serve} finds its tokens. The environment is a map and the configuration
 * folder a temporary one: nothing here reads or writes the real home.
 */
class ServeTokensTest {
  @TempDir Path config;

  private final CommandLine cmd = new CommandLine(new ServeCommand());

  @Test
  void token_flags_win_over_the_environment_and_the_file() {
    ServeTokens.Resolved r =
        ServeTokens.resolve(
            cmd,
            List.of("flag-token-0123456789", "other-client-token-99"),
            Map.of("CARAVAN_TOKEN", "env-token-0123456789", "XDG_CONFIG_HOME", config.toString()),
            Optional.empty());
    assertThat(r.tokens().webToken()).isEqualTo("flag-token-0123456789");
    assertThat(r.tokens().authenticate("other-client-token-99")).isPresent();
    assertThat(r.tokens().authenticate("env-token-0123456789")).isEmpty();
    assertThat(r.source()).isEqualTo("from --token");
    assertThat(config.resolve("caravan")).doesNotExist();
  }

  @Test
  void the_environment_wins_over_the_file_and_may_list_several() {
    ServeTokens.Resolved r =
        ServeTokens.resolve(
            cmd,
            List.of(),
            Map.of(
                "CARAVAN_TOKEN",
                " env-token-0123456789 , second-env-token-0123",
                "XDG_CONFIG_HOME",
                config.toString()),
            Optional.empty());
    assertThat(r.tokens().webToken()).isEqualTo("env-token-0123456789");
    assertThat(r.tokens().authenticate("second-env-token-0123")).isPresent();
    assertThat(config.resolve("caravan")).doesNotExist();
  }

  @Test
  void without_either_the_file_in_the_xdg_folder_is_created_once_with_mode_600() throws Exception {
    Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", "/nonexistent");
    ServeTokens.Resolved first = ServeTokens.resolve(cmd, List.of(), env, Optional.empty());
    Path file = config.resolve("caravan/token");
    assertThat(first.source()).isEqualTo("created " + file);
    assertThat(Files.readString(file).strip()).isEqualTo(first.tokens().webToken());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    ServeTokens.Resolved second = ServeTokens.resolve(cmd, List.of(), env, Optional.empty());
    assertThat(second.source()).isEqualTo("in " + file);
    assertThat(second.tokens().webToken()).isEqualTo(first.tokens().webToken());
    // --config-dir names the folder directly.
    Path elsewhere = config.resolve("elsewhere");
    ServeTokens.Resolved third = ServeTokens.resolve(cmd, List.of(), env, Optional.of(elsewhere));
    assertThat(third.source()).isEqualTo("created " + elsewhere.resolve("caravan/token"));
    assertThat(third.tokens().webToken()).isNotEqualTo(first.tokens().webToken());
  }

  @Test
  void bad_tokens_are_user_errors_naming_their_source() {
    assertThatThrownBy(
            () -> ServeTokens.resolve(cmd, List.of("short"), Map.of(), Optional.of(config)))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("--token")
        .hasMessageContaining("at least 16");
    assertThatThrownBy(
            () ->
                ServeTokens.resolve(
                    cmd,
                    List.of(),
                    Map.of("CARAVAN_TOKEN", "good-token-0123456789,bad token"),
                    Optional.of(config)))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("CARAVAN_TOKEN");
  }

  @Test
  void serve_with_a_bad_token_exits_1_before_listening() throws Exception {
    Cli r = Cli.run("serve", "--port", "0", "--token", "tiny");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--token").contains("at least 16").doesNotContain("Exception");
    // With CARAVAN_TOKEN set the file would not be read and the server would start.
    assumeTrue(System.getenv("CARAVAN_TOKEN") == null, "CARAVAN_TOKEN is set in this environment");
    Path file = config.resolve("caravan/token");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not a token\n");
    Cli bad = Cli.run("serve", "--port", "0", "--config-dir", config.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains(file + " line 1").doesNotContain("Exception");
    assertThat(Files.readString(file)).isEqualTo("not a token\n");
  }
}

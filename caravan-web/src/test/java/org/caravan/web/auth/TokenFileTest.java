package org.caravan.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.caravan.scenario.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file in a temporary configuration folder: never the real home. */
class TokenFileTest {
  @TempDir Path config;

  @Test
  void first_start_creates_a_random_token_readable_by_its_owner_only() throws Exception {
    Path file = TokenFile.in(config);
    assertThat(file).isEqualTo(config.resolve("caravan/token"));
    TokenFile.Loaded first = TokenFile.loadOrCreate(file);
    assertThat(first.created()).isTrue();
    assertThat(first.tokens()).hasSize(1);
    String token = first.tokens().getFirst();
    // 256 random bits, base64url: at least the 128 the issue asks for.
    assertThat(Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);
    assertThat(ApiTokens.problem(token)).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(token + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(first.warning()).isEmpty();
    // Two files in two folders hold different tokens.
    Path other = TokenFile.in(config.resolve("other"));
    assertThat(TokenFile.loadOrCreate(other).tokens()).doesNotContain(token);
  }

  @Test
  void an_existing_file_is_read_and_never_written() throws Exception {
    Path file = TokenFile.in(config);
    Files.createDirectories(file.getParent());
    String mine = "# my tokens\nmy-own-token-0123456789\n\n  second-client-token-abcdef  \n";
    Files.writeString(file, mine);
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, before);
    TokenFile.Loaded loaded = TokenFile.loadOrCreate(file);
    assertThat(loaded.created()).isFalse();
    assertThat(loaded.tokens())
        .containsExactly("my-own-token-0123456789", "second-client-token-abcdef");
    assertThat(Files.readString(file)).isEqualTo(mine);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
    // A file others can read is used, with a warning.
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(TokenFile.loadOrCreate(file).warning().orElseThrow()).contains("chmod 600");
    // Loading again created nothing new.
    assertThat(TokenFile.loadOrCreate(file).tokens().getFirst())
        .isEqualTo("my-own-token-0123456789");
  }

  @Test
  void a_bad_file_is_a_user_error_naming_file_and_line_and_stays_as_it_is() throws Exception {
    Path file = TokenFile.in(config);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "good-token-0123456789abc\nshort\n");
    assertThatThrownBy(() -> TokenFile.loadOrCreate(file))
        .isInstanceOf(UserException.class)
        .hasMessageContaining(file + " line 2")
        .hasMessageContaining("at least 16 characters");
    Files.writeString(file, "\n# nothing\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> TokenFile.loadOrCreate(file))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("holds no token");
    assertThat(Files.readString(file)).isEqualTo("\n# nothing\n");
    Path folder = TokenFile.in(config.resolve("x"));
    Files.createDirectories(folder);
    assertThatThrownBy(() -> TokenFile.loadOrCreate(folder))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("not a regular file");
    Path blocked = TokenFile.in(config.resolve("a-file"));
    Files.writeString(config.resolve("a-file"), "x");
    assertThatThrownBy(() -> TokenFile.loadOrCreate(blocked))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("cannot create the token file")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void the_config_folder_follows_xdg() {
    assertThat(TokenFile.configHome(Map.of("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/h"), "/u"))
        .isEqualTo(Path.of("/x/cfg"));
    // A relative XDG_CONFIG_HOME is invalid per the spec and ignored.
    assertThat(TokenFile.configHome(Map.of("XDG_CONFIG_HOME", "cfg", "HOME", "/h"), "/u"))
        .isEqualTo(Path.of("/h/.config"));
    assertThat(TokenFile.configHome(Map.of(), "/u")).isEqualTo(Path.of("/u/.config"));
  }
}

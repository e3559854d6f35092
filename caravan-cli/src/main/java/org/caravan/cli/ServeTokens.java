package org.caravan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caravan.scenario.UserException;
import org.caravan.web.auth.ApiTokens;
import org.caravan.web.auth.TokenFile;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where {@code caravan serve} takes its bearer tokens from, first found wins: {@code --token}
 * options, the {@code CARAVAN_TOKEN} variable (comma-separated), the token file in the
 * configuration folder ({@link TokenFile}, created on first start). A malformed token is a user
 * error naming where it came from.
 */
final class ServeTokens {
  /** The environment variable holding tokens. */
  static final String ENV = "CARAVAN_TOKEN";

  private ServeTokens() {}

  /**
   * The token flags of {@code caravan serve}: {@code --token}, {@code --config-dir} (where the
   * token file is) and {@code --no-web-token}.
   */
  static final class Options {
    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description =
            "Bearer token that writes (POST, PUT, DELETE) and job reads need; repeat for several"
                + " clients, each sees only its own jobs. Default: CARAVAN_TOKEN (comma-separated),"
                + " else the token file, created with a random token on first start.")
    List<String> tokens = new ArrayList<>();

    @Option(
        names = "--config-dir",
        paramLabel = "DIR",
        description = "Folder holding caravan/token (default: $XDG_CONFIG_HOME, else ~/.config).")
    Optional<Path> configDir = Optional.empty();

    @Option(
        names = "--no-web-token",
        description =
            "Do not give the token to the web app (GET /api/web-token); its pages then ask for it.")
    boolean noWebToken;

    /** The tokens these flags, else {@code env}, else the token file give. */
    Resolved resolve(CommandLine cmd, Map<String, String> env) {
      return ServeTokens.resolve(cmd, tokens, env, configDir);
    }

    /** Whether the web app may fetch the token. */
    boolean webToken() {
      return !noWebToken;
    }
  }

  /**
   * The tokens and what to tell the user about them.
   *
   * @param source e.g. {@code from CARAVAN_TOKEN} or {@code created /home/u/.config/caravan/token}
   */
  record Resolved(ApiTokens tokens, String source, Optional<String> warning) {}

  static Resolved resolve(
      CommandLine cmd, List<String> flags, Map<String, String> env, Optional<Path> configDir) {
    if (!flags.isEmpty()) {
      for (String t : flags) {
        ApiTokens.problem(t)
            .ifPresent(
                p -> {
                  throw new ParameterException(cmd, "--token: " + p);
                });
      }
      return new Resolved(ApiTokens.of(flags), "from --token", Optional.empty());
    }
    String fromEnv = env.getOrDefault(ENV, "").strip();
    if (!fromEnv.isEmpty()) {
      List<String> tokens = new ArrayList<>();
      for (String t : fromEnv.split(",")) {
        String token = t.strip();
        ApiTokens.problem(token)
            .ifPresent(
                p -> {
                  throw new UserException(ENV, ENV + ": " + p);
                });
        tokens.add(token);
      }
      return new Resolved(ApiTokens.of(tokens), "from " + ENV, Optional.empty());
    }
    Path file =
        TokenFile.in(
            configDir.orElseGet(
                () -> TokenFile.configHome(env, System.getProperty("user.home", ""))));
    TokenFile.Loaded loaded = TokenFile.loadOrCreate(file);
    return new Resolved(
        ApiTokens.of(loaded.tokens()),
        (loaded.created() ? "created " : "in ") + loaded.file(),
        loaded.warning());
  }
}

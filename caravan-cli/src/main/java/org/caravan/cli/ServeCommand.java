package org.caravan.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.caravan.web.http.CaravanServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code caravan serve}: the HTTP API and the web app on one port, until the process is stopped
 * (Ctrl-C). Prints the URL once the server listens, so scripts can wait for that line.
 */
@Command(
    name = "serve",
    sortOptions = false,
    description = {
      "Serve the HTTP API (/api, /openapi.json, /api-docs) and the web app (map and route planner).",
      "Runs until stopped; prints the URL when it is ready."
    })
public final class ServeCommand extends OpensNetwork implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Interface to listen on; 0.0.0.0 for every interface (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--allow-host",
      split = ",",
      paramLabel = "NAME",
      description =
          "Host names the server answers to besides localhost, 127.0.0.1 and --host (e.g. behind a proxy);"
              + " other Host headers get 421, against DNS rebinding.")
  List<String> allowHosts = new ArrayList<>();

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

  /** The process environment; a field so that tests never read the real home or token. */
  Map<String, String> env = System.getenv();

  @Mixin StoreOption store;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--port must be 0 to 65535, found " + port);
    }
    if (!allowHosts.isEmpty()) {
      System.setProperty(
          "caravan.allowedHosts",
          String.join(",", allowHosts)); // read by CaravanServer.allowedHosts
    }
    ServeTokens.Resolved auth = ServeTokens.resolve(spec.commandLine(), tokens, env, configDir);
    CaravanServer server =
        CaravanServer.start(network.open(), host, port, auth.tokens(), !noWebToken, store.store);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "caravan-serve-stop"));
    PrintWriter out = out();
    out.println(
        "Caravan is serving "
            + server.url()
            + " (API docs: "
            + server.url()
            + "api-docs); Ctrl-C stops it");
    out.println("API token: " + auth.source() + " (docs/API.md, Authentication)");
    auth.warning().ifPresent(w -> spec.commandLine().getErr().println("caravan: warning: " + w));
    out.flush();
    stopped.await();
    return 0;
  }
}

package org.caravan.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.caravan.web.http.CaravanServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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
  @Mixin Listen listen;
  @Mixin ServeTokens.Options auth;
  @Mixin StoreOption store;

  /** The process environment; a field so that tests never read the real home or token. */
  Map<String, String> env = System.getenv();

  /**
   * Where the server listens and which {@code Host} names it answers to: {@code --port}, {@code
   * --host}, {@code --allow-host}.
   */
  static final class Listen {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

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

    /**
     * Checks the port (a parameter error outside 0 to 65535) and hands the extra host names to the
     * server, which reads them from the system property {@code caravan.allowedHosts}.
     */
    void apply() {
      if (port < 0 || port > 65_535) {
        throw new ParameterException(
            mixee.commandLine(), "--port must be 0 to 65535, found " + port);
      }
      if (!allowHosts.isEmpty()) {
        System.setProperty("caravan.allowedHosts", String.join(",", allowHosts));
      }
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    listen.apply();
    ServeTokens.Resolved tokens = auth.resolve(spec.commandLine(), env);
    CaravanServer server =
        CaravanServer.start(
            network.open(),
            listen.host,
            listen.port,
            tokens.tokens(),
            auth.webToken(),
            store.store);
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
    out.println("API token: " + tokens.source() + " (docs/API.md, Authentication)");
    tokens.warning().ifPresent(w -> spec.commandLine().getErr().println("caravan: warning: " + w));
    out.flush();
    stopped.await();
    return 0;
  }
}

package org.caravan.web.http;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.caravan.web.SimulationJobs;
import org.caravan.web.auth.Owner;
import org.caravan.web.mapping.ApiException;
import org.caravan.web.mapping.ApiJson;
import org.caravan.web.mapping.Problems;

/**
 * The server-sent event stream of a simulation job ({@code GET /api/simulations/{id}/events}): kept
 * apart from {@link CaravanServer}'s wiring because it is the one endpoint that holds a connection
 * open and pushes to it.
 */
final class JobEvents {
  private JobEvents() {}

  /**
   * Server-sent events of a simulation job: the current state at once, a {@code progress} event per
   * replication and a final {@code done} event (whose {@code status} says done, failed or
   * cancelled), then the stream ends.
   */
  static void stream(Context ctx, SimulationJobs jobs, Owner owner) throws Exception {
    String id = ctx.pathParam("id");
    if (!jobs.exists(id, owner)) {
      jobs.view(id, owner); // throws the 404 problem
    }
    String accept = Optional.ofNullable(ctx.header("Accept")).orElse("");
    if (!accept.contains("text/event-stream")) {
      throw Problems.fail(
          Problems.Type.NOT_ACCEPTABLE,
          "this resource is a stream of server-sent events; send "
              + "Accept: text/event-stream (an EventSource does)");
    }
    new SseHandler(
            client -> {
              client.keepAlive();
              try {
                SimulationJobs.Subscription sub =
                    jobs.subscribe(id, owner, (name, data, last) -> send(client, name, data, last));
                client.onClose(sub::cancel);
              } catch (ApiException e) {
                // The job was dropped between the check and now.
                send(client, "error", ApiJson.write(e.problem()), true);
              }
            })
        .handle(ctx);
  }

  private static void send(SseClient client, String name, byte[] data, boolean last) {
    synchronized (client) {
      if (client.terminated()) {
        throw new IllegalStateException("the event stream is closed");
      }
      client.sendEvent(name, new String(data, StandardCharsets.UTF_8));
      if (last) {
        client.close();
      }
    }
  }
}

package org.caravan.web.http;

import io.javalin.config.RoutesConfig;
import java.util.Optional;
import org.caravan.web.StudyApi;
import org.caravan.web.auth.Owner;

/**
 * The studies routes of {@link CaravanServer}: stored studies ({@code /api/studies}), the shipped
 * study files ({@code /api/shipped-studies}) and study runs ({@code /api/study-runs}). Kept apart
 * from the server's other routes so each feature's routes read in one place.
 */
final class StudyRoutes {
  private StudyRoutes() {}

  static void add(RoutesConfig routes, StudyApi studies, BearerAuth auth) {
    routes.get("/api/studies", ctx -> CaravanServer.json(ctx, studies.list()));
    routes.get("/api/shipped-studies", ctx -> CaravanServer.json(ctx, studies.shipped()));
    routes.get(
        "/api/studies/{name}", ctx -> CaravanServer.json(ctx, studies.show(ctx.pathParam("name"))));
    routes.get(
        "/api/studies/{name}/compare",
        ctx -> CaravanServer.json(ctx, studies.compare(ctx.pathParam("name"))));
    routes.get(
        "/api/studies/{name}/export",
        ctx -> {
          StudyApi.Download d =
              studies.export(ctx.pathParam("name"), Optional.ofNullable(ctx.queryParam("format")));
          ctx.header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"")
              .contentType(d.contentType())
              .result(d.body());
        });
    routes.post(
        "/api/study-runs",
        ctx -> {
          Owner owner = auth.owner(ctx);
          String id = studies.runs().submit(CaravanServer.body(ctx), owner);
          ctx.status(202).header("Location", "/api/study-runs/" + id);
          CaravanServer.json(ctx, studies.runs().view(id, owner));
        });
    routes.get(
        "/api/study-runs", ctx -> CaravanServer.json(ctx, studies.runs().list(auth.owner(ctx))));
    routes.get(
        "/api/study-runs/{id}",
        ctx -> CaravanServer.json(ctx, studies.runs().view(ctx.pathParam("id"), auth.owner(ctx))));
    routes.delete(
        "/api/study-runs/{id}",
        ctx ->
            studies
                .runs()
                .cancel(ctx.pathParam("id"), auth.owner(ctx))
                .ifPresentOrElse(
                    view -> CaravanServer.json(ctx.status(202), view), () -> ctx.status(204)));
  }
}

package io.devopskpi.server;

import io.devopskpi.core.dashboard.DashboardFile;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The static dashboard (core's {@link DashboardFiles}): pages ({@code /}, {@code /applications/{name}},
 * {@code /teams/{name}}, {@code /suppliers/{name}}, {@code /compare}, {@code /admin}), their assets ({@code /assets/...}) and the WebJars they use ({@code /webjars/...}).
 * The pages read only the JSON API, so the Jenkins plugin serves the same files. Pages and assets are revalidated
 * on every use (ETag); WebJars carry their version in the path and are cached for a year.
 */
final class Dashboard {
    private Dashboard() {
    }

    static void register(RoutesConfig app) {
        DashboardFiles files = new DashboardFiles();
        app.get("/", ctx -> serve(ctx, files.find("/")));
        app.get("/applications/{name}", ctx -> serve(ctx, files.find("/applications/" + ctx.pathParam("name"))));
        app.get("/teams/{name}", ctx -> serve(ctx, files.find("/teams/" + ctx.pathParam("name"))));
        app.get("/suppliers/{name}", ctx -> serve(ctx, files.find("/suppliers/" + ctx.pathParam("name"))));
        app.get("/compare", ctx -> serve(ctx, files.find("/compare")));
        app.get("/admin", ctx -> serve(ctx, files.find("/admin")));
        app.get("/assets/<path>", ctx -> serve(ctx, files.find("/assets/" + ctx.pathParam("path"))));
        app.get("/webjars/<path>", ctx -> serve(ctx, files.find("/webjars/" + ctx.pathParam("path"))));
    }

    private static void serve(Context ctx, Optional<DashboardFile> found) {
        if (found.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8")
                    .result("not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        DashboardFile file = found.get();
        ctx.header("Cache-Control", file.cacheControl());
        ctx.header("ETag", file.etag());
        if (file.notModified(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.status(HttpStatus.OK).contentType(file.type()).result(file.body());
    }
}

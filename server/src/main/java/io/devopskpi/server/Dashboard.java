package io.devopskpi.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The static dashboard, read from the classpath: pages ({@code /}, {@code /applications/{name}},
 * {@code /teams/{name}}, {@code /suppliers/{name}}, {@code /compare}, {@code /admin}), their assets ({@code /assets/...}) and the WebJars they use ({@code /webjars/...}).
 * The pages read only the JSON API, so the Jenkins plugin serves the same files. Pages and assets are revalidated
 * on every use (ETag); WebJars carry their version in the path and are cached for a year.
 */
final class Dashboard {
    static final String PAGES = "dashboard/";
    static final String ASSETS = "dashboard/assets/";
    static final String WEBJARS = "META-INF/resources/webjars/";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml; charset=utf-8",
            "png", "image/png",
            "ico", "image/x-icon",
            "map", "application/json; charset=utf-8");
    /** Relative paths only: letters, digits and {@code . _ - /}, no empty or dot-only segments. */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");
    private static final String REVALIDATE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final ClassLoader loader = Dashboard.class.getClassLoader();
    private final Map<String, Optional<Resource>> cache = new ConcurrentHashMap<>();

    private record Resource(byte[] body, String type, String etag) {
    }

    static void register(Javalin app) {
        Dashboard dashboard = new Dashboard();
        app.get("/", ctx -> dashboard.serve(ctx, PAGES + "index.html", REVALIDATE));
        app.get("/applications/{name}", ctx -> dashboard.serve(ctx, PAGES + "application.html", REVALIDATE));
        app.get("/teams/{name}", ctx -> dashboard.serve(ctx, PAGES + "team.html", REVALIDATE));
        app.get("/suppliers/{name}", ctx -> dashboard.serve(ctx, PAGES + "supplier.html", REVALIDATE));
        app.get("/compare", ctx -> dashboard.serve(ctx, PAGES + "compare.html", REVALIDATE));
        app.get("/admin", ctx -> dashboard.serve(ctx, PAGES + "admin.html", REVALIDATE));
        app.get("/assets/<path>", ctx -> dashboard.serveUnder(ctx, ASSETS, ctx.pathParam("path"), REVALIDATE));
        app.get("/webjars/<path>", ctx -> dashboard.serveUnder(ctx, WEBJARS, ctx.pathParam("path"), IMMUTABLE));
    }

    private void serveUnder(Context ctx, String root, String path, String cacheControl) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            notFound(ctx);
            return;
        }
        serve(ctx, root + path, cacheControl);
    }

    private void serve(Context ctx, String name, String cacheControl) {
        Optional<Resource> found = cache.computeIfAbsent(name, this::load);
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        Resource resource = found.get();
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", resource.etag());
        String match = ctx.header("If-None-Match");
        if (match != null && (match.equals(resource.etag()) || match.equals("W/" + resource.etag()))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.status(HttpStatus.OK).contentType(resource.type()).result(resource.body());
    }

    private Optional<Resource> load(String name) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            return Optional.of(new Resource(body, type, etag(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void notFound(Context ctx) {
        ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8")
                .result("not found".getBytes(StandardCharsets.UTF_8));
    }
}

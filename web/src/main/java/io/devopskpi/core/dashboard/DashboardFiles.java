package io.devopskpi.core.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The static dashboard (module devops-kpi-dashboard) by its site path, the same for the server and the Jenkins
 * plugin: pages ({@code /}, {@code /applications/<name>}, {@code /teams/<name>}, {@code /suppliers/<name>},
 * {@code /compare}, {@code /admin}), their assets
 * ({@code /assets/...}) and the WebJars they import ({@code /webjars/...}). Nothing outside those folders is ever
 * read, whatever the path says. Files are read from the classpath once; a path that names no file is looked up
 * again each time and never remembered, so requests for made-up paths (public even with a read token) cannot grow
 * memory: the cache holds at most the files that exist.
 */
public final class DashboardFiles {
    static final String FOLDER = "devops-kpi-dashboard/";
    static final String ASSETS = FOLDER + "assets/";
    static final String WEBJARS = "META-INF/resources/webjars/";
    /**
     * The pages by site path, each with its file: a path ending in a slash (other than the root) is a folder, each of
     * whose one-name paths shows the page, e.g. {@code /applications/shop}. {@link #find} serves exactly these.
     */
    private static final Map<String, String> PAGE_FILES = pageFiles();
    /** The site paths of {@link #PAGE_FILES}, for an embedding CI and its tests to walk every page. */
    public static final List<String> PAGES = List.copyOf(PAGE_FILES.keySet());

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

    private final ClassLoader loader = DashboardFiles.class.getClassLoader();
    private final Map<String, DashboardFile> cache = new ConcurrentHashMap<>();

    /** The file a site path names, e.g. {@code /applications/shop} or {@code /assets/index.js}; empty if none. */
    public Optional<DashboardFile> find(String sitePath) {
        String path = sitePath == null || sitePath.isEmpty() ? "/" : sitePath;
        for (Map.Entry<String, String> page : PAGE_FILES.entrySet()) {
            String site = page.getKey();
            if (site.length() > 1 && site.endsWith("/") ? isPage(path, site) : path.equals(site)) {
                return load(page.getValue(), false);
            }
        }
        if (path.startsWith("/assets/")) {
            return under(ASSETS, path.substring("/assets/".length()), false);
        }
        if (path.startsWith("/webjars/")) {
            return under(WEBJARS, path.substring("/webjars/".length()), true);
        }
        return Optional.empty();
    }

    private static Map<String, String> pageFiles() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "index.html");
        pages.put("/applications/", "application.html");
        pages.put("/teams/", "team.html");
        pages.put("/suppliers/", "supplier.html");
        pages.put("/compare", "compare.html");
        pages.put("/admin", "admin.html");
        pages.replaceAll((site, file) -> FOLDER + file);
        return Collections.unmodifiableMap(pages);
    }

    /** A page's URL ends in one name (read by the page's script); the name is never used to find a file. */
    private static boolean isPage(String path, String folder) {
        return path.startsWith(folder) && path.length() > folder.length()
                && path.indexOf('/', folder.length()) < 0;
    }

    private Optional<DashboardFile> under(String root, String path, boolean immutable) {
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        return load(root + path, immutable);
    }

    private Optional<DashboardFile> load(String name, boolean immutable) {
        DashboardFile cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DashboardFile> found = read(name, immutable);
        found.ifPresent(file -> cache.putIfAbsent(name, file));
        return found;
    }

    /** How many files are held in memory: only files that exist, whatever paths were asked for. */
    int cachedFiles() {
        return cache.size();
    }

    private Optional<DashboardFile> read(String name, boolean immutable) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(DashboardFile.of(in.readAllBytes(), type, immutable));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

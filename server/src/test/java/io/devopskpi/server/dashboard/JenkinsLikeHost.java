package io.devopskpi.server.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.devopskpi.core.api.ApiAnswer;
import io.devopskpi.core.api.ReadApi;
import io.devopskpi.core.dashboard.DashboardFile;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.devopskpi.core.kpi.KpiService;
import io.devopskpi.core.kpi.KpiSettings;
import io.devopskpi.core.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the Jenkins plugin serves, served the way it serves it, for browser tests of the default build (the real
 * plugin cannot run here), below the context path {@value #CONTEXT}:
 * <ul>
 * <li>{@code devops-kpi/...}: as KpiRootAction does, core's dashboard files with the API base and the echarts-api
 * script URL rewritten in, and core's read API under {@code api/v1/};</li>
 * <li>{@code plugin/echarts-api/js/echarts.min.js}: ECharts 6.0.0, what the echarts-api plugin serves there;</li>
 * <li>with a theme chosen ({@link #theme}): each page as DashboardPage/index.jelly renders it with theme-manager and
 * the dark-theme plugin installed, theme-manager's header in the page's head (the theme's JSON, the dark theme's
 * stylesheet, theme-manager's header script), and what those plugins serve: {@code theme-dark/theme.css} (the dark
 * theme's variables, values copied as JenkinsThemeContrastBrowserTest has them) and, standing in for
 * theme-manager's header script, a script of this test that does what it does to the page (sets
 * {@code <html data-theme>} to the theme JSON's id); without, the page as KpiRoutes writes it (Jenkins' light
 * theme);</li>
 * <li>{@code job/<name>/devops-kpi/}: a job page holding the markup between the trend markers of
 * JobKpiAction/index.jelly as Jenkins renders it: expressions replaced by escaped values, the echarts-api adjunct
 * by the script it loads (its jQuery and helpers are not used), empty elements written with an end tag.</li>
 * </ul>
 * Every answer carries the standalone server's Content-Security-Policy ({@code default-src 'self'}), which
 * forbids inline scripts as Jenkins does.
 */
final class JenkinsLikeHost implements AutoCloseable {
    static final String CONTEXT = "/jenkins";
    static final String ECHARTS_API_SCRIPT = CONTEXT + "/plugin/echarts-api/js/echarts.min.js";
    static final Path JOB_PAGE = Path.of(
            "../plugin/src/main/resources/io/jenkins/plugins/devopskpi/ui/JobKpiAction/index.jelly");
    private static final String ADJUNCT = "<st:adjunct includes=\"io.jenkins.plugins.echarts\"/>";
    static final String DARK_THEME_CSS = CONTEXT + "/theme-dark/theme.css";
    static final String THEME_SCRIPT = CONTEXT + "/adjuncts/0/io/jenkins/plugins/thememanager/header/main.js";
    /** What theme-manager's header script does to a page: its root element takes the theme JSON's id. */
    private static final String THEME_SCRIPT_BODY = """
            (() => {
              const theme = JSON.parse(document.getElementById('theme-manager-theme').textContent);
              if (theme.id) {
                document.documentElement.dataset.theme = theme.id;
              }
            })();
            """;

    private final HttpServer http;
    private final ExecutorService threads;
    private final ReadApi api;
    private final byte[] echarts = EChartsSix.minJs();
    private final DashboardFiles files = new DashboardFiles();
    private final Map<String, String[]> jobs = new ConcurrentHashMap<>();
    private volatile boolean echartsApiInstalled = true;
    private volatile String theme;

    private JenkinsLikeHost(Store store, Clock clock) throws IOException {
        this.api = new ReadApi(store, new KpiService(store, KpiSettings.defaults(), clock), clock);
        this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.threads = Executors.newFixedThreadPool(4);
        http.setExecutor(threads);
        http.createContext(CONTEXT + "/", this::handle);
        http.start();
    }

    /** Serves the store's KPIs as of the clock. */
    static JenkinsLikeHost start(Store store, Clock clock) {
        try {
            return new JenkinsLikeHost(store, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A job whose page shows the KPIs of this application and environment (JobKpiAction's target). */
    void job(String name, String application, String environment) {
        jobs.put(name, new String[] {application, environment});
    }

    /** Without the echarts-api plugin its script answers 404. */
    void echartsApiInstalled(boolean installed) {
        echartsApiInstalled = installed;
    }

    /**
     * The Jenkins user's theme as theme-manager names it ({@code none}: light, {@code dark}, {@code dark-system});
     * null: theme-manager is not installed.
     */
    void theme(String key) {
        theme = key;
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.getAddress().getPort() + CONTEXT + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String path = exchange.getRequestURI().getPath().substring(CONTEXT.length());
            if (!"GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain; charset=utf-8", new byte[0]);
            } else if (path.equals("/plugin/echarts-api/js/echarts.min.js") && echartsApiInstalled) {
                answer(exchange, 200, "application/javascript", echarts);
            } else if (path.equals("/theme-dark/theme.css") && theme != null) {
                answer(exchange, 200, "text/css; charset=utf-8", darkTheme().getBytes(StandardCharsets.UTF_8));
            } else if ((CONTEXT + path).equals(THEME_SCRIPT) && theme != null) {
                answer(exchange, 200, "application/javascript", THEME_SCRIPT_BODY.getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/devops-kpi/")) {
                rootAction(exchange, path.substring("/devops-kpi".length()));
            } else if (path.matches("/job/[^/]+/devops-kpi/")) {
                String[] target = jobs.get(path.split("/")[2]);
                if (target == null) {
                    answer(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
                } else {
                    answer(exchange, 200, "text/html; charset=utf-8",
                            jobPage(target[0], target[1]).getBytes(StandardCharsets.UTF_8));
                }
            } else {
                answer(exchange, 404, "text/plain; charset=utf-8", new byte[0]);
            }
        }
    }

    /** As KpiRootAction.doDynamic, without the permission checks. */
    private void rootAction(HttpExchange exchange, String rest) throws IOException {
        if (rest.startsWith("/api/v1/")) {
            ApiAnswer answer = api.answer(rest.substring("/api/v1/".length()), query(exchange));
            answer(exchange, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<DashboardFile> file = files.find(rest);
        if (file.isEmpty()) {
            answer(exchange, 404, "application/json", "{\"error\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        // as KpiRoutes serves them to a reader who is not an administrator: no admin page, no unmapped list
        DashboardFile served = file.get().withApiBase(CONTEXT + "/devops-kpi/api/v1")
                .withChartsUrl(ECHARTS_API_SCRIPT).withoutLinkTo("admin").withUnmappedList("").withTheme("none");
        exchange.getResponseHeaders().set("Cache-Control", served.cacheControl());
        String chosen = theme;
        if (chosen == null || !served.type().startsWith("text/html")) {
            answer(exchange, 200, served.type(), served.body());
            return;
        }
        String page = new String(served.body(), StandardCharsets.UTF_8);
        int headEnd = page.indexOf("</head>");
        answer(exchange, 200, served.type(), (page.substring(0, headEnd) + themeHeader(chosen)
                + page.substring(headEnd)).getBytes(StandardCharsets.UTF_8));
    }

    /** theme-manager's page decorator header with the dark-theme plugin installed, for a user whose theme is this. */
    private static String themeHeader(String key) {
        return "<script id=\"theme-manager-theme\" type=\"application/json\">{ \"id\": \"" + key
                + "\", \"respect_system_appearance\": " + key.endsWith("-system") + " }</script>\n"
                + "<link type=\"text/css\" rel=\"stylesheet\" href=\"" + DARK_THEME_CSS + "\"/>\n"
                + "<script src=\"" + THEME_SCRIPT + "\" type=\"text/javascript\"></script>\n";
    }

    /** The dark theme's stylesheet: its variables for {@code data-theme="dark"}, and "dark-system" when dark. */
    private static String darkTheme() {
        return "[data-theme=dark] {\n" + JenkinsThemeContrastBrowserTest.DARK + "}\n"
                + "@media (prefers-color-scheme: dark) {\n[data-theme=dark-system] {\n"
                + JenkinsThemeContrastBrowserTest.DARK + "}\n}\n";
    }

    /** {@code ${%key}} as Stapler renders it: the view's English properties, escaped for an attribute or text. */
    private static String texts(String markup) throws IOException {
        java.util.Properties english = new java.util.Properties();
        try (var reader = Files.newBufferedReader(JOB_PAGE.resolveSibling("index.properties"),
                java.nio.charset.StandardCharsets.ISO_8859_1)) {
            english.load(reader);
        }
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("\\$\\{%([A-Za-z]+)\\}").matcher(markup);
        StringBuilder rendered = new StringBuilder();
        while (key.find()) {
            String text = english.getProperty(key.group(1));
            if (text == null) {
                throw new IllegalStateException(JOB_PAGE + " names ${%" + key.group(1)
                        + "}, which index.properties lacks");
            }
            key.appendReplacement(rendered, java.util.regex.Matcher.quoteReplacement(attribute(text)));
        }
        key.appendTail(rendered);
        return rendered.toString();
    }

    /** The job page: the trend part of JobKpiAction/index.jelly as Jenkins would render it for this target. */
    static String jobPage(String application, String environment) throws IOException {
        String jelly = Files.readString(JOB_PAGE);
        int start = jelly.indexOf("<!-- trend -->");
        int end = jelly.indexOf("<!-- /trend -->");
        if (start < 0 || end < start) {
            throw new IllegalStateException(JOB_PAGE + " has no <!-- trend --> ... <!-- /trend --> markers");
        }
        String markup = jelly.substring(start, end);
        if (!markup.contains(ADJUNCT)) {
            throw new IllegalStateException(JOB_PAGE + " no longer loads ECharts with " + ADJUNCT);
        }
        markup = markup.replace(ADJUNCT, "<script src=\"" + ECHARTS_API_SCRIPT + "\"></script>")
                .replace("${rootURL}", CONTEXT)
                .replace("${it.application}", attribute(application))
                .replace("${it.environment}", attribute(environment));
        markup = texts(markup)
                .replaceAll("<(div|script|span|p)(\\s[^>]*?)?\\s*/>", "<$1$2></$1>");
        if (markup.contains("${") || markup.contains("<st:") || markup.contains("<j:")) {
            throw new IllegalStateException("the trend markup of " + JOB_PAGE
                    + " uses Jelly this stand-in does not render: " + markup);
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>DevOps KPIs</title>
                <link rel="icon" href="%1$s/devops-kpi/assets/favicon.svg" type="image/svg+xml"></head>
                <body><main id="main"><h1>DevOps KPIs: %2$s in %3$s</h1>
                %4$s
                </main></body>
                </html>
                """.formatted(CONTEXT, text(application), text(environment), markup);
    }

    /** As Jelly's output escapes an attribute value. */
    private static String attribute(String value) {
        return text(value).replace("\"", "&quot;");
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}

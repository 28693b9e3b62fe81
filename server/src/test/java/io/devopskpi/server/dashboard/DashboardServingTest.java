package io.devopskpi.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The static dashboard over HTTP: content types, caching, the CSP, no path escapes; and no inline code at all. */
class DashboardServingTest {
    static final Path RESOURCES = Path.of("../dashboard/src/main/resources/devops-kpi-dashboard");
    static DemoServer server;

    @BeforeAll
    static void start() {
        server = DemoServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/|text/html; charset=utf-8|no-cache",
            "/applications/shop|text/html; charset=utf-8|no-cache",
            "/applications/%3Cimg%20src%3Dx%3E|text/html; charset=utf-8|no-cache",
            "/teams/storefront|text/html; charset=utf-8|no-cache",
            "/assets/dashboard.css|text/css; charset=utf-8|no-cache",
            "/assets/index.js|text/javascript; charset=utf-8|no-cache",
            "/assets/favicon.svg|image/svg+xml; charset=utf-8|no-cache",
            "/webjars/echarts/5.5.0/echarts.min.js|text/javascript; charset=utf-8|public, max-age=31536000, immutable"})
    void servesPagesAssetsAndWebJarsWithTheirTypeCachingAndTheCsp(String path, String type, String caching) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        // Jetty writes "text/html;charset=utf-8" for HTML
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualTo(type.replace(" ", ""));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(caching);
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'self'; "
                + "base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String etag = response.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = server.send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("If-None-Match", etag).GET().build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/../../pom.xml", "/assets/%2e%2e/application.html", "/assets/missing.js",
            "/assets/.hidden.js", "/webjars/echarts/5.5.0/../../../META-INF/MANIFEST.MF", "/assets/lib.js.class",
            "/webjars/echarts/5.5.0/", "/assets/dashboard.css%00.js"})
    void refusesAnythingOutsideTheAssets(String path) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.statusCode()).as(path).isIn(400, 404);
        assertThat(response.body()).doesNotContain("<html").doesNotContain("Manifest-Version");
    }

    @Test
    void pagesTakeTheApiBaseFromAMetaAndRelativeAssets() {
        assertThat(server.get("/").body()).contains("<meta name=\"devops-kpi-api\" content=\"api/v1\">")
                .contains("src=\"assets/index.js\"");
        assertThat(server.get("/applications/shop").body())
                .contains("<meta name=\"devops-kpi-api\" content=\"../api/v1\">")
                .contains("src=\"../assets/application.js\"");
    }

    @Test
    void theFilesHoldNoInlineCodeNorHtmlInsertion() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSizeGreaterThan(5);
            for (Path file : all) {
                String text = Files.readString(file);
                if (file.toString().endsWith(".html")) {
                    assertThat(text).as(file.toString()).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                            .doesNotContain("<style").doesNotContainPattern("\\sstyle=")
                            .doesNotContainPattern("\\son[a-z]+=").doesNotContain("http://").doesNotContain("https://");
                }
                if (file.toString().endsWith(".js")) {
                    assertThat(text).as(file.toString()).doesNotContain("innerHTML").doesNotContain("outerHTML")
                            .doesNotContain("insertAdjacentHTML").doesNotContain("document.write")
                            .doesNotContain("eval(").doesNotContain("new Function")
                            .doesNotContain("http://").doesNotContain("https://");
                }
            }
        }
    }
}

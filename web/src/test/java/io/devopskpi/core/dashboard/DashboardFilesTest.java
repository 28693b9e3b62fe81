package io.devopskpi.core.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardFilesTest {
    private final DashboardFiles files = new DashboardFiles();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "/|text/html; charset=utf-8|no-cache",
            "''|text/html; charset=utf-8|no-cache",
            "/applications/shop|text/html; charset=utf-8|no-cache",
            "/teams/storefront|text/html; charset=utf-8|no-cache",
            "/suppliers/acme|text/html; charset=utf-8|no-cache",
            "/compare|text/html; charset=utf-8|no-cache",
            "/admin|text/html; charset=utf-8|no-cache",
            "/assets/dashboard.css|text/css; charset=utf-8|no-cache",
            "/assets/lib.js|text/javascript; charset=utf-8|no-cache",
            "/webjars/echarts/5.5.0/echarts.min.js|text/javascript; charset=utf-8|public, max-age=31536000, immutable"})
    void findsPagesAssetsAndWebJars(String path, String type, String caching) {
        DashboardFile file = files.find(path).orElseThrow();
        assertThat(file.type()).isEqualTo(type);
        assertThat(file.cacheControl()).isEqualTo(caching);
        assertThat(file.body()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/../../pom.xml", "/assets/../application.html", "/assets/missing.js",
            "/assets/.hidden.js", "/webjars/echarts/5.5.0/../../../META-INF/MANIFEST.MF", "/assets/lib.js.class",
            "/webjars/echarts/5.5.0/", "/applications/", "/applications/a/b", "/index.html", "/compare/x",
            "/db/migration/V1__events.sql", "/assets/dashboard.css\u0000.js"})
    void findsNothingOutsideTheDashboard(String path) {
        assertThat(files.find(path)).as(path).isEmpty();
    }

    /** Issue 13: 20,000 distinct missing asset paths kept 81 MB; a miss must not be remembered. */
    @Test
    void missingPathsAreNotRemembered() {
        files.find("/assets/lib.js").orElseThrow();
        files.find("/assets/dashboard.css").orElseThrow();
        int held = files.cachedFiles();

        for (int i = 0; i < 20_000; i++) {
            assertThat(files.find("/assets/missing-" + i + ".js")).isEmpty();
            assertThat(files.find("/webjars/nothing/" + i + "/x.js")).isEmpty();
        }

        assertThat(held).isEqualTo(2);
        assertThat(files.cachedFiles()).isEqualTo(held);
        assertThat(files.find("/assets/lib.js")).isPresent();
    }

    @Test
    void aPageCanReadAnotherApiBaseAndThenHasAnotherTag() {
        DashboardFile page = files.find("/applications/shop").orElseThrow();
        DashboardFile embedded = page.withApiBase("/jenkins/devops-kpi/api/v1");

        assertThat(new String(page.body(), StandardCharsets.UTF_8))
                .contains("<meta name=\"devops-kpi-api\" content=\"../api/v1\">");
        assertThat(new String(embedded.body(), StandardCharsets.UTF_8))
                .contains("<meta name=\"devops-kpi-api\" content=\"/jenkins/devops-kpi/api/v1\">")
                .contains("src=\"../assets/application.js\"");
        assertThat(embedded.etag()).isNotEqualTo(page.etag());
        assertThat(files.find("/assets/lib.js").orElseThrow().withApiBase("x").body())
                .isEqualTo(files.find("/assets/lib.js").orElseThrow().body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/applications/shop", "/teams/storefront", "/suppliers/acme", "/compare"})
    void everyPageWithChartsNamesTheWebJarsUmdBuildWhichIsServed(String path) {
        String page = new String(files.find(path).orElseThrow().body(), StandardCharsets.UTF_8);
        Matcher meta = Pattern.compile("<meta name=\"devops-kpi-charts\" content=\"([^\"]+)\">").matcher(page);

        assertThat(meta.find()).as("%s names its chart library", path).isTrue();
        String script = URI.create("http://host" + path).resolve(meta.group(1)).getPath();
        assertThat(script).isEqualTo("/webjars/echarts/5.5.0/echarts.min.js");
        assertThat(files.find(script)).isPresent();
    }

    @Test
    void everyListedPageIsServedAndAFolderShowsItsPageForOneName() {
        assertThat(DashboardFiles.PAGES).contains("/", "/applications/", "/compare", "/admin");
        for (String page : DashboardFiles.PAGES) {
            String path = page.length() > 1 && page.endsWith("/") ? page + "x" : page;
            assertThat(files.find(path)).as(path).isPresent();
        }
    }

    @Test
    void aPageCanDropItsLinkToAnotherPage() {
        DashboardFile page = files.find("/teams/storefront").orElseThrow();
        String without = new String(page.withoutLinkTo("admin").body(), StandardCharsets.UTF_8);

        // the navigation is drawn by frame.js; the page names what it must leave out
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).doesNotContain("data-hidden-nav")
                .contains("<body data-page=\"team\"");
        assertThat(without).contains("<body data-hidden-nav=\"admin\" data-page=\"team\"");
        assertThat(new String(page.withoutLinkTo("admin").withoutLinkTo("compare").body(), StandardCharsets.UTF_8))
                .contains("<body data-hidden-nav=\"admin compare\" data-page=\"team\"");
        assertThat(files.find("/assets/lib.js").orElseThrow().withoutLinkTo("admin").body())
                .isEqualTo(files.find("/assets/lib.js").orElseThrow().body());
    }

    /** issue 16: one frame (frame.js) serves every page; each page holds only what must be static. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/applications/shop", "/teams/storefront", "/suppliers/acme", "/compare", "/admin"})
    void everyPageLoadsTheSharedFrameAndHoldsNoCopyOfIt(String path) {
        String page = new String(files.find(path).orElseThrow().body(), StandardCharsets.UTF_8);

        assertThat(page).doesNotContain("<header").doesNotContain("<nav").doesNotContain("<footer")
                .doesNotContain("<script>").doesNotContain("style=").contains("<main id=\"main\"");
        String script = page.replaceAll("(?s).*<script type=\"module\" src=\"([^\"]*)\">.*", "$1");
        String module = new String(files.find("/assets/" + script.replaceAll(".*assets/", "")).orElseThrow().body(),
                StandardCharsets.UTF_8);
        assertThat(module).as(script).contains("import './frame.js';");
    }

    @Test
    void aPageCanLoadItsChartsFromElsewhereAndThenHasAnotherTag() {
        DashboardFile page = files.find("/teams/storefront").orElseThrow();
        DashboardFile embedded = page.withChartsUrl("/jenkins/plugin/echarts-api/js/echarts.min.js");

        assertThat(new String(embedded.body(), StandardCharsets.UTF_8))
                .contains("<meta name=\"devops-kpi-charts\" content=\"/jenkins/plugin/echarts-api/js/echarts.min.js\">")
                .contains("<meta name=\"devops-kpi-api\" content=\"../api/v1\">");
        assertThat(embedded.etag()).isNotEqualTo(page.etag());
        assertThat(files.find("/assets/charts.js").orElseThrow().withChartsUrl("x").body())
                .isEqualTo(files.find("/assets/charts.js").orElseThrow().body());
    }

    @Test
    void rewrittenAttributesAreEscapedAndEachRewriteTouchesOnlyItsOwnMeta() {
        String hostile = "/ctx\"><script>alert('&')</script>";
        String page = new String(files.find("/").orElseThrow().withApiBase(hostile + "/api").withChartsUrl(hostile)
                .body(), StandardCharsets.UTF_8);

        String escaped = "/ctx&quot;&gt;&lt;script&gt;alert('&amp;')&lt;/script&gt;";
        assertThat(page).contains("<meta name=\"devops-kpi-api\" content=\"" + escaped + "/api\">")
                .contains("<meta name=\"devops-kpi-charts\" content=\"" + escaped + "\">")
                .doesNotContain("<script>alert");
        // the overview also names where the unmapped alerts are listed, left as it is by the other rewrites
        assertThat(page).contains("<meta name=\"devops-kpi-unmapped\" content=\"hooks/unmapped\">");
        assertThat(Pattern.compile("<meta name=\"devops-kpi-").matcher(page).results().count()).isEqualTo(3);
    }

    @Test
    void theOverviewCanNameAnotherListOfUnmappedAlertsOrNone() {
        DashboardFile page = files.find("/").orElseThrow();
        String elsewhere = new String(page.withUnmappedList("/jenkins/devops-kpi/hooks/unmapped").body(),
                StandardCharsets.UTF_8);
        String none = new String(page.withUnmappedList("").body(), StandardCharsets.UTF_8);

        assertThat(elsewhere).contains("<meta name=\"devops-kpi-unmapped\" content=\"/jenkins/devops-kpi/hooks/unmapped\">")
                .contains("<meta name=\"devops-kpi-api\" content=\"api/v1\">");
        assertThat(none).contains("<meta name=\"devops-kpi-unmapped\" content=\"\">");
        assertThat(files.find("/teams/storefront").orElseThrow().withUnmappedList("x").body())
                .isEqualTo(files.find("/teams/storefront").orElseThrow().body());
    }

    /** issue 16: an embedding CI (Jenkins) names its user's theme on the page's root element; once, escaped. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/applications/shop", "/teams/storefront", "/suppliers/acme", "/compare", "/admin"})
    void aPageCanCarryTheThemeOfAnEmbeddingCi(String path) {
        DashboardFile page = files.find(path).orElseThrow();
        String themed = new String(page.withTheme("none").body(), StandardCharsets.UTF_8);
        String again = new String(page.withTheme("none").withTheme("dark").body(), StandardCharsets.UTF_8);

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).as("the server's own page follows the system")
                .doesNotContain("data-theme").contains("<html lang=\"en\">");
        assertThat(themed).contains("<html data-theme=\"none\" lang=\"en\">");
        assertThat(again).contains("<html data-theme=\"dark\" lang=\"en\">").doesNotContain("\"none\"");
        assertThat(Pattern.compile("data-theme=").matcher(again).results().count()).isEqualTo(1);
        assertThat(page.withTheme("dark").etag()).isNotEqualTo(page.etag());
        assertThat(new String(page.withTheme("x\"><script>alert(1)</script>").body(), StandardCharsets.UTF_8))
                .contains("<html data-theme=\"x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\" lang=\"en\">");
        assertThat(files.find("/assets/dashboard.css").orElseThrow().withTheme("dark").body())
                .isEqualTo(files.find("/assets/dashboard.css").orElseThrow().body());
    }

    /**
     * The dark palette is written twice in dashboard.css: for the system's dark setting (the server's pages, Jenkins'
     * "dark-system") and for Jenkins' "dark" theme whatever the system says. Both must be the same palette.
     */
    @Test
    void theDarkPaletteOfTheSystemSettingAndOfJenkinsDarkThemeAreTheSame() {
        String css = new String(files.find("/assets/dashboard.css").orElseThrow().body(), StandardCharsets.UTF_8);
        Matcher system = Pattern.compile("@media screen and \\(prefers-color-scheme: dark\\) \\{\n"
                + "  :root:not\\(\\[data-theme]\\), :root\\[data-theme=\"dark-system\"] \\{\n([^}]*)}").matcher(css);
        Matcher chosen = Pattern.compile("@media screen \\{\n  :root\\[data-theme=\"dark\"] \\{\n([^}]*)}")
                .matcher(css);

        assertThat(system.find()).as("the system's dark palette").isTrue();
        assertThat(chosen.find()).as("Jenkins' dark theme's palette").isTrue();
        assertThat(system.group(1)).contains("--bg:", "--ink:", "--chart-ink:").isEqualTo(chosen.group(1));
    }

    @Test
    void aClientHoldingTheTagHasTheFile() {
        DashboardFile file = files.find("/assets/lib.js").orElseThrow();
        assertThat(file.notModified(file.etag())).isTrue();
        assertThat(file.notModified("W/" + file.etag())).isTrue();
        assertThat(file.notModified("\"other\"")).isFalse();
        assertThat(file.notModified(null)).isFalse();
    }
}

package io.jenkins.plugins.devopskpi.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Job;
import hudson.model.Run;
import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.model.DeploymentKind;
import io.devopskpi.core.summary.KpiSummary;
import io.jenkins.plugins.devopskpi.config.KpiConfiguration;
import io.jenkins.plugins.devopskpi.steps.DeploymentStep;
import io.jenkins.plugins.devopskpi.steps.KpiGateStep;
import io.jenkins.plugins.devopskpi.steps.RecordDeploymentStep;
import io.jenkins.plugins.devopskpi.steps.RecordIncidentStep;
import io.jenkins.plugins.devopskpi.steps.ResolveIncidentStep;
import io.jenkins.plugins.devopskpi.steps.RunEvents;
import io.jenkins.plugins.devopskpi.history.HistoryImport;
import io.jenkins.plugins.devopskpi.history.HistoryRunner;
import io.jenkins.plugins.devopskpi.history.HistorySource;
import io.devopskpi.core.dashboard.DashboardFile;
import io.devopskpi.core.dashboard.DashboardFiles;
import io.jenkins.plugins.devopskpi.ui.DashboardPage;
import io.jenkins.plugins.devopskpi.ui.FirstRunPage;
import io.jenkins.plugins.devopskpi.ui.HistoryPage;
import io.jenkins.plugins.devopskpi.ui.JobKpiAction;
import io.jenkins.plugins.devopskpi.ui.KpiColumn;
import io.jenkins.plugins.devopskpi.ui.KpiPortlet;
import io.jenkins.plugins.devopskpi.ui.KpiWidget;
import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.jexl.ExpressionFactory;
import org.apache.commons.jexl.JexlContext;
import org.apache.commons.jexl.JexlHelper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Renders every Jelly view of the plugin the way Jenkins evaluates it, without a Jenkins: the control tags of
 * {@code jelly:core} by a small interpreter, every {@code ${...}} by commons-jexl 1.1. Verified against the
 * sources: Stapler's {@code CustomJellyContext} parses views with escape-by-default on, sends {@code ${%...}} to
 * the resource bundle and every other expression to {@code JellyClassLoaderTearOff.EXPRESSION_FACTORY}, which
 * Jenkins sets to {@code hudson.ExpressionFactory2}: {@code org.apache.commons.jexl.ExpressionFactory
 * .createExpression(text)} evaluated over the Jelly context's variables, an exception logged and rendered as null.
 * JEXL 1.1 reads {@code s.x} as {@code getX()}, {@code isX()} or {@code get("x")}, so a record's {@code x()} is
 * blank. Jenkins' fork adds the ternary operator; 1.1 from Maven Central has neither it nor array literals, so the
 * views keep to 1.1's grammar and every expression is checked here. Escape-by-default and well-formedness are
 * JellyViewsTest's (plugin module).
 */
class JellyExpressionsTest {
    private static final Path VIEWS = Path.of("..", "plugin", "src", "main", "resources");
    private static final String CORE = "jelly:core";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final String ROOT_URL = "/jenkins";

    private static final KpiSummary FIGURES = new KpiSummary("shop (production)", "4.5", "92 %", "3.0 h", "45 min",
            null);
    private static final KpiSummary ERROR = new KpiSummary("billing (production)", null, null, null, null,
            "KPIs are not available: store down");
    private static final DeploymentTarget SHOP = new DeploymentTarget("shop", "production", DeploymentKind.NORMAL,
            "team-a");
    private static final Job<?, ?> JOB = new DeployJob();

    /** A way to render a view: the object that is {@code it}, and what else its caller binds. */
    private record Scene(String name, Callable<Object> it, Map<String, Object> variables) {
        Scene(String name, Callable<Object> it) {
            this(name, it, Map.of());
        }
    }

    /** The scenes of each view's class; a view whose class is missing here fails the test. */
    private static final Map<Class<?>, List<Scene>> FIXTURES = withHistoryPage(Map.of(
            KpiWidget.class, List.of(
                    new Scene("figures", () -> construct(KpiWidget.class, List.of(FIGURES), List.class)),
                    new Scene("error", () -> construct(KpiWidget.class, List.of(ERROR), List.class))),
            JobKpiAction.class, List.of(
                    new Scene("figures", () -> jobAction(FIGURES)),
                    new Scene("error", () -> jobAction(ERROR))),
            KpiColumn.class, List.of(
                    new Scene("figures", () -> column(FIGURES), Map.of("job", JOB)),
                    new Scene("error", () -> column(ERROR), Map.of("job", JOB)),
                    new Scene("nothing deployed", () -> column(null), Map.of("job", JOB))),
            KpiPortlet.class, List.of(
                    new Scene("figures", () -> portlet(List.of(FIGURES))),
                    new Scene("error", () -> portlet(List.of(ERROR))),
                    new Scene("figures and error", () -> portlet(List.of(FIGURES, ERROR)))),
            // its constructor loads JENKINS_HOME; its form reads no expression, and one added would render blank
            KpiConfiguration.class, List.of(new Scene("form", () -> null)),
            RecordDeploymentStep.class, List.of(new Scene("form",
                    () -> new RecordDeploymentStep("shop", "production"))),
            DeploymentStep.class, List.of(new Scene("form", () -> new DeploymentStep("shop", "production"))),
            RecordIncidentStep.class, List.of(new Scene("form",
                    () -> new RecordIncidentStep("INC-7", "shop", "production"))),
            ResolveIncidentStep.class, List.of(new Scene("form", () -> new ResolveIncidentStep("INC-7"))),
            KpiGateStep.class, List.of(new Scene("form", KpiGateStep::new))));

    private static Map<Class<?>, List<Scene>> withHistoryPage(Map<Class<?>, List<Scene>> fixtures) {
        Map<Class<?>, List<Scene>> all = new HashMap<>(fixtures);
        all.put(HistoryPage.class, List.of(
                new Scene("idle", () -> history(null)),
                new Scene("running", () -> history(new CountDownLatch(1))),
                new Scene("done", () -> history(new CountDownLatch(0)))));
        all.put(RunEvents.Recorded.class, List.of(
                new Scene("recorded", JellyExpressionsTest::recorded),
                new Scene("nothing", RunEvents.Recorded::new)));
        all.put(DashboardPage.class, List.of(
                new Scene("with theme-manager", () -> dashboardPage("/"), Map.of("h", new Layout(List.of(
                        new Object(), new io.jenkins.plugins.thememanager.ThemeManagerPageDecorator())))),
                new Scene("without theme-manager", () -> dashboardPage("/teams/storefront"),
                        Map.of("h", new Layout(List.of(new Object()))))));
        all.put(FirstRunPage.class, List.of(
                new Scene("administrator", () -> firstRun(3, true)),
                new Scene("reader", () -> firstRun(0, false)),
                new Scene("central server", JellyExpressionsTest::firstRunWithACentralServer)));
        return Map.copyOf(all);
    }

    @Test
    void everyViewsClassHasAFixtureAndThePluginDescriptionReadsNothing() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path view : views()) {
            if (view.getParent().equals(VIEWS)) {
                assertThat(Files.readString(view, StandardCharsets.UTF_8)).as(view.toString()).doesNotContain("${");
                continue;
            }
            Class<?> owner = owner(view);
            if (!FIXTURES.containsKey(owner)) {
                missing.add(owner.getName() + " (" + view.getFileName() + ")");
            }
        }
        assertThat(views()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(missing).as("view classes without a fixture in JellyExpressionsTest.FIXTURES").isEmpty();
    }

    @Test
    void everyExpressionAViewRendersHasAValueInEveryScene() throws Exception {
        List<String> problems = new ArrayList<>();
        int evaluated = 0;
        for (Path view : views()) {
            if (view.getParent().equals(VIEWS)) {
                continue;
            }
            for (Scene scene : FIXTURES.getOrDefault(owner(view), List.of())) {
                Page page = render(view, scene);
                evaluated += page.evaluated;
                page.problems.forEach(p -> problems.add(VIEWS.relativize(view) + " [" + scene.name() + "]: " + p));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(evaluated).as("expressions evaluated over all views and scenes").isGreaterThan(40);
    }

    @Test
    void widgetShowsATeamsFiguresOrNa() throws Exception {
        String figures = render("ui/KpiWidget/index.jelly", KpiWidget.class, "figures").text();
        assertThat(figures).contains("shop (production)", "4.5/wk, 92 %").doesNotContain("n/a");
        String error = render("ui/KpiWidget/index.jelly", KpiWidget.class, "error").text();
        assertThat(error).contains("billing (production)", "n/a").doesNotContain("/wk");
    }

    @Test
    void jobPageShowsTheApplicationsFiguresOrItsError() throws Exception {
        String figures = render("ui/JobKpiAction/index.jelly", JobKpiAction.class, "figures").text();
        assertThat(figures).contains(": shop in production", "<td>4.5</td>", "<td>92 %</td>", "<td>3.0 h</td>",
                "<td>45 min</td>", "data-application=\"shop\"", "data-environment=\"production\"",
                "data-api=\"/jenkins/devops-kpi/api/v1\"").doesNotContain(ERROR.error());
        assertThat(figures).as("links to the application's dashboard page, the comparison and the remote API")
                .contains("<a href=\"/jenkins/devops-kpi/applications/shop\">shop on the DevOps KPI dashboard</a>",
                        "<a href=\"/jenkins/devops-kpi/compare\">", "<a href=\"api/\">");
        assertThat(figures).as("each supplier's scorecard")
                .contains("<a href=\"/jenkins/devops-kpi/suppliers/Acme%20Delivery\">"
                        + "Acme Delivery scorecard (DELIVERY)</a>",
                        "<a href=\"/jenkins/devops-kpi/suppliers/OpsCo\">OpsCo scorecard (OPERATIONS)</a>");
        String error = render("ui/JobKpiAction/index.jelly", JobKpiAction.class, "error").text();
        assertThat(error).contains("<td>billing (production)</td><td colspan=\"4\">" + ERROR.error() + "</td>")
                .doesNotContain("<td>4.5</td>");
    }

    @Test
    void firstRunPageGivesTheThreeWaysAndTheUnmappedAlerts() throws Exception {
        String admin = render("ui/FirstRunPage/index.jelly", FirstRunPage.class, "administrator").text();
        assertThat(admin).contains("<app-bar title=\"DevOps KPIs\">", "<h2>1. Job rules</h2>",
                "<h2>2. Pipeline steps</h2>",
                "<h2>3. Import history</h2>", "deployment(application: 'shop', environment: 'production') {",
                "<a href=\"/jenkins/manage/configure\">", "<a href=\"/jenkins/pipeline-syntax/\">",
                "<a href=\"history/\">", "<td>3</td>");
        assertThat(admin.split("<li>", -1)).as("three steps").hasSize(4);
        String reader = render("ui/FirstRunPage/index.jelly", FirstRunPage.class, "reader").text();
        assertThat(reader).as("the configuration and the import are for administrators")
                .doesNotContain("manage/configure", "history/").contains("<a href=\"/jenkins/pipeline-syntax/\">",
                        "<td>0</td>");
    }

    /** With a central server there is no store here to import into, and the webhooks are the server's. */
    @Test
    void firstRunPageWithACentralServerSendsTheImportAndTheAlertsToTheServer() throws Exception {
        String page = render("ui/FirstRunPage/index.jelly", FirstRunPage.class, "central server").text();
        assertThat(page).contains("<h2>3. Import history</h2>", "import jenkins", "/api/v1/hooks/alertmanager",
                "<a href=\"/jenkins/manage/configure\">").doesNotContain("history/", "Unmapped alerts received");
    }

    @Test
    void runPageShowsTheRecordedDeploymentsAndGateVerdicts() throws Exception {
        String page = render("steps/RunEvents/Recorded/index.jelly", RunEvents.Recorded.class, "recorded").text();
        assertThat(page).contains(
                "<a href=\"/jenkins/devops-kpi/applications/shop%20app?environment=staging\">shop app</a>",
                "<td>staging</td><td>NORMAL</td><td>SUCCESS</td><td>0</td>",
                "<td>pipeline-lib@3.2.0, base-image-jre@21.0.4</td>",
                "<code>jenkins:shop/deploy#7:shop app:staging</code>",
                "<tr><td>release</td><td>-</td><td>-</td><td>INSUFFICIENT_DATA</td>"
                        + "<td>the store is not usable</td></tr>")
                .doesNotContain("recorded no deployment", "judged no gate");
        String nothing = render("steps/RunEvents/Recorded/index.jelly", RunEvents.Recorded.class, "nothing").text();
        assertThat(nothing).contains("This run recorded no deployment.", "This run judged no gate.")
                .doesNotContain("<table");
    }

    /**
     * The server's theme contrast browser test (JenkinsThemeContrastBrowserTest) shows the root page's markup in
     * Chromium from a fixture; this keeps that fixture the view's current output: the first-run page as rendered
     * here, with Jenkins' layout tags written as the HTML they produce (l:layout's page body, l:main-panel's
     * {@code main-panel}, l:app-bar's {@code jenkins-app-bar} with the title as {@code h1}).
     */
    @Test
    void theThemeTestsFixtureIsTheRootPagesCurrentOutput() throws Exception {
        String page = render("ui/FirstRunPage/index.jelly", FirstRunPage.class, "administrator").text()
                .replaceAll("<layout title=\"[^\"]*\">", "<div id=\"page-body\">")
                .replace("</layout>", "</div>")
                .replace("<main-panel>", "<div id=\"main-panel\">").replace("</main-panel>", "</div>")
                .replaceAll("<app-bar title=\"([^\"]*)\"></app-bar>",
                        "<div class=\"jenkins-app-bar\"><h1>$1</h1></div>") + "\n";
        Path fixture = Path.of("..", "server", "src", "test", "resources", "io", "devopskpi", "server", "dashboard",
                "jenkins-root-page.html");
        String kept = Files.exists(fixture) ? Files.readString(fixture, StandardCharsets.UTF_8) : "";
        if (!kept.equals(page)) {
            Files.writeString(Path.of("target", "jenkins-root-page.html"), page, StandardCharsets.UTF_8);
        }
        assertThat(kept).as("copy jenkins-behaviour/target/jenkins-root-page.html to " + fixture).isEqualTo(page);
    }

    /**
     * Issue 16: a dashboard page is the server's file with, in its head, the header of theme-manager's page decorator
     * (which names the user's theme) and of no other decorator, as Jenkins' layout includes it; without
     * theme-manager, the page as KpiRoutes wrote it (Jenkins' light theme).
     */
    @Test
    void dashboardPageIncludesTheThemeManagersHeaderInItsHeadAndNothingElse() throws Exception {
        String file = new String(themed("/").body(), StandardCharsets.UTF_8);
        String page = render("ui/DashboardPage/index.jelly", DashboardPage.class, "with theme-manager").text();

        String include = "<include it=\"theme-manager\" optional=\"true\" page=\"header.jelly\"></include>";
        assertThat(page).startsWith("<contentType value=\"text/html;charset=UTF-8\"></contentType>")
                .contains(include).contains("<html data-theme=\"none\" lang=\"en\">");
        assertThat(page.split("<include ", -1)).as("one decorator's header, theme-manager's").hasSize(2);
        String head = file.substring(0, file.indexOf("</head>"));
        String rest = file.substring(file.indexOf("</head>")).strip();
        assertThat(page).as("the page's own markup, unescaped and whole").contains(head).endsWith(rest);
        assertThat(page.indexOf(include)).as("at the end of the head")
                .isGreaterThan(page.indexOf(head) + head.length() - 1).isLessThan(page.indexOf(rest));

        String without = render("ui/DashboardPage/index.jelly", DashboardPage.class, "without theme-manager").text();
        String team = new String(themed("/teams/storefront").body(), StandardCharsets.UTF_8);
        assertThat(without).doesNotContain("<include ").contains("<html data-theme=\"none\" lang=\"en\">")
                // Jelly drops the view's own whitespace between the tags; this interpreter keeps it
                .contains(team.substring(0, team.indexOf("</head>")))
                .endsWith(team.substring(team.indexOf("</head>")).strip());
    }

    @Test
    void historyPageOffersStartOrCancelWithTheProgress() throws Exception {
        String idle = render("ui/HistoryPage/index.jelly", HistoryPage.class, "idle").text();
        assertThat(idle).contains("<app-bar title=\"Import build history\">",
                "No import has run since Jenkins started.", "<form action=\"start\" method=\"post\"")
                .doesNotContain("action=\"cancel\"");
        String running = render("ui/HistoryPage/index.jelly", HistoryPage.class, "running").text();
        assertThat(running).contains("Importing: 0 of 1 jobs done, now reading shop/deploy.",
                "<td>0 / 1</td>", "<form action=\"cancel\" method=\"post\"").doesNotContain("action=\"start\"");
        String done = render("ui/HistoryPage/index.jelly", HistoryPage.class, "done").text();
        assertThat(done).contains("Done: every build of the 1 jobs the rules match was read.", "<td>1 / 1</td>",
                "action=\"start\"");
    }

    @Test
    void columnShowsTheRateNaOrNothing() throws Exception {
        assertThat(cell("figures")).isEqualTo("92 %");
        assertThat(cell("error")).isEqualTo("n/a");
        assertThat(cell("nothing deployed")).isEmpty();
    }

    @Test
    void portletShowsARowPerApplicationInsideTheDashboardsTableDecoration() throws Exception {
        String page = render("ui/KpiPortlet/portlet.jelly", KpiPortlet.class, "figures and error").text();
        assertThat(page).startsWith("<decorate-table").contains(
                "<tr><td>shop (production)</td><td>4.5</td><td>92 %</td><td>3.0 h</td><td>45 min</td></tr>",
                "<tr><td>billing (production)</td><td colspan=\"4\">" + ERROR.error() + "</td></tr>");
        assertThat(page.split("<tr>", -1)).as("header, figures and error rows").hasSize(4);
    }

    /** Jenkins' Content-Security-Policy blocks inline scripts, event handler attributes and inline styles. */
    @Test
    void viewsNeedNoInlineScriptHandlerOrStyle() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Path view : views()) {
            for (Element element : elements(parse(view))) {
                String where = VIEWS.relativize(view) + " <" + element.getTagName() + ">: ";
                String name = element.getLocalName();
                boolean html = element.getNamespaceURI() == null;
                if (html && "script".equals(name) && (!element.hasAttribute("src")
                        || !element.getTextContent().isBlank())) {
                    problems.add(where + "inline script");
                }
                if (html && "style".equals(name)) {
                    problems.add(where + "style element");
                }
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    String attribute = ((Attr) attributes.item(i)).getName().toLowerCase(Locale.ROOT);
                    if ("style".equals(attribute) || html && attribute.startsWith("on")) {
                        problems.add(where + attribute + " attribute");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String cell(String scene) throws Exception {
        String page = render("ui/KpiColumn/column.jelly", KpiColumn.class, scene).text().strip();
        assertThat(page).startsWith("<td>").endsWith("</td>");
        return page.substring("<td>".length(), page.length() - "</td>".length()).strip();
    }

    private static Page render(String view, Class<?> owner, String scene) throws Exception {
        Scene found = FIXTURES.get(owner).stream().filter(s -> s.name().equals(scene)).findFirst().orElseThrow();
        Page page = render(VIEWS.resolve("io/jenkins/plugins/devopskpi").resolve(view), found);
        assertThat(page.problems).isEmpty();
        return page;
    }

    private static Page render(Path view, Scene scene) throws Exception {
        Page page = new Page(bundle(view));
        Object it;
        try {
            it = scene.it().call();
        } catch (Exception | LinkageError e) {
            page.problems.add("cannot build its object: " + e);
            return page;
        }
        Map<String, Object> variables = new HashMap<>(scene.variables());
        variables.put("it", it);
        variables.put("rootURL", ROOT_URL);
        page.children(parse(view), variables);
        return page;
    }

    /**
     * The output of a view and what went wrong on the way: a rendered expression that is blank (null, or failed,
     * as Jenkins renders a failure), one that does not parse, a {@code jelly:core} tag this interpreter does not
     * know. Other tags (layout, form, stapler, dashboard) are written out with their evaluated attributes.
     */
    private static final class Page {
        private final java.util.Properties bundle;
        private final StringBuilder out = new StringBuilder();
        private final List<String> problems = new ArrayList<>();
        private int evaluated;

        Page(java.util.Properties bundle) {
            this.bundle = bundle;
        }

        String text() {
            return out.toString().strip();
        }

        void children(Element element, Map<String, Object> variables) {
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    element(e, variables);
                } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    out.append(rendered(child.getNodeValue(), variables));
                }
            }
        }

        void element(Element element, Map<String, Object> variables) {
            if (!CORE.equals(element.getNamespaceURI())) {
                out.append('<').append(element.getLocalName());
                NamedNodeMap attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Attr attribute = (Attr) attributes.item(i);
                    if (!attribute.getName().startsWith("xmlns")) {
                        out.append(' ').append(attribute.getName()).append("=\"")
                                .append(rendered(attribute.getValue(), variables)).append('"');
                    }
                }
                out.append('>');
                children(element, variables);
                out.append("</").append(element.getLocalName()).append('>');
                return;
            }
            switch (element.getLocalName()) {
                case "jelly" -> children(element, variables);
                case "set" -> variables.put(element.getAttribute("var"), value(element.getAttribute("value"),
                        variables));
                case "if" -> {
                    if (test(element, variables)) {
                        children(element, variables);
                    }
                }
                case "choose" -> {
                    for (Element branch : childElements(element)) {
                        if ("otherwise".equals(branch.getLocalName()) || test(branch, variables)) {
                            children(branch, variables);
                            break;
                        }
                    }
                }
                case "forEach" -> {
                    for (Object item : items(value(element.getAttribute("items"), variables))) {
                        variables.put(element.getAttribute("var"), item);
                        children(element, variables);
                    }
                }
                case "out" -> { // written as it is: no escaping
                    Object value = value(element.getAttribute("value"), variables);
                    if (value == null) {
                        problems.add("<j:out value=\"" + element.getAttribute("value") + "\"> renders blank");
                    } else {
                        out.append(value);
                    }
                }
                default -> problems.add("j:" + element.getLocalName() + " is not interpreted by this test");
            }
        }

        /** As Jelly's {@code evaluateAsBoolean}: a Boolean, or the text true. */
        private boolean test(Element element, Map<String, Object> variables) {
            Object value = value(element.getAttribute("test"), variables);
            return value instanceof Boolean b ? b : value instanceof String s && "true".equalsIgnoreCase(s);
        }

        private static Iterable<?> items(Object value) {
            if (value instanceof Collection<?> collection) {
                return collection;
            }
            return value instanceof Object[] array ? Arrays.asList(array) : List.of();
        }

        /** An attribute that is one expression gives its object, as Jelly passes it to a control tag. */
        private Object value(String text, Map<String, Object> variables) {
            Matcher whole = EXPRESSION.matcher(text);
            return whole.matches() ? evaluate(whole.group(1), variables) : text;
        }

        /** Text or an attribute written into the page: each expression must have a value. */
        private String rendered(String text, Map<String, Object> variables) {
            Matcher expression = EXPRESSION.matcher(text);
            StringBuilder result = new StringBuilder();
            int end = 0;
            while (expression.find()) {
                result.append(text, end, expression.start());
                Object value = evaluate(expression.group(1), variables);
                if (value == null) {
                    problems.add(expression.group() + " renders blank");
                } else {
                    result.append(value);
                }
                end = expression.end();
            }
            return result.append(text.substring(end)).toString();
        }

        @SuppressWarnings("unchecked")
        private Object evaluate(String expression, Map<String, Object> variables) {
            evaluated++;
            if (expression.startsWith("%")) { // the view's own bundle, as Stapler resolves ${%key}; else the key
                String key = expression.substring(1);
                return bundle.getProperty(key, key);
            }
            try {
                JexlContext context = JexlHelper.createContext();
                context.getVars().putAll(variables);
                return ExpressionFactory.createExpression(expression).evaluate(context);
            } catch (Exception e) {
                problems.add("${" + expression + "} fails in JEXL 1.1: " + e);
                return null;
            }
        }
    }

    /** A view's English texts: {@code x.properties} next to {@code x.jelly}; empty when it has none. */
    private static java.util.Properties bundle(Path view) throws Exception {
        java.util.Properties bundle = new java.util.Properties();
        Path file = view.resolveSibling(view.getFileName().toString().replaceFirst("\\.jelly$", ".properties"));
        if (Files.exists(file)) {
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bundle.load(in);
            }
        }
        return bundle;
    }

    private static List<Path> views() throws Exception {
        try (Stream<Path> walk = Files.walk(VIEWS)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jelly")).sorted().toList();
        }
    }

    /** The class a view belongs to, from its folder: io/jenkins/plugins/devopskpi/ui/KpiWidget/index.jelly. */
    private static Class<?> owner(Path view) throws ClassNotFoundException {
        String name = VIEWS.relativize(view.getParent()).toString().replace('/', '.').replace('\\', '.');
        try {
            return Class.forName(name, false, JellyExpressionsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) { // a nested class's views: Outer/Nested/, as Stapler's Klass finds them
            int dot = name.lastIndexOf('.');
            return Class.forName(name.substring(0, dot) + "$" + name.substring(dot + 1), false,
                    JellyExpressionsTest.class.getClassLoader());
        }
    }

    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setCoalescing(true);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static List<Element> childElements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    private static List<Element> elements(Element root) {
        List<Element> all = new ArrayList<>(List.of(root));
        for (Element child : childElements(root)) {
            all.addAll(elements(child));
        }
        return all;
    }

    /**
     * The history page over a real runner: never started (null), running (its import waits on the latch, let go
     * within 5 s), or done (the latch open: an import of one job without builds, awaited).
     */
    private static Object history(CountDownLatch latch) throws Exception {
        HistoryRunner runner = new HistoryRunner();
        if (latch != null) {
            HistorySource source = new HistorySource() {
                @Override
                public List<String> jobs() {
                    return List.of("shop/deploy");
                }

                @Override
                public java.util.Iterator<io.jenkins.plugins.devopskpi.history.BuildRecord> builds(String job) {
                    try {
                        latch.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return java.util.Collections.emptyIterator();
                }
            };
            runner.start(() -> new HistoryImport(source, List.of(new io.devopskpi.core.mapping.PipelineRule(
                    "shop/*", "shop", "production", DeploymentKind.NORMAL, null)), null, null,
                    java.time.Clock.systemUTC()));
            if (latch.getCount() == 0) {
                assertThat(runner.await(java.time.Duration.ofSeconds(30))).isTrue();
            } else {
                for (int i = 0; i < 500 && runner.progress().currentJob() == null; i++) {
                    Thread.sleep(10);
                }
            }
        }
        return construct(HistoryPage.class, runner, HistoryRunner.class);
    }

    /** A run that recorded a staging deployment with two components and judged a policy gate. */
    private static Object recorded() throws Exception {
        RunEvents.Recorded recorded = new RunEvents.Recorded();
        Class<?> deploymentType = Class.forName("io.jenkins.plugins.devopskpi.steps.RecordedDeployment");
        Constructor<?> deployment = deploymentType.getDeclaredConstructor(io.devopskpi.core.model.Deployment.class);
        deployment.setAccessible(true);
        Object shop = deployment.newInstance(io.devopskpi.core.model.Deployment
                .builder("jenkins:shop/deploy#7:shop app:staging").application("shop app").environment("staging")
                .started(java.time.Instant.parse("2026-01-05T10:00:00Z"))
                .finished(java.time.Instant.parse("2026-01-05T10:05:00Z"))
                .result(io.devopskpi.core.model.DeploymentResult.SUCCESS)
                .components(List.of(new io.devopskpi.core.model.Component("pipeline-lib", "3.2.0"),
                        new io.devopskpi.core.model.Component("base-image-jre", "21.0.4"))).build());
        java.lang.reflect.Method add = RunEvents.Recorded.class.getDeclaredMethod("add", deploymentType);
        add.setAccessible(true);
        add.invoke(recorded, shop);
        Class<?> gateType = Class.forName("io.jenkins.plugins.devopskpi.steps.RecordedGate");
        Constructor<?> gate = gateType.getDeclaredConstructor(String.class, String.class, String.class, String.class,
                boolean.class, String.class);
        gate.setAccessible(true);
        java.lang.reflect.Method addGate = RunEvents.Recorded.class.getDeclaredMethod("add", gateType);
        addGate.setAccessible(true);
        addGate.invoke(recorded, gate.newInstance("release", null, null, "INSUFFICIENT_DATA", false,
                "the store is not usable"));
        return recorded;
    }

    /** A dashboard page as KpiRoutes serves it in Jenkins (the rewrites that matter here: the default theme). */
    private static DashboardFile themed(String path) {
        return new DashboardFiles().find(path).orElseThrow().withTheme("none");
    }

    private static Object dashboardPage(String path) throws Exception {
        Constructor<DashboardPage> constructor = DashboardPage.class.getDeclaredConstructor(DashboardFile.class);
        constructor.setAccessible(true);
        return constructor.newInstance(themed(path));
    }

    /** Jenkins' {@code h} (hudson.Functions) as far as DashboardPage's view reads it: the page decorators. */
    public static final class Layout {
        private final List<Object> decorators;

        Layout(List<Object> decorators) {
            this.decorators = decorators;
        }

        public List<Object> getPageDecorators() {
            return decorators;
        }
    }

    private static Object firstRun(long unmapped, boolean administrator) throws Exception {
        Constructor<FirstRunPage> constructor = FirstRunPage.class.getDeclaredConstructor(long.class, boolean.class);
        constructor.setAccessible(true);
        return constructor.newInstance(unmapped, administrator);
    }

    private static Object firstRunWithACentralServer() throws Exception {
        Constructor<FirstRunPage> constructor = FirstRunPage.class.getDeclaredConstructor(long.class, boolean.class,
                boolean.class);
        constructor.setAccessible(true);
        return constructor.newInstance(0L, true, true);
    }

    /** The job page with the summary, and the application's two suppliers (delivery, operations). */
    private static Object jobAction(KpiSummary summary) throws Exception {
        Object figures = figures(target -> target == SHOP ? summary : null);
        Class<?> figuresType = figures.getClass().getInterfaces()[0];
        Constructor<?> link = Class.forName("io.jenkins.plugins.devopskpi.ui.SupplierLink")
                .getDeclaredConstructor(String.class, String.class, String.class);
        link.setAccessible(true);
        List<Object> links = List.of(
                link.newInstance("Acme Delivery", "DELIVERY", "devops-kpi/suppliers/Acme%20Delivery"),
                link.newInstance("OpsCo", "OPERATIONS", "devops-kpi/suppliers/OpsCo"));
        Constructor<JobKpiAction> constructor = JobKpiAction.class.getDeclaredConstructor(DeploymentTarget.class,
                figuresType, figuresType, figuresType);
        constructor.setAccessible(true);
        return constructor.newInstance(SHOP, figures, figures(target -> null),
                figures(target -> target == SHOP ? links : null));
    }

    /** Answers only for the job the list view binds, so the view must pass {@code job} on. */
    private static Object column(KpiSummary summary) throws Exception {
        return construct(KpiColumn.class, figures(job -> job == JOB ? summary : null));
    }

    private static Object portlet(List<KpiSummary> summaries) throws Exception {
        return construct(KpiPortlet.class, "DevOps KPIs", String.class, figures(portlet -> summaries));
    }

    /** The views' package-private source of summaries ({@code ui.Figures}), answering fixed ones. */
    private static Object figures(Function<Object, Object> answer) throws ClassNotFoundException {
        Class<?> type = Class.forName("io.jenkins.plugins.devopskpi.ui.Figures");
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> "of".equals(method.getName()) ? answer.apply(args[0])
                        : method.getName().equals("toString") ? "fixed figures" : null);
    }

    private static <T> T construct(Class<T> type, Object figures) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor(figures.getClass().getInterfaces()[0]);
        constructor.setAccessible(true);
        return constructor.newInstance(figures);
    }

    private static <T> T construct(Class<T> type, Object first, Class<?> firstType, Object figures)
            throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor(firstType, figures.getClass().getInterfaces()[0]);
        constructor.setAccessible(true);
        return constructor.newInstance(first, figures);
    }

    private static <T> T construct(Class<T> type, Object argument, Class<?> parameter) throws Exception {
        Constructor<T> constructor = type.getDeclaredConstructor(parameter);
        constructor.setAccessible(true);
        return constructor.newInstance(argument);
    }

    /** A list view's job: jenkins-api-stubs' Job, never asked anything here. */
    @SuppressWarnings("rawtypes")
    private static final class DeployJob extends Job {
        DeployJob() {
            super(null, "shop-deploy");
        }

        @Override
        protected java.util.SortedMap _getRuns() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isBuildable() {
            return true;
        }

        @Override
        protected void removeRun(Run run) {
            throw new UnsupportedOperationException();
        }
    }
}

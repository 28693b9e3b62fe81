package io.jenkins.plugins.devopskpi.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Pipeline Syntax help: Jenkins' {@code Descriptor.getHelpFile(field)} looks for {@code help-<field>.html} (and
 * {@code help.html} for the step itself) as a resource of the step class, {@code <package path>/<StepClass>/} (its
 * {@code getStaticHelpUrl}, through {@code Klass.getResource}). This finds every step of the plugin, resolves its
 * help the same way, and checks that each help file is a fragment Jenkins can embed: well-formed, no document
 * wrapper, nothing that runs (script, handlers, javascript: links), and an example naming the step.
 */
class StepHelpTest {
    private static final String FORM = "/lib/form";
    private static final Set<String> EXECUTABLE = Set.of("script", "style", "iframe", "object", "embed", "form",
            "link", "meta", "base", "html", "head", "body");

    /** Every Step subclass compiled from the steps package, by its Pipeline function name. */
    static Map<String, Class<? extends Step>> steps() throws Exception {
        Path folder = Path.of(KpiGateStep.class.getResource("KpiGateStep.class").toURI()).getParent();
        Map<String, Class<? extends Step>> steps = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(KpiGateStep.class.getPackageName() + "." + name, false,
                        StepHelpTest.class.getClassLoader());
                if (Step.class.isAssignableFrom(type) && !type.isInterface()) {
                    steps.put(symbol(type), type.asSubclass(Step.class));
                }
            }
        }
        return steps;
    }

    private static String symbol(Class<?> step) {
        for (Class<?> nested : step.getDeclaredClasses()) {
            if (StepDescriptor.class.isAssignableFrom(nested) && nested.isAnnotationPresent(Symbol.class)) {
                return nested.getAnnotation(Symbol.class).value()[0];
            }
        }
        throw new AssertionError(step.getName() + " has no @Symbol descriptor");
    }

    /** As Jenkins' Klass.java(c).getResource(name): a resource in the folder named after the class. */
    static URL resource(Class<?> type, String name) {
        return type.getClassLoader().getResource(type.getName().replace('.', '/').replace('$', '/') + "/" + name);
    }

    static Element parse(URL file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (InputStream in = file.openStream()) {
            return factory.newDocumentBuilder().parse(in).getDocumentElement();
        }
    }

    /** The fields of a step's config.jelly, in order. */
    static List<String> fields(Class<?> step) throws Exception {
        URL config = resource(step, "config.jelly");
        assertThat(config).as(step.getSimpleName() + "/config.jelly").isNotNull();
        NodeList entries = parse(config).getElementsByTagNameNS(FORM, "entry");
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            fields.add(((Element) entries.item(i)).getAttribute("field"));
        }
        return fields;
    }

    @Test
    void theFiveStepsAreFound() throws Exception {
        assertThat(steps()).containsOnlyKeys("recordDeployment", "deployment", "recordIncident", "resolveIncident",
                "kpiGate");
    }

    @Test
    void everyStepHasHelpWithAnExampleOfItsOwnCall() throws Exception {
        for (Map.Entry<String, Class<? extends Step>> step : steps().entrySet()) {
            URL help = resource(step.getValue(), "help.html");
            assertThat(help).as(step.getValue().getSimpleName() + "/help.html").isNotNull();
            NodeList examples = parse(help).getElementsByTagName("pre");
            assertThat(examples.getLength()).as("an example in " + help).isPositive();
            assertThat(examples.item(0).getTextContent()).as("the example of " + help).contains(step.getKey());
        }
    }

    @Test
    void everyFieldOfEveryStepFormHasHelp() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Class<? extends Step> step : steps().values()) {
            for (String field : fields(step)) {
                if (field.isEmpty() || resource(step, "help-" + field + ".html") == null) {
                    missing.add(step.getSimpleName() + "/help-" + field + ".html");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The snippet generator offers only what config.jelly shows: every optional argument must be there. */
    @Test
    void everyOptionalArgumentIsAFieldOfTheForm() throws Exception {
        List<String> absent = new ArrayList<>();
        for (Class<? extends Step> step : steps().values()) {
            Set<String> fields = new LinkedHashSet<>(fields(step));
            for (Method setter : step.getMethods()) {
                if (setter.isAnnotationPresent(DataBoundSetter.class)) {
                    String field = Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4);
                    if (!fields.contains(field)) {
                        absent.add(step.getSimpleName() + "." + field);
                    }
                }
            }
        }
        assertThat(absent).isEmpty();
        assertThat(fields(KpiGateStep.class)).contains("timeToResolveMean", "timeToResolveMedian", "policy");
        assertThat(fields(DeploymentStep.class)).contains("kind");
    }

    @Test
    void everyHelpFileIsAnInertFragment() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<? extends Step> step : steps().values()) {
            Path folder = Path.of(resource(step, "config.jelly").toURI()).getParent();
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("help(-\\w+)?\\.html"))
                        .toList()) {
                    checked++;
                    Element root = parse(file.toUri().toURL()); // throws on a malformed file
                    if (!Set.of("div", "p").contains(root.getTagName())) {
                        problems.add(file.getFileName() + ": root <" + root.getTagName() + ">, not a fragment");
                    }
                    inert(root, step.getSimpleName() + "/" + file.getFileName(), problems);
                    if (root.getTextContent().isBlank()) {
                        problems.add(file.getFileName() + " says nothing");
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(45);
        assertThat(problems).isEmpty();
    }

    private static void inert(Node node, String file, List<String> problems) {
        if (node instanceof Element element) {
            if (EXECUTABLE.contains(element.getTagName().toLowerCase(java.util.Locale.ROOT))) {
                problems.add(file + ": <" + element.getTagName() + ">");
            }
            for (int i = 0; i < element.getAttributes().getLength(); i++) {
                Node attribute = element.getAttributes().item(i);
                String name = attribute.getNodeName().toLowerCase(java.util.Locale.ROOT);
                String value = attribute.getNodeValue().trim().toLowerCase(java.util.Locale.ROOT);
                if (name.startsWith("on") || name.equals("style") || value.startsWith("javascript:")
                        || value.startsWith("data:")) {
                    problems.add(file + ": " + name + "=\"" + attribute.getNodeValue() + "\"");
                }
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            inert(child, file, problems);
        }
    }
}

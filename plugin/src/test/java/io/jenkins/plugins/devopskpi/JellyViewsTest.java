package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What can be checked of the views without Jenkins rendering them (that happens only in the -Pjenkins ITests):
 * every Jelly file and help file is well-formed and escapes by default; every {@code it.x} a view reads exists on
 * its class; every form field has a getter to fill it from, a help file, and, when checked, a {@code @POST}
 * check method.
 */
class JellyViewsTest {
    private static final String PACKAGE = "io/jenkins/plugins/devopskpi";
    private static final Pattern IT_REFERENCE = Pattern.compile("\\bit\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(\\()?");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

    private static Path classesRoot() throws URISyntaxException {
        Path bundle = Path.of(JellyViewsTest.class.getResource("/" + PACKAGE + "/Messages.properties").toURI());
        return bundle.getParent().getParent().getParent().getParent().getParent();
    }

    private static List<Path> files(String suffix) throws Exception {
        try (Stream<Path> walk = Files.walk(classesRoot())) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    /** The class a view belongs to: its folder, io/jenkins/plugins/devopskpi/ui/KpiWidget/index.jelly. */
    private static Class<?> owner(Path view) throws Exception {
        String name = classesRoot().relativize(view.getParent()).toString().replace('/', '.').replace('\\', '.');
        try {
            return Class.forName(name, false, JellyViewsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) { // a nested class's views: Outer/Nested/, as Stapler's Klass finds them
            int dot = name.lastIndexOf('.');
            return Class.forName(name.substring(0, dot) + "$" + name.substring(dot + 1), false,
                    JellyViewsTest.class.getClassLoader());
        }
    }

    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static boolean hasProperty(Class<?> type, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return publicMethod(type, "get" + capitalized, 0) || publicMethod(type, "is" + capitalized, 0)
                || Arrays.stream(type.getFields()).anyMatch(f -> f.getName().equals(name));
    }

    private static boolean publicMethod(Class<?> type, String name, int parameters) {
        return Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(name)
                && (parameters < 0 || m.getParameterCount() == parameters));
    }

    @Test
    void everyViewIsWellFormedAndEscapesByDefault() throws Exception {
        List<Path> views = files(".jelly");
        assertThat(views).hasSizeGreaterThanOrEqualTo(12);
        for (Path view : views) {
            String text = Files.readString(view, StandardCharsets.UTF_8);
            assertThat(text).as(view.toString()).startsWith("<?jelly escape-by-default='true'?>");
            parse(view); // throws on a malformed file
        }
    }

    @Test
    void everyHelpFileIsWellFormedAndNamesAPropertyOfItsClass() throws Exception {
        List<Path> helps = files(".html").stream()
                .filter(p -> p.getFileName().toString().startsWith("help-")).toList();
        assertThat(helps).hasSizeGreaterThanOrEqualTo(40);
        for (Path help : helps) {
            parse(help);
            String field = help.getFileName().toString().replaceFirst("^help-", "").replaceFirst("\\.html$", "");
            Class<?> owner = owner(help);
            assertThat(hasProperty(owner, field)).as(owner.getSimpleName() + " has a property for " + help)
                    .isTrue();
        }
    }

    @Test
    void everyItReferenceOfAViewExistsOnItsClass() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Path view : files(".jelly")) {
            if (view.getParent().equals(classesRoot())) {
                continue; // the plugin's description, no class
            }
            Class<?> owner = owner(view);
            Matcher expression = EXPRESSION.matcher(Files.readString(view, StandardCharsets.UTF_8));
            while (expression.find()) {
                Matcher reference = IT_REFERENCE.matcher(expression.group(1));
                while (reference.find()) {
                    String name = reference.group(1);
                    boolean found = reference.group(2) != null ? publicMethod(owner, name, -1)
                            : hasProperty(owner, name);
                    if (!found) {
                        missing.add(view.getFileName() + " of " + owner.getSimpleName() + ": it." + name);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFormFieldHasAGetterAHelpFileAndAPostCheck() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> checked = new TreeSet<>();
        for (Path config : files("config.jelly")) {
            Class<?> owner = owner(config);
            NodeList entries = parse(config).getElementsByTagNameNS("/lib/form", "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                String field = entry.getAttribute("field");
                if (field.isEmpty() || insideRepeatable(entry)) {
                    continue; // a repeatable's fields belong to its items (JobRule), checked by JCasC's ITest
                }
                checked.add(owner.getSimpleName() + "." + field);
                if (!hasProperty(owner, field)) {
                    problems.add(owner.getSimpleName() + " has no getter for field " + field);
                }
                if (!Files.exists(config.resolveSibling("help-" + field + ".html"))) {
                    problems.add(owner.getSimpleName() + " has no help-" + field + ".html");
                }
                NodeList controls = entry.getElementsByTagName("*");
                for (int c = 0; c < controls.getLength(); c++) {
                    Element control = (Element) controls.item(c);
                    if (nearestEntry(control) == entry && "post".equals(control.getAttribute("checkMethod"))
                            && !postCheck(owner, field)) {
                        problems.add(owner.getSimpleName() + " has no @POST doCheck method for " + field);
                    }
                }
            }
        }
        assertThat(checked).contains("KpiGateStep.changeSuccessRate", "KpiGateStep.onBreach",
                "KpiConfiguration.credentialsId", "RecordDeploymentStep.components");
        assertThat(problems).isEmpty();
    }

    private static Element nearestEntry(Element control) {
        org.w3c.dom.Node node = control.getParentNode();
        while (node instanceof Element parent && !"entry".equals(parent.getLocalName())) {
            node = parent.getParentNode();
        }
        return node instanceof Element entry ? entry : null;
    }

    private static boolean insideRepeatable(Element entry) {
        for (org.w3c.dom.Node node = entry.getParentNode(); node instanceof Element parent;
                node = parent.getParentNode()) {
            if ("repeatable".equals(parent.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /** The check method Stapler calls for a field: on the class itself (GlobalConfiguration) or its descriptor. */
    private static boolean postCheck(Class<?> owner, String field) {
        String name = "doCheck" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        List<Class<?>> candidates = new ArrayList<>(List.of(owner));
        candidates.addAll(Arrays.asList(owner.getDeclaredClasses()));
        for (Class<?> candidate : candidates) {
            for (Method method : candidate.getMethods()) {
                if (method.getName().equals(name) && Modifier.isPublic(method.getModifiers())) {
                    return method.isAnnotationPresent(POST.class);
                }
            }
        }
        return false;
    }

    @Test
    void everyWebMethodThatChecksOrChangesIsPost() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> notPost = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classesRoot().resolve(PACKAGE))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classesRoot().relativize(file).toString().replace('/', '.').replace('\\', '.')
                        .replaceFirst("\\.class$", "");
                for (Method method : Class.forName(name, false, getClass().getClassLoader()).getDeclaredMethods()) {
                    // doFill…Items too: a drop-down's choices (credentials ids) are for administrators only
                    boolean web = method.getName().startsWith("doCheck") || method.getName().startsWith("doSubmit")
                            || method.getName().startsWith("doFill")
                            || method.getName().startsWith("doImport") || method.getName().startsWith("doConfig");
                    if (web && Modifier.isPublic(method.getModifiers()) && !method.isAnnotationPresent(POST.class)) {
                        notPost.add(name + "." + method.getName());
                    }
                }
            }
        }
        assertThat(notPost).isEmpty();
    }
}

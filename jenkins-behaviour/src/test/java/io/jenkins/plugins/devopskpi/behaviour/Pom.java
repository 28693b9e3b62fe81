package io.jenkins.plugins.devopskpi.behaviour;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A pom.xml read with the JDK's XML parser: only what the build checks need, no Maven model. */
final class Pom {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Element project;

    private Pom(Element project) {
        this.project = project;
    }

    static Pom read(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return new Pom(document.getDocumentElement());
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A dependency as written (groupId:artifactId:type:classifier is what Maven's management matches on). */
    record Dependency(String groupId, String artifactId, String version, String type, String classifier,
            String scope) {
        String managementKey() {
            return groupId + ":" + artifactId + ":" + type + ":" + classifier;
        }
    }

    Element project() {
        return project;
    }

    String text(String... path) {
        return child(project, path).map(e -> e.getTextContent().trim()).orElse(null);
    }

    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        child(project, "properties").ifPresent(p -> children(p).forEach(e ->
                properties.put(e.getTagName(), e.getTextContent().trim())));
        return properties;
    }

    /** A property with every {@code ${name}} in it replaced by this POM's properties, as often as needed. */
    String resolvedProperty(String name) {
        Map<String, String> properties = properties();
        String value = properties.get(name);
        for (int depth = 0; value != null && depth < 10; depth++) {
            Matcher m = PROPERTY.matcher(value);
            if (!m.find()) {
                return value;
            }
            value = m.replaceAll(r -> Matcher.quoteReplacement(properties.getOrDefault(r.group(1), r.group())));
        }
        throw new IllegalStateException("property " + name + " does not resolve: " + value);
    }

    /** The project's own dependencies and those of its profiles (not those inside a build plugin). */
    List<Dependency> dependencies() {
        List<Dependency> all = new ArrayList<>(dependencies(child(project, "dependencies")));
        child(project, "profiles").ifPresent(ps -> children(ps).forEach(p ->
                all.addAll(dependencies(child(p, "dependencies")))));
        return all;
    }

    List<Dependency> managedDependencies() {
        return dependencies(child(project, "dependencyManagement", "dependencies"));
    }

    List<String> modules(Element owner) {
        return child(owner, "modules").map(m -> children(m).stream().map(e -> e.getTextContent().trim()).toList())
                .orElse(List.of());
    }

    List<Element> profiles() {
        return child(project, "profiles").map(Pom::children).orElse(List.of());
    }

    private static List<Dependency> dependencies(Optional<Element> list) {
        return list.map(l -> children(l).stream().map(d -> new Dependency(text(d, "groupId"), text(d, "artifactId"),
                text(d, "version"), Optional.ofNullable(text(d, "type")).orElse("jar"),
                Optional.ofNullable(text(d, "classifier")).orElse(""), text(d, "scope"))).toList()).orElse(List.of());
    }

    static String text(Element element, String... path) {
        return child(element, path).map(e -> e.getTextContent().trim()).orElse(null);
    }

    static Optional<Element> child(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            current = children(current).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }
}

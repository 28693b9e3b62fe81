package io.jenkins.plugins.devopskpi.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * What the real plugin build (plugin/pom.xml, unreachable here) needs from our files: versions it can resolve, the
 * Jenkins version the docs promise, a release without SNAPSHOT dependencies, and ci.jenkins.io building it.
 */
class PluginBuildTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pom PLUGIN = Pom.read(ROOT.resolve("plugin/pom.xml"));
    private static final Pom AGGREGATOR = Pom.read(ROOT.resolve("pom.xml"));
    /** Kept beside the clone (../shared), as on CI: the parent chain's dependencyManagement, resolved offline. */
    private static final Path MANAGED = ROOT.resolveSibling("shared/tools/jenkins-fidelity/managed-versions.tsv");

    @Test
    void everyVersionlessDependencyIsManagedByTheParentChain() throws IOException {
        Set<String> managed = managedKeys();
        PLUGIN.managedDependencies().stream().filter(d -> !"import".equals(d.scope()))
                .forEach(d -> managed.add(d.managementKey()));

        List<String> versionless = PLUGIN.dependencies().stream().filter(d -> d.version() == null)
                .map(Pom.Dependency::managementKey).toList();

        assertThat(versionless).as("version-less dependencies of plugin/pom.xml").isNotEmpty();
        assertThat(versionless).as("managed by plugin-pom, the BOM and plugin/pom.xml (%s)", MANAGED)
                .allMatch(managed::contains);
    }

    @Test
    void jenkinsVersionIsTheMinimumTheDocsState() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/jenkins.md"));
        Matcher stated = Pattern.compile("needs Jenkins (\\d+(?:\\.\\d+)+) or newer").matcher(docs);

        assertThat(stated.find()).as("docs/jenkins.md says which Jenkins the plugin needs").isTrue();
        // Jenkins refuses a plugin built against a newer core than its own
        assertThat(stated.group(1)).isEqualTo(PLUGIN.resolvedProperty("jenkins.version"));
    }

    @Test
    void aReleaseDependsOnReleasedCoreAndDashboard() {
        // the release plugin moves every reactor module's version at once; a literal SNAPSHOT would stay behind
        assertThat(PLUGIN.text("version")).isEqualTo(AGGREGATOR.text("version"));
        List<Pom.Dependency> own = PLUGIN.dependencies().stream()
                .filter(d -> d.groupId().equals(AGGREGATOR.text("groupId"))).toList();
        assertThat(own).extracting(Pom.Dependency::artifactId)
                .contains("devops-kpi-core", "devops-kpi-dashboard");
        assertThat(own).extracting(Pom.Dependency::version).containsOnly("${project.version}");
    }

    @Test
    void aJenkinsBuildAddsThePluginToTheReactor() {
        // buildPlugin (ci.jenkins.io) runs `mvn clean install` at the root with no profile of ours
        assertThat(AGGREGATOR.modules(AGGREGATOR.project())).doesNotContain("plugin");
        Element profile = profileWithModule("plugin");
        assertThat(Pom.text(profile, "activation", "property", "name")).isEqualTo("env.JENKINS_URL");
        assertThat(Pom.text(profile, "activation", "property", "value")).as("any value activates").isNull();
    }

    @Test
    void theDefaultReactorNeedsNoJenkinsRepository() throws IOException {
        // only a Jenkins build's environment may add plugin/: never by default, by a file or by the JDK
        Element profile = profileWithModule("plugin");
        assertThat(Pom.child(profile, "activation").map(Pom::children).orElse(List.of()))
                .extracting(Element::getTagName).isSubsetOf("property");
        assertThat(Pom.text(profile, "activation", "property", "name")).isIn(null, "env.JENKINS_URL");

        List<String> modules = AGGREGATOR.modules(AGGREGATOR.project());
        assertThat(modules).contains("plugin-offline", "jenkins-behaviour");
        for (String module : modules) {
            Pom pom = Pom.read(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(pom.text("parent", "groupId")).as(module).isEqualTo(AGGREGATOR.text("groupId"));
            assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml"))).as(module)
                    .doesNotContain("repo.jenkins-ci.org/public");
        }
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).doesNotContain("repo.jenkins-ci.org/public");
    }

    private static Element profileWithModule(String module) {
        return AGGREGATOR.profiles().stream().filter(p -> AGGREGATOR.modules(p).contains(module)).findFirst()
                .orElseThrow(() -> new AssertionError("no profile of pom.xml adds " + module));
    }

    /** groupId:artifactId:type:classifier of every row, as Maven matches a version-less dependency. */
    private static Set<String> managedKeys() throws IOException {
        assertThat(MANAGED).as("the managed versions of the plugin parent chain").isRegularFile();
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(MANAGED)) {
            String[] columns = line.split("\t");
            if (line.startsWith("#") || columns.length != 5) {
                continue;
            }
            String type = "jar";
            String classifier = "";
            for (String attribute : columns[3].split(",")) {
                String[] kv = attribute.split("=", 2);
                if (kv[0].equals("type")) {
                    type = kv[1];
                } else if (kv[0].equals("classifier")) {
                    classifier = kv[1];
                }
            }
            keys.add(columns[0] + ":" + columns[1] + ":" + type + ":" + classifier);
        }
        return keys;
    }
}

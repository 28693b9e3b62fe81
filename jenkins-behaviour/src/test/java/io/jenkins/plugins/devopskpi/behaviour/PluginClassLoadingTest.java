package io.jenkins.plugins.devopskpi.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store opens, migrates and answers inside the class loaders Jenkins gives a plugin, on threads whose context
 * class loader is core's (the outbox drain thread, step execution threads, the CPS VM thread).
 *
 * <p>Layout, as read in jenkinsci/jenkins ({@code ClassicPluginStrategy.createPluginWrapper/createClassLoader},
 * {@code PluginFirstClassLoader2}): each plugin gets one loader over its {@code WEB-INF/lib} jars whose parent
 * reaches core's loader (through the loader of its dependency plugins); it delegates parent first unless the
 * manifest sets {@code PluginFirstClassLoader: true}, which this plugin does not. Here: "Jenkins core" (and the
 * gson-api plugin's Gson) in one {@link java.net.URLClassLoader} over the platform loader, the hpi's jars in a
 * child of it (jar lists from Maven, see pom.xml). {@code DriverManager} keeps its driver scan for the life of the
 * JVM, and the test class path has H2 and PostgreSQL, so each check runs in a JVM of its own.
 */
class PluginClassLoadingTest {
    @TempDir
    Path work;

    @Test
    void theEmbeddedStoreWorksInsideThePluginClassLoader() throws Exception {
        List<String> answers = runInPlugin("embedded");

        assertJenkinsLayout(answers);
        assertRecordedSummarisedAndGated(answers);
    }

    @Test
    void aPostgreSqlStoreWorksInsideThePluginClassLoader() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE kpi");
            }
            List<String> answers = runInPlugin("jdbc:postgresql://localhost:" + postgres.getPort() + "/kpi",
                    "postgres", "postgres");

            assertJenkinsLayout(answers);
            assertRecordedSummarisedAndGated(answers);
        }
    }

    /** The check reproduces Jenkins' situation: else it would pass for the wrong reason. */
    private static void assertJenkinsLayout(List<String> answers) {
        assertThat(answers).contains(
                "storeLoader=" + PluginLauncher.PLUGIN,
                "contextLoader=" + PluginLauncher.JENKINS_CORE,
                "drainContextLoader=" + PluginLauncher.JENKINS_CORE,
                "contextLoaderSeesH2=false",
                "contextLoaderSeesJUnit=false");
    }

    private static void assertRecordedSummarisedAndGated(List<String> answers) {
        // 1 successful deployment in the 30 days before 2026-01-10: 1 / 30 * 7 = 0.23 a week, 100 % success
        assertThat(answers).contains(
                "drainedInBackground=true",
                "stored=true",
                "summaryError=null",
                "deploymentsPerWeek=0.2",
                "gate=PASSED");
    }

    private List<String> runInPlugin(String... storeArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", property("devopskpi.testClasses"),
                PluginLauncher.class.getName(),
                property("devopskpi.jenkinsCoreClasspath"),
                property("devopskpi.pluginClasspath"),
                property("devopskpi.testClasses"),
                StoreScenario.class.getName(),
                work.toString()));
        command.addAll(List.of(storeArgs));
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        Process jvm = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = jvm.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            jvm.destroyForcibly();
        }
        String stderr = Files.readString(err);
        assertThat(ended).as("the plugin JVM ended; its stderr:%n%s", stderr).isTrue();
        assertThat(jvm.exitValue()).as("the plugin JVM's exit code; its stderr:%n%s", stderr).isZero();
        return Files.readAllLines(out);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s (set by the module's surefire configuration)", name).isNotNull();
        return value;
    }
}

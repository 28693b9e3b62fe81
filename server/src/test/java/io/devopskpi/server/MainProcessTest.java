package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server as a process: exit codes and what it prints. */
class MainProcessTest {
    @TempDir
    Path folder;

    @Test
    void exitsNonZeroWithOneLineOnBadArguments() throws Exception {
        Process process = java("--port", "abc").start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stderr.strip()).isEqualTo("devops-kpi-server: --port must be a number from 0 to 65535, got 'abc' "
                + "(see --help)");
    }

    @Test
    void printsItsVersionFromTheBuildAndHelpPerCommand() throws Exception {
        String version = output(java("--version").start());
        assertThat(version).startsWith("devops-kpi-server " + BuildVersion.version()).contains("Java ");
        assertThat(BuildVersion.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");

        assertThat(output(java("--help").start())).contains("Commands:").contains("serve").contains("gate")
                .contains("import").contains("backup").contains("restore").contains("--port=N");
        assertThat(output(java("serve", "--help").start())).contains("--metrics-window").contains("DEVOPS_KPI_");
        assertThat(output(java("gate", "--help").start())).contains("--threshold").contains("exit codes");
        assertThat(output(java("import", "incidents", "--help").start())).contains("--format servicenow|jira|custom");
        assertThat(output(java("import", "jenkins", "--help").start())).contains("--api-token-file");
        assertThat(output(java("backup", "--help").start())).contains("--to FILE");
        assertThat(output(java("restore", "--help").start())).contains("--from FILE --data DIR");
    }

    @Test
    void aCommandsBadArgumentExitsTwo() throws Exception {
        Process process = java("restore", "--from").start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("devops-kpi restore: --from needs a value");
    }

    /** What the process printed on stdout, once it exited 0. */
    private static String output(Process process) throws Exception {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void printsItsUrlAndTokenOnceThenExitsCleanlyOnSigterm() throws Exception {
        List<String> firstRun = runUntilListeningThenTerminate();
        List<String> secondRun = runUntilListeningThenTerminate();

        assertThat(firstRun).anyMatch(line -> line.startsWith("Generated write token"));
        assertThat(secondRun).noneMatch(line -> line.startsWith("Generated write token"))
                .anyMatch(line -> line.contains("DEVOPS_KPI_API_TOKEN"));
    }

    /** Starts the server on the test's data folder, waits for its URL, sends SIGTERM, expects exit 0. */
    private List<String> runUntilListeningThenTerminate() throws Exception {
        ProcessBuilder builder = java("--port", "0", "--data", folder.toString());
        builder.environment().remove(Main.TOKEN_VARIABLE);
        Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("devops-kpi server listening on http://127.0.0.1:")) {
                    break;
                }
            }
            assertThat(lines).last().asString().startsWith("devops-kpi server listening on");
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(process.exitValue()).isZero();
        return lines;
    }

    private static ProcessBuilder java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}

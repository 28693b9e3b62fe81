package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command-line gate against a real server: exit codes a shell pipeline can act on. */
class GateCommandTest {
    private static TestServer server;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** See {@link GateFixture}: success rate 0.8 over 10 deployments, time to restore median 1 day over 2. */
    @BeforeAll
    static void seed() {
        server = GateFixture.seededServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private int gate(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", server.server.baseUrl(), "--application", "shop",
                "--from", "2026-01-01T00:00:00Z", "--to", "2026-02-01T00:00:00Z"));
        all.addAll(List.of(args));
        return new GateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient()).run(all);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBreachExitsOneAndPrintsEveryThreshold() {
        int exit = gate("--threshold", "changeSuccessRate >= 0.9", "--threshold", "timeToRestoreMedian<=2d");
        assertThat(exit).isEqualTo(GateCommand.BREACHED);
        assertThat(output()).contains("FAILED            change success rate 0.8 (10 deployments) is below 0.9")
                .contains("PASSED            time to restore (median) 1d (2 restores) meets <= 2d")
                .contains("FAILED: 1 of 2 thresholds breached");
    }

    @Test
    void metThresholdsExitZero() {
        assertThat(gate("--threshold", "changeFailureRate <= 0.2", "--min-samples", "10")).isEqualTo(GateCommand.PASSED);
        assertThat(output()).contains("PASSED: all 1 thresholds met");
    }

    @Test
    void onBreachDecidesBetweenUnstableAndWarning() {
        assertThat(gate("--threshold", "changeSuccessRate >= 0.9", "--on-breach", "UNSTABLE"))
                .isEqualTo(GateCommand.UNSTABLE);
        assertThat(gate("--threshold", "changeSuccessRate >= 0.9", "--on-breach", "WARNING"))
                .isEqualTo(GateCommand.PASSED);
        assertThat(output()).contains("WARNING: the gate was breached");
    }

    @Test
    void insufficientDataPassesUnlessTheGateSaysOtherwise() {
        assertThat(gate("--threshold", "changeSuccessRate >= 0.9", "--min-samples", "50"))
                .isEqualTo(GateCommand.PASSED);
        assertThat(gate("--threshold", "changeSuccessRate >= 0.9", "--min-samples", "50",
                "--fail-on-insufficient-data")).isEqualTo(GateCommand.BREACHED);
    }

    @Test
    void badArgumentsAndRefusedGatesExitTwoNamingTheProblem() {
        assertThat(gate("--threshold", "happiness >= 1")).isEqualTo(GateCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("must start with a metric");
        assertThat(gate("--threshold", "leadTimeMedian <= 4 hours")).isEqualTo(GateCommand.USAGE);
        assertThat(gate()).isEqualTo(GateCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least one --threshold");
        // the server refuses the onBreach value; the command names its field
        assertThat(gate("--threshold", "reworkRate < 0.1", "--on-breach", "EXPLODE")).isEqualTo(GateCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("onBreach: onBreach must be one of");
    }

    @Test
    void anUnreachableServerExitsFour() {
        int exit = new GateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), HttpClient.newHttpClient())
                .run(List.of("--server", "http://127.0.0.1:1", "--threshold", "reworkRate < 0.1"));
        assertThat(exit).isEqualTo(GateCommand.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot ask http://127.0.0.1:1");
    }
}

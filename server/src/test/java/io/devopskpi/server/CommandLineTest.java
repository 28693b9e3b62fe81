package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.kpi.BandTable;
import io.devopskpi.core.kpi.KpiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
    @TempDir
    Path folder;

    @Test
    void defaultsToAnEmbeddedStoreOnLoopbackPort8080() throws Exception {
        CommandLine commandLine = CommandLine.parse();
        ServerOptions options = commandLine.options(null, TestServer.CLOCK);

        assertThat(commandLine.help()).isFalse();
        assertThat(commandLine.demo()).isFalse();
        assertThat(options.bind()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.store().jdbcUrl()).startsWith("jdbc:h2:file:").contains("devops-kpi-data");
        assertThat(options.writeToken()).isNull();
        assertThat(options.readToken()).isNull();
    }

    @Test
    void readsEveryOptionAndTheSecretFiles() throws Exception {
        Path password = Files.writeString(folder.resolve("password"), "s3cret\n");
        Path readToken = Files.writeString(folder.resolve("read"), "reader\n");

        ServerOptions options = CommandLine.parse("--demo", "--port", "0", "--bind", "0.0.0.0", "--db",
                "jdbc:postgresql://db/kpi", "--db-user", "kpi", "--db-password-file", password.toString(),
                "--read-token-file", readToken.toString()).options("env-token", TestServer.CLOCK);

        assertThat(options.port()).isZero();
        assertThat(options.bind()).isEqualTo("0.0.0.0");
        assertThat(options.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db/kpi");
        assertThat(options.store().user()).isEqualTo("kpi");
        assertThat(options.store().password()).isEqualTo("s3cret");
        assertThat(options.readToken()).isEqualTo("reader");
        assertThat(options.writeToken()).isEqualTo("env-token");
        assertThat(options.toString()).doesNotContain("s3cret").doesNotContain("reader").doesNotContain("env-token");
    }

    @Test
    void takesTheConnectionLimitsAndTheShutdownGraceWithDefaultsForThoseLeftOut() throws Exception {
        assertThat(CommandLine.parse().options(null, TestServer.CLOCK).limits()).isEqualTo(HttpLimits.defaults());

        HttpLimits limits = CommandLine.parse("--header-timeout", "5s", "--idle-timeout", "2m", "--max-connections",
                "500", "--shutdown-grace", "PT30S").options(null, TestServer.CLOCK).limits();

        assertThat(limits).isEqualTo(new HttpLimits(Duration.ofSeconds(5), Duration.ofMinutes(2), 500,
                Duration.ofSeconds(30)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--max-connections|0|--max-connections must be a number from 1 to 1000000, got '0'",
        "--max-connections|lots|--max-connections must be a number from 1 to 1000000, got 'lots'",
        "--shutdown-grace|0s|--shutdown-grace must be longer than zero: '0s'",
        "--header-timeout|10 seconds|--header-timeout ",
        "--idle-timeout|5 parsecs|--idle-timeout "})
    void refusesABadLimitNamingTheOptionAndTheValue(String option, String value, String message) {
        assertThatThrownBy(() -> CommandLine.parse(option, value))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageStartingWith(message);
    }

    /** A value that looks like an option is not taken as one's value (picocli), and the refusal names both. */
    @org.junit.jupiter.api.Test
    void refusesANegativeLimitNamingTheOptionAndTheValue() {
        assertThatThrownBy(() -> CommandLine.parse("--idle-timeout", "-5s"))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("--idle-timeout")
                .hasMessageContaining("-5s");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"|P30D", "7d|P7D", "2w|P14D", "12h|PT12H", "PT36H|PT36H"})
    void takesTheMetricsWindowAsAShortOrIsoDuration(String given, String window) throws Exception {
        CommandLine commandLine = given == null ? CommandLine.parse()
                : CommandLine.parse("--metrics-window", given);

        assertThat(commandLine.options(null, TestServer.CLOCK).metricsWindow()).isEqualTo(Duration.parse(window));
    }

    @Test
    void takesEveryOptionFromTheEnvironmentAndArgumentsWin() throws Exception {
        Path readToken = Files.writeString(folder.resolve("read"), "reader\n");
        Map<String, String> environment = Map.of("DEVOPS_KPI_PORT", "9090", "DEVOPS_KPI_BIND", "0.0.0.0",
                "DEVOPS_KPI_DATA", folder.resolve("data").toString(), "DEVOPS_KPI_READ_TOKEN_FILE", readToken.toString(),
                "DEVOPS_KPI_METRICS_WINDOW", "7d", "DEVOPS_KPI_DEMO", "true", "PORT", "1");

        CommandLine fromEnvironment = CommandLine.parse(environment);
        ServerOptions options = fromEnvironment.options(null, TestServer.CLOCK);
        ServerOptions overridden = CommandLine.parse(environment, "--port", "0", "--metrics-window", "2w")
                .options(null, TestServer.CLOCK);

        assertThat(options.port()).isEqualTo(9090);
        assertThat(options.bind()).isEqualTo("0.0.0.0");
        assertThat(options.store().jdbcUrl()).contains(folder.resolve("data").toAbsolutePath().toString());
        assertThat(options.readToken()).isEqualTo("reader");
        assertThat(options.metricsWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(fromEnvironment.demo()).isTrue();
        assertThat(overridden.port()).isZero();
        assertThat(overridden.metricsWindow()).isEqualTo(Duration.ofDays(14));
        assertThat(overridden.bind()).isEqualTo("0.0.0.0");
    }

    @Test
    void refusesABadValueFromTheEnvironmentNamingTheOption() {
        assertThatThrownBy(() -> CommandLine.parse(Map.of("DEVOPS_KPI_PORT", "http")))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--port must be a number from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> CommandLine.parse(Map.of("DEVOPS_KPI_DATA", "a"), "--db", "jdbc:h2:mem:x"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith("--data and --db exclude each other");
    }

    @Test
    void namesEachEnvironmentVariableAfterItsOption() {
        assertThat(EnvironmentDefaults.variable("--db-password-file")).isEqualTo("DEVOPS_KPI_DB_PASSWORD_FILE");
        assertThat(CommandLine.usage()).contains("--metrics-window").contains("--writers-file")
                .contains("DEVOPS_KPI_PORT=8080");
    }

    /** What an option added to CommandLine as one annotated field gets: conversion, its variable, its refusal. */
    static final class OneField {
        @picocli.CommandLine.Option(names = "--shutdown-grace")
        Duration grace = Duration.ofSeconds(30);
        @picocli.CommandLine.Option(names = "--max-connections")
        int connections = 200;
    }

    @Test
    void anOptionIsOneAnnotatedFieldWithItsVariableAndItsRefusal() throws Exception {
        OneField given = new OneField();
        Cli.parse(Cli.of(given, Map.of("DEVOPS_KPI_MAX_CONNECTIONS", "50")), List.of("--shutdown-grace", "2m"));
        assertThat(given.grace).isEqualTo(Duration.ofMinutes(2));
        assertThat(given.connections).isEqualTo(50);

        assertThatThrownBy(() -> Cli.parse(Cli.of(new OneField()), List.of("--shutdown-grace", "soon")))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageStartingWith("--shutdown-grace ")
                .hasMessageContaining("'soon'");
        assertThatThrownBy(() -> Cli.parse(Cli.of(new OneField()), List.of("--max-connections", "many")))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("--max-connections 'many' is not an int");
    }

    @Test
    void knowsHelp() throws Exception {
        assertThat(CommandLine.parse("--help").help()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port abc|--port must be a number from 0 to 65535, got 'abc'",
            "--port 70000|--port must be a number from 0 to 65535, got '70000'",
            "--port -1|--port must be a number from 0 to 65535, got '-1'",
            "--port|--port needs a value",
            "--verbose|unknown argument '--verbose'",
            "serve|unknown argument 'serve'",
            "--demo --demo|--demo is given twice",
            "--data a --db jdbc:h2:mem:x|--data and --db exclude each other",
            "--db-user kpi|--db-user and --db-password-file need --db",
            "--metrics-window 1M|--metrics-window M could mean minutes or months",
            "--metrics-window 0d|--metrics-window must be longer than zero: '0d'",
            "--metrics-window P1Y|--metrics-window years and months have no fixed length",
            "--metrics-window 36526d|--metrics-window must be at most 36525 days, got '36526d'"})
    void refusesBadArgumentsWithAOneLineReason(String args, String reason) {
        assertThatThrownBy(() -> CommandLine.parse(args.split(" "))).isInstanceOf(CommandLine.UsageException.class)
                .hasMessageStartingWith(reason).hasMessageNotContaining("\n");
    }

    @Test
    void refusesUnreadableSecretFilesAndOtherDatabases() {
        assertThatThrownBy(() -> CommandLine.parse("--db", "jdbc:postgresql://db/kpi", "--db-password-file",
                folder.resolve("missing").toString()).options(null, TestServer.CLOCK))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageStartingWith("cannot read");
        assertThatThrownBy(() -> CommandLine.parse("--db", "jdbc:mysql://db/kpi").options(null, TestServer.CLOCK))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageStartingWith("--db: unsupported JDBC URL");
    }

    @Test
    void readsTheBandTableFromAPropertiesFileKeepingTheRowsItLeavesOut() throws Exception {
        Path bands = Files.writeString(folder.resolve("bands.properties"), """
                # stricter lead time and restore for this company
                leadTime = 4h, 2d, 14d
                timeToRestore: 30m, 8h, 3d
                """);

        BandTable table = CommandLine.parse("--bands", bands.toString()).options(null, TestServer.CLOCK)
                .settings().bands();

        assertThat(List.of(table.eliteLeadTime(), table.highLeadTime(), table.mediumLeadTime()))
                .containsExactly(Duration.ofHours(4), Duration.ofDays(2), Duration.ofDays(14));
        assertThat(List.of(table.eliteRestore(), table.highRestore(), table.mediumRestore()))
                .containsExactly(Duration.ofMinutes(30), Duration.ofHours(8), Duration.ofDays(3));
        BandTable defaults = KpiSettings.defaults().bands();
        assertThat(table.eliteFailurePercent()).isEqualTo(defaults.eliteFailurePercent());
        assertThat(table.eliteDaysPerWeek()).isEqualTo(defaults.eliteDaysPerWeek());
        assertThat(CommandLine.parse().options(null, TestServer.CLOCK).settings().bands()).isEqualTo(defaults);
    }

    @Test
    void refusesABandFileWithAnUnknownRowABadRowOrNoFile() throws Exception {
        Path typo = Files.writeString(folder.resolve("typo.properties"), "leadTimes = 1d, 7d, 30d\n");
        Path bad = Files.writeString(folder.resolve("bad.properties"), "changeFailurePercent = 5, 10\n");

        assertThatThrownBy(() -> CommandLine.parse("--bands", typo.toString()).options(null, TestServer.CLOCK))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("unknown row 'leadTimes'");
        assertThatThrownBy(() -> CommandLine.parse("--bands", bad.toString()).options(null, TestServer.CLOCK))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessageContaining("change failure percent needs three limits").hasMessageContaining("'5, 10'");
        assertThatThrownBy(() -> CommandLine.parse("--bands", folder.resolve("none").toString())
                .options(null, TestServer.CLOCK))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageStartingWith("cannot read --bands");
    }
}

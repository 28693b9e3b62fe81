package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
            "--db-user kpi|--db-user and --db-password-file need --db"})
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
}

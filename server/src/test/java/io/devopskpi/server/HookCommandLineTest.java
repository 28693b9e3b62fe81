package io.devopskpi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devopskpi.core.hooks.AlertSource;
import io.devopskpi.core.hooks.HookMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --hook-token-file} and {@code --hook-mapping}: read from files, refused with the key that is wrong. */
class HookCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void readsTheHookTokenAndTheMappingKeysOverTheDefaults() throws Exception {
        Path token = Files.writeString(dir.resolve("hook-token"), "s3cret-hook\n");
        Path mapping = Files.writeString(dir.resolve("hooks.properties"), """
                # Prometheus labels of our clusters
                alertmanager.application = labels.app_kubernetes_io_name, labels.service
                alertmanager.defaultEnvironment =
                """);

        HookOptions hooks = CommandLine.parse("--hook-token-file", token.toString(), "--hook-mapping",
                mapping.toString()).hooks();

        assertThat(hooks.hookToken()).isEqualTo("s3cret-hook");
        assertThat(hooks.toString()).doesNotContain("s3cret");
        HookMapping alertmanager = hooks.mappings().of(AlertSource.ALERTMANAGER);
        assertThat(alertmanager.applicationFields()).containsExactly("labels.app_kubernetes_io_name",
                "labels.service");
        assertThat(alertmanager.environmentFields()).containsExactly("labels.environment", "labels.env");
        assertThat(alertmanager.defaultEnvironment()).isNull();
        assertThat(hooks.mappings().of(AlertSource.PAGERDUTY)).isEqualTo(new HookMapping(List.of("service.summary"),
                List.of(), "production"));
    }

    @Test
    void withoutOptionsThereIsNoHookTokenAndTheDefaultMapping() throws Exception {
        HookOptions hooks = CommandLine.parse().hooks();

        assertThat(hooks.hookToken()).isNull();
        assertThat(hooks.mappings().of(AlertSource.OPSGENIE).applicationFields()).containsExactly("tags.application",
                "tags.app", "details.application", "entity");
    }

    @Test
    void refusesAnUnknownKeyABadFieldPathAndAnEmptyTokenFile() throws Exception {
        Path unknown = Files.writeString(dir.resolve("unknown.properties"), "alertmanager.app = labels.app\n");
        Path badPath = Files.writeString(dir.resolve("bad.properties"), "opsgenie.environment = tags..env\n");
        Path noApplication = Files.writeString(dir.resolve("none.properties"), "pagerduty.application =\n");
        Path empty = Files.writeString(dir.resolve("empty-token"), "\n");

        assertThatThrownBy(() -> CommandLine.parse("--hook-mapping", unknown.toString()).hooks())
                .hasMessageContaining("unknown key 'alertmanager.app'");
        assertThatThrownBy(() -> CommandLine.parse("--hook-mapping", badPath.toString()).hooks())
                .hasMessageContaining("opsgenie.environment").hasMessageContaining("'tags..env'");
        assertThatThrownBy(() -> CommandLine.parse("--hook-mapping", noApplication.toString()).hooks())
                .hasMessageContaining("pagerduty.application must name at least one field");
        assertThatThrownBy(() -> CommandLine.parse("--hook-token-file", empty.toString()).hooks())
                .hasMessageContaining("is empty");
    }
}

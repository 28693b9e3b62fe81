package io.jenkins.plugins.devopskpi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reflective side of {@link CredentialsLookup}, against test doubles of the Credentials plugin that have the
 * real class names (offline build only; the -Pjenkins ConfigurationAsCodeITest reads a real credential).
 */
class CredentialsLookupTest {
    private final CredentialsLookup lookup = new CredentialsLookup(getClass().getClassLoader());

    /** Like hudson.util.Secret: a public class whose getPlainText() gives the password. */
    public static final class PlainSecret {
        private final String text;

        PlainSecret(String text) {
            this.text = text;
        }

        public String getPlainText() {
            return text;
        }
    }

    /** A credential of a non-public class, as plugins often have: read through the public interface. */
    private record Stored(String getId, String getDescription, String getUsername, PlainSecret secret)
            implements StandardUsernamePasswordCredentials {
        @Override
        public String getId() {
            return getId;
        }

        @Override
        public String getDescription() {
            return getDescription;
        }

        @Override
        public String getUsername() {
            return getUsername;
        }

        @Override
        public Object getPassword() {
            return secret;
        }
    }

    /** A secret text of a non-public class, read through plain-credentials' public interface. */
    private record Text(String getId, String getDescription, PlainSecret secret)
            implements org.jenkinsci.plugins.plaincredentials.StringCredentials {
        @Override
        public String getId() {
            return getId;
        }

        @Override
        public String getDescription() {
            return getDescription;
        }

        @Override
        public Object getSecret() {
            return secret;
        }
    }

    @Test
    void findsSecretTextsAndListsThemWithoutTheirSecrets() throws Exception {
        CredentialsProvider.STORED.add(new Text("hooks", "alerting webhooks", new PlainSecret("s3cret-hook")));
        CredentialsProvider.STORED.add(new Stored("db", "the database", "kpi", new PlainSecret("db-password")));

        List<CredentialsLookup.SecretText> found = lookup.secretTexts(null, null);

        assertThat(found).extracting(CredentialsLookup.SecretText::id).containsExactly("hooks");
        assertThat(found.get(0).secret()).isEqualTo("s3cret-hook");
        assertThat(found.get(0).toString()).doesNotContain("s3cret-hook");
        assertThat(lookup.secretTextChoices(null, null, "gone")).extracting(CredentialsLookup.Choice::label)
                .containsExactly("- none -", "hooks (alerting webhooks)", "gone (not found)")
                .noneMatch(label -> label.contains("s3cret"));
    }

    @AfterEach
    void forget() {
        CredentialsProvider.STORED.clear();
        CredentialsProvider.failure = null;
    }

    @Test
    void theCredentialWithTheIdGivesUserAndPlainPassword() throws Exception {
        CredentialsProvider.STORED.add(new Stored("kpi-db", "KPI store", "kpi", new PlainSecret("s3cret")));
        CredentialsProvider.STORED.add(new Stored("other", null, "someone", new PlainSecret("x")));
        CredentialsProvider.STORED.add("a credential of another type");

        CredentialsLookup.UsernamePassword found = lookup.find(null, null, "kpi-db").orElseThrow();

        assertThat(found.username()).isEqualTo("kpi");
        assertThat(found.password()).isEqualTo("s3cret");
        assertThat(found.toString()).contains("kpi-db").doesNotContain("s3cret");
        assertThat(lookup.all(null, null)).extracting(CredentialsLookup.UsernamePassword::id)
                .containsExactly("kpi-db", "other");
    }

    @Test
    void anUnknownOrMissingIdFindsNothing() throws Exception {
        CredentialsProvider.STORED.add(new Stored("kpi-db", null, "kpi", new PlainSecret("s3cret")));

        assertThat(lookup.find(null, null, "gone")).isEmpty();
        assertThat(lookup.find(null, null, null)).isEmpty();
    }

    @Test
    void choicesStartWithNoneNeverShowPasswordsAndKeepAMissingCurrentId() throws Exception {
        CredentialsProvider.STORED.add(new Stored("kpi-db", "KPI store", "kpi", new PlainSecret("s3cret")));
        CredentialsProvider.STORED.add(new Stored("plain", " ", "app", new PlainSecret("p4ss")));

        List<CredentialsLookup.Choice> choices = lookup.choices(null, null, "deleted-id");

        assertThat(choices).containsExactly(
                new CredentialsLookup.Choice("- none -", ""),
                new CredentialsLookup.Choice("kpi-db (kpi, KPI store)", "kpi-db"),
                new CredentialsLookup.Choice("plain (app)", "plain"),
                new CredentialsLookup.Choice("deleted-id (not found)", "deleted-id"));
        assertThat(lookup.choices(null, null, "kpi-db")).hasSize(3);
    }

    @Test
    void withoutTheCredentialsPluginThereAreNoCredentials() throws Exception {
        CredentialsProvider.STORED.add(new Stored("kpi-db", null, "kpi", new PlainSecret("s3cret")));
        ClassLoader withoutPlugins = new ClassLoader(null) {
        };

        assertThat(new CredentialsLookup(withoutPlugins).all(null, null)).isEmpty();
        assertThat(new CredentialsLookup(withoutPlugins).choices(null, null, null))
                .containsExactly(new CredentialsLookup.Choice("- none -", ""));
    }

    @Test
    void aProviderThatFailsIsReportedWithItsCause() {
        CredentialsProvider.failure = new IllegalStateException("credentials store locked");

        assertThatThrownBy(() -> lookup.find(null, null, "kpi-db"))
                .isInstanceOf(CredentialsLookup.LookupFailed.class)
                .hasMessageContaining("credentials store locked")
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}

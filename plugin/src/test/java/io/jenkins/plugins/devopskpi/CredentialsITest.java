package io.jenkins.plugins.devopskpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.ExtensionList;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devopskpi.config.CredentialsStorePassword;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The store's password from a real username-with-password credential, through the reflective lookup (real
 * Jenkins and Credentials plugin; -Pjenkins build only).
 */
@WithJenkins
class CredentialsITest {
    @Test
    void theStoreUserAndPasswordComeFromTheCredentialWithTheId(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "kpi-db", "KPI store", "kpi", "s3cret-password"));
        SystemCredentialsProvider.getInstance().save();
        CredentialsStorePassword source = ExtensionList.lookupSingleton(CredentialsStorePassword.class);

        assertThat(source.userAndPassword("kpi-db")).containsExactly("kpi", "s3cret-password");
        assertThat(source.userAndPassword("missing")).isNull();
        ListBoxModel choices = source.choices("kpi-db");
        assertThat(choices).extracting(option -> option.value).containsExactly("", "kpi-db");
        assertThat(choices).extracting(option -> option.name).noneMatch(name -> name.contains("s3cret"));
    }
}

package io.jenkins.plugins.devopskpi.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.Extension;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import java.util.List;

/**
 * Resolves the store's credentials through the Credentials plugin. Compiled only by the real plugin build
 * (-Pjenkins): the Credentials plugin's API is outside the fidelity surface, so the offline build cannot stub it.
 */
@Extension
public final class CredentialsStorePassword implements StorePassword {
    @Override
    public String[] userAndPassword(String credentialsId) {
        StandardUsernamePasswordCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItemGroup(StandardUsernamePasswordCredentials.class,
                        JenkinsFacade.root(), ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(credentialsId));
        return credentials == null ? null
                : new String[] {credentials.getUsername(), credentials.getPassword().getPlainText()};
    }

    @Override
    public ListBoxModel choices(String currentId) {
        return new StandardListBoxModel().includeEmptyValue()
                .includeAs(ACL.SYSTEM2, JenkinsFacade.root(), StandardUsernamePasswordCredentials.class, List.of())
                .includeCurrentValue(currentId);
    }
}

package io.jenkins.plugins.devopskpi.config;

import hudson.Extension;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Resolves the store's user name and password from the Credentials plugin's username-with-password credentials
 * (through {@link CredentialsLookup}, which names that plugin's API instead of importing it).
 */
@Extension
public final class CredentialsStorePassword implements StorePassword {
    private static final Logger LOG = Logger.getLogger(CredentialsStorePassword.class.getName());

    private final CredentialsLookup lookup = new CredentialsLookup(CredentialsStorePassword.class.getClassLoader());

    @Override
    public String[] userAndPassword(String credentialsId) {
        try {
            Optional<CredentialsLookup.UsernamePassword> found =
                    lookup.find(JenkinsFacade.root(), ACL.SYSTEM2, credentialsId);
            return found.map(c -> new String[] {c.username(), c.password()}).orElse(null);
        } catch (CredentialsLookup.LookupFailed e) {
            LOG.warning("devops-kpi: cannot read credentials '" + credentialsId + "' for the store: "
                    + e.getMessage());
            return null;
        }
    }

    @Override
    public ListBoxModel choices(String currentId) {
        return CredentialsLookup.model(() -> lookup.choices(JenkinsFacade.root(), ACL.SYSTEM2, currentId), LOG);
    }
}

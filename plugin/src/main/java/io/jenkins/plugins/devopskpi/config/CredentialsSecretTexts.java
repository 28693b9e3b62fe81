package io.jenkins.plugins.devopskpi.config;

import hudson.Extension;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devopskpi.JenkinsFacade;
import java.util.logging.Logger;

/**
 * Resolves the webhooks' token and the central server's tokens from plain-credentials' secret text (through
 * {@link CredentialsLookup}).
 */
@Extension
public final class CredentialsSecretTexts implements SecretTexts {
    private static final Logger LOG = Logger.getLogger(CredentialsSecretTexts.class.getName());

    private final CredentialsLookup lookup = new CredentialsLookup(CredentialsSecretTexts.class.getClassLoader());

    @Override
    public String secret(String credentialsId) {
        if (credentialsId == null) {
            return null;
        }
        try {
            return lookup.secretTexts(JenkinsFacade.root(), ACL.SYSTEM2).stream()
                    .filter(c -> credentialsId.equals(c.id())).map(CredentialsLookup.SecretText::secret)
                    .findFirst().orElse(null);
        } catch (CredentialsLookup.LookupFailed e) {
            LOG.warning("devops-kpi: cannot read credentials '" + credentialsId + "': "
                    + e.getMessage());
            return null;
        }
    }

    @Override
    public ListBoxModel choices(String currentId) {
        return CredentialsLookup.model(() -> lookup.secretTextChoices(JenkinsFacade.root(), ACL.SYSTEM2, currentId),
                LOG);
    }
}

package io.jenkins.plugins.devopskpi.config;

import hudson.ExtensionPoint;
import hudson.util.ListBoxModel;

/**
 * Where the webhooks' token and the central server's write and read tokens come from: a secret-text credentials
 * id, resolved by the Credentials plugin ({@link CredentialsSecretTexts}). Never a plain configuration field.
 */
public interface SecretTexts extends ExtensionPoint {
    /** The secret of the secret-text credentials with this id, or null if none. */
    String secret(String credentialsId);

    /** The secret-text credentials an administrator may pick. */
    ListBoxModel choices(String currentId);
}

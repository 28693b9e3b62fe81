package org.jenkinsci.plugins.plaincredentials;

/**
 * Test double of plain-credentials' secret text type, for the offline build only: the methods CredentialsLookup
 * calls by name. The real getSecret returns a hudson.util.Secret; read through getPlainText.
 */
public interface StringCredentials {
    String getId();

    String getDescription();

    Object getSecret();
}

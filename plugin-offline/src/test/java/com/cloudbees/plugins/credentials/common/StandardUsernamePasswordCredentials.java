package com.cloudbees.plugins.credentials.common;

/**
 * Test double of the Credentials plugin's username-with-password type, for the offline build only: the methods
 * CredentialsLookup calls by name. The real getPassword returns a hudson.util.Secret; read through getPlainText.
 */
public interface StandardUsernamePasswordCredentials {
    String getId();

    String getDescription();

    String getUsername();

    Object getPassword();
}

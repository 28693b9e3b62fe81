package io.jenkins.plugins.devopskpi.config;

import hudson.ExtensionPoint;
import hudson.util.ListBoxModel;

/**
 * Where the PostgreSQL user name and password come from: a credentials id, resolved by the Credentials plugin
 * ({@link CredentialsStorePassword}). Never a plain configuration field.
 */
public interface StorePassword extends ExtensionPoint {
    /** User name and password of the username-with-password credentials with this id, or null if none. */
    String[] userAndPassword(String credentialsId);

    /** The username-with-password credentials an administrator may pick. */
    ListBoxModel choices(String currentId);
}

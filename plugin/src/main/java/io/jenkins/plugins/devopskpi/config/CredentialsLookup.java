package io.jenkins.plugins.devopskpi.config;

import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.springframework.security.core.Authentication;

/**
 * The username-with-password credentials of the Credentials plugin, reached by name.
 *
 * <p>The Credentials plugin's API is not part of the Jenkins API surface the offline build verifies its stubs
 * against, so no source here imports it: this class loads the two types below through the plugin's class loader
 * (which sees the Credentials plugin, a dependency in plugin/pom.xml) and calls their public methods reflectively.
 * Names and signatures were read from jenkinsci/credentials-plugin (see docs/jenkins.md):
 * {@code CredentialsProvider.lookupCredentialsInItemGroup(Class, ItemGroup, Authentication, List)}, and on
 * {@code StandardUsernamePasswordCredentials} the inherited {@code getId()}, {@code getUsername()},
 * {@code getDescription()} and {@code getPassword()} (a {@code hudson.util.Secret}, read with
 * {@code getPlainText()}). Without the Credentials plugin there are no credentials.
 */
final class CredentialsLookup {
    static final String PROVIDER = "com.cloudbees.plugins.credentials.CredentialsProvider";
    static final String USERNAME_PASSWORD =
            "com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials";
    /** plain-credentials' secret text: {@code getId()} (from IdCredentials) and {@code getSecret()}, a Secret. */
    static final String SECRET_TEXT = "org.jenkinsci.plugins.plaincredentials.StringCredentials";

    private final ClassLoader loader;

    CredentialsLookup(ClassLoader loader) {
        this.loader = loader;
    }

    /** One username-with-password credential; its password never appears in {@link #toString()}. */
    record UsernamePassword(String id, String username, String password, String description) {
        /** What an administrator picks in the form: {@code id (user, description)}, never the password. */
        String label() {
            StringBuilder label = new StringBuilder(id).append(" (").append(username);
            if (description != null && !description.isBlank()) {
                label.append(", ").append(description.trim());
            }
            return label.append(")").toString();
        }

        @Override
        public String toString() {
            return "UsernamePassword[id=" + id + ", username=" + username + "]";
        }
    }

    /** A choice of the credentials drop-down. */
    record Choice(String label, String value) {
    }

    /** Thrown when the Credentials plugin is there but does not answer as its API says. */
    static final class LookupFailed extends Exception {
        LookupFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The username-with-password credentials visible in {@code context} (an {@code ItemGroup}: Jenkins itself for
     * the global configuration) to {@code authentication}, in the provider's order; empty when the Credentials
     * plugin is not installed.
     */
    List<UsernamePassword> all(Object context, Authentication authentication) throws LookupFailed {
        return lookup(USERNAME_PASSWORD, context, authentication, c -> new UsernamePassword(c.text("getId"),
                c.text("getUsername"), c.secret("getPassword"), c.text("getDescription")));
    }

    /** One credential the provider answered, read through its public getters. */
    private record Found(Class<?> type, Object credentials) {
        String text(String getter) throws ReflectiveOperationException {
            return (String) type.getMethod(getter).invoke(credentials);
        }

        /** A {@code hudson.util.Secret} getter's plain text. */
        String secret(String getter) throws ReflectiveOperationException {
            Object secret = type.getMethod(getter).invoke(credentials);
            return secret == null ? null : (String) secret.getClass().getMethod("getPlainText").invoke(secret);
        }
    }

    /** How one credential becomes a value. */
    @FunctionalInterface
    private interface Reading<T> {
        T read(Found credentials) throws ReflectiveOperationException;
    }

    /**
     * The credentials of the type named {@code typeName} visible in {@code context} to {@code authentication}, in
     * the provider's order, each read by {@code reading}; empty when the type or the Credentials plugin is not
     * installed.
     */
    private <T> List<T> lookup(String typeName, Object context, Authentication authentication, Reading<T> reading)
            throws LookupFailed {
        Class<?> type;
        Class<?> provider;
        try {
            type = Class.forName(typeName, true, loader);
            provider = Class.forName(PROVIDER, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        try {
            Method lookup = provider.getMethod("lookupCredentialsInItemGroup", Class.class, ItemGroup.class,
                    Authentication.class, List.class);
            List<T> found = new ArrayList<>();
            for (Object credentials : (List<?>) lookup.invoke(null, type, context, authentication, List.of())) {
                found.add(reading.read(new Found(type, credentials)));
            }
            return found;
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new LookupFailed("the Credentials plugin did not answer as expected: " + cause, cause);
        }
    }

    /** One secret-text credential; its secret never appears in {@link #toString()}. */
    record SecretText(String id, String secret, String description) {
        @Override
        public String toString() {
            return "SecretText[id=" + id + "]";
        }
    }

    /**
     * The secret-text credentials (plain-credentials' {@code StringCredentials}) visible in {@code context} to
     * {@code authentication}; empty when that plugin or the Credentials plugin is not installed.
     */
    List<SecretText> secretTexts(Object context, Authentication authentication) throws LookupFailed {
        return lookup(SECRET_TEXT, context, authentication, c -> new SecretText(c.text("getId"),
                c.secret("getSecret"), c.text("getDescription")));
    }

    /** The drop-down of secret-text credentials: "none" first, a configured id no longer found kept. */
    List<Choice> secretTextChoices(Object context, Authentication authentication, String currentId)
            throws LookupFailed {
        return choices(secretTexts(context, authentication).stream().map(c -> new Choice(
                c.description() == null || c.description().isBlank() ? c.id()
                        : c.id() + " (" + c.description().trim() + ")", c.id())).toList(), currentId);
    }

    /** The credentials with this id, if any. */
    Optional<UsernamePassword> find(Object context, Authentication authentication, String id)
            throws LookupFailed {
        return id == null ? Optional.empty()
                : all(context, authentication).stream().filter(c -> id.equals(c.id())).findFirst();
    }

    /**
     * The drop-down's choices: "none" first, then every credential by its label; an id that is configured but
     * no longer found stays selectable (shown as missing) so saving the form does not silently drop it.
     */
    List<Choice> choices(Object context, Authentication authentication, String currentId) throws LookupFailed {
        return choices(all(context, authentication).stream().map(c -> new Choice(c.label(), c.id())).toList(),
                currentId);
    }

    private static List<Choice> choices(List<Choice> found, String currentId) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("- none -", ""));
        choices.addAll(found);
        if (currentId != null && !currentId.isBlank()
                && found.stream().noneMatch(choice -> choice.value().equals(currentId))) {
            choices.add(new Choice(currentId + " (not found)", currentId));
        }
        return choices;
    }

    /** The drop-down as Jenkins forms show it; empty but for "none" (and a warning logged) when the lookup fails. */
    static ListBoxModel model(Lister lister, Logger log) {
        ListBoxModel model = new ListBoxModel();
        try {
            lister.choices().forEach(choice -> model.add(choice.label(), choice.value()));
        } catch (LookupFailed e) {
            log.warning("devops-kpi: cannot list credentials: " + e.getMessage());
        }
        return model;
    }

    /** A drop-down's choices, read when asked. */
    @FunctionalInterface
    interface Lister {
        List<Choice> choices() throws LookupFailed;
    }
}

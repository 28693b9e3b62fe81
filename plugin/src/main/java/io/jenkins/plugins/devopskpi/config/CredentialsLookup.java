package io.jenkins.plugins.devopskpi.config;

import hudson.model.ItemGroup;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        Class<?> type;
        Class<?> provider;
        try {
            type = Class.forName(USERNAME_PASSWORD, true, loader);
            provider = Class.forName(PROVIDER, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        try {
            Method lookup = provider.getMethod("lookupCredentialsInItemGroup", Class.class, ItemGroup.class,
                    Authentication.class, List.class);
            Method id = type.getMethod("getId");
            Method username = type.getMethod("getUsername");
            Method description = type.getMethod("getDescription");
            Method password = type.getMethod("getPassword");
            List<UsernamePassword> found = new ArrayList<>();
            for (Object credentials : (List<?>) lookup.invoke(null, type, context, authentication, List.of())) {
                Object secret = password.invoke(credentials);
                found.add(new UsernamePassword((String) id.invoke(credentials), (String) username.invoke(credentials),
                        secret == null ? null : (String) secret.getClass().getMethod("getPlainText").invoke(secret),
                        (String) description.invoke(credentials)));
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
        Class<?> type;
        Class<?> provider;
        try {
            type = Class.forName(SECRET_TEXT, true, loader);
            provider = Class.forName(PROVIDER, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        try {
            Method lookup = provider.getMethod("lookupCredentialsInItemGroup", Class.class, ItemGroup.class,
                    Authentication.class, List.class);
            Method id = type.getMethod("getId");
            Method description = type.getMethod("getDescription");
            Method secret = type.getMethod("getSecret");
            List<SecretText> found = new ArrayList<>();
            for (Object credentials : (List<?>) lookup.invoke(null, type, context, authentication, List.of())) {
                Object value = secret.invoke(credentials);
                found.add(new SecretText((String) id.invoke(credentials),
                        value == null ? null : (String) value.getClass().getMethod("getPlainText").invoke(value),
                        (String) description.invoke(credentials)));
            }
            return found;
        } catch (ReflectiveOperationException | ClassCastException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new LookupFailed("the Credentials plugin did not answer as expected: " + cause, cause);
        }
    }

    /** The drop-down of secret-text credentials: "none" first, a configured id no longer found kept. */
    List<Choice> secretTextChoices(Object context, Authentication authentication, String currentId)
            throws LookupFailed {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("- none -", ""));
        boolean currentFound = false;
        for (SecretText credentials : secretTexts(context, authentication)) {
            String description = credentials.description();
            choices.add(new Choice(description == null || description.isBlank() ? credentials.id()
                    : credentials.id() + " (" + description.trim() + ")", credentials.id()));
            currentFound |= credentials.id().equals(currentId);
        }
        if (currentId != null && !currentId.isBlank() && !currentFound) {
            choices.add(new Choice(currentId + " (not found)", currentId));
        }
        return choices;
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
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("- none -", ""));
        boolean currentFound = false;
        for (UsernamePassword credentials : all(context, authentication)) {
            choices.add(new Choice(credentials.label(), credentials.id()));
            currentFound |= credentials.id().equals(currentId);
        }
        if (currentId != null && !currentId.isBlank() && !currentFound) {
            choices.add(new Choice(currentId + " (not found)", currentId));
        }
        return choices;
    }
}

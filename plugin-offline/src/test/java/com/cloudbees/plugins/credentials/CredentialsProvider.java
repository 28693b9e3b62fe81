package com.cloudbees.plugins.credentials;

import hudson.model.ItemGroup;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Test double of the Credentials plugin's provider, for the offline build only (the real plugin is outside the
 * verified API surface): the one method CredentialsLookup calls, with the real erased signature, answering from
 * {@link #STORED}.
 */
public final class CredentialsProvider {
    public static final List<Object> STORED = new ArrayList<>();
    public static RuntimeException failure;
    public static Object lastContext;
    public static Authentication lastAuthentication;

    private CredentialsProvider() {
    }

    public static <C> List<C> lookupCredentialsInItemGroup(Class<C> type, ItemGroup itemGroup,
            Authentication authentication, List<?> domainRequirements) {
        if (failure != null) {
            throw failure;
        }
        lastContext = itemGroup;
        lastAuthentication = authentication;
        List<C> found = new ArrayList<>();
        STORED.stream().filter(type::isInstance).map(type::cast).forEach(found::add);
        return found;
    }
}

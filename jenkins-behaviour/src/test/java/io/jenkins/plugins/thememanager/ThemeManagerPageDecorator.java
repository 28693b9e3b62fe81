package io.jenkins.plugins.thememanager;

/**
 * Stands in, by its class name only, for the theme-manager plugin's page decorator of that name (this module never
 * has the real plugin): DashboardPage includes the header of the page decorator of this name and of no other.
 */
public final class ThemeManagerPageDecorator {
    @Override
    public String toString() {
        return "theme-manager";
    }
}

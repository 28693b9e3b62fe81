package io.jenkins.plugins.devopskpi.ui;

import io.devopskpi.core.dashboard.DashboardFile;
import java.nio.charset.StandardCharsets;

/**
 * A dashboard page under {@code /devops-kpi/} as Jenkins shows it: the server's page ({@link KpiRoutes}' file) with
 * what Jenkins' own layout puts into the head of every page for the user's theme. Its view
 * ({@code DashboardPage/index.jelly}) writes the page's markup up to {@code </head>}, then the header of
 * theme-manager's page decorator, as {@code l:layout} includes every page decorator's {@code header.jelly}, then the
 * rest. That header names the chosen theme's stylesheets and sets {@code <html data-theme>} to the user's theme
 * (their own choice, else the global one), which the dashboard's CSS follows. The plugin calls no theme-manager API:
 * without that plugin nothing is included and the page keeps the {@code data-theme} KpiRoutes wrote (Jenkins'
 * light theme). Immutable: {@link KpiRootAction} makes one per view.
 */
public final class DashboardPage {
    /** The page decorator of the theme-manager plugin, whose header carries the user's theme. */
    static final String THEME_DECORATOR = "io.jenkins.plugins.thememanager.ThemeManagerPageDecorator";
    private static final String HEAD_END = "</head>";

    private final String head;
    private final String rest;

    DashboardPage(DashboardFile file) {
        String page = new String(file.body(), StandardCharsets.UTF_8);
        int end = page.indexOf(HEAD_END);
        if (!file.type().startsWith("text/html") || end < 0) {
            throw new IllegalArgumentException("not a dashboard page: " + file.type());
        }
        this.head = page.substring(0, end);
        this.rest = page.substring(end);
    }

    /** The page's markup before {@code </head>}, written as it is (the server's file, its attributes escaped). */
    public String getHead() {
        return head;
    }

    /** The page's markup from {@code </head>} on. */
    public String getRest() {
        return rest;
    }

    /**
     * Whether {@code decorator} (one of Jenkins' page decorators, {@code h.pageDecorators}) is theme-manager's: only
     * its header is included. Other decorators' headers are written for Jenkins' layout and may need its scripts.
     */
    public boolean isTheme(Object decorator) {
        return decorator != null && THEME_DECORATOR.equals(decorator.getClass().getName());
    }
}

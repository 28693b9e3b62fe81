package io.devopskpi.core.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of the dashboard as served: its bytes, media type and entity tag, and whether it never changes (a
 * WebJar carries its version in its path, so it may be cached for a year; the rest is revalidated on every use).
 */
public record DashboardFile(byte[] body, String type, String etag, boolean immutable) {
    private static final Pattern API_META = meta("devops-kpi-api");
    private static final Pattern CHARTS_META = meta("devops-kpi-charts");
    private static final Pattern UNMAPPED_META = meta("devops-kpi-unmapped");
    private static final Pattern HIDDEN_NAV = Pattern.compile("(<body [^>]*data-hidden-nav=\")([a-z -]*)(\")");
    private static final Pattern HTML_ELEMENT = Pattern.compile("<html(?=[ >])( data-theme=\"[^\"]*\")?");

    static DashboardFile of(byte[] body, String type, boolean immutable) {
        return new DashboardFile(body, type, etag(body), immutable);
    }

    public String cacheControl() {
        return immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    /** Whether a client holding {@code ifNoneMatch} (an If-None-Match header, may be null) has this very file. */
    public boolean notModified(String ifNoneMatch) {
        return ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag));
    }

    /**
     * The page reading its JSON from {@code apiBase} instead of its own relative default: an embedding CI (the
     * Jenkins plugin) serves the pages under its own URL and names its API absolutely. Other files stay as they are.
     */
    public DashboardFile withApiBase(String apiBase) {
        return withMeta(API_META, apiBase);
    }

    /**
     * The page loading its chart library (ECharts' UMD build, which defines the global {@code echarts}) from
     * {@code scriptUrl} instead of the WebJar it names by default: the Jenkins plugin names the copy of the
     * echarts-api plugin, so its hpi bundles none. Other files stay as they are.
     */
    public DashboardFile withChartsUrl(String scriptUrl) {
        return withMeta(CHARTS_META, scriptUrl);
    }

    /**
     * The page asking for the count of unmapped alerts at {@code listUrl} (relative to the API base, or absolute)
     * instead of the server's {@code hooks/unmapped}; empty: the page does not ask (an embedding CI that does not list
     * them to the user). Pages without the meta, and other files, stay as they are.
     */
    public DashboardFile withUnmappedList(String listUrl) {
        return withMeta(UNMAPPED_META, listUrl);
    }

    /**
     * The page without its navigation link to the page {@code nav} (as its {@code data-nav} names it): an embedding
     * CI that does not serve that page (the Jenkins plugin and {@code admin}, whose forms post to the server's
     * write API). The navigation is drawn by the page's script (frame.js) from one definition; this names the page
     * in the body's {@code data-hidden-nav}, which that script leaves out. Other files stay as they are.
     */
    public DashboardFile withoutLinkTo(String nav) {
        if (!type.startsWith("text/html") || !nav.matches("[a-z-]+")) {
            return this;
        }
        String page = new String(body, StandardCharsets.UTF_8);
        Matcher hidden = HIDDEN_NAV.matcher(page);
        String rewritten = hidden.find()
                ? hidden.replaceFirst("$1$2 " + nav + "$3")
                : page.replaceFirst("<body(?=[ >])", "<body data-hidden-nav=\"" + nav + "\"");
        return of(rewritten.getBytes(StandardCharsets.UTF_8), type, immutable);
    }

    /**
     * The page in the theme {@code theme} of an embedding CI: its {@code <html>} element carries
     * {@code data-theme="<theme>"}, which dashboard.css follows ({@code dark}: the dark palette; {@code dark-system}:
     * the system's setting; any other: the light palette), as Jenkins' theme-manager marks its pages; without it
     * (the server's own pages) the pages follow the system's setting. A script of the CI's may change it later (the
     * CSS follows). Other files stay as they are; an attribute the page has already is replaced.
     */
    public DashboardFile withTheme(String theme) {
        if (!type.startsWith("text/html")) {
            return this;
        }
        String page = new String(body, StandardCharsets.UTF_8);
        String rewritten = HTML_ELEMENT.matcher(page)
                .replaceFirst(Matcher.quoteReplacement("<html data-theme=\"" + escape(theme) + "\""));
        return of(rewritten.getBytes(StandardCharsets.UTF_8), type, immutable);
    }

    private DashboardFile withMeta(Pattern meta, String content) {
        if (!type.startsWith("text/html")) {
            return this;
        }
        String page = new String(body, StandardCharsets.UTF_8);
        String rewritten = meta.matcher(page).replaceFirst("$1" + Matcher.quoteReplacement(escape(content)) + "$2");
        return of(rewritten.getBytes(StandardCharsets.UTF_8), type, immutable);
    }

    private static Pattern meta(String name) {
        return Pattern.compile("(<meta name=\"" + name + "\" content=\")[^\"]*(\">)");
    }

    private static String escape(String attribute) {
        return attribute.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

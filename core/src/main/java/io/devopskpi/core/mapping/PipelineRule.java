package io.devopskpi.core.mapping;

import io.devopskpi.core.model.DeploymentKind;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Maps pipelines to what they deploy: a pattern over the pipeline's full name (a glob such as
 * {@code shop/deploy-*}, where {@code *} stays within one folder and {@code **} crosses folders, or a regular
 * expression between slashes such as {@code /shop-.*-prod/}) and the application, environment, kind and
 * (optionally) team of its runs.
 */
public final class PipelineRule {
    private final String pattern;
    private final String application;
    private final String environment;
    private final DeploymentKind kind;
    private final String team;
    private final Pattern compiled;

    /** @throws IllegalArgumentException naming the blank field or the unreadable pattern */
    public PipelineRule(String pattern, String application, String environment, DeploymentKind kind, String team) {
        this.pattern = require(pattern, "pattern");
        this.application = require(application, "application");
        this.environment = require(environment, "environment");
        this.kind = Objects.requireNonNullElse(kind, DeploymentKind.NORMAL);
        this.team = team == null || team.isBlank() ? null : team.trim();
        this.compiled = compile(this.pattern);
    }

    /** @throws IllegalArgumentException naming the pattern when it cannot be read */
    public static Pattern compile(String pattern) {
        try {
            if (pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/")) {
                return Pattern.compile(pattern.substring(1, pattern.length() - 1));
            }
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]*");
                } else if (c == '?') {
                    regex.append("[^/]");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern is not a valid regular expression: '" + pattern + "' ("
                    + e.getDescription() + ")", e);
        }
    }

    public boolean matches(String pipeline) {
        return compiled.matcher(pipeline).matches();
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.trim();
    }

    public String pattern() {
        return pattern;
    }

    public String application() {
        return application;
    }

    public String environment() {
        return environment;
    }

    public DeploymentKind kind() {
        return kind;
    }

    /** Null when the rule names no team. */
    public String team() {
        return team;
    }
}

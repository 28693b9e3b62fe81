package io.jenkins.plugins.devopskpi.rules;

import io.devopskpi.core.model.DeploymentKind;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Maps jobs to what they deploy: a job full-name pattern (a glob such as {@code shop/deploy-*}, where {@code *}
 * stays within one folder and {@code **} crosses folders, or a regular expression between slashes such as
 * {@code /shop-.*-prod/}) and the application, environment and kind of its runs.
 */
public final class JobRule {
    private final String pattern;
    private final String application;
    private final String environment;
    private final transient Pattern compiled;
    private DeploymentKind kind = DeploymentKind.NORMAL;
    private String team;

    @DataBoundConstructor
    public JobRule(String pattern, String application, String environment) {
        this.pattern = require(pattern, "pattern");
        this.application = require(application, "application");
        this.environment = require(environment, "environment");
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

    public boolean matches(String jobFullName) {
        return (compiled != null ? compiled : compile(pattern)).matcher(jobFullName).matches();
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.trim();
    }

    public String getPattern() {
        return pattern;
    }

    public String getApplication() {
        return application;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getKind() {
        return kind.name();
    }

    @DataBoundSetter
    public void setKind(String kind) {
        this.kind = DeploymentTarget.kind(kind);
    }

    public String getTeam() {
        return team;
    }

    @DataBoundSetter
    public void setTeam(String team) {
        this.team = team == null || team.isBlank() ? null : team.trim();
    }
}

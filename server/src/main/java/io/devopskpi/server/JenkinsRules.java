package io.devopskpi.server;

import io.devopskpi.core.mapping.DeploymentTarget;
import io.devopskpi.core.mapping.PipelineRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which jobs deploy what, for {@code import jenkins}: the plugin's job rules (the first whose pattern matches the
 * job's full name wins; build parameters {@code DEVOPS_KPI_APPLICATION}, {@code DEVOPS_KPI_ENVIRONMENT},
 * {@code DEVOPS_KPI_KIND} win over it, as in live recording). A mapping file holds one rule per line,
 * {@code PATTERN = application, environment[, kind[, team]]}; {@code #} starts a comment.
 */
final class JenkinsRules {
    private JenkinsRules() {
    }

    /** Every job to one application and environment ({@code --application}, {@code --environment}). */
    static List<PipelineRule> everyJob(String application, String environment) {
        return List.of(new PipelineRule("**", application, environment, null, null));
    }

    static List<PipelineRule> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --mapping " + file + ": " + e.getMessage());
        }
        List<PipelineRule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = "--mapping " + file + " line " + (i + 1) + ": ";
            int equals = line.lastIndexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(where + "expected PATTERN = application, environment[, kind"
                        + "[, team]], got '" + line + "'");
            }
            String[] target = line.substring(equals + 1).split(",", -1);
            if (target.length < 2 || target.length > 4) {
                throw new IllegalArgumentException(where + "expected application, environment[, kind[, team]] "
                        + "after '=', got '" + line.substring(equals + 1).strip() + "'");
            }
            try {
                rules.add(new PipelineRule(line.substring(0, equals).strip(), target[0], target[1],
                        target.length > 2 ? DeploymentTarget.kind(target[2]) : null,
                        target.length > 3 ? target[3] : null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage());
            }
        }
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("--mapping " + file + " holds no rule");
        }
        return rules;
    }
}

package io.devopskpi.server;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option of {@code serve} also from the environment: {@code --db-password-file} from
 * {@code DEVOPS_KPI_DB_PASSWORD_FILE}, i.e. {@value #PREFIX} and the option's name in capitals with {@code _} for
 * {@code -}. An argument given on the command line wins. Secrets stay in files: the variables name files, the
 * way the options do (only the write token itself comes from {@code DEVOPS_KPI_API_TOKEN}, as before).
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    static final String PREFIX = "DEVOPS_KPI_";

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
            return null;
        }
        String value = environment.get(variable(option.longestName()));
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code --metrics-window} → {@code DEVOPS_KPI_METRICS_WINDOW}. */
    static String variable(String option) {
        return PREFIX + option.replaceFirst("^-+", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }
}

package io.devopskpi.server;

import io.devopskpi.core.text.TimeText;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command of the command line reads its arguments (picocli, set up alike) and how a refusal reads:
 * one line naming the option and the value, e.g. {@code --port must be a number from 0 to 65535, got 'abc'}.
 */
final class Cli {
    private Cli() {
    }

    /** A picocli command line over {@code command}'s annotated fields; {@code environment} supplies defaults. */
    static picocli.CommandLine of(Object command, Map<String, String> environment) {
        picocli.CommandLine line = new picocli.CommandLine(command);
        line.setExpandAtFiles(false); // "@file" is a file name here, not a file of arguments
        line.setUnmatchedOptionsAllowedAsOptionParameters(false);
        line.setOverwrittenOptionsAllowed(false);
        line.setUsageHelpWidth(110);
        // any Duration option reads 30s, 5m, 2h, 30d, 2w or ISO-8601 (PT30S) without a converter of its own
        line.registerConverter(Duration.class, Cli::duration);
        if (!environment.isEmpty()) {
            line.setDefaultValueProvider(new EnvironmentDefaults(environment));
        }
        return line;
    }

    static picocli.CommandLine of(Object command) {
        return of(command, Map.of());
    }

    /**
     * Fills the command's fields from {@code args}; true when its help was asked for.
     *
     * @throws CommandLine.UsageException with the one-line reason when the arguments make no sense
     */
    static boolean parse(picocli.CommandLine line, List<String> args) throws CommandLine.UsageException {
        try {
            ParseResult result = line.parseArgs(args.toArray(String[]::new));
            return result.isUsageHelpRequested();
        } catch (ParameterException e) {
            throw new CommandLine.UsageException(reason(e));
        }
    }

    /** A positive duration as {@link TimeText#duration} reads it; picocli names the option with the reason. */
    static Duration duration(String text) {
        try {
            return TimeText.duration(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** picocli's refusal in this command line's words. */
    static String reason(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return "unknown argument '" + unmatched.getUnmatched().get(0) + "'";
        }
        if (e instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return option.longestName() + " needs a value";
        }
        if (e instanceof OverwrittenOptionException twice && twice.getOverwritten() instanceof OptionSpec option) {
            return option.longestName() + " is given twice";
        }
        ArgSpec argument = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException conversion && argument instanceof OptionSpec option) {
            return option.longestName() + " " + conversion.getMessage();
        }
        return e.getMessage().replace('\n', ' ');
    }
}

package io.devopskpi.core.text;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Instants and durations as the API writes them. Durations are fixed lengths only: ISO-8601 in weeks, days,
 * hours, minutes and seconds ({@code P30D}, {@code P2W}, {@code PT12H}, {@code P1DT12H}); months and years are
 * refused because their length depends on the calendar. Gates also take the short form ({@code 30d}, {@code 4h}).
 */
public final class TimeText {
    private static final Pattern ISO_DURATION = Pattern.compile(
            "P(?:(\\d{1,9})W)?(?:(\\d{1,9})D)?(?:T(?=\\d)(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})S)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CALENDAR_DURATION = Pattern.compile("P\\d+[YM].*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})([wdhmsWDHS])");
    /** {@code 1M}: minutes to some, months to others; refused rather than guessed. */
    private static final Pattern AMBIGUOUS_DURATION = Pattern.compile("\\d{1,9}M");

    private TimeText() {
    }

    /**
     * An ISO-8601 instant such as {@code 2026-01-05T10:07:00Z}; an offset ({@code +01:00}) is accepted too,
     * since {@link Instant#parse} reads one. Empty when the text is not such an instant.
     */
    public static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * A positive ISO-8601 duration in weeks, days, hours, minutes or seconds.
     *
     * @throws IllegalArgumentException saying what is wrong, with the (shortened) text
     */
    public static Duration isoDuration(String text) {
        Matcher m = ISO_DURATION.matcher(text);
        // "P" alone matches the pattern but names no length
        if (!m.matches() || text.length() == 1) {
            if (CALENDAR_DURATION.matcher(text).matches()) {
                throw new IllegalArgumentException("years and months have no fixed length, use weeks or days: "
                        + Excerpt.quoted(text));
            }
            throw new IllegalArgumentException("must be an ISO-8601 duration in weeks, days, hours, minutes or "
                    + "seconds, e.g. P30D, P2W, PT12H or P1DT12H: " + Excerpt.quoted(text));
        }
        Duration duration = Duration.ofDays(7 * number(m.group(1)))
                .plusDays(number(m.group(2)))
                .plusHours(number(m.group(3)))
                .plusMinutes(number(m.group(4)))
                .plusSeconds(number(m.group(5)));
        return positive(duration, text);
    }

    /**
     * A positive duration written either in ISO-8601 (see {@link #isoDuration}) or as a number and a unit:
     * {@code 2w}, {@code 30d}, {@code 4h}, {@code 30m}, {@code 45s} ({@code 1M} is refused: minutes or months?).
     *
     * @throws IllegalArgumentException saying what is wrong, with the (shortened) text
     */
    public static Duration duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        if (!m.matches()) {
            if (AMBIGUOUS_DURATION.matcher(text).matches()) {
                throw new IllegalArgumentException("M could mean minutes or months: write m for minutes (30m) or "
                        + "days for a month (30d): " + Excerpt.quoted(text));
            }
            return isoDuration(text);
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "w" -> Duration.ofDays(7 * amount);
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        return positive(duration, text);
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static Duration positive(Duration duration, String text) {
        if (duration.isZero()) {
            throw new IllegalArgumentException("must be longer than zero: " + Excerpt.quoted(text));
        }
        return duration;
    }
}

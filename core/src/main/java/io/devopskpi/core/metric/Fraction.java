package io.devopskpi.core.metric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A KPI value in the exact form metrics.md compares thresholds with ("Gates"): a rate as the fraction of its counts,
 * a per-day figure as deployments ÷ days, a duration as whole microseconds. {@link #compareTo(BigDecimal)} compares
 * it with a threshold read as the decimal number it is written as, without floating point.
 */
public record Fraction(BigDecimal numerator, BigDecimal denominator) {
    private static final BigDecimal MICROS_PER_SECOND = BigDecimal.valueOf(1_000_000);

    public Fraction {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("a fraction's denominator must be positive: " + denominator);
        }
    }

    /** part ÷ total, or null when total is 0. */
    public static Fraction of(long part, long total) {
        return total == 0 ? null : new Fraction(BigDecimal.valueOf(part), BigDecimal.valueOf(total));
    }

    /** A number that is exact in binary already (a median of whole numbers), or null. */
    public static Fraction exactly(Double value) {
        return value == null ? null : new Fraction(new BigDecimal(value), BigDecimal.ONE);
    }

    /** A duration in seconds as whole microseconds (rounded half up), or null. */
    public static Fraction seconds(Double seconds) {
        if (seconds == null) {
            return null;
        }
        BigDecimal micros = new BigDecimal(seconds).multiply(MICROS_PER_SECOND).setScale(0, RoundingMode.HALF_UP);
        return new Fraction(micros, MICROS_PER_SECOND);
    }

    /** A mean that is not known as counts (a survey's mean score): the shortest decimal that reads as the double. */
    public static Fraction decimal(Double value) {
        return value == null ? null : new Fraction(BigDecimal.valueOf(value), BigDecimal.ONE);
    }

    /** Negative, zero or positive as this value is below, equal to or above {@code threshold}. */
    public int compareTo(BigDecimal threshold) {
        return numerator.compareTo(threshold.multiply(denominator));
    }

    /** Equal when the values are equal, whatever the form (1/2 equals 2/4). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Fraction f
                && numerator.multiply(f.denominator).compareTo(f.numerator.multiply(denominator)) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(doubleValue());
    }

    /** The closest double (what the API reports). */
    public double doubleValue() {
        return numerator.divide(denominator, MathContext.DECIMAL128).doubleValue();
    }
}

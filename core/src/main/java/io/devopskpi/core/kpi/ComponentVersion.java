package io.devopskpi.core.kpi;

import java.util.Comparator;

/**
 * Orders component versions as metrics.md says: numeric parts compared as numbers (3.10.0 after 3.9.0), other
 * parts as text. When one version is a prefix of the other, the longer one is newer if it goes on with a number
 * (3.2.1 after 3.2) and older if it goes on with a label (3.2.0-beta before 3.2.0).
 */
final class ComponentVersion {
    static final Comparator<String> ORDER = ComponentVersion::compare;

    private ComponentVersion() {
    }

    static int compare(String a, String b) {
        String[] left = a.split("[.\\-+_]");
        String[] right = b.split("[.\\-+_]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = comparePart(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        if (left.length != right.length) {
            String[] longer = left.length > right.length ? left : right;
            boolean longerIsNewer = isNumber(longer[Math.min(left.length, right.length)]);
            return (left.length > right.length) == longerIsNewer ? 1 : -1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int comparePart(String a, String b) {
        boolean numericA = isNumber(a);
        boolean numericB = isNumber(b);
        if (numericA && numericB) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (numericA != numericB) {
            // a number ranks above a label such as "beta": 3.0.0 is newer than 3.0.beta
            return numericA ? 1 : -1;
        }
        return a.compareTo(b);
    }
}

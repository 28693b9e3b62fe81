package io.devopskpi.core.metric;

/** How a threshold compares the actual value with its limit. */
public enum Operator {
    AT_LEAST(">=", "is below"),
    ABOVE(">", "is not above"),
    AT_MOST("<=", "is above"),
    BELOW("<", "is not below");

    private final String symbol;
    private final String breachWords;

    Operator(String symbol, String breachWords) {
        this.symbol = symbol;
        this.breachWords = breachWords;
    }

    public String symbol() {
        return symbol;
    }

    /** How a message says the value breached the limit: "is below 0.90". */
    public String breachWords() {
        return breachWords;
    }

    /** Whether the operator holds given how the actual value compares with the limit (negative: below). */
    public boolean holds(int comparison) {
        return switch (this) {
            case AT_LEAST -> comparison >= 0;
            case ABOVE -> comparison > 0;
            case AT_MOST -> comparison <= 0;
            case BELOW -> comparison < 0;
        };
    }

    public static Operator bySymbol(String symbol) {
        for (Operator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        return null;
    }
}

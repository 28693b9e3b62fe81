package io.devopskpi.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Issue 12 item 9: numbers stay numbers (the formula guard is for text) and are rounded for people. */
class CsvWriterTest {
    @Test
    void numbersAreNumberCellsRoundedToFourSignificantDigits() {
        assertThat(CsvWriter.number(-0.30000000000000027)).isEqualTo("-0.3");
        assertThat(CsvWriter.number(0.21428571428571427)).isEqualTo("0.2143");
        assertThat(CsvWriter.number(0.8)).isEqualTo("0.8");
        assertThat(CsvWriter.number(3600.0)).isEqualTo("3600");
        assertThat(CsvWriter.number(86_400.6)).isEqualTo("86401"); // whole-number digits are all kept
        assertThat(CsvWriter.number(12.345_67)).isEqualTo("12.35");
        assertThat(CsvWriter.number(0.000_123_456)).isEqualTo("0.0001235");
        assertThat(CsvWriter.number(1e-20)).isEqualTo("0.00000000000000000001");
        assertThat(CsvWriter.number(-1e-20)).isEqualTo("-0.00000000000000000001");
        assertThat(CsvWriter.number(-0.0)).isEqualTo("0");
        assertThat(CsvWriter.number(123_456_789_012L)).isEqualTo("123456789012");
        assertThat(CsvWriter.number(Double.NaN)).isEmpty();
    }

    @Test
    void theFormulaGuardAppliesToTextOnly() {
        String csv = new CsvWriter().row(Arrays.asList("-1", -0.30000000000000027, "=SUM(A1)", -2, null, "a,b"))
                .toString();

        assertThat(csv).isEqualTo("'-1,-0.3,'=SUM(A1),-2,,\"a,b\"\r\n");
    }
}

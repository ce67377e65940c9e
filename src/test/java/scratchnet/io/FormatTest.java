package scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void shortestNumbersWithoutANeedlessPoint() {
        assertEquals("2", Format.number(2.0));
        assertEquals("-3", Format.number(-3.0));
        assertEquals("0.1", Format.number(0.1));
        assertEquals("1.0E15", Format.number(1e15), "past exact longs: Double.toString");
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("Infinity", Format.number(Double.POSITIVE_INFINITY), "not finite: Double.toString, as before");
        assertEquals("-Infinity", Format.number(Double.NEGATIVE_INFINITY));
        assertEquals("-0", Format.number(-0.0), "exact: -0 reads back as -0");
        assertEquals("0", Format.number(0.0));
        assertEquals("999999999999999", Format.number(999999999999999.0));
        assertEquals("-4.9E-324", Format.number(-Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", Format.number(Double.MAX_VALUE));
        assertEquals("1.0E308", Format.number(1e308));
        assertEquals("0.060282600563365873", Format.number(0.060282600563365873), "the JVM's own text, which reads back");
        for (double v : new double[] {0.3, 1e-7, 123456.789, -2.5e-300, -0.0, Double.MIN_NORMAL, 9007199254740993.0}) {
            assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Decimal.parse(Format.number(v))), "reads back exactly");
            assertEquals(Decimal.text(v), Format.number(v), "one codec");
        }
    }

    @Test
    void fixedDecimalsAndPercentages() {
        assertEquals("0.2500", Format.fixed(0.25, 4));
        assertEquals("-1.50", Format.fixed(-1.5, 2));
        assertEquals("0.00", Format.fixed(-0.001, 2), "no minus sign on a rounded zero");
        assertEquals("3", Format.fixed(2.5, 0));
        assertEquals("—", Format.fixed(Double.NaN, 4));
        assertEquals("97.5%", Format.percent(0.975));
        assertEquals("—", Format.percent(Double.POSITIVE_INFINITY));
    }

    @Test
    void significantDigitsForRanges() {
        assertEquals("-2.31", Format.significant(-2.3145, 3));
        assertEquals("4.50", Format.significant(4.5, 3));
        assertEquals("0", Format.significant(0, 3));
        assertEquals("0", Format.significant(-0.0, 3));
        assertEquals("1000", Format.significant(1000, 3));
        assertEquals("100", Format.significant(99.96, 3), "rounding may carry into a new digit");
        assertEquals("0.00123", Format.significant(0.0012345, 3));
        assertEquals("0.00100", Format.significant(0.001, 3), "an exact power of ten");
        assertEquals("1.23e7", Format.significant(12345678, 3));
        assertEquals("-1.0e-7", Format.significant(-1e-7, 2));
        assertEquals("—", Format.significant(Double.NaN, 3));
    }

    @Test
    void clipsUntrustedText() {
        assertEquals("short", Format.clip("short"));
        assertEquals("x".repeat(40) + "…", Format.clip("x".repeat(41)));
    }

    @Test
    void scientificNotationWithoutStringFormat() {
        assertEquals("3.2e-9", Format.scientific(3.2e-9, 2));
        assertEquals("-3.2e-9", Format.scientific(-3.2e-9, 2));
        assertEquals("1.23e4", Format.scientific(12345, 3));
        assertEquals("1.0e-3", Format.scientific(0.001, 2));
        assertEquals("1.0e0", Format.scientific(0.99999, 2), "rounding carries into the exponent");
        assertEquals("1e2", Format.scientific(100, 1));
        assertEquals("4.9e-324", Format.scientific(Double.MIN_VALUE, 2));
        assertEquals("1.8e308", Format.scientific(Double.MAX_VALUE, 2));
        assertEquals("0", Format.scientific(0, 2));
        assertEquals("NaN", Format.scientific(Double.NaN, 2));
        assertEquals("∞", Format.scientific(Double.POSITIVE_INFINITY, 2));
        for (double v = 1e-300; v < 1e300; v *= 7.3) {
            assertEquals(v, Double.parseDouble(Format.scientific(v, 2)), v * 0.051, "" + v);
        }
        assertEquals("0.2500", Format.compact(0.25));
        assertEquals("-3.1e-6", Format.compact(-3.1e-6));
        assertEquals("0.0000", Format.compact(0));
    }
}

package scratchnet.crossplatform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;
import scratchnet.io.Decimal;
import scratchnet.io.Format;

/**
 * Every way the page writes a number as text ({@link Format}: the exact fields, the tables'
 * fixed and compact numbers, the summaries' significant digits, the percentages, the scientific
 * notation), swept over ±1e-12 … ±1e6 and the edges between their forms, reads back (with the
 * exact codec, {@link Decimal#parse}) within the precision it shows: on the JVM, as JS and as
 * Wasm GC. A text that drops an exponent or a digit before the point fails here.
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class FormatSweepIT {
    private static final double[] MANTISSAS = {1, 1.5, 2.345678901, 5.3958352489, 9.99, 9.99995, 9.999999};

    /** ±m·10^e for every mantissa and e from −12 to 6, and the edges where a form changes. */
    private static double[] sweep() {
        double[] edges = {0.001, 0.00099999, 0.0009995, 999999.99, 1e6, 999999.4, 0.99995, 0.49999, 1e-12, 1e6};
        double[] out = new double[2 * (MANTISSAS.length * 19 + edges.length)];
        int n = 0;
        for (int e = -12; e <= 6; e++) {
            for (double m : MANTISSAS) {
                double v = m * Math.pow(10, e);
                out[n++] = v;
                out[n++] = -v;
            }
        }
        for (double v : edges) {
            out[n++] = v;
            out[n++] = -v;
        }
        return out;
    }

    private static double read(String text) {
        assertTrue("\"" + text + "\" is a decimal number", Decimal.isDecimal(text));
        return Decimal.parse(text);
    }

    @Test
    public void theExactFormReadsBackToTheBit() {
        for (double v : sweep()) {
            assertEquals(Format.number(v), Double.doubleToLongBits(v), Double.doubleToLongBits(read(Format.number(v))));
        }
    }

    @Test
    public void fixedDecimalsReadBackWithinHalfTheirLastDigit() {
        for (double v : sweep()) {
            for (int d = 0; d <= 4; d++) {
                String t = Format.fixed(v, d);
                double half = 0.5 * Math.pow(10, -d);
                assertTrue(v + " as " + t, Math.abs(read(t) - v) <= half * (1 + 1e-9) + Math.ulp(v));
            }
        }
    }

    @Test
    public void significantDigitsReadBackWithinTheirPrecision() {
        for (double v : sweep()) {
            for (int digits = 2; digits <= 8; digits++) {
                String t = Format.significant(v, digits);
                double rel = 0.5 * Math.pow(10, 1 - digits);
                assertTrue(v + " to " + digits + " digits as " + t, Math.abs(read(t) - v) <= rel * Math.abs(v) * (1 + 1e-9));
                String s = Format.scientific(v, digits);
                assertTrue(v + " in scientific, " + digits + " digits, as " + s,
                        Math.abs(read(s) - v) <= rel * Math.abs(v) * (1 + 1e-9));
            }
        }
    }

    @Test
    public void theTablesCompactNumbersReadBackAndNeverHideASmallOne() {
        for (double v : sweep()) {
            String t = Format.compact(v);
            double back = read(t);
            if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6) {
                assertTrue(v + " as " + t, Math.abs(back - v) <= 0.5e-4 * (1 + 1e-9) + Math.ulp(v));
            } else {
                assertTrue(v + " as " + t + ": two significant digits", Math.abs(back - v) <= 0.05 * Math.abs(v) * (1 + 1e-9));
            }
            assertTrue(v + " as " + t + " reads as zero", back != 0);
        }
    }

    @Test
    public void percentagesReadBackWithinATenthOfAPoint() {
        for (int k = 0; k <= 2000; k++) {
            double f = k / 2000.0;
            String t = Format.percent(f);
            assertTrue(t, t.endsWith("%"));
            assertTrue(f + " as " + t, Math.abs(read(t.substring(0, t.length() - 1)) - 100 * f) <= 0.05 * (1 + 1e-9) + 1e-12);
        }
    }

    /** The same text everywhere: a few of the page's forms, pinned as the JVM writes them. */
    @Test
    public void theTextIsTheSameOnEveryPlatform() {
        assertEquals("-5.3958352489E-4", Format.number(-5.3958352489e-4));
        assertEquals("-5.4e-4", Format.compact(-5.3958352489e-4));
        assertEquals("-0.0005", Format.fixed(-5.3958352489e-4, 4));
        assertEquals("1.23e7", Format.significant(12345678, 3));
        assertEquals("9.9e-13", Format.compact(9.9e-13));
        assertEquals("999999.9900", Format.compact(999999.99));
        assertEquals("1.0e6", Format.compact(1e6));
        assertEquals("97.5%", Format.percent(0.975));
    }
}

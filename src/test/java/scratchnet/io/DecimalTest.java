package scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;

/** Decimal against the JVM's Double.parseDouble and Double.toString, which are correctly rounded. */
class DecimalTest {
    private static void assertParses(String s) {
        double expected = Double.parseDouble(s);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(Decimal.parse(s)), s);
    }

    @Test
    void theGrammar() {
        for (String s : new String[] {"0", "-0", "+2", ".5", "5.", "1e-3", "1E+2", "-.25e1", "0001.50", "1.0E-7"}) {
            assertTrue(Decimal.isDecimal(s), s);
        }
        for (String s : new String[] {"", ".", "+", "-", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "0x10", "1_000", "Infinity",
            "NaN", "1d", "1f", "--1", "1e5.5", "١", "１"}) {
            assertFalse(Decimal.isDecimal(s), s);
            assertThrows(NumberFormatException.class, () -> Decimal.parse(s), s);
        }
    }

    @Test
    void hardCasesParseAsTheJvmDoes() {
        String[] hard = {
            "0.060282600563365873", "-1.0121427094991531E-11", "-6.5302797480330534", "5.8355075349063394",
            "9007199254740993", "9007199254740993.00001", "9007199254740992.99999", "9007199254740995",
            "4.9E-324", "2.4703282292062327E-324", "2.4703282292062328E-324", "4.9406564584124654E-324",
            "2.2250738585072011E-308", "2.2250738585072012E-308", "2.2250738585072014E-308", "9.3486717169185E-309",
            "2.196058263771235E-308", "1.7976931348623157E308", "1.7976931348623158E308", "1.7976931348623159E308",
            "0.1000000000000000055511151231257827021181583404541015625", "123456789012345678901234567890",
            "1e22", "1e23", "8.41e21", "1e-400", "1e400", "1e99999999999999999999", "-1e-99999999999999999999",
            "0.000000000000000000000000000000000000000001", "100000000000000000000000", "3.0E-45", "0e500", "-0.0e-500",
        };
        for (String s : hard) {
            assertParses(s);
        }
    }

    @Test
    void randomTextsParseAsTheJvmDoes() {
        Rng rng = new Rng(99);
        for (int i = 0; i < 10_000; i++) {
            double v = CsvTest.randomNumber(rng);
            if (i % 3 == 0) {
                v = Double.longBitsToDouble(rng.nextLong()); // any double at all
                if (!Double.isFinite(v)) {
                    continue;
                }
            }
            assertParses(Double.toString(v));
            assertParses(new BigDecimal(v).round(new MathContext(1 + rng.nextInt(25))).toString()); // other digit counts
            String digits = Long.toString(rng.nextLong() & Long.MAX_VALUE);
            assertParses(digits.substring(0, 1 + rng.nextInt(digits.length())) + "e" + (rng.nextInt(700) - 350));
        }
    }

    @Test
    void upToNineteenDigitsParseAsTheJvmDoes() {
        // The 64-bit path (EiselLemire) against the JVM at every exponent it covers, and past its ends.
        Rng rng = new Rng(19);
        for (int i = 0; i < 300_000; i++) {
            String digits = Long.toUnsignedString(rng.nextLong());
            digits = digits.substring(0, 1 + rng.nextInt(digits.length()));
            assertParses(digits + "e" + (rng.nextInt(720) - 362));
            double v = Double.longBitsToDouble(rng.nextLong() & Long.MAX_VALUE);
            if (Double.isFinite(v)) {
                assertParses(Double.toString(v));
                assertParses(new BigDecimal(v).round(new MathContext(16 + rng.nextInt(4))).toString());
            }
        }
        for (long w : new long[] {1, 9, 4503599627370497L, 9007199254740993L, Long.parseUnsignedLong("9999999999999999999"), Long.parseUnsignedLong("18446744073709551615")}) {
            for (int q = -350; q <= 320; q++) {
                assertParses(Long.toUnsignedString(w) + "e" + q);
            }
        }
    }

    @Test
    void halfwayCasesRoundToEven() {
        Rng rng = new Rng(3);
        for (int i = 0; i < 4_000; i++) {
            double v = i % 2 == 0 ? CsvTest.randomNumber(rng) : Double.longBitsToDouble(rng.nextLong() & 0x7FEFFFFFFFFFFFFFL);
            if (v == 0 || !Double.isFinite(v) || Math.abs(v) == Double.MAX_VALUE) {
                continue;
            }
            BigDecimal a = new BigDecimal(v);
            BigDecimal b = new BigDecimal(Math.nextUp(v));
            BigDecimal mid = a.add(b).divide(BigDecimal.valueOf(2)); // exact: a midpoint has a finite decimal
            assertParses(mid.toString());
            assertParses(mid.add(BigDecimal.ONE.movePointLeft(mid.scale() + 5)).toString());
            assertParses(mid.subtract(BigDecimal.ONE.movePointLeft(mid.scale() + 5)).toString());
        }
    }

    @Test
    void textReadsBackExactly() {
        Rng rng = new Rng(11);
        for (int i = 0; i < 30_000; i++) {
            double v = i % 2 == 0 ? CsvTest.randomNumber(rng) : Double.longBitsToDouble(rng.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            String s = Decimal.text(v);
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Decimal.parse(s)), s);
            assertEquals(Double.doubleToLongBits(v), Double.doubleToLongBits(Double.parseDouble(s)), s);
        }
        assertEquals("0.1", Decimal.text(0.1));
        assertEquals("2", Decimal.text(2));
        assertEquals("-0", Decimal.text(-0.0));
        assertEquals("0", Decimal.text(0.0));
        assertEquals("1.0E-7", Decimal.text(1e-7));
        assertThrows(IllegalArgumentException.class, () -> Decimal.text(Double.NaN));
    }
}

package scratchnet.crossplatform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;
import scratchnet.data.Rng;
import scratchnet.io.Csv;
import scratchnet.io.Decimal;
import scratchnet.io.PointTable;
import scratchnet.io.PointTable.Row;

/**
 * {@link Csv} reads the same points, bit for bit, and says the same things on the JVM, as JS and as
 * Wasm GC, and what it writes there reads back exactly. The numbers below are ones TeaVM 0.16's own
 * {@code Double.parseDouble} reads a unit off, or whose {@code Double.toString} does not read back
 * (found by running TeaVM's classlib on the JVM); expected bits were printed on the JVM.
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class CsvIT {
    static final String[] TEXTS = {"-3.463428169474532E-5", "0.060282600563365873", "4900.3544962913375",
        "-4.1182442184330273E-4", "-22641.515980184002", "-5.9491157230083624", "4.7718237539815103E-4",
        "5.1908683529244603E-5", "4.9E-324", "9007199254740993.00001", "9.3486717169185E-309", "2.196058263771235E-308",
        "1e-400", "-0", ".5", "5.", "+2", "1e-3", "1E+2", "-.25e1", "123456789012345678901234567890",
        "1.7976931348623157E308", "1e400"};
    static final long[] BITS = {0xbf022888db8b5993L, 0x3faedd5c6bdffe60L, 0x40b3245ac044d9d9L,
        0xbf3afd446c6b3917L, 0xc0d61c6105d1bfebL, 0xc017cbe4fdf9c2e1L, 0x3f3f45cab251ee19L,
        0x3f0b3710c8fbccacL, 0x1L, 0x4340000000000001L, 0x6b8f0552cf1e5L, 0xfca9645744b6fL,
        0x0L, 0x8000000000000000L, 0x3fe0000000000000L, 0x4014000000000000L, 0x4000000000000000L, 0x3f50624dd2f1a9fcL,
        0x4059000000000000L, 0xc004000000000000L, 0x45f8ee90ff6c373eL,
        0x7fefffffffffffffL, 0x7ff0000000000000L};

    @Test
    public void hardNumbersParseToTheJvmsBits() {
        for (int i = 0; i < TEXTS.length; i++) {
            assertEquals(TEXTS[i], BITS[i], Double.doubleToLongBits(Decimal.parse(TEXTS[i])));
        }
    }

    @Test
    public void aFileOfThemReadsToTheSameBits() throws Csv.Invalid {
        int[] inRange = {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}; // within ±1e12
        StringBuilder s = new StringBuilder("\uFEFFlabel;Y;X\r\n");
        for (int i = 0; i < inRange.length; i++) {
            String x = TEXTS[inRange[inRange.length - 1 - i]];
            s.append(i % 2 == 0 ? "\"cat\"" : "'=dog").append(';').append(TEXTS[inRange[i]]).append(';').append(x).append("\r\n");
        }
        PointTable t = Csv.read(s.toString(), Csv.Kind.AUTO, 1000);
        assertEquals(Csv.Kind.CLASSES, t.kind);
        assertEquals(List.of("cat", "=dog"), t.classNames);
        for (int i = 0; i < inRange.length; i++) {
            assertEquals("x of line " + (i + 2), BITS[inRange[inRange.length - 1 - i]], Double.doubleToLongBits(t.rows.get(i).x));
            assertEquals("y of line " + (i + 2), BITS[inRange[i]], Double.doubleToLongBits(t.rows.get(i).y));
        }
        assertEquals("19 points, 2 classes (cat: 10, =dog: 9), x in [-22642, 4900], y in [-22642, 4900]", t.summary);
    }

    @Test
    public void writtenTextReadsBackExactly() throws Csv.Invalid {
        // TeaVM's Double.toString drops a needed digit for these; Decimal.text must not.
        for (int i = 1; i < 8; i++) {
            double v = Double.longBitsToDouble(BITS[i]);
            assertEquals(TEXTS[i], BITS[i], Double.doubleToLongBits(Decimal.parse(Decimal.text(v))));
        }
        Rng rng = new Rng(42);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            double x = rng.uniform(-3, 3);
            double y = rng.nextGaussian() * Math.pow(10, rng.nextInt(16) - 8);
            rows.add(i % 3 == 0 ? Row.ofClass(x, y, rng.nextInt(3)) : Row.ofClass(y, x, rng.nextInt(3)));
        }
        List<String> names = List.of("-1", "+SUM(A1)", "猫 🐶");
        String text = Csv.write(rows, Csv.Kind.CLASSES, names);
        PointTable back = Csv.read(text, Csv.Kind.AUTO, 1000);
        assertEquals(names, back.classNames);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals("row " + i, rows.get(i), back.rows.get(i));
        }
        // -0 from its bits: a -0.0 literal may be merged with a 0.0 constant by TeaVM's optimiser.
        double minusZero = Double.longBitsToDouble(0x8000000000000000L);
        List<Row> targets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            targets.add(Row.ofTarget(rng.nextGaussian(), minusZero, rng.nextGaussian() * 1e6));
        }
        String regression = Csv.write(targets, Csv.Kind.REGRESSION, List.of());
        assertTrue(regression, regression.startsWith("x,y,target\n") && regression.contains(",-0,"));
        List<Row> read = Csv.read(regression, Csv.Kind.AUTO, 1000).rows;
        assertEquals(targets, read);
        assertEquals(0x8000000000000000L, Double.doubleToLongBits(read.get(0).y));
    }

    @Test
    public void simpleNumbersAreWrittenTheSameEverywhere() {
        List<Row> rows = List.of(Row.ofClass(0.1, -2, 1), Row.ofClass(1e-7, 123456.789, 0), Row.ofClass(-0.0, 0.5, 2));
        assertEquals("# classes: -1,+1,\"'=2+3\"\nx,y,label\n0.1,-2,+1\n1.0E-7,123456.789,-1\n-0,0.5,\"'=2+3\"\n",
                Csv.write(rows, Csv.Kind.CLASSES, List.of("-1", "+1", "=2+3")));
    }

    @Test
    public void errorsSayTheSameEverywhere() {
        String[][] cases = {
            {"x,y,label\n1,2,a\n1,abc,a", "line 3, column 2: 'abc' is not a number"},
            {"x,y,label\n1,2,a\n7\n", "line 3: 3 fields expected, found 1"},
            {"0,0,a\nNaN,1,a", "line 2, column 1: NaN is not a finite number"},
            {"1e400,0,a", "line 1, column 1: 1e400 is out of range (at most 1e12 in size)"},
            {"1e99999999999999999999,0,a", "line 1, column 1: 1e99999999999999999999 is out of range (at most 1e12 in size)"},
            {"1,5;2,5;a", "line 1, column 1: '1,5' is not a number (decimals take a point: 1.5)"},
            {"ab\u0000c", "line 1: not text (a NUL byte at character 3)"},
            {"x\r\n1,\u001b", "line 2: not text (the control character U+001B at character 3)"},
            {"1,2,caf\uFFFD", "line 1: not UTF-8 text (a byte that is not UTF-8 at character 8): save the file as UTF-8"},
            {"X,Y,LABEL,Class\n1,2,a,b", "line 1, column 4: a second label column ('Class'; column 3 is 'LABEL')"},
            {"#  Classes : a,b\n1,2,c", "line 2, column 3: 'c' is not one of the classes on line 1 (a, b)"},
            {"1,2,a\n1,2,b\n1,2,c\n1,2,d\n1,2,e\n1,2,f\n1,2,\u00e9l\u00e8ve", "line 7, column 3: a 7th class, '\u00e9l\u00e8ve': at most 6 classes (a, b, c, d, e, f)"},
            {"x,y,label\n1,2,\"a\n", "line 2, column 3: the quote opened here is never closed"},
            {"", "the file is empty"},
            {"x,y,label", "line 1 is a header, and no points follow it"},
        };
        for (String[] c : cases) {
            try {
                Csv.read(c[0], Csv.Kind.AUTO, 1000);
                fail("read: " + c[0]);
            } catch (Csv.Invalid e) {
                assertEquals(c[0], c[1], e.getMessage());
            }
        }
    }

    @Test
    public void regressionSummaryUsesTheSameDigits() throws Csv.Invalid {
        PointTable t = Csv.read("x\ty\ttarget\n-2.3145\t0\t1e-7\n4.5\t1000\t12345678\n0.001\t99.96\t-3.2\n", Csv.Kind.AUTO, 10);
        assertEquals(Csv.Kind.REGRESSION, t.kind);
        assertEquals("3 points, x in [-2.31, 4.50], y in [0, 1000], target in [-3.20, 1.23e7]", t.summary);
    }
}

package scratchnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.io.Csv.Kind;
import scratchnet.io.PointTable.Row;

class CsvTest {
    private static final int MAX = 1000;

    private static PointTable read(String text) throws Csv.Invalid {
        return Csv.read(text, Kind.AUTO, MAX);
    }

    private static String invalid(String text) {
        return invalid(text, Kind.AUTO);
    }

    private static String invalid(String text, Kind kind) {
        return assertThrows(Csv.Invalid.class, () -> Csv.read(text, kind, MAX), text).getMessage();
    }

    private static List<Row> classRows(double... xyc) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < xyc.length; i += 3) {
            rows.add(Row.ofClass(xyc[i], xyc[i + 1], (int) xyc[i + 2]));
        }
        return rows;
    }

    // ---- reading what is right ----

    @Test
    void readsThePlaygroundsMinusOnePlusOne() throws Exception {
        PointTable t = read("x,y,label\n0.5,-1.25,-1\n2,3,+1\n-0.5,.5,1\n");
        assertEquals(Kind.CLASSES, t.kind);
        assertEquals(List.of("-1", "+1"), t.classNames);
        assertEquals(classRows(0.5, -1.25, 0, 2, 3, 1, -0.5, 0.5, 1), t.rows);
        assertEquals("3 points, 2 classes (-1: 1, +1: 2), x in [-0.500, 2.00], y in [-1.25, 3.00]", t.summary);
    }

    @Test
    void namesBecomeClassesInTheOrderTheyFirstAppear() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 412; i++) {
            String name = i % 3 == 0 ? "cat" : i % 3 == 1 ? "dog" : "bird";
            s.append(i == 0 ? -2.31 : i == 1 ? 4.5 : 1).append(',').append(i == 2 ? 1000 : 0).append(',').append(name).append('\n');
        }
        PointTable t = read(s.toString());
        assertEquals(List.of("cat", "dog", "bird"), t.classNames);
        assertEquals("412 points, 3 classes (cat: 138, dog: 137, bird: 137), x in [-2.31, 4.50], y in [0, 1000]", t.summary);
        assertEquals(0, t.rows.get(0).classIndex);
        assertEquals(2, t.rows.get(2).classIndex);
        assertTrue(Double.isNaN(t.rows.get(0).target));
    }

    @Test
    void regressionSaysItsTargetRange() throws Exception {
        PointTable t = read("x,y,target\n1,2,-3.2\n3,4,7.1\n");
        assertEquals(Kind.REGRESSION, t.kind);
        assertEquals(List.of(), t.classNames);
        assertEquals(List.of(Row.ofTarget(1, 2, -3.2), Row.ofTarget(3, 4, 7.1)), t.rows);
        assertEquals(-1, t.rows.get(0).classIndex);
        assertEquals("2 points, x in [1.00, 3.00], y in [2.00, 4.00], target in [-3.20, 7.10]", t.summary);
        assertEquals("1 point, 1 class (a: 1), x in [0, 0], y in [0, 0]", read("0,0,a").summary);
    }

    @Test
    void autoDecidesByHeaderWordThenClassesLineThenValues() throws Exception {
        assertEquals(Kind.CLASSES, read("1,2,-1\n3,4,1").kind);
        assertEquals(List.of("0", "1", "2"), read("1,2,0\n3,4,2\n5,6,1").classNames, "0 to K-1: as many as the largest + 1");
        assertEquals(List.of("0", "1"), read("1,2,1\n3,4,1").classNames);
        assertEquals(List.of(1, 0), indices(read("1,2,1.0\n3,4,0e0")), "integer values, however written");
        assertEquals(Kind.CLASSES, read("1,2,5\n3,4,0").kind);
        assertEquals(Kind.REGRESSION, read("1,2,6\n3,4,0").kind, "7 integers is more than a set of classes");
        assertEquals(Kind.REGRESSION, read("1,2,-1\n3,4,0\n5,6,1").kind, "-1, 0, 1 is neither convention");
        assertEquals(Kind.REGRESSION, read("1,2,0.5\n3,4,1").kind);
        assertEquals(Kind.CLASSES, read("1,2,3\n3,4,dog").kind, "a name makes every label a name");
        assertEquals(List.of("3", "dog"), read("1,2,3\n3,4,dog").classNames);
        assertEquals(Kind.REGRESSION, read("x,y,target\n1,2,-1\n3,4,1").kind, "the header's word first");
        assertEquals(Kind.REGRESSION, read("x,y,value\n1,2,0\n3,4,1").kind);
        assertEquals(Kind.CLASSES, read("x,y,class\n1,2,0\n3,4,1").kind);
        assertEquals(Kind.CLASSES, read("# classes: 0.5,2.5\n1,2,0.5\n3,4,2.5").kind, "then a classes line");
        assertTrue(invalid("x,y,label\n1,2,0.5").contains("line 2, column 3: 0.5 is not a class"));
        assertEquals(List.of(Row.ofTarget(1, 2, 1), Row.ofTarget(3, 4, -1)),
                Csv.read("x,y,label\n1,2,1\n3,4,-1", Kind.REGRESSION, MAX).rows, "the caller's word over all");
        assertEquals("line 2, column 3: 0.5 is not a class: labels are -1 and +1, or 0 to 5, or names",
                invalid("x,y,target\n1,2,0.5\n3,4,7", Kind.CLASSES));
    }

    private static List<Integer> indices(PointTable t) {
        List<Integer> out = new ArrayList<>();
        for (Row r : t.rows) {
            out.add(r.classIndex);
        }
        return out;
    }

    @Test
    void separatorsTabsAndSemicolons() throws Exception {
        List<Row> expected = classRows(1.5, 2, 0, -3, 4e-3, 1);
        assertEquals(expected, read("x\ty\tlabel\n1.5\t2\tcat\n-3\t4e-3\tdog\n").rows);
        assertEquals(expected, read("x;y;label\n1.5;2;cat\n-3;4e-3;dog\n").rows);
        assertEquals(expected, read("1.5 , 2 , cat\n -3,4e-3,  dog  \n").rows, "fields are trimmed");
        assertEquals(List.of("a,b", "c"), read("1;2;a,b\n3;4;c").classNames, "more ';' than ','");
        assertEquals(List.of(" a ", "b"), read("1\t2\t\" a \"\n3\t4\tb").classNames, "quoted fields keep their spaces");
        assertEquals("line 1, column 1: '1,5' is not a number (decimals take a point: 1.5)", invalid("1,5;2,5;a"));
    }

    @Test
    void headersNameColumnsInAnyOrder() throws Exception {
        List<Row> expected = classRows(1, 2, 0, 3, 4, 1);
        assertEquals(expected, read("label,x,y\ncat,1,2\ndog,3,4").rows);
        assertEquals(expected, read("Y , CLASS , X\n2,cat,1\n4,dog,3").rows);
        assertEquals(expected, read("\"x\",\"y\",\"label\"\n1,2,cat\n3,4,dog").rows);
        assertEquals(expected, read("id,x,note,y,label,weight\n7,1,hi,2,cat,0.1\n8,3,\"a, b\",4,dog,abc").rows,
                "a header picks its columns; the others are not read");
        assertEquals(expected, read("a,b,c\n1,2,cat\n3,4,dog").rows, "titles only: x, y, label by position");
        assertEquals("line 2, column 3: 'cat' is not a number", invalid("x,y,target\n1,2,cat"));
        assertEquals(List.of(Row.ofTarget(1, 2, 5)), Csv.read("x,y,label,target\n1,2,cat,5", Kind.REGRESSION, MAX).rows);
        assertEquals(List.of("cat"), Csv.read("x,y,label,target\n1,2,cat,5", Kind.CLASSES, MAX).classNames);
    }

    @Test
    void headerMistakes() {
        assertEquals("line 1, column 3: a second x column ('X'; column 1 is 'x')", invalid("x,y,X\n1,2,3"));
        assertEquals("line 1, column 4: a second label column ('class'; column 3 is 'label')", invalid("x,y,label,class\n1,2,a,b"));
        assertEquals("line 1: the header names no y column", invalid("x,why,label\n1,2,a"));
        assertEquals("line 1: the header names no label or target column (label, class, target or value)",
                invalid("x,y,lable\n1,2,a"));
        assertEquals("line 1: the header names both a label column (3) and a target column (4): ask for classes or for regression",
                invalid("x,y,label,target\n1,2,a,5"));
        assertEquals("line 1: 3 fields expected, found 4 (a header naming x, y and label picks 3 columns out of more)",
                invalid("a,b,c,d\n1,2,3,4"));
        assertEquals("line 2 is a header, and no points follow it", invalid("# points\nx,y,label\n\n# none\n"));
    }

    @Test
    void linesEndAnyWayAndCommentsAndBlanksAreSkipped() throws Exception {
        List<Row> expected = classRows(1, 2, 0, 3, 4, 1);
        assertEquals(expected, read("x,y,label\r\n1,2,a\r\n3,4,b\r\n").rows);
        assertEquals(expected, read("x,y,label\r1,2,a\r3,4,b").rows);
        assertEquals(expected, read("\uFEFFx,y,label\n1,2,a\n3,4,b").rows, "a byte order mark");
        assertEquals(expected, read("\uFEFF1,2,a\n3,4,b").rows);
        assertEquals(expected, read("# made by hand\n\n  \t\nx,y,label\n  # two points\n1,2,a\n\n\n3,4,b\n\n").rows);
        assertEquals("line 6, column 1: 'oops' is not a number", invalid("# a\r\n\r\nx,y,label\r\n1,2,a\r\n\r\noops,3,b\r\n"));
    }

    @Test
    void quotedFields() throws Exception {
        PointTable t = read("x,y,label\n1,2,\"a, b\"\n3,4,\"say \"\"hi\"\"\"\n5,6,\"two\nlines\"\n7,8, \"x\" \n\"9\",\"10\",x");
        assertEquals(List.of("a, b", "say \"hi\"", "two\nlines", "x"), t.classNames);
        assertEquals(Row.ofClass(9, 10, 3), t.rows.get(4));
        assertEquals("line 3, column 3: the quote opened here is never closed", invalid("x,y,label\n1,2,a\n3,4,\"b\n5,6,c"));
        assertEquals("line 2, column 3: text after the closing quote", invalid("x,y,label\n1,2,\"a\"b"));
        assertEquals("line 4, column 1: 'z' is not a number", invalid("x,y,label\n1,2,\"a\nb\"\nz,1,a"),
                "lines inside quotes are counted");
        assertEquals(List.of("5'11\""), read("1,2,5'11\"").classNames, "a quote inside an unquoted field is a character");
    }

    @Test
    void unicodeNames() throws Exception {
        PointTable t = read("x,y,label\n1,2,café\n3,4,猫\n5,6,🐶\n7,8,Ωmega");
        assertEquals(List.of("café", "猫", "🐶", "Ωmega"), t.classNames);
        assertEquals(t.rows, read(Csv.write(t)).rows);
        assertEquals(t.classNames, read(Csv.write(t)).classNames);
    }

    @Test
    void numbersAreReadStrictly() throws Exception {
        String[] good = {"1e-3", "+2", "-0.5", ".5", "5.", "1E+2", "0001.50", "-.25e1", "1.0E-7", "1e12", "-1e12", "1e-400"};
        double[] values = {1e-3, 2, -0.5, 0.5, 5, 100, 1.5, -2.5, 1e-7, 1e12, -1e12, 0};
        for (int i = 0; i < good.length; i++) {
            assertEquals(values[i], read(good[i] + ",0,a").rows.get(0).x, 0, good[i]);
        }
        String[] bad = {"0x10", "1_000", "1e", "e5", ".", "+", "--1", "1.2.3", "1 2", "1e+", "1d", "1f", "١", "１", "0b1", "½"};
        for (String b : bad) {
            assertEquals("line 1, column 1: '" + b + "' is not a number", invalid(b + ",0,a"), b);
        }
        assertEquals("line 1, column 2: the field is empty: a number was expected", invalid("1,,a"));
        assertEquals("line 1, column 1: a number of 101 characters is too long (at most 100)", invalid("1" + "0".repeat(100) + ",0,a"));
        assertEquals(-0.0, read("-0,0,a").rows.get(0).x, 0);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(read("-0,0,a").rows.get(0).x));
    }

    // ---- hostile and broken input ----

    @Test
    void nonFiniteAndHugeNumbersSayWhy() {
        assertEquals("line 9, column 1: NaN is not a finite number", invalid("x,y,label\n" + "0,0,a\n".repeat(7) + "NaN,1,a"));
        assertEquals("line 1, column 2: Infinity is not a finite number", invalid("0,Infinity,a"));
        assertEquals("line 1, column 1: -Infinity is not a finite number", invalid("-Infinity,0,a"));
        assertEquals("line 1, column 1: -inf is not a finite number", invalid("-inf,0,a"));
        assertEquals("line 3, column 1: 1e400 is out of range (at most 1e12 in size)", invalid("x,y,label\n0,0,a\n1e400,0,a"));
        assertEquals("line 1, column 2: 1e300 is out of range (at most 1e12 in size)", invalid("0,1e300,a"));
        assertEquals("line 1, column 1: -1000000000001 is out of range (at most 1e12 in size)", invalid("-1000000000001,0,a"));
        assertEquals("line 1, column 1: 1e99999999999999999999 is out of range (at most 1e12 in size)",
                invalid("1e99999999999999999999,0,a"), "an exponent past an int");
        assertEquals("line 2, column 3: NaN is not a finite number", invalid("x,y,target\n1,2,NaN"));
        assertEquals("line 2, column 3: NaN is not a finite number", invalid("1,2,0.5\n1,2,NaN"), "AUTO: a bad number is not a name");
        assertEquals("line 2, column 3: 1e400 is out of range (at most 1e12 in size)", invalid("1,2,1\n1,2,1e400"));
        assertEquals(List.of("a", "NaN"), assertDoesNotThrow("1,2,a\n3,4,NaN").classNames, "among names, NaN is a name");
    }

    private static PointTable assertDoesNotThrow(String text) {
        try {
            return read(text);
        } catch (Csv.Invalid e) {
            throw new AssertionError(text + ": " + e.getMessage(), e);
        }
    }

    @Test
    void raggedRowsAndTooFewOrManyColumns() {
        assertEquals("line 5: 3 fields expected, found 1", invalid("x,y,label\n1,2,a\n3,4,b\n5,6,a\n7\n8,9,b"));
        assertEquals("line 1: 3 fields expected, found 1", invalid("5\n6\n"), "one column");
        assertEquals("line 1: 3 fields expected, found 2", invalid("5,6\n7,8\n"), "two columns");
        assertEquals("line 1: 3 fields expected, found 1", invalid("a\nb\n"), "a one-column title");
        assertEquals("line 1: the header names no y column", invalid("x,label\n1,a"));
        assertEquals("line 1: 3 fields expected, found 4 (a header naming x, y and label picks 3 columns out of more)",
                invalid("1,2,a,extra\n"), "four columns without a header");
        assertEquals("line 3: 4 fields expected, found 3", invalid("x,y,label,n\n1,2,a,1\n1,2,a"), "a named header sets the width");
        assertTrue(invalid("1,2,a\n1,2,a,\n").startsWith("line 2: 3 fields expected, found 4"), "a trailing separator is a field");
        assertEquals("line 17, column 2: 'abc' is not a number", invalid("x,y,label\n" + "1,2,a\n".repeat(15) + "1,abc,a"));
    }

    @Test
    void emptyFilesAndFilesWithoutPoints() {
        assertEquals("the file is empty", invalid(""));
        assertEquals("the file is empty", invalid("\uFEFF \r\n\t\n"));
        assertEquals("no points: the file has only blank lines and comments", invalid("# nothing\n\n# here"));
        assertEquals("line 1 is a header, and no points follow it", invalid("x,y,label"));
        assertEquals("no text given", assertThrows(Csv.Invalid.class, () -> Csv.read(null, Kind.AUTO, 10)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Csv.read("1,2,a", Kind.AUTO, 0));
    }

    @Test
    void tooManyPointsIsRefusedAtTheFirstOneOver() throws Exception {
        String text = "x,y,label\n" + "1,2,a\n".repeat(10);
        assertEquals(10, Csv.read(text, Kind.AUTO, 10).rows.size());
        String message = assertThrows(Csv.Invalid.class, () -> Csv.read(text, Kind.AUTO, 9)).getMessage();
        assertEquals("line 11: more than 9 points, the most that can be read", message);
    }

    @Test
    void tenMegabytesAreRefusedBeforeAnyParsing() {
        // NUL first and an unclosed quote after: the text check would name the NUL at character 1 and
        // the tokeniser the quote, so a message about the size alone shows neither ran. No clock needed.
        String huge = "\u0000" + "1,2,\"".repeat(2_000_000);
        assertTrue(huge.length() > 10_000_000);
        String message = assertThrows(Csv.Invalid.class, () -> Csv.read(huge, Kind.AUTO, MAX)).getMessage();
        assertEquals("the file is too large: " + huge.length() + " characters, at most 1000000", message);
        String atTheLimit = "1,2,a\n#" + "-".repeat(Csv.MAX_CHARS - 7);
        assertEquals(Csv.MAX_CHARS, atTheLimit.length());
        assertDoesNotThrow(atTheLimit);
        assertTrue(invalid(atTheLimit + "-").startsWith("the file is too large"));
    }

    @Test
    void binaryJunkIsNotText() {
        assertEquals("line 1: not text (a NUL byte at character 57)", invalid("x".repeat(56) + "\u0000,1,a"));
        assertEquals("line 2: not text (the control character U+0007 at character 3)", invalid("x,y,label\r\n1,\u00072,a"));
        assertEquals("line 3: not text (the control character U+0085 at character 1)", invalid("x,y,label\n1,2,a\n\u0085"));
        assertEquals("line 1: not UTF-8 text (a byte that is not UTF-8 at character 8): save the file as UTF-8",
                invalid("1,2,caf\uFFFD"));
        Rng rng = new Rng(7);
        for (int trial = 0; trial < 200; trial++) {
            byte[] bytes = new byte[1 + rng.nextInt(3000)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) rng.nextInt(256);
            }
            for (String text : new String[] {new String(bytes, StandardCharsets.UTF_8), new String(bytes, StandardCharsets.ISO_8859_1)}) {
                String message = invalid(text);
                assertTrue(message.startsWith("line ") || message.equals("the file is empty"), message);
            }
        }
    }

    @Test
    void sevenClassesAreTooMany() {
        assertEquals("line 9, column 3: a 7th class, 'g': at most 6 classes (a, b, c, d, e, f)",
                invalid("x,y,label\n1,2,a\n1,2,b\n1,2,c\n1,2,a\n1,2,d\n1,2,e\n1,2,f\n1,2,g\n1,2,h"));
        assertEquals("line 3, column 3: class 6: at most 6 classes, numbered 0 to 5", invalid("x,y,label\n1,2,0\n1,2,6", Kind.CLASSES));
        assertEquals("line 2, column 3: class 6: at most 6 classes, numbered 0 to 5", invalid("x,y,class\n1,2,6"));
        assertEquals("line 2, column 3: 2 is not a class next to the -1 on line 3: labels are -1 and +1, or 0 to 5, or names",
                invalid("x,y,label\n1,2,2\n1,2,-1"));
        assertEquals("line 2, column 3: -2 is not a class: labels are -1 and +1, or 0 to 5, or names", invalid("x,y,label\n1,2,-2"));
        assertEquals("line 2, column 3: the label is empty", invalid("x,y,label\n1,2,\"\""));
    }

    @Test
    void aClassesLineFixesOrderAndKeepsClassesWithoutPoints() throws Exception {
        PointTable t = read("# classes: cat, dog ,\"a,b\"\nx,y,label\n1,2,dog\n3,4,cat\n");
        assertEquals(List.of("cat", "dog", "a,b"), t.classNames);
        assertEquals(List.of(1, 0), indices(t));
        assertEquals("2 points, 3 classes (cat: 1, dog: 1, a,b: 0), x in [1.00, 3.00], y in [2.00, 4.00]", t.summary);
        assertEquals(List.of(1, 0), indices(read("# Classes : -1,+1\n1,2,1\n3,4,-1.0")), "numbers match by value");
        assertEquals("line 3, column 3: 'fish' is not one of the classes on line 1 (cat, dog)",
                invalid("# classes: cat,dog\nx,y,label\n1,2,fish"));
        assertEquals("line 1, column 3: the class 'cat' is named twice", invalid("# classes: cat,dog,cat\n1,2,cat"));
        assertEquals("line 1, column 7: a 7th class, 'g': at most 6 classes", invalid("#classes:a,b,c,d,e,f,g\n1,2,a"));
        assertEquals("line 1, column 1: a class name is empty", invalid("# classes:\n1,2,a"));
        assertEquals("line 2: a second '# classes:' line (the first is line 1)", invalid("# classes: a\n# classes: b\n1,2,a"));
        assertEquals(List.of("a"), read("# classes: a\n1,2,a\n# classes: b\n").classNames, "after the first point: a comment");
        assertEquals(Kind.REGRESSION, Csv.read("# classes: a\n1,2,3", Kind.REGRESSION, MAX).kind);
    }

    // ---- writing ----

    @Test
    void writesAHeaderNamesAndShortestNumbers() throws Exception {
        String text = Csv.write(classRows(0.1, -2, 1, 1e-7, 3, 0), Kind.CLASSES, List.of("-1", "+1"));
        assertEquals("# classes: -1,+1\nx,y,label\n0.1,-2,+1\n1.0E-7,3,-1\n", text);
        PointTable back = read(text);
        assertEquals(classRows(0.1, -2, 1, 1e-7, 3, 0), back.rows);
        assertEquals(List.of("-1", "+1"), back.classNames);
        assertEquals("x,y,target\n1.5,2,-0\n", Csv.write(List.of(Row.ofTarget(1.5, 2, -0.0)), Kind.REGRESSION, List.of()));
    }

    @Test
    void writingRefusesWhatCouldNotBeReadBack() {
        List<String> ab = List.of("a", "b");
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(Double.NaN, 0, 0), Kind.CLASSES, ab));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(0, 2e12, 0), Kind.CLASSES, ab));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(0, 0, 2), Kind.CLASSES, ab));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(0, 0, 0), Kind.CLASSES, List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(0, 0, 0), Kind.CLASSES, List.of("")));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(0, 0, 0), Kind.CLASSES, List.of("a\u0000")));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(0, 0, 0), Kind.CLASSES, List.of("a", "b", "c", "d", "e", "f", "g")));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(classRows(0, 0, 0), Kind.AUTO, ab));
        assertThrows(IllegalArgumentException.class, () -> Csv.write(List.of(Row.ofTarget(0, 0, Double.POSITIVE_INFINITY)), Kind.REGRESSION, List.of()));
        assertThrows(IllegalArgumentException.class, () -> Row.ofClass(0, 0, -1));
    }

    @Test
    void formulaInjectionIsDisarmedAndStillRoundTrips() throws Exception {
        List<String> hostile = List.of("=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@x", "\tTAB", "\rCR");
        List<Row> rows = classRows(0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5);
        String text = Csv.write(rows, Kind.CLASSES, hostile);
        assertTrue(text.contains(",\"'=cmd|' /C calc'!A0\"\n"), text);
        assertTrue(text.contains(",\"'+SUM(A1)\"\n") && text.contains(",\"'-2+3\"\n") && text.contains(",\"'@x\"\n"), text);
        assertTrue(text.contains(",\"'\tTAB\"\n") && text.contains(",\"'\rCR\"\n"), text);
        assertNoFormulaCells(text);
        PointTable back = read(text);
        assertEquals(hostile, back.classNames);
        assertEquals(rows, back.rows);

        // Names that already start with the guard's quote, and numbers, which are not formulas.
        List<String> tricky = List.of("'=already", "''-two", "'plain", "-1", "+1", "-x");
        String tricks = Csv.write(rows, Kind.CLASSES, tricky);
        assertTrue(tricks.contains(",\"''=already\"\n") && tricks.contains(",\"'''-two\"\n"), tricks);
        assertTrue(tricks.contains(",'plain\n") && tricks.contains(",-1\n") && tricks.contains(",+1\n"), tricks);
        assertNoFormulaCells(tricks);
        assertEquals(tricky, read(tricks).classNames);
        assertEquals(rows, read(tricks).rows);

        assertEquals(List.of("=1+1", "'b"), read("1,2,'=1+1\n3,4,'b").classNames, "the reader takes the guard off by hand too");
    }

    /** No cell a spreadsheet would evaluate: none starts with = + - @ tab or CR, unless it is a plain number. */
    private static void assertNoFormulaCells(String text) {
        for (String cell : spreadsheetCells(text)) {
            boolean formula = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
            assertFalse(formula && !cell.matches("[+-][0-9.]+(E-?[0-9]+)?"), "cell '" + cell + "' in " + text);
        }
    }

    /** The cells as a spreadsheet reads the text (RFC 4180: commas, line breaks, "quotes" with "" inside). */
    private static List<String> spreadsheetCells(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ',' || c == '\n')) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void awkwardNamesRoundTrip() throws Exception {
        List<String> names = List.of("a, b", "say \"hi\"", "two\nlines", " padded ", "#hash", "cr\r\nlf");
        List<Row> rows = classRows(0, 0, 5, 1, 1, 4, 2, 2, 3, 3, 3, 2, 4, 4, 1, 5, 5, 0);
        PointTable back = read(Csv.write(rows, Kind.CLASSES, names));
        assertEquals(names, back.classNames);
        assertEquals(rows, back.rows);
    }

    @Test
    void randomPointsOfEachKindRoundTripExactly() throws Exception {
        Rng rng = new Rng(20240611);
        String[] pool = {"-1", "+1", "0", "1", "cat", "dog", "=HYPERLINK(\"x\")", "'@a", "a,b", "\"q\"", "猫", " s ", "1.5",
            "NaN", "-inf", "line\nbreak", "x;y", "tab\tin", "Ω"};
        for (int trial = 0; trial < 400; trial++) {
            Kind kind = rng.nextInt(2) == 0 ? Kind.CLASSES : Kind.REGRESSION;
            List<String> names = new ArrayList<>();
            int classes = 1 + rng.nextInt(Csv.MAX_CLASSES);
            while (names.size() < classes) {
                String n = pool[rng.nextInt(pool.length)];
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            List<Row> rows = new ArrayList<>();
            int count = 1 + rng.nextInt(60);
            for (int i = 0; i < count; i++) {
                double x = randomNumber(rng);
                double y = randomNumber(rng);
                rows.add(kind == Kind.CLASSES ? Row.ofClass(x, y, rng.nextInt(classes)) : Row.ofTarget(x, y, randomNumber(rng)));
            }
            String text = Csv.write(rows, kind, names);
            PointTable back = read(text);
            assertEquals(kind, back.kind, text);
            assertEquals(rows, back.rows, text);
            assertEquals(kind == Kind.CLASSES ? names : List.of(), back.classNames, text);
            assertEquals(text, Csv.write(back));
        }
    }

    /** Every sort of number a file may hold: small, large, integers, subnormals, -0, the limits. */
    static double randomNumber(Rng rng) {
        switch (rng.nextInt(8)) {
            case 0: return rng.uniform(-1, 1);
            case 1: return rng.nextInt(2001) - 1000;
            case 2: return rng.uniform(-1, 1) * Math.pow(10, rng.nextInt(25) - 12);
            case 3: return Double.longBitsToDouble(rng.nextLong() & 0x000FFFFFFFFFFFFFL) * (rng.nextInt(2) == 0 ? 1 : -1);
            case 4: return rng.nextInt(2) == 0 ? -0.0 : 0.0;
            case 5: return rng.nextInt(2) == 0 ? Csv.MAX_MAGNITUDE : -Csv.MAX_MAGNITUDE;
            case 6: return Math.rint(rng.uniform(-1e12, 1e12));
            default: return rng.nextGaussian() * 3;
        }
    }
}

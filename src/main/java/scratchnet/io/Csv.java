package scratchnet.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Points as CSV text, in and out: {@code x,y,label} for classes, {@code x,y,target} for regression.
 *
 * <p>Reading ({@link #read}) trusts nothing. Text over {@link #MAX_CHARS} is refused before
 * anything else, then text with control characters (binary junk) or U+FFFD (bytes that were not
 * UTF-8, as a browser decodes them); the first problem found is
 * thrown as {@link Invalid}, whose message names the line (and the column, counting fields from 1),
 * and nothing is returned in part. The rules:
 * <ul>
 * <li><b>Lines.</b> A UTF-8 byte order mark is dropped; lines end in LF, CRLF or CR; blank lines
 *     and lines starting with {@code #} are skipped. Fields may be quoted ({@code "a, ""b"""});
 *     a quoted field keeps everything between its quotes, newlines too; unquoted fields are trimmed
 *     of spaces (and tabs, unless tabs separate).
 * <li><b>Separator.</b> Read from the first line that is neither blank nor a comment (a header or a
 *     point), outside quotes: a tab if it has one; otherwise ';' if it has at least as many ';' as
 *     ',' (so "1,5;2,5;a" is semicolons), else ','.
 * <li><b>Header.</b> The first line is a header when neither of its first two fields looks like a
 *     number (starts with a digit, with "." and a digit, or a sign then either; or spells NaN or
 *     Infinity). Its fields name columns, in any order and any case: {@code x}, {@code y}, a label
 *     ({@code label} or {@code class}) or a target ({@code target} or {@code value}); other columns
 *     are ignored (so a header can pick 3 columns of many; each line must still have as many fields
 *     as the header). A header that names none of these is only titles, and the columns are x, y,
 *     label by position, as without a header, where every line must have exactly 3 fields. A
 *     column named twice is an error; so is a header naming both a label and a target column
 *     unless the caller asks for one kind, which then picks its column.
 * <li><b>Numbers.</b> Decimal only: an optional sign, digits with an optional point (".5" and "5."
 *     too), an optional exponent ("1e-3"); no hex, no "Infinity" or "NaN", no "1_000", at most
 *     {@link #MAX_NUMBER_CHARS} characters. A number must be finite and within ±{@link #MAX_MAGNITUDE}.
 *     It is read exactly ({@link Decimal}), to the same bits on the JVM and in the browser.
 * <li><b>Kind.</b> Asked for CLASSES or REGRESSION, that is what the third column is read as. With
 *     AUTO, the first of these decides: the header's word (label/class: classes; target/value:
 *     regression); a {@code # classes:} line (below): classes; then the labels themselves: classes
 *     if any is not a number (names), or if all are integers that are -1 and +1 only or 0 to 5 only;
 *     regression otherwise (real values, or other integers).
 * <li><b>Classes.</b> At most {@link #MAX_CLASSES}. Labels that are all numbers are either -1 and +1
 *     (class 0 is -1, class 1 is +1: the playground's two colours) or 0 to 5 (class k is k; as many
 *     classes as the largest plus one); otherwise every label is a name, and names become classes in
 *     the order they first appear. A {@code # classes: cat,dog,bird} line before the first point
 *     fixes the classes and their order instead (a label must be one of them); {@link #write}
 *     writes one, so that the order, and classes with no points, survive.
 * <li><b>Regression.</b> Every target is a number as above; the caller scales them.
 * <li><b>Formula injection.</b> A spreadsheet runs a cell starting with {@code = + - @}, tab or CR
 *     as a formula. {@link #write} prefixes such a class name (when it is not a plain number: "-1"
 *     is a number) with a single quote and quotes the field, as OWASP advises. To undo exactly that,
 *     the reader drops the first character of a name that is one or more single quotes followed by
 *     one of those characters; the writer therefore also prefixes a name that already starts that
 *     way ({@code '=x} is written {@code "''=x"}), so every name reads back as it was.
 * </ul>
 */
public final class Csv {
    /** Longer text is refused before it is read at all. */
    public static final int MAX_CHARS = 1_000_000;
    /** The playground's colours. */
    public static final int MAX_CLASSES = 6;
    /** Larger coordinates and targets are refused (the playground's view and scaling need sane numbers). */
    public static final double MAX_MAGNITUDE = 1e12;
    /** A longer field is not read as a number (17 significant digits and an exponent need ~25). */
    public static final int MAX_NUMBER_CHARS = 100;

    /** What the third column holds. */
    public enum Kind {
        /** Decided from the file (see {@link Csv}); never the kind of a result. */
        AUTO,
        CLASSES,
        REGRESSION
    }

    /** Thrown for text that cannot be read as points; the message says what and where. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    private Csv() {
    }

    /**
     * Reads points from {@code text} (the whole file), as {@code kind} or, with AUTO, as the file
     * says. At most {@code maxPoints} (1 or more) points are read: more is an error.
     *
     * @throws Invalid when the text is not points by the rules above, with a message for people
     */
    public static PointTable read(String text, Kind kind, int maxPoints) throws Invalid {
        if (kind == null || maxPoints < 1) {
            throw new IllegalArgumentException("kind " + kind + ", maxPoints " + maxPoints);
        }
        if (text == null) {
            throw new Invalid("no text given");
        }
        if (text.length() > MAX_CHARS) {
            throw new Invalid("the file is too large: " + text.length() + " characters, at most " + MAX_CHARS);
        }
        checkIsText(text);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (isBlank(text)) {
            throw new Invalid("the file is empty");
        }
        return table(new CsvRecords(text), kind, maxPoints);
    }

    /** The columns a header (or its absence) gives. */
    private static final class Columns {
        final int x;
        final int y;
        final int label;
        final int width;
        final boolean header;
        /** The kind the header's word for the third column says, or null. */
        final Kind named;

        Columns(int x, int y, int label, int width, boolean header, Kind named) {
            this.x = x;
            this.y = y;
            this.label = label;
            this.width = width;
            this.header = header;
            this.named = named;
        }
    }

    /** A point as read, its label still text. */
    private static final class Raw {
        final int line;
        final double x;
        final double y;
        final String label;

        Raw(int line, double x, double y, String label) {
            this.line = line;
            this.x = x;
            this.y = y;
            this.label = label;
        }
    }

    private static PointTable table(CsvRecords records, Kind asked, int maxPoints) throws Invalid {
        CsvRecords.Record declared = null;
        Columns columns = null;
        int headerLine = 0;
        List<Raw> raws = new ArrayList<>();
        for (CsvRecords.Record r = records.next(); r != null; r = records.next()) {
            if (r.classes) {
                if (!raws.isEmpty()) {
                    continue; // among the points it is only a comment
                }
                if (declared != null) {
                    throw new Invalid("line " + r.line + ": a second '# classes:' line (the first is line " + declared.line + ")");
                }
                declared = r;
                continue;
            }
            boolean first = columns == null;
            if (first) {
                columns = columns(r, asked);
            }
            if (r.fields.size() != columns.width) {
                throw new Invalid("line " + r.line + ": " + columns.width + " fields expected, found " + r.fields.size()
                        + (columns.named == null && r.fields.size() > 3
                                ? " (a header naming x, y and label picks 3 columns out of more)" : ""));
            }
            if (first && columns.header) {
                headerLine = r.line;
                continue;
            }
            if (raws.size() == maxPoints) {
                throw new Invalid("line " + r.line + ": more than " + maxPoints + " points, the most that can be read");
            }
            raws.add(new Raw(r.line, coordinate(r, columns.x), coordinate(r, columns.y), r.fields.get(columns.label)));
        }
        if (columns == null) {
            throw new Invalid("no points: the file has only blank lines and comments");
        }
        if (raws.isEmpty()) {
            throw new Invalid("line " + headerLine + " is a header, and no points follow it");
        }
        Kind kind = asked != Kind.AUTO ? asked
                : columns.named != null ? columns.named
                : declared != null ? Kind.CLASSES
                : byValues(raws);
        List<PointTable.Row> rows = new ArrayList<>();
        if (kind == Kind.REGRESSION) {
            for (Raw r : raws) {
                rows.add(PointTable.Row.ofTarget(r.x, r.y, value(r.label, r.line, columns.label)));
            }
            return new PointTable(kind, rows, List.of());
        }
        List<String> names = new ArrayList<>();
        int[] classes = declared != null ? declaredClasses(raws, declared, columns.label, names)
                : allNumbers(raws) ? numberedClasses(raws, columns.label, names)
                : namedClasses(raws, columns.label, names);
        for (int i = 0; i < raws.size(); i++) {
            rows.add(PointTable.Row.ofClass(raws.get(i).x, raws.get(i).y, classes[i]));
        }
        return new PointTable(kind, rows, names);
    }

    /** The columns the first record gives: by name if it is a header that names them, else x, y, label. */
    private static Columns columns(CsvRecords.Record first, Kind asked) throws Invalid {
        List<String> f = first.fields;
        boolean header = !looksLikeNumber(f.get(0)) && (f.size() < 2 || !looksLikeNumber(f.get(1)));
        if (!header) {
            return new Columns(0, 1, 2, 3, false, null);
        }
        String[] roles = {"x", "y", "label", "target"};
        int[] at = {-1, -1, -1, -1};
        for (int i = 0; i < f.size(); i++) {
            String name = f.get(i);
            int role = name.equalsIgnoreCase("x") ? 0
                    : name.equalsIgnoreCase("y") ? 1
                    : name.equalsIgnoreCase("label") || name.equalsIgnoreCase("class") ? 2
                    : name.equalsIgnoreCase("target") || name.equalsIgnoreCase("value") ? 3
                    : -1;
            if (role < 0) {
                continue;
            }
            if (at[role] >= 0) {
                throw new Invalid("line " + first.line + ", column " + (i + 1) + ": a second " + roles[role] + " column ('"
                        + Format.clip(name) + "'; column " + (at[role] + 1) + " is '" + Format.clip(f.get(at[role])) + "')");
            }
            at[role] = i;
        }
        if (at[0] < 0 && at[1] < 0 && at[2] < 0 && at[3] < 0) {
            return new Columns(0, 1, 2, 3, true, null); // titles only
        }
        for (int role = 0; role < 2; role++) {
            if (at[role] < 0) {
                throw new Invalid("line " + first.line + ": the header names no " + roles[role] + " column");
            }
        }
        if (at[2] < 0 && at[3] < 0) {
            throw new Invalid("line " + first.line + ": the header names no label or target column"
                    + " (label, class, target or value)");
        }
        Kind named = at[3] < 0 ? Kind.CLASSES : at[2] < 0 ? Kind.REGRESSION : asked;
        if (named == Kind.AUTO) {
            throw new Invalid("line " + first.line + ": the header names both a label column (" + (at[2] + 1)
                    + ") and a target column (" + (at[3] + 1) + "): ask for classes or for regression");
        }
        int third = named == Kind.CLASSES ? at[2] : at[3];
        if (third < 0) {
            third = at[2] >= 0 ? at[2] : at[3]; // the caller asked for the other kind: the one such column
        }
        return new Columns(at[0], at[1], third, f.size(), true, named);
    }

    private static double coordinate(CsvRecords.Record r, int column) throws Invalid {
        return value(r.fields.get(column), r.line, column);
    }

    /** The number {@code field} holds, or an error naming its line and column (counted from 0 here). */
    private static double value(String field, int line, int column) throws Invalid {
        Parsed p = number(field);
        if (p.problem != null) {
            throw new Invalid("line " + line + ", column " + (column + 1) + ": " + p.problem);
        }
        return p.value;
    }

    // ---- classes ----

    /** AUTO's last resort: classes for names, for -1/+1 only and for 0..5 only; regression otherwise. */
    private static Kind byValues(List<Raw> raws) {
        boolean badNumber = false;
        boolean plusMinus = true;
        boolean indices = true;
        for (Raw r : raws) {
            Parsed p = number(r.label);
            if (!p.numeric) {
                return Kind.CLASSES; // a name
            }
            if (p.problem != null) {
                badNumber = true; // regression will say what is wrong with it
                continue;
            }
            double v = p.value;
            plusMinus &= v == -1 || v == 1;
            indices &= v == Math.rint(v) && v >= 0 && v < MAX_CLASSES;
        }
        return !badNumber && (plusMinus || indices) ? Kind.CLASSES : Kind.REGRESSION;
    }

    private static boolean allNumbers(List<Raw> raws) {
        for (Raw r : raws) {
            if (!number(r.label).numeric) {
                return false;
            }
        }
        return true;
    }

    /** Labels that are all numbers: -1 and +1, or 0 to 5. */
    private static int[] numberedClasses(List<Raw> raws, int column, List<String> names) throws Invalid {
        int minusOne = 0; // the first line with -1: then every label is -1 or +1
        for (Raw r : raws) {
            Parsed p = number(r.label);
            if (p.problem == null && p.value == -1) {
                minusOne = r.line;
                break;
            }
        }
        int[] classes = new int[raws.size()];
        int largest = 0;
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            double v = value(r.label, r.line, column);
            String at = "line " + r.line + ", column " + (column + 1) + ": ";
            if (minusOne > 0) {
                if (v != -1 && v != 1) {
                    throw new Invalid(at + Format.clip(r.label) + " is not a class next to the -1 on line " + minusOne
                            + ": labels are -1 and +1, or 0 to " + (MAX_CLASSES - 1) + ", or names");
                }
                classes[i] = v < 0 ? 0 : 1;
            } else {
                if (v != Math.rint(v) || v < 0) {
                    throw new Invalid(at + Format.clip(r.label) + " is not a class: labels are -1 and +1, or 0 to "
                            + (MAX_CLASSES - 1) + ", or names");
                }
                if (v >= MAX_CLASSES) {
                    throw new Invalid(at + "class " + Format.clip(r.label) + ": at most " + MAX_CLASSES
                            + " classes, numbered 0 to " + (MAX_CLASSES - 1));
                }
                classes[i] = (int) v;
                largest = Math.max(largest, classes[i]);
            }
        }
        if (minusOne > 0) {
            names.add("-1");
            names.add("+1");
        } else {
            for (int k = 0; k <= largest; k++) {
                names.add(Integer.toString(k));
            }
        }
        return classes;
    }

    /** Labels that are names: classes in the order they first appear. */
    private static int[] namedClasses(List<Raw> raws, int column, List<String> names) throws Invalid {
        int[] classes = new int[raws.size()];
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            String name = name(r.label, r.line, column, "the label");
            int k = names.indexOf(name);
            if (k < 0) {
                if (names.size() == MAX_CLASSES) {
                    throw new Invalid("line " + r.line + ", column " + (column + 1) + ": a " + (MAX_CLASSES + 1)
                            + "th class, '" + Format.clip(name) + "': at most " + MAX_CLASSES + " classes ("
                            + list(names) + ")");
                }
                k = names.size();
                names.add(name);
            }
            classes[i] = k;
        }
        return classes;
    }

    /** Labels checked against a {@code # classes:} line: the same text, or (for numbers) the same value. */
    private static int[] declaredClasses(List<Raw> raws, CsvRecords.Record declared, int column, List<String> names)
            throws Invalid {
        for (int i = 0; i < declared.fields.size(); i++) {
            String name = name(declared.fields.get(i), declared.line, i, "a class name");
            if (names.contains(name)) {
                throw new Invalid("line " + declared.line + ", column " + (i + 1) + ": the class '" + Format.clip(name)
                        + "' is named twice");
            }
            if (names.size() == MAX_CLASSES) {
                throw new Invalid("line " + declared.line + ", column " + (i + 1) + ": a " + (MAX_CLASSES + 1)
                        + "th class, '" + Format.clip(name) + "': at most " + MAX_CLASSES + " classes");
            }
            names.add(name);
        }
        int[] classes = new int[raws.size()];
        for (int i = 0; i < raws.size(); i++) {
            Raw r = raws.get(i);
            String label = name(r.label, r.line, column, "the label");
            int k = names.indexOf(label);
            Parsed p = number(r.label);
            for (int j = 0; k < 0 && p.problem == null && j < names.size(); j++) {
                Parsed q = number(names.get(j));
                if (q.problem == null && q.value == p.value) {
                    k = j; // "1" is the class named "+1"
                }
            }
            if (k < 0) {
                throw new Invalid("line " + r.line + ", column " + (column + 1) + ": '" + Format.clip(label)
                        + "' is not one of the classes on line " + declared.line + " (" + list(names) + ")");
            }
            classes[i] = k;
        }
        return classes;
    }

    /** A class name as written in a field: not empty, with the writer's formula guard taken off. */
    private static String name(String field, int line, int column, String what) throws Invalid {
        if (field.isEmpty()) {
            throw new Invalid("line " + line + ", column " + (column + 1) + ": " + what + " is empty");
        }
        return quotesThenFormula(field, 1) ? field.substring(1) : field;
    }

    private static String list(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (String n : names) {
            s.append(s.length() > 0 ? ", " : "").append(Format.clip(n));
        }
        return s.toString();
    }

    // ---- numbers ----

    /** A field read as a number: its value, or why it is not one. */
    private static final class Parsed {
        final double value;
        /** Null when the field is a number within range. */
        final String problem;
        /** Meant as a number, even if a bad one (NaN, 1e400): not a name. */
        final boolean numeric;

        Parsed(double value, String problem, boolean numeric) {
            this.value = value;
            this.problem = problem;
            this.numeric = numeric;
        }
    }

    private static Parsed number(String s) {
        if (s.isEmpty()) {
            return new Parsed(Double.NaN, "the field is empty: a number was expected", false);
        }
        if (nonFiniteWord(s)) {
            return new Parsed(Double.NaN, Format.clip(s) + " is not a finite number", true);
        }
        if (!Decimal.isDecimal(s)) {
            String hint = isDecimalComma(s) ? " (decimals take a point: " + s.replace(',', '.') + ")" : "";
            return new Parsed(Double.NaN, "'" + Format.clip(s) + "' is not a number" + hint, false);
        }
        if (s.length() > MAX_NUMBER_CHARS) {
            return new Parsed(Double.NaN, "a number of " + s.length() + " characters is too long (at most "
                    + MAX_NUMBER_CHARS + ")", true);
        }
        double v = Decimal.parse(s); // not Double.parseDouble: TeaVM's is sometimes a unit off
        if (!(Math.abs(v) <= MAX_MAGNITUDE)) {
            return new Parsed(v, Format.clip(s) + " is out of range (at most 1e12 in size)", true);
        }
        return new Parsed(v, null, true);
    }

    /** NaN, Inf or Infinity, any case, signed or not. */
    private static boolean nonFiniteWord(String s) {
        String w = s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s;
        return w.equalsIgnoreCase("nan") || w.equalsIgnoreCase("inf") || w.equalsIgnoreCase("infinity");
    }

    /** "1,5": a European decimal, worth a hint. */
    private static boolean isDecimalComma(String s) {
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        int before = Decimal.digits(s, i);
        i += before;
        return before > 0 && i < s.length() && s.charAt(i) == ',' && Decimal.digits(s, i + 1) == s.length() - i - 1
                && i + 1 < s.length();
    }

    /** What a header cannot start with: a digit, a point and a digit (after a sign), NaN or Infinity. */
    private static boolean looksLikeNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
        return i < s.length() && Decimal.isDigit(s.charAt(i))
                || i + 1 < s.length() && s.charAt(i) == '.' && Decimal.isDigit(s.charAt(i + 1))
                || nonFiniteWord(s);
    }

    // ---- text ----

    /** Refuses control characters (but tab, LF and CR) and U+FFFD, which text decoded from non-UTF-8 bytes holds. */
    private static void checkIsText(String text) throws Invalid {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            } else if (c < 0x20 && c != '\t' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                throw new Invalid("line " + line + ": not text (" + (c == 0 ? "a NUL byte" : "the control character "
                        + unicode(c)) + " at character " + (i - lineStart + 1) + ")");
            } else if (c == '\uFFFD') {
                throw new Invalid("line " + line + ": not UTF-8 text (a byte that is not UTF-8 at character "
                        + (i - lineStart + 1) + "): save the file as UTF-8");
            }
        }
    }

    private static String unicode(char c) {
        String hex = Integer.toHexString(c).toUpperCase();
        return "U+" + "0000".substring(hex.length()) + hex;
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    // ---- writing ----

    /** A spreadsheet runs a cell that starts with one of these as a formula (OWASP's list). */
    private static boolean startsFormula(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /** Whether {@code name} is at least {@code quotes} single quotes followed by a formula's first character. */
    private static boolean quotesThenFormula(String name, int quotes) {
        int i = 0;
        while (i < name.length() && name.charAt(i) == '\'') {
            i++;
        }
        return i >= quotes && i < name.length() && startsFormula(name.charAt(i));
    }

    /**
     * Checks class names as {@link #write} takes them: 1 to {@link #MAX_CLASSES} distinct, non-empty
     * names without control characters other than tab, LF and CR.
     *
     * @throws IllegalArgumentException saying which name is wrong and why
     */
    public static void checkClassNames(List<String> classNames) {
        if (classNames.isEmpty() || classNames.size() > MAX_CLASSES) {
            throw new IllegalArgumentException("1 to " + MAX_CLASSES + " classes, not " + classNames.size());
        }
        for (int i = 0; i < classNames.size(); i++) {
            String name = classNames.get(i);
            if (name.isEmpty() || classNames.indexOf(name) != i) {
                throw new IllegalArgumentException("class names must be distinct and not empty: " + classNames);
            }
            try {
                checkIsText(name);
            } catch (Invalid e) {
                throw new IllegalArgumentException("class name '" + Format.clip(name) + "': " + e.getMessage());
            }
        }
    }

    /**
     * The points as CSV that {@link #read} reads back identically (same bits, same class names):
     * for classes a {@code # classes:} line with the names in index order, then the header
     * {@code x,y,label} and each point with its class's name; for regression the header
     * {@code x,y,target}. Lines end in LF; numbers are {@link Decimal#text}: the shortest text
     * as a rule, checked to read back exactly on every platform.
     *
     * @param kind CLASSES or REGRESSION
     * @param classNames for classes: 1 to {@link #MAX_CLASSES} distinct, non-empty names without
     *     control characters other than tab, LF and CR; ignored for regression
     * @throws IllegalArgumentException for anything {@link #read} would refuse: a number that is
     *     not finite or beyond ±{@link #MAX_MAGNITUDE}, a class index with no name, a bad name
     */
    public static String write(List<PointTable.Row> rows, Kind kind, List<String> classNames) {
        StringBuilder s = new StringBuilder();
        if (kind == Kind.CLASSES) {
            checkClassNames(classNames);
            s.append("# classes: ");
            for (int i = 0; i < classNames.size(); i++) {
                s.append(i > 0 ? "," : "").append(nameField(classNames.get(i)));
            }
            s.append("\nx,y,label\n");
        } else if (kind == Kind.REGRESSION) {
            s.append("x,y,target\n");
        } else {
            throw new IllegalArgumentException("write CLASSES or REGRESSION, not " + kind);
        }
        for (PointTable.Row r : rows) {
            s.append(numberField(r.x)).append(',').append(numberField(r.y)).append(',');
            if (kind == Kind.CLASSES) {
                if (r.classIndex < 0 || r.classIndex >= classNames.size()) {
                    throw new IllegalArgumentException("class " + r.classIndex + " of " + classNames.size() + ": " + r);
                }
                s.append(nameField(classNames.get(r.classIndex)));
            } else {
                s.append(numberField(r.target));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** The same as {@code write(table.rows, table.kind, table.classNames)}. */
    public static String write(PointTable table) {
        return write(table.rows, table.kind, table.classNames);
    }

    private static String numberField(double v) {
        if (!(Math.abs(v) <= MAX_MAGNITUDE)) {
            throw new IllegalArgumentException(v + " is not a number within ±" + MAX_MAGNITUDE);
        }
        return Decimal.text(v);
    }

    /** A class name as a field: guarded against formulas (see the class comment) and quoted when needed. */
    private static String nameField(String name) {
        boolean guard = number(name).problem != null && quotesThenFormula(name, 0);
        String text = guard ? "'" + name : name;
        boolean quote = guard || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf('\t') >= 0
                || text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ';
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}

package scratchnet.io;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Csv}'s text as records of fields: the separator found, quotes undone, unquoted fields
 * trimmed, blank and comment lines skipped, {@code # classes:} lines kept, and each record's line
 * number counted the way an editor does (a quoted field's newlines count too).
 */
final class CsvRecords {
    /** One line of fields (more than one physical line when a quoted field holds a newline). */
    static final class Record {
        final int line;
        final List<String> fields;
        /** A {@code # classes:} line, its fields the class names. */
        final boolean classes;

        Record(int line, List<String> fields, boolean classes) {
            this.line = line;
            this.fields = fields;
            this.classes = classes;
        }
    }

    private final String text;
    private final char separator;
    private int pos;
    private int line = 1;

    /** {@code text} is text already checked (no control characters), without a byte order mark. */
    CsvRecords(String text) {
        this.text = text;
        this.separator = separator(text);
    }

    /** The separator of the first line that is not blank or a comment (the rule is in {@link Csv}). */
    private static char separator(String text) {
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i == text.length()) {
                break;
            }
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                i++;
            } else if (c == '#') {
                i = endOfLine(text, i, classesLine(text, i) > 0); // a "# classes:" line may hold quoted newlines
            } else {
                int tabs = 0;
                int semicolons = 0;
                int commas = 0;
                boolean quoted = false;
                for (int j = start; j < text.length(); j++) {
                    char d = text.charAt(j);
                    if (d == '"') {
                        quoted = !quoted;
                    } else if (!quoted) {
                        if (d == '\n' || d == '\r') {
                            break;
                        }
                        tabs += d == '\t' ? 1 : 0;
                        semicolons += d == ';' ? 1 : 0;
                        commas += d == ',' ? 1 : 0;
                    }
                }
                return tabs > 0 ? '\t' : semicolons > 0 && semicolons >= commas ? ';' : ',';
            }
        }
        return ',';
    }

    /** Where the line from {@code i} ends (at its line break), outside quotes if {@code quoted}. */
    private static int endOfLine(String text, int i, boolean quoted) {
        boolean inQuotes = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                return i;
            }
        }
        return i;
    }

    /** If a "# classes:" line starts at {@code i} (any case, spaces allowed), where its names start; else -1. */
    private static int classesLine(String text, int i) {
        i = skipSpaces(text, i + 1);
        if (!text.regionMatches(true, i, "classes", 0, 7)) {
            return -1;
        }
        i = skipSpaces(text, i + 7);
        return i < text.length() && text.charAt(i) == ':' ? i + 1 : -1;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The next record, skipping blank and comment lines; null at the end. */
    Record next() throws Csv.Invalid {
        while (pos < text.length()) {
            int start = pos;
            pos = skipSpaces(text, pos);
            if (pos == text.length()) {
                return null;
            }
            char c = text.charAt(pos);
            if (c == '\n' || c == '\r') {
                lineBreak();
            } else if (c == '#') {
                int names = classesLine(text, pos);
                if (names > 0) {
                    int at = line;
                    pos = names;
                    return new Record(at, fields(), true);
                }
                pos = endOfLine(text, pos, false);
                lineBreak();
            } else {
                pos = start; // an empty first field (a line starting with a tab, in TSV) is still a field
                int at = line;
                return new Record(at, fields(), false);
            }
        }
        return null;
    }

    /** The fields from {@code pos} to the end of the line, which is consumed. */
    private List<String> fields() throws Csv.Invalid {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field(fields.size() + 1));
            if (pos < text.length() && text.charAt(pos) == separator) {
                pos++;
            } else {
                lineBreak();
                return fields;
            }
        }
    }

    /** One field, unquoted; stops at the separator, a line break or the end. */
    private String field(int column) throws Csv.Invalid {
        skipFieldSpace();
        if (pos < text.length() && text.charAt(pos) == '"') {
            int opened = line;
            pos++;
            StringBuilder s = new StringBuilder();
            while (true) {
                if (pos == text.length()) {
                    throw new Csv.Invalid("line " + opened + ", column " + column + ": the quote opened here is never closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        s.append('"');
                        pos++;
                        continue;
                    }
                    break;
                }
                if (c == '\n' || c == '\r' && (pos == text.length() || text.charAt(pos) != '\n')) {
                    line++;
                }
                s.append(c);
            }
            skipFieldSpace();
            if (pos < text.length() && !atFieldEnd(text.charAt(pos))) {
                throw new Csv.Invalid("line " + line + ", column " + column + ": text after the closing quote");
            }
            return s.toString();
        }
        int start = pos;
        while (pos < text.length() && !atFieldEnd(text.charAt(pos))) {
            pos++;
        }
        int end = pos;
        while (end > start && isFieldSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private boolean atFieldEnd(char c) {
        return c == separator || c == '\n' || c == '\r';
    }

    private boolean isFieldSpace(char c) {
        return c == ' ' || c == '\t' && separator != '\t';
    }

    private void skipFieldSpace() {
        while (pos < text.length() && isFieldSpace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Consumes a line break (LF, CRLF or CR) at {@code pos}, if there is one. */
    private void lineBreak() {
        if (pos < text.length() && text.charAt(pos) == '\r') {
            pos++;
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
        } else if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
            line++;
        }
    }
}

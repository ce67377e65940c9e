package scratchnet.playground.session;

import scratchnet.playground.Playground;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scratchnet.io.Format;

/**
 * Two runs racing from the same start: run A is the playground's own session; run B is a fork of
 * it ({@link Session#fork}) on the same data, from the same weights, drawing its mini-batches from
 * a copy of A's random state. B's settings may differ from A's only in the rows that keep the data
 * and the parameter shapes ({@link #mayDiffer}): every training row, and the activation. With the
 * same settings both runs stay bit-identical.
 *
 * <p>In a link, a comparison is {@code compare=1} and B's differing rows with a {@code b.} prefix:
 * {@code ...&compare=1&b.lr=0.1&b.optimizer=adam}.
 */
public final class Comparison {
    static final String ON_KEY = "compare";
    public static final String PREFIX = "b.";

    public final Session b;
    public final LossCurve curve = new LossCurve(Playground.CHART_SAMPLES);

    /** Forks run B from {@code a}, now, with {@code settings} (checked by {@link #overlay} first). */
    public Comparison(Session a, Settings settings) {
        b = a.fork(settings);
    }

    /** B's settings (a copy). */
    public Settings settings() {
        return b.settings();
    }

    /** True for a row run B may set apart from A: a training row, or the hidden layers' activation. */
    public static boolean mayDiffer(Settings.Setting row) {
        return row.affects == Settings.Affects.TRAINING || row.key.startsWith("activation");
    }

    /**
     * Whether a run with settings {@code b} can race one with {@code a}: they differ only in rows
     * B may set, and the network has the same outputs (a loss like ce may ask for more).
     */
    public static boolean keepsShapes(Settings a, Settings b) {
        for (Settings.Setting row : Settings.table()) {
            if (!mayDiffer(row) && !a.get(row.key).equals(b.get(row.key))) {
                return false;
            }
        }
        return a.outputs() == b.outputs();
    }

    /**
     * Run B's settings when A's are {@code a}: A's, with each of {@code wanted}'s rows that B may
     * set and that still keeps the shapes. A row that no longer fits is dropped, with a note.
     */
    public static Settings overlay(Settings a, Settings wanted, List<String> notes) {
        Settings result = a.copy();
        for (Settings.Setting row : Settings.table()) {
            String value = wanted.get(row.key);
            if (!mayDiffer(row) || value.equals(result.get(row.key))) {
                continue;
            }
            Settings next = result.copy();
            next.set(row.key, value);
            next.settle(List.of(row.key));
            if (keepsShapes(a, next)) {
                result = next;
                if (!value.equals(next.get(row.key))) { // settled to fit the problem (e.g. ce for 3 classes)
                    notes.add("run B: " + row.key + " " + value + " no longer fits this problem, so B uses "
                            + next.get(row.key));
                }
            } else {
                notes.add("run B: " + row.key + " " + value + " no longer fits this network, so B uses A's "
                        + result.get(row.key));
            }
        }
        return result;
    }

    /**
     * Run B's settings after a person set {@code key} to {@code text} for B alone, or null if it
     * cannot differ from A's there; the notes say what was not taken as given.
     */
    public static Settings setForB(Settings a, Settings b, String key, String text, List<String> notes) {
        Settings.Setting row = Settings.find(key);
        if (row == null) {
            notes.add("run B: unknown setting '" + Format.clip(key) + "' ignored");
            return null;
        }
        if (!mayDiffer(row)) {
            notes.add("run B: " + Format.clip(key) + " is the same for both runs (only training settings and the"
                    + " activation may differ)");
            return null;
        }
        Settings next = b.copy();
        String note = next.set(key, text);
        if (note != null) {
            notes.add("run B: " + note);
        }
        next.settle(List.of(key));
        if (!keepsShapes(a, next)) {
            notes.add("run B: " + key + " " + next.get(key) + " would change the network's outputs; choose it for both"
                    + " runs (the controls edit A)");
            return null;
        }
        return next;
    }

    /** E.g. "B: lr 0.1 (A 0.3); optimizer adam (A sgd)", or that they are the same. */
    public static String summary(Settings a, Settings b) {
        List<String> parts = new ArrayList<>();
        for (String key : differing(a, b)) {
            parts.add(key + " " + b.get(key) + " (A " + a.get(key) + ")");
        }
        return parts.isEmpty() ? "B: the same settings as A (the runs stay identical)" : "B: " + String.join("; ", parts);
    }

    /** The keys of the rows where B's settings differ from A's, in the table's order. */
    public static List<String> differing(Settings a, Settings b) {
        List<String> keys = new ArrayList<>();
        for (Settings.Setting row : Settings.table()) {
            if (!a.get(row.key).equals(b.get(row.key))) {
                keys.add(row.key);
            }
        }
        return keys;
    }

    /** The comparison's part of the link: "&compare=1" and B's differing rows as "&b.key=value". */
    public static String linkPart(Settings a, Settings b) {
        StringBuilder s = new StringBuilder("&").append(ON_KEY).append("=1");
        for (String key : differing(a, b)) {
            s.append('&').append(PREFIX).append(key).append('=').append(b.get(key));
        }
        return s.toString();
    }

    /** A link taken apart: the rest (A's settings and extras), whether it compares, and B's rows as given. */
    public static final class Split {
        public final String rest;
        public final boolean on;
        public final Map<String, String> rows;
        public final List<String> notes;

        Split(String rest, boolean on, Map<String, String> rows, List<String> notes) {
            this.rest = rest;
            this.on = on;
            this.rows = rows;
            this.notes = notes;
        }
    }

    /** Takes the comparison's parts ({@code compare}, {@code b.*}) out of a link's hash. Never throws. */
    public static Split split(String hash) {
        if (hash == null) {
            return new Split(null, false, Map.of(), List.of());
        }
        String h = hash.startsWith("#") ? hash.substring(1) : hash;
        if (h.length() > 100_000) {
            return new Split(hash, false, Map.of(), List.of()); // Settings says it is too long
        }
        StringBuilder rest = new StringBuilder();
        Map<String, String> rows = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        boolean on = false;
        for (String part : h.split("&")) {
            int eq = part.indexOf('=');
            String key = Settings.decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? null : Settings.decode(part.substring(eq + 1));
            if (key.equals(ON_KEY)) {
                on = "1".equals(value);
                if (!on && !"0".equals(value)) {
                    notes.add(value == null ? "compare: no value given, so no comparison"
                            : "compare: '" + Format.clip(value) + "' is not 0 or 1, so no comparison");
                }
            } else if (key.startsWith(PREFIX)) {
                String row = key.substring(PREFIX.length());
                if (value == null) {
                    notes.add(Format.clip(key) + ": no value given, ignored");
                } else if (rows.containsKey(row)) {
                    notes.add(Format.clip(key) + ": given twice, the first kept");
                } else {
                    rows.put(row, value);
                }
            } else if (!part.isEmpty()) {
                rest.append(rest.length() > 0 ? "&" : "").append(part);
            }
        }
        if (!on && !rows.isEmpty()) {
            notes.add("run B's settings (b.…) without compare=1 were ignored");
        }
        return new Split(rest.toString(), on, rows, notes);
    }

    /** Run B's settings from a link's {@code b.*} rows on top of A's; whatever cannot be taken is a note. */
    public static Settings read(Settings a, Map<String, String> rows, List<String> notes) {
        Settings b = a.copy();
        for (Map.Entry<String, String> row : rows.entrySet()) {
            Settings next = setForB(a, b, row.getKey(), row.getValue(), notes);
            if (next != null) {
                b = next;
            }
        }
        return b;
    }
}

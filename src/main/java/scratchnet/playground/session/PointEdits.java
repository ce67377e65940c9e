package scratchnet.playground.session;

import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.io.Csv;
import scratchnet.io.Format;

/**
 * The points a person added or removed by hand, on top of the generated dataset, in the form the
 * share link carries them: {@code add=x,y,label;x,y,label...} (label ±1 for two classes, the class
 * index for more, the target for a regression) and {@code del=i,j,...} (indices into
 * the generated points, before the train/test split; three or more in a row are written as a
 * range {@code i-k}, so "clear" stays short). Added coordinates are kept to 3 decimals, so a link
 * reproduces them exactly (except on an imported file's data, which no link carries: there they
 * are kept as they are, so that data of any scale can be painted on).
 */
public final class PointEdits {
    public static final int MAX_ADDED = Settings.MAX_POINTS;
    /**
     * Every point the playground holds lies within this distance of the origin on each axis, and a
     * regression's targets within this size: what {@link Csv} reads (1e12), so that imported data
     * of any real-world scale can also be painted on, kept in model files and exported again.
     */
    public static final double MAX_COORDINATE = Csv.MAX_MAGNITUDE;

    private final List<Point> added = new ArrayList<>();
    private final TreeSet<Integer> removed = new TreeSet<>();

    public PointEdits() {
    }

    public PointEdits(PointEdits other) {
        added.addAll(other.added);
        removed.addAll(other.removed);
    }

    public List<Point> added() {
        return List.copyOf(added);
    }

    public int addedCount() {
        return added.size();
    }

    public boolean isRemoved(int generatedIndex) {
        return removed.contains(generatedIndex);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /**
     * Adds a point (rounded to 3 decimals, as the link stores it).
     *
     * @throws IllegalArgumentException if the coordinates are not finite or too far out, or there
     *     are already {@link #MAX_ADDED} added points
     */
    public Point add(double x, double y, int label) {
        return add(x, y, label, 2);
    }

    /**
     * Adds a point of a problem with {@code classes} classes (2, 3 .. 6, or {@link Dataset#REGRESSION}):
     * {@code value} is its label ±1, its class index, or its target (rounded to 3 decimals).
     *
     * @throws IllegalArgumentException as {@link #add(double, double, int)}, or for a value that is no such label
     */
    public Point add(double x, double y, double value, int classes) {
        return add(x, y, value, classes, true);
    }

    /** {@link #add(double, double, double, int)}, rounding to 3 decimals only if {@code forLink}. */
    Point add(double x, double y, double value, int classes, boolean forLink) {
        if (!(Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE)) {
            throw new IllegalArgumentException("a point must lie within ±" + Format.scientific(MAX_COORDINATE, 1)
                    + ", was (" + x + ", " + y + ")");
        }
        if (added.size() >= MAX_ADDED) {
            throw new IllegalArgumentException("at most " + MAX_ADDED + " points can be added by hand");
        }
        if (forLink) {
            x = round3(x);
            y = round3(y);
        }
        Point p = classes == Dataset.REGRESSION ? Point.ofTarget(x, y, forLink ? round3(value) : value)
                : classes == 2 ? new Point(x, y, (int) value) : Point.ofClass(x, y, (int) value);
        if (classes != Dataset.REGRESSION && (value != Math.rint(value) || classes > 2 && value >= classes)) {
            throw new IllegalArgumentException("no class " + Format.number(value) + " among " + classes);
        }
        added.add(p);
        return p;
    }

    /** True if {@code text} is a label of a problem with {@code classes} classes, as the link writes it. */
    static boolean isLabel(String text, int classes) {
        double v = Settings.parseNumber(text);
        if (classes == Dataset.REGRESSION) {
            return Math.abs(v) <= MAX_TARGET;
        }
        if (classes == 2) {
            return text.equals("1") || text.equals("-1");
        }
        return v == Math.rint(v) && v >= 0 && v < classes;
    }

    /** Hand-added targets of a regression must lie within this size. */
    public static final double MAX_TARGET = MAX_COORDINATE;

    /** Removes the {@code i}-th added point. */
    public void removeAdded(int i) {
        added.remove(i);
    }

    /** Removes a generated point, by its index in the generated dataset. */
    public void removeGenerated(int generatedIndex) {
        removed.add(generatedIndex);
    }

    public void clear() {
        added.clear();
        removed.clear();
    }

    /** The link's {@code add} value, "" if none. */
    public String addedText() {
        StringBuilder s = new StringBuilder();
        for (Point p : added) {
            if (s.length() > 0) {
                s.append(';');
            }
            s.append(Format.number(p.x)).append(',').append(Format.number(p.y)).append(',')
                    .append(p.label == 0 && p.target != 0 ? Format.number(p.target) : p.label == 0 ? "0" : Integer.toString(p.label));
        }
        return s.toString();
    }

    /** The link's {@code del} value, "" if none: runs of three or more as {@code first-last}. */
    public String removedText() {
        StringBuilder s = new StringBuilder();
        Integer[] all = removed.toArray(new Integer[0]);
        for (int start = 0; start < all.length; ) {
            int end = start;
            while (end + 1 < all.length && all[end + 1] == all[end] + 1) {
                end++;
            }
            if (s.length() > 0) {
                s.append(',');
            }
            if (end - start >= 2) {
                s.append(all[start]).append('-').append(all[end]);
                start = end + 1;
            } else {
                s.append(all[start]);
                start++;
            }
        }
        return s.toString();
    }

    /**
     * Reads the link's {@code add} and {@code del} values (either may be null). Never throws: a
     * malformed entry is skipped with a note; {@code generatedCount} bounds the removed indices.
     */
    public static PointEdits parse(String addText, String delText, int generatedCount, List<String> notes) {
        return parse(addText, delText, generatedCount, 2, notes);
    }

    /** {@link #parse(String, String, int, List)} for a problem of {@code classes} classes (or a regression). */
    public static PointEdits parse(String addText, String delText, int generatedCount, int classes, List<String> notes) {
        PointEdits edits = new PointEdits();
        if (addText != null && !addText.isEmpty()) {
            int bad = 0;
            String[] entries = addText.split(";", -1);
            for (String entry : entries) {
                String[] f = entry.split(",", -1);
                double x = f.length == 3 ? Settings.parseNumber(f[0]) : Double.NaN;
                double y = f.length == 3 ? Settings.parseNumber(f[1]) : Double.NaN;
                String label = f.length == 3 ? f[2] : "";
                if (!(Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE)
                        || !isLabel(label, classes) || edits.added.size() >= MAX_ADDED) {
                    bad++;
                    continue;
                }
                edits.add(x, y, Settings.parseNumber(label), classes);
            }
            if (bad > 0) {
                notes.add("add: " + bad + " of " + entries.length + " hand-added points could not be read and were skipped");
            }
        }
        if (delText != null && !delText.isEmpty()) {
            int bad = 0;
            String[] entries = delText.split(",", -1);
            for (String entry : entries) {
                int dash = entry.indexOf('-', 1); // a range "i-k"; a leading '-' is a (bad) sign
                double first = Settings.parseNumber(dash < 0 ? entry : entry.substring(0, dash));
                double last = dash < 0 ? first : Settings.parseNumber(entry.substring(dash + 1));
                if (!(first >= 0 && last >= first && last < generatedCount && first == Math.rint(first)
                        && last == Math.rint(last))) {
                    bad++;
                    continue;
                }
                for (int i = (int) first; i <= (int) last; i++) {
                    edits.removed.add(i);
                }
            }
            if (bad > 0) {
                notes.add("del: " + bad + " of " + entries.length + " removed points are not in the data and were skipped");
            }
        }
        return edits;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}

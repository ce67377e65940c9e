package scratchnet.playground.share;

import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Shape;
import scratchnet.io.Csv;
import scratchnet.io.Format;
import scratchnet.io.PointTable;

/**
 * The playground's points as CSV, in and out: {@link Csv} reads and writes the text, and here a
 * table becomes the playground's kind of data and back. Two classes become labels -1 and +1 (the
 * table's class 0 is -1, class 1 is +1), three to six class indices, a regression targets. The
 * classes' names are kept (see {@link #names}), so that exporting imported points gives back
 * their text and importing that gives the same points and names again.
 */
public final class DataCsv {
    /** Longer text is refused before it is read; the page checks a file's size against it first. */
    public static final int MAX_CHARS = Csv.MAX_CHARS;
    /** The most points a CSV may hold: training and test points together. */
    public static final int MAX_POINTS = Settings.MAX_POINTS;
    /** The export's file name. */
    public static final String NAME = "scratchnet-points.csv";
    /** The format and its limits, for the page. */
    public static final String FORMAT = "Columns x, y and a label (a class: a name, -1 and +1, or 0 to 5) or a"
            + " target (a number), separated by commas, semicolons or tabs, with an optional header naming them."
            + " At most " + MAX_POINTS + " points (training and test together; the split setting divides them),"
            + " 2 to " + Csv.MAX_CLASSES + " classes, numbers within ±" + Format.scientific(Csv.MAX_MAGNITUDE, 1) + ", "
            + MAX_CHARS / 1_000_000 + " million characters.";

    /** Thrown for text that cannot be imported; the message says what is wrong and where. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private DataCsv() {
    }

    /** The page's names of the kinds: "classes", "regression"; anything else is "auto" (the file decides). */
    static Csv.Kind kind(String name) {
        return "classes".equals(name) ? Csv.Kind.CLASSES : "regression".equals(name) ? Csv.Kind.REGRESSION : Csv.Kind.AUTO;
    }

    /**
     * Reads {@code text} as points of {@code kind} (see {@link #kind}) that the playground can take:
     * {@link Csv}'s rules with at most {@link #MAX_POINTS} points, and 2 to 6 classes.
     *
     * @throws Invalid with {@link Csv.Invalid}'s message (which names the line and column), or saying
     *     the points have one class
     */
    public static PointTable read(String text, String kind) throws Invalid {
        PointTable table;
        try {
            table = Csv.read(text, kind(kind), MAX_POINTS);
        } catch (Csv.Invalid e) {
            throw new Invalid(e.getMessage());
        }
        if (table.kind == Csv.Kind.CLASSES && table.classNames.size() < 2) {
            String only = Format.clip(table.classNames.get(0));
            throw new Invalid("only one class ('" + only + "'): a network learns to tell 2 to " + Csv.MAX_CLASSES
                    + " classes apart; add points of another, or name the classes in a line such as '# classes: "
                    + only + ",other' before the points");
        }
        return table;
    }

    /** The table's points as the playground's: labels ±1 for two classes, class indices for more, targets. */
    public static Dataset dataset(PointTable table) {
        int classes = table.kind == Csv.Kind.REGRESSION ? Dataset.REGRESSION : table.classNames.size();
        List<Point> points = new ArrayList<>(table.rows.size());
        for (PointTable.Row r : table.rows) {
            points.add(classes == Dataset.REGRESSION ? Point.ofTarget(r.x, r.y, r.target)
                    : classes == 2 ? new Point(r.x, r.y, r.classIndex == 0 ? -1 : 1)
                    : Point.ofClass(r.x, r.y, r.classIndex));
        }
        return new Dataset(points, classes);
    }

    /** The names to keep for the legend and the export: the table's, or none when they are the usual ones. */
    public static List<String> names(PointTable table) {
        int classes = table.kind == Csv.Kind.REGRESSION ? Dataset.REGRESSION : table.classNames.size();
        return table.classNames.equals(usualNames(classes)) ? List.of() : table.classNames;
    }

    /** The names classes have unless a file named them: "-1" and "+1" for two, "0" to "K−1" for more; none for a regression. */
    static List<String> usualNames(int classes) {
        if (classes == 2) {
            return List.of("-1", "+1");
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(Integer.toString(k));
        }
        return names;
    }

    /**
     * Settings for data of {@code classes} classes (or a regression): the dataset setting stays if
     * it is of that kind, else becomes the first that is (so a link opens a problem of the same
     * kind), {@code classes} is set, and the loss and output settle as for that dataset (ce for more
     * than two classes; mse and a linear output for a regression). Says what changed in {@code notes}.
     */
    public static Settings settingsFor(Settings current, int classes, List<String> notes) {
        Settings s = current.copy();
        if (!fits(s.data, classes)) {
            for (Shape shape : Shape.values()) {
                if (fits(shape, classes)) {
                    s.data = shape;
                    break;
                }
            }
        }
        if (classes != Dataset.REGRESSION) {
            s.classes = classes;
        }
        // A regression's loss and output are said as for a link that asked for them; a loss switched for K classes always is.
        notes.addAll(s.settle(classes == Dataset.REGRESSION ? List.of("loss", "output") : List.of()));
        if (!s.standardize) {
            // Real data comes in any range: tanh would saturate on x in [0, 1000].
            s.standardize = true;
            notes.add("standardize: on, so the network reads each coordinate as (value − mean) ÷ spread of the"
                    + " training points (shown under the picture)");
        }
        return s;
    }

    private static boolean fits(Shape shape, int classes) {
        return classes == Dataset.REGRESSION ? shape.isRegression() : !shape.isRegression() && shape.classes(classes) == classes;
    }

    /**
     * The points as CSV ({@link Csv#write}): for classes a {@code # classes:} line with {@code names}
     * (or the usual names when empty), then {@code x,y,label}; for a regression {@code x,y,target}.
     */
    public static String write(List<Point> points, int classes, List<String> names) {
        List<PointTable.Row> rows = new ArrayList<>(points.size());
        for (Point p : points) {
            rows.add(classes == Dataset.REGRESSION ? PointTable.Row.ofTarget(p.x, p.y, p.target)
                    : PointTable.Row.ofClass(p.x, p.y, p.classIndex()));
        }
        return classes == Dataset.REGRESSION ? Csv.write(rows, Csv.Kind.REGRESSION, List.of())
                : Csv.write(rows, Csv.Kind.CLASSES, names.isEmpty() ? usualNames(classes) : names);
    }
}

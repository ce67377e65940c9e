package scratchnet.playground.session;

import scratchnet.playground.picture.View;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;

/**
 * The points a session trains and tests on: the base points (generated from the settings, or an
 * imported file's) split into training and test points, with the hand edits on top, and the part
 * of the plane the picture shows.
 *
 * <p>Base points are removed by their index in the base, so the others keep their side of the
 * split; added points train. The same base and edits always give the same data.
 */
public final class Data {
    private final Dataset base;      // in their order, before the split
    private final Dataset baseTrain; // base's training and test parts
    private final Dataset baseTest;
    private final View baseView;
    /** The base came from an imported file, not from the settings: a link cannot reproduce it. */
    public final boolean fromFile;
    /** The classes' names in class order, as an imported CSV gave them; empty for the usual ones. */
    final List<String> classNames;
    private PointEdits edits = new PointEdits();
    private Dataset train;
    private Dataset test;
    private View view;

    private Data(Dataset base, Dataset baseTrain, Dataset baseTest, boolean fromFile, List<String> classNames) {
        this.base = base;
        this.baseTrain = baseTrain;
        this.baseTest = baseTest;
        this.fromFile = fromFile;
        this.classNames = List.copyOf(classNames);
        baseView = View.around(base.points);
        applyEdits();
    }

    /** The settings' data: their dataset, drawn and split with the data seed. */
    static Data generate(Settings settings) {
        Rng rng = new Rng(settings.dataSeed);
        Dataset base = Dataset.generate(settings.data, settings.generator, settings.points, settings.noise, settings.classes, rng);
        Dataset[] parts = base.split(settings.split / 100.0, rng);
        return new Data(base, parts[0], parts[1], false, List.of());
    }

    /** A file's own training and test points, as they are. */
    static Data of(Dataset train, Dataset test) {
        return of(train, test, List.of());
    }

    /** A file's own training and test points, as they are, and its classes' names (empty: the usual). */
    static Data of(Dataset train, Dataset test, List<String> classNames) {
        List<Point> all = new ArrayList<>(train.points);
        all.addAll(test.points);
        return new Data(new Dataset(all, train.classes), train, test, true, classNames);
    }

    /**
     * Imported points (a CSV's), split into training and test points as generated data is: by the
     * settings' split, shuffled by the data seed. {@code classNames} as in {@link #of(Dataset, Dataset, List)}.
     */
    static Data imported(Dataset points, Settings settings, List<String> classNames) {
        Dataset[] parts = points.split(settings.split / 100.0, new Rng(settings.dataSeed));
        return new Data(points, parts[0], parts[1], true, classNames);
    }

    public Dataset train() {
        return train;
    }

    Dataset test() {
        return test;
    }

    View view() {
        return view;
    }

    /** The kind of problem: 2 (labels ±1), K classes (labels 0 .. K−1), or {@link Dataset#REGRESSION}. */
    public int classes() {
        return base.classes;
    }

    /** How many base points there are (generated or from the file), before edits. */
    public int baseSize() {
        return base.size();
    }

    /**
     * Every point, training and test, in the base's order (a CSV's own order; a model file's
     * training then test points), without the removed ones, then the added ones: what an export
     * writes, so that a CSV imported and exported unedited is the same text, and splits the same again.
     */
    List<Point> points() {
        List<Point> all = new ArrayList<>();
        for (int i = 0; i < base.size(); i++) {
            if (!edits.isRemoved(i)) {
                all.add(base.points.get(i));
            }
        }
        all.addAll(edits.added());
        return all;
    }

    /** How many points were added by hand (without copying the edits). */
    public int addedCount() {
        return edits.addedCount();
    }

    /** The hand edits in force (a copy). */
    public PointEdits edits() {
        return new PointEdits(edits);
    }

    /** Replaces the hand edits. */
    public void setEdits(PointEdits next) {
        edits = new PointEdits(next);
        applyEdits();
    }

    /** Training and test data from the base and the edits. */
    private void applyEdits() {
        Map<Point, Boolean> removed = new IdentityHashMap<>();
        for (int i = 0; i < base.size(); i++) {
            if (edits.isRemoved(i)) {
                removed.put(base.points.get(i), true);
            }
        }
        List<Point> added = edits.added();
        List<Point> kept = without(baseTrain, removed);
        kept.addAll(added);
        train = new Dataset(kept, base.classes);
        test = new Dataset(without(baseTest, removed), base.classes);
        // The picture stays put while points are edited; it only grows for added points outside it.
        view = baseView;
        for (Point p : added) {
            if (!view.contains(p.x, p.y)) {
                List<Point> all = new ArrayList<>(base.points);
                all.addAll(added);
                view = View.around(all);
                break;
            }
        }
    }

    private static List<Point> without(Dataset data, Map<Point, Boolean> removed) {
        List<Point> kept = new ArrayList<>();
        for (Point p : data.points) {
            if (!removed.containsKey(p)) {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * Adds a training point (coordinates rounded to 3 decimals, as links keep them, except on a
     * file's data, which no link carries): {@code value} is its label (±1), class index, or
     * regression target.
     *
     * @throws IllegalArgumentException as {@link PointEdits#add}
     */
    void addPoint(double x, double y, double value) {
        edits.add(x, y, value, base.classes, !fromFile);
        applyEdits();
    }

    /**
     * Removes the point nearest to (x, y) within {@code radius}: a training point, or also a test
     * point if {@code includeTest}. Returns false if there is none that close.
     */
    boolean removeNearest(double x, double y, double radius, boolean includeTest) {
        List<Point> candidates = new ArrayList<>(train.points);
        if (includeTest) {
            candidates.addAll(test.points);
        }
        int i = nearest(candidates, x, y);
        Point nearest = i < 0 ? null : candidates.get(i);
        if (nearest == null || distanceSquared(nearest, x, y) > radius * radius) {
            return false;
        }
        List<Point> added = edits.added();
        for (int k = 0; k < added.size(); k++) {
            if (added.get(k) == nearest) {
                edits.removeAdded(k);
                applyEdits();
                return true;
            }
        }
        edits.removeGenerated(base.points.indexOf(nearest)); // Point keeps identity equality
        applyEdits();
        return true;
    }

    /**
     * Removes every point within {@code radius} of (x, y): training points, and test points if
     * {@code includeTest}. Returns how many.
     */
    int removeWithin(double x, double y, double radius, boolean includeTest) {
        int removed = 0;
        while (removeNearest(x, y, radius, includeTest)) {
            removed++;
        }
        return removed;
    }

    /** Removes every point, generated and added, so a person can draw their own dataset. */
    void clearPoints() {
        edits.clear();
        for (int i = 0; i < base.size(); i++) {
            edits.removeGenerated(i);
        }
        applyEdits();
    }

    /** The index of the point nearest to (x, y), or -1 if there are none; the first of equals. */
    public static int nearest(List<Point> points, double x, double y) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            double d = distanceSquared(points.get(i), x, y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static double distanceSquared(Point p, double x, double y) {
        return (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y);
    }

    /** True if both hold the same points, coordinates and labels, in the same order. */
    public static boolean same(Dataset a, Dataset b) {
        if (a.size() != b.size() || a.classes != b.classes) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Point p = a.points.get(i), q = b.points.get(i);
            if (p.x != q.x || p.y != q.y || p.label != q.label || Double.compare(p.target, q.target) != 0) {
                return false;
            }
        }
        return true;
    }
}

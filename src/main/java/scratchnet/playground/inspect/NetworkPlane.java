package scratchnet.playground.inspect;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.train.ContourLevels;
import scratchnet.train.Landscape;
import scratchnet.train.PathPlane;
import scratchnet.train.PlaneGrid;
import scratchnet.train.RunsPlane;
import scratchnet.train.Trainer;
import scratchnet.train.WeightPath;

/**
 * The whole network's view: the loss on a plane through the shown run's weights now, θ + a·d1 +
 * b·d2 ({@link PlaneGrid}), the recorded path (or both runs' paths) projected onto it, and how far
 * they lie off it. Three planes ({@link Kind}): two filter-normalised random directions (Li et al.
 * 2018), the path's own two principal directions ({@link PathPlane}), or the plane through two
 * compared runs' start and both their weights now ({@link RunsPlane}).
 *
 * <p>Call {@link #afterStep} after each training step (it records each run's weights into a
 * {@link WeightPath}, afresh for a new trainer or a step count that went back) and {@link #advance}
 * once a frame. A frame that finds the weights moved ({@link Landscape#stale}), the kind changed
 * or run B moved maps anew: a landscape, the plane, every path point's coordinates (about 6 ×
 * points × parameters multiply-adds, and for the path's plane {@link PathPlane#work}); any other
 * frame computes the grid's next slice (at most {@link scratchnet.train.Sweep#WORK_PER_SLICE}
 * multiply-adds). At default settings (105 parameters, 160 points, a path of 200 points) a frame
 * that maps anew takes 1–2.5 ms on the JVM and a slice 6–7 ms; the path's plane of six layers of
 * 32 (5,409 parameters) about 11 million multiply-adds, 4–7 ms ({@code NetworkPlaneBenchmark}).
 * The shown run is run A; {@code other} is run B.
 *
 * <p>The map is a square of (a, b) in the directions' units (one scale for both): it holds the
 * weights now and every path point, their extent × 1.25 about its middle, and for random
 * directions at least ±1. The random directions come from a fixed seed ({@link #SEED}): the same
 * draws each frame for a network of the same shape, rescaled to its neurons' norms now, so the
 * picture does not jump.
 */
public final class NetworkPlane {
    /** The plane's two directions. */
    public enum Kind {
        RANDOM("random"), PATH("path"), RUNS("runs");

        public final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind a {@code surface} setting names (random, path, runs); RANDOM for anything else. */
        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            return RANDOM;
        }
    }

    /** Cells a side by default. */
    public static final int SIDE = 41;
    /** The random directions' seed (the year of Li et al.'s paper). */
    public static final long SEED = 2018;
    /** The map's side over the points' extent. */
    public static final double MARGIN = 1.25;

    private final Supplier<Trainer> shown;
    private final Supplier<Trainer> other;
    private final int side;
    private final Track a = new Track();
    private final Track b = new Track();
    private Kind kind = Kind.RANDOM;

    private Kind mapped; // what the landscape below was mapped as, and run B then
    private Trainer mappedOther;
    private int mappedOtherStep;
    private Landscape landscape;
    private PlaneGrid grid;
    private PathPlane lastPathPlane;
    private PlaneMap map = new PlaneMap(); // the plane being mapped
    private PlaneMap shownMap; // the last whole map and its grid, shown while the next is under way
    private PlaneGrid shownGrid;
    private Trainer mappedTrainer;
    private int version;
    private final Surface.Drawing drawing = new Surface.Drawing();

    /** One run's recorded way. */
    private static final class Track {
        final WeightPath path = new WeightPath();
        Trainer trainer;
        double[] now = new double[0];

        void record(Trainer t) {
            if (t != trainer || path.size() > 0 && t.steps() < path.step(path.size() - 1)) {
                path.clear();
                trainer = t;
            }
            List<Value> params = t.model.parameters();
            if (now.length != params.size()) {
                now = new double[params.size()];
            }
            for (int p = 0; p < now.length; p++) {
                now[p] = params.get(p).data;
            }
            path.record(t.steps(), now);
        }
    }

    /** A view of {@link #SIDE}×{@link #SIDE} cells of {@code shown}'s landscape; {@code other} is run B's trainer (null, or giving null, when not comparing). */
    public NetworkPlane(Supplier<Trainer> shown, Supplier<Trainer> other) {
        this(shown, other, SIDE);
    }

    public NetworkPlane(Supplier<Trainer> shown, Supplier<Trainer> other, int side) {
        if (side < 2) {
            throw new IllegalArgumentException("at least 2 cells a side, was " + side);
        }
        this.shown = shown;
        this.other = other != null ? other : () -> null;
        this.side = side;
    }

    /** Maps the plane of {@code kind} from the next {@link #advance}. */
    public void kind(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Records the shown run's weights, and run B's when comparing (call after each step; a call with no new step adds nothing). */
    public void afterStep() {
        a.record(shown.get());
        Trainer o = other.get();
        if (o != null) {
            b.record(o);
        }
    }

    /**
     * One frame's share: maps anew when nothing is mapped, the kind changed, the shown run's weights
     * or settings moved ({@link Landscape#stale}) or, for {@link Kind#RUNS}, run B moved; otherwise the
     * grid's next slice. Records the runs' weights first ({@link #afterStep}). Returns whether
     * anything new is to be painted.
     */
    public boolean advance() {
        afterStep();
        Trainer t = shown.get();
        Trainer o = other.get();
        boolean fresh = landscape == null || mapped != kind || t != mappedTrainer;
        boolean whole = grid == null || grid.done();
        if (fresh || whole && (landscape.stale(t) || kind == Kind.RUNS && otherMoved(o))) {
            // the whole map stays on screen until its successor is whole (playing never blanks it)
            shownMap = !fresh && grid != null ? map : null;
            shownGrid = shownMap != null ? grid : null;
            map = new PlaneMap();
            mappedTrainer = t;
            remap(t, o);
            version++;
            return true;
        }
        if (grid != null && !grid.done()) {
            grid.advance();
            if (grid.done()) {
                shownMap = null;
                shownGrid = null;
                version++;
            }
            return true;
        }
        return false;
    }

    /** Changes whenever the texts may have: a remap, or the map under way become the one shown. */
    public int version() {
        return version;
    }

    /** The map drawn: the one under way once whole, or with nothing whole to show; else the last whole one. */
    private boolean showsLast() {
        return grid != null && !grid.done() && shownGrid != null;
    }

    private PlaneMap m() {
        return showsLast() ? shownMap : map;
    }

    private PlaneGrid g() {
        return showsLast() ? shownGrid : grid;
    }

    private boolean otherMoved(Trainer o) {
        return o != mappedOther || o != null && o.steps() != mappedOtherStep;
    }

    /** Nothing is left to compute for the weights the runs have now. */
    public boolean done() {
        Trainer o = other.get();
        return landscape != null && mapped == kind && !landscape.stale(shown.get()) && !(kind == Kind.RUNS && otherMoved(o))
                && (grid == null || grid.done());
    }

    /** Advances until done: the whole map at once (tests, and a page that wants it now). */
    public void finish() {
        while (advance()) {
            // each call takes the next slice
        }
    }

    private void remap(Trainer t, Trainer o) {
        landscape = Landscape.of(t);
        mapped = kind;
        mappedOther = o;
        mappedOtherStep = o == null ? -1 : o.steps();
        grid = null;
        map.clear(LandscapeWords.problem(landscape));
        if (landscape.problem() != null) {
            return;
        }
        double[] now = landscape.at();
        Rng rng = new Rng(SEED);
        if (kind == Kind.RANDOM) {
            double[] d1 = PlaneGrid.direction(t.model, rng);
            double[] d2 = PlaneGrid.direction(t.model, rng);
            map.project(now, d1, d2, List.of(a.path), 1);
        } else if (kind == Kind.PATH) {
            PathPlane plane = PathPlane.of(a.path, now, lastPathPlane);
            lastPathPlane = plane.tooShort() ? lastPathPlane : plane;
            map.path(now, plane, a.path);
        } else if (o == null) {
            map.clear("compare two runs to see their plane");
        } else {
            runs(now, PlaneGrid.direction(t.model, rng));
        }
        if (map.problem() == null) {
            grid = PlaneGrid.rectangle(landscape, map.first(), map.second(), side, map.aLow, map.aHigh, map.bLow, map.bHigh);
        }
    }

    /** The plane through A's first recorded weights (both runs' start, when they share it), A's now and B's now. */
    private void runs(double[] now, double[] spare) {
        double[] start = a.path.point(0);
        RunsPlane plane = RunsPlane.of(start, now, b.now, spare);
        if (plane.problem() != null) {
            map.clear(LandscapeWords.runs(plane.problem(), now.length, b.now.length));
            return;
        }
        boolean shared = b.path.size() > 0 && b.path.step(0) == a.path.step(0) && Arrays.equals(start, b.path.point(0));
        int from = a.path.step(0);
        String text = shared ? "the plane through both runs' start" + (from > 0 ? " (step " + from + ")" : "")
                + " and their weights now; both lie in it exactly"
                : "the plane through run A's start" + (from > 0 ? " (as first seen, step " + from + ")" : "")
                + " and both runs' weights now, which lie in it exactly; "
                + (from > 0 || b.path.step(0) > 0 ? "the runs' shared start was not seen"
                        : "the runs started from different weights");
        if (plane.note() != null) {
            text += "; " + LandscapeWords.line(plane.note()) + ": the second direction is a random one";
        }
        map.project(now, plane.first(), plane.second(), List.of(a.path, b.path), 0);
        map.text = text;
    }

    /** The plane's kind's text: what the plane is (see the class comment); "" before the first map or with a problem. */
    public String text() {
        if (m().problem() != null || landscape == null) {
            return "";
        }
        if (mapped == Kind.RANDOM) {
            return "two random directions, each neuron's weights rescaled to that neuron's norm (filter-normalised, Li et al. 2018);"
                    + " biases held fixed; " + m().range();
        }
        return m().text;
    }

    /** Why nothing is mapped: a diverged run, no points, a path too short, no run B, different networks; null when all is well. */
    public String problem() {
        return m().problem();
    }

    public int side() {
        return side;
    }

    /** The loss at cell {@code (row, col)}, row 0 the lowest b, column 0 the lowest a (NaN until computed, or with a problem). */
    public double cell(int row, int col) {
        return g() == null ? Double.NaN : g().cell(row, col);
    }

    /** Rows whose every cell is computed. */
    public int rowsDone() {
        return g() == null ? 0 : g().rowsDone();
    }

    /** Contour levels of the computed cells (none with a problem). */
    public ContourLevels levels() {
        return g() == null ? ContourLevels.of(new double[0], 10) : g().levels();
    }

    public boolean logScale() {
        return levels().logScale;
    }

    /** The cells as {@code [row * side + col]}, row 0 the lowest b; NaN until computed. */
    private double[] values() {
        double[] v = new double[side * side];
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                v[row * side + col] = cell(row, col);
            }
        }
        return v;
    }

    /** The cells as canvas pixels ({@link Surface#pixels}), row 0 at the top; blank with a problem. */
    public int[] pixels() {
        return drawing().pixels();
    }

    private Surface.Drawing drawing() {
        PlaneGrid g = g();
        drawing.of(g, g == null ? 0 : g.computed(), m().problem() != null, side, this::values, this::levels);
        return drawing;
    }

    /** The contour lines ({@link Surface#contours}); none until the map is whole, or with a problem. */
    public double[] contours() {
        return drawing().contours();
    }

    /** The map's grid (its directions and rectangle); null before the first map or with a problem. */
    public PlaneGrid grid() {
        return g();
    }

    /**
     * Each path's points, oldest first and ending at its run's weights now, as fractions of the map
     * {x0, y0, x1, y1, ...}: x from 0 at the left (a), y from 0 at the top (b downwards), so cell
     * (row, col)'s centre is at x = (col + ½)/side, y = 1 − (row + ½)/side. The shown run first, then
     * run B's for {@link Kind#RUNS}; none with a problem. Copies.
     */
    public double[][] paths() {
        return m().fractions(side);
    }

    /** The weights now (the grid's origin, a = b = 0) as fractions {x, y} of the map; null with a problem. */
    public double[] dot() {
        return m().problem() != null || landscape == null ? null : m().fraction(0, 0, side);
    }

    /** Per path, the largest distance of its points from the plane (parameter units). */
    public double[] offPlane() {
        return m().off.clone();
    }

    /** E.g. "the path lies at most 0.031 off this plane (its length: 2.4)"; both runs' for {@link Kind#RUNS}; "" with a problem. */
    public String offPlaneText() {
        if (m().problem() != null || m().off.length == 0) {
            return "";
        }
        String one = " at most " + Format.significant(m().off[0], 2) + " off this plane (its length: "
                + Format.significant(m().lengths[0], 2) + ")";
        if (m().off.length == 1) {
            return "the path lies" + one;
        }
        return "run A's path lies" + one + "; run B's at most " + Format.significant(m().off[1], 2) + " (its length: "
                + Format.significant(m().lengths[1], 2) + ")";
    }
}

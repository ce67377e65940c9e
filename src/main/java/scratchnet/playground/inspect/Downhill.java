package scratchnet.playground.inspect;

import java.util.List;
import java.util.function.Supplier;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.train.GradientLine;
import scratchnet.train.Landscape;
import scratchnet.train.PairGrid;
import scratchnet.train.Trainer;

/**
 * The "Downhill" view's two-parameter map: the training loss over a square of two parameters'
 * values around their current ones (all others fixed), the gradient as the uphill arrow, the next
 * plain-SGD step −lr·g as the downhill one, the path the pair has taken ({@link PairPath}), and the
 * loss along −g from the current weights ({@link GradientLine}). It maps the trainer the inspector
 * shows, afresh only when its weights moved ({@link Landscape#stale}), a slice per {@link #advance}
 * (one a frame); each cell is exactly the trainer's loss there. Everything is computed on a copy:
 * the live model never moves. The page only draws.
 */
public final class Downhill {
    private final Supplier<Trainer> shown;
    private final int side;
    private int first;
    private int second = 1;
    private Landscape landscape;
    private PairGrid grid; // being mapped, for the weights at the latest remap
    private GradientLine line;
    private PairGrid complete; // the last whole map of this pair, shown while the next is under way
    private GradientLine completeLine;
    private Trainer mappedTrainer;
    private double nextLoss = Double.NaN;
    private double nowLoss = Double.NaN;
    private int mappedStep = -1;
    private int version;
    private final PairPath path = new PairPath();
    private final Surface.Drawing drawing = new Surface.Drawing();

    /** A map of {@link PairGrid#SIZE} cells a side of {@code shown}'s trainer (the inspector's). */
    public Downhill(Supplier<Trainer> shown) {
        this(shown, PairGrid.SIZE);
    }

    /** A map of {@code side}×{@code side} cells (odd, so the current weights are a cell). */
    public Downhill(Supplier<Trainer> shown, int side) {
        if (side < 3 || side % 2 == 0) {
            throw new IllegalArgumentException("an odd number of cells a side, at least 3, was " + side);
        }
        this.shown = shown;
        this.side = side;
    }

    // ---- commands ----

    /**
     * Maps parameters {@code first} and {@code second} (indices into {@code MLP.parameters()}) from
     * the next frame; each is kept inside the network, and the same one twice takes the next for the second.
     */
    public void choose(int first, int second) {
        if (first != this.first || second != this.second) {
            this.first = first;
            this.second = second;
            grid = null;
        }
    }

    /** {@link #advance(boolean)} with the map. */
    public boolean advance() {
        return advance(true);
    }

    /**
     * One frame's share: a new landscape when the pair or the trainer changed (a reset, new
     * settings), or when the weights moved and the map under way is whole (a copy, one backward
     * pass and one loss over the training set); else the line's next slice, then the map's (unless
     * {@code withMap} is false: the network's plane is shown instead). While a new map is under
     * way the last whole one is shown ({@link #drawn}), so playing never blanks the picture; the
     * forecast and the line follow the latest weights. Returns true when there is something new to paint.
     */
    public boolean advance(boolean withMap) {
        Trainer t = shown.get();
        int[] pair = pair(t);
        boolean fresh = landscape == null || grid == null || grid.first != pair[0] || grid.second != pair[1] || t != mappedTrainer;
        if (fresh || landscape.stale(t) && (!withMap || grid.done()) && line.done()) {
            if (fresh) {
                complete = null;
                completeLine = null;
            } else if (grid.done()) {
                complete = grid;
                completeLine = line;
            }
            mappedTrainer = t;
            landscape = Landscape.of(t);
            grid = new PairGrid(landscape, pair[0], pair[1], side);
            line = new GradientLine(landscape);
            nextLoss = trainLoss(t, landscape, landscape.learningRate);
            nowLoss = trainLoss(t, landscape, 0);
            mappedStep = t.steps();
            version++;
            path.record(t, pair[0], pair[1]); // the point where the weights are now, if no step recorded it
            return true;
        }
        if (!line.done()) {
            line.advance();
            if (line.done()) {
                version++; // the line is whole: draw it
            }
            return true;
        }
        if (withMap && !grid.done()) {
            grid.advance();
            if (grid.done()) {
                complete = null; // this one is whole: shown from now
                completeLine = null;
                version++;
            }
            return true;
        }
        return false;
    }

    /** The map drawn: the one under way once it is whole (or when there is no whole one to show), else the last whole one. */
    private PairGrid drawn() {
        return grid != null && !grid.done() && complete != null ? complete : grid;
    }

    /** Changes whenever the texts may have: a remap, or the map under way become the one shown. */
    public int version() {
        return version;
    }

    /** The step the forecast and the line are for (the trainer's step at the latest remap). */
    public int mappedStep() {
        return mappedStep;
    }

    /** Advances until everything is mapped (tests, and a page that wants it at once). */
    public void finish() {
        while (advance()) {
            // each call takes the next slice
        }
    }

    /** Records the pair's values after a step (the path), whether or not the view is shown. */
    public void afterStep() {
        Trainer t = shown.get();
        int[] pair = pair(t);
        path.record(t, pair[0], pair[1]);
    }

    /** The map and the line are computed for the weights as they are now. */
    public boolean done() {
        return done(true);
    }

    /** The line (and with {@code withMap} the map) is computed for the weights as they are now. */
    public boolean done(boolean withMap) {
        return landscape != null && grid != null && !landscape.stale(shown.get()) && (!withMap || grid.done()) && line.done();
    }

    // ---- views ----

    /** Cells a side. */
    public int side() {
        return side;
    }

    /** The two parameters mapped, as indices: the chosen ones, kept inside the network. */
    public int[] pair() {
        return pair(shown.get());
    }

    private int[] pair(Trainer t) {
        int n = t.model.parameters().size();
        int a = Math.max(0, Math.min(n - 1, first));
        int b = Math.max(0, Math.min(n - 1, second));
        if (a == b) {
            b = (a + 1) % n;
        }
        return new int[] {a, b};
    }

    /** The two parameters' names, e.g. {"w[0][0][0]", "w[0][0][1]"}. */
    public String[] pairNames() {
        String[] names = Names.parameters(shown.get().model);
        int[] p = pair();
        return new String[] {names[p[0]], names[p[1]]};
    }

    /** The map's ground; null before the first {@link #advance}. */
    public Landscape landscape() {
        return landscape;
    }

    public PairGrid grid() {
        return grid;
    }

    public GradientLine line() {
        return line;
    }

    public PairPath path() {
        return path;
    }

    /** Why there is no map (the run diverged, no training points), or null. */
    public String problem() {
        return landscape == null ? null : LandscapeWords.problem(landscape);
    }

    /** The map's cells, {@code [row * side + col]}, row 0 the lowest value of the second parameter; NaN not yet computed. */
    public double[] values() {
        return drawn() == null ? new double[side * side] : drawn().values();
    }

    /** The cells as canvas pixels ({@link Surface#pixels}), row 0 at the top. */
    public int[] pixels() {
        return drawing().pixels();
    }

    private Surface.Drawing drawing() {
        PairGrid g = drawn();
        drawing.of(g, g == null ? 0 : g.computed(), problem() != null, side, () -> g.values(), () -> g.levels());
        return drawing;
    }

    /** The contour lines, segments in fractions of the map ({@link Surface#contours}); none until the map is whole. */
    public double[] contours() {
        return drawing().contours();
    }

    /** True when the colours and contours are spaced in log (the loss spans more than two orders of magnitude). */
    public boolean logScale() {
        return grid != null && drawn().levels().logScale;
    }

    /** Where the current weights are on the map, as fractions {across, down}: the middle. */
    public double[] dot() {
        return new double[] {0.5, 0.5};
    }

    /**
     * The uphill arrow's end, as fractions: the gradient (∂L/∂p₁, ∂L/∂p₂) drawn a third of the
     * map long whatever its size (its size is in {@link #axesText}); null with nothing to draw.
     */
    public double[] uphill() {
        if (drawn() == null || problem() != null) {
            return null;
        }
        double gx = drawn().gradientFirst();
        double gy = drawn().gradientSecond();
        double len = Math.hypot(gx, gy);
        if (len == 0) {
            return dot();
        }
        return new double[] {0.5 + 0.33 * gx / len, 0.5 - 0.33 * gy / len};
    }

    /** The next plain-SGD step's end, −lr·g, on the map's own scale, as fractions. */
    public double[] step() {
        if (drawn() == null || problem() != null) {
            return null;
        }
        return new double[] {across(drawn().stepFirst()), down(drawn().stepSecond())};
    }

    /**
     * An offset from the current value as a fraction of the map across: the cells' centres are at
     * (col + ½) / side, so ±radius (the first and last cells' values) sits half a cell inside the edges.
     */
    private double across(double offset) {
        return 0.5 + (0.5 - 0.5 / side) * offset / drawn().radius;
    }

    private double down(double offset) {
        return 0.5 - (0.5 - 0.5 / side) * offset / drawn().radius;
    }

    /** The path's points as fractions of the map, oldest first: {x0, y0, x1, y1, ...} (beyond 0..1 off the map). */
    public double[] pathPoints() {
        if (drawn() == null || problem() != null) {
            return new double[0];
        }
        double[] out = new double[2 * path.size()];
        for (int k = 0; k < path.size(); k++) {
            out[2 * k] = across(path.first(k) - drawn().landscape.at(drawn().first));
            out[2 * k + 1] = down(path.second(k) - drawn().landscape.at(drawn().second));
        }
        return out;
    }

    /** The axes and the gradient in words, e.g. "w[0][0][0] across, −0.62 to 1.38; w[0][0][1] up, ...; grad (0.12, −0.03)". */
    public String axesText() {
        if (drawn() == null || problem() != null) {
            return "";
        }
        String[] names = pairNames();
        return names[0] + " across, " + Format.significant(drawn().first(0), 3) + " to " + Format.significant(drawn().first(side - 1), 3)
                + "; " + names[1] + " up, " + Format.significant(drawn().second(0), 3) + " to " + Format.significant(drawn().second(side - 1), 3)
                + "; grad (" + Format.significant(drawn().gradientFirst(), 3) + ", " + Format.significant(drawn().gradientSecond(), 3) + ")"
                + ", the step −lr·grad (" + Format.significant(drawn().stepFirst(), 3) + ", " + Format.significant(drawn().stepSecond(), 3) + ")"
                + Surface.range(drawn().levels())
                + (logScale() ? "; colours spaced in log: the loss here spans more than two orders of magnitude"
                : "; each colour band holds about as many cells");
    }

    /** The loss along −g, for step sizes 0 .. 3·lr; null until it is computed. */
    public double[] lineValues() {
        GradientLine l = line != null && !line.done() && completeLine != null ? completeLine : line;
        return l == null || !l.done() || problem() != null ? null : l.values();
    }

    /** The sample of {@link #lineValues} at the current learning rate. */
    public int lineRateSample() {
        GradientLine l = line != null && !line.done() && completeLine != null ? completeLine : line;
        return l == null ? 0 : l.rateSample();
    }

    /** The training loss at the weights the next step will give, as the train loss shows it; NaN until mapped or when diverged. */
    public double nextLoss() {
        return nextLoss;
    }

    /**
     * The text for {@code #downhill-next}: that loss first, formatted as the train loss is, then
     * what it is: for full-batch plain SGD what the train loss shows once the step is taken; for
     * momentum, Adam and mini-batches the loss after one plain-SGD full-batch step, which is not
     * the step they take; with dropout, which thins each step's network at random, likewise. When
     * the run diverged, its message.
     */
    public String nextText() {
        if (landscape == null) {
            return "";
        }
        if (problem() != null) {
            return "— " + problem();
        }
        Trainer t = shown.get();
        boolean sgd = t.optimizer.label().equals("sgd");
        boolean fullBatch = t.batchSize <= 0 || t.batchSize >= t.size();
        String regularised = t.l1 > 0 || t.l2 > 0 ? "; the map and the line add the L1/L2 penalty" : "";
        String from = ", from " + Format.fixed(nowLoss, 4) + " at step " + mappedStep;
        boolean dropped = t.dropout > 0;
        if (sgd && fullBatch && !dropped) {
            return Format.fixed(nextLoss, 4) + ": the train loss after the next step, θ − lr·g" + from + regularised;
        }
        String why = sgd && fullBatch ? "" : sgd ? "a mini-batch step takes its batch's gradient instead" : t.optimizer.label()
                + (t.optimizer.label().equals("adam") ? " scales each parameter's step by its own history"
                : " adds a share of the steps before");
        if (dropped) {
            why += (why.isEmpty() ? "" : "; ") + "with dropout a step follows the gradient of a randomly thinned network,"
                    + " while the map and the line show the loss without dropout";
        }
        return Format.fixed(nextLoss, 4) + ": the train loss after one plain-SGD step on the full batch, θ − lr·g" + from + "; "
                + why + regularised;
    }

    /** The train loss now, as the readout shows it (for the text's "from ... now"). */
    public double nowLoss() {
        return nowLoss;
    }

    /**
     * The unregularised training loss at θ − rate·g, computed as the page's train-loss readout is:
     * the points' outputs on plain doubles ({@code Snapshot.outputs}; the lesson's raw examples one
     * by one through {@code predict}, as its readout), then the loss.
     */
    private static double trainLoss(Trainer t, Landscape l, double rate) {
        if (l.problem() != null) {
            return Double.NaN;
        }
        MLP copy = t.model.copy();
        List<Value> params = copy.parameters();
        for (int p = 0; p < params.size(); p++) {
            params.get(p).data = l.at(p) - rate * l.gradient(p);
        }
        Snapshot s = copy.snapshot();
        double[][] xs = t.inputs();
        double[] out = new double[xs.length * copy.nout()];
        if (t.data() != null) {
            s.outputs(xs, out);
        } else {
            for (int i = 0; i < xs.length; i++) {
                System.arraycopy(s.predict(xs[i]), 0, out, i * copy.nout(), copy.nout());
            }
        }
        return t.loss.value(out, t.targets(t.loss));
    }
}

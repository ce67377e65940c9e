package scratchnet.playground.inspect;

import scratchnet.io.Format;
import scratchnet.train.GradientLine;
import scratchnet.train.Landscape;
import scratchnet.train.PairGrid;
import scratchnet.train.Trainer;

/**
 * The downhill view's state: which two parameters are mapped, their {@link PairGrid} (with the
 * gradient's arrow and the plain-SGD step), the loss along −g ({@link GradientLine}), the next
 * step's forecast and the pair's {@link PairPath}. {@link #frame} does a bounded share of the
 * work per call; everything is computed on a copy of the model, never moving the live one.
 */
public final class Downhill {
    private int first = 0;
    private int second = 1;
    private final int size;
    private Landscape landscape;
    private PairGrid grid;
    private GradientLine line;
    private double next = Double.NaN;
    private final PairPath path = new PairPath();

    /** A view of {@link PairGrid#SIZE}×{@link PairGrid#SIZE} cells. */
    public Downhill() {
        this(PairGrid.SIZE);
    }

    /** A view of {@code size}×{@code size} cells (odd, so the current weights are a cell). */
    public Downhill(int size) {
        if (size < 3 || size % 2 == 0) {
            throw new IllegalArgumentException("an odd number of cells a side, at least 3, was " + size);
        }
        this.size = size;
    }

    /** Maps parameters {@code first} and {@code second} (indices into {@code MLP.parameters()}, different) from the next frame. */
    public void select(int first, int second) {
        if (first < 0 || second < 0 || first == second) {
            throw new IllegalArgumentException("two different parameters are needed, got " + first + " and " + second);
        }
        this.first = first;
        this.second = second;
        landscape = null;
    }

    public int first() {
        return first;
    }

    public int second() {
        return second;
    }

    /**
     * One frame's share: when nothing is mapped yet, or the trainer moved since ({@link Landscape#stale}),
     * a new landscape (a copy, one backward pass and one loss over the training set); otherwise the
     * grid's next slice, then the line's. A selection beyond a smaller network's parameters falls
     * back to the first two. Returns whether anything was computed.
     */
    public boolean frame(Trainer trainer) {
        if (landscape == null || landscape.stale(trainer)) {
            int n = trainer.model.parameters().size();
            if (first >= n || second >= n) {
                first = 0;
                second = 1;
            }
            landscape = Landscape.of(trainer);
            grid = new PairGrid(landscape, first, second, size);
            line = new GradientLine(landscape);
            next = landscape.nextStepLoss();
            return true;
        }
        if (!grid.done()) {
            grid.advance();
            return true;
        }
        if (!line.done()) {
            line.advance();
            return true;
        }
        return false;
    }

    /** Frames until everything is mapped (tests, and a page that wants it at once). */
    public void finish(Trainer trainer) {
        while (frame(trainer)) {
            // each frame takes the next slice
        }
    }

    /** Records the pair's values (call after each step). */
    public void afterStep(Trainer trainer) {
        path.record(trainer, first, second);
    }

    /** Nothing is left to compute for the weights the trainer has now. */
    public boolean done(Trainer trainer) {
        return landscape != null && !landscape.stale(trainer) && grid.done() && line.done();
    }

    /** The map's ground; null before the first {@link #frame}. */
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

    /** The two axes' names, e.g. {@code {"w[0][0][0]", "w[0][0][1]"}}. */
    public String[] names(Trainer trainer) {
        String[] all = Names.parameters(trainer.model);
        return new String[] {all[first], all[second]};
    }

    /** The training loss after the next plain-SGD full-batch step ({@link Landscape#nextStepLoss}); NaN until mapped. */
    public double nextLoss() {
        return next;
    }

    /**
     * The text for {@code #downhill-next}: "next step (plain SGD, full batch): loss 0.2345 → 0.2301",
     * or the landscape's problem (e.g. "the loss is not finite (NaN): reset or lower the learning rate").
     */
    public String nextText() {
        if (landscape == null) {
            return "";
        }
        if (landscape.problem() != null) {
            return landscape.problem();
        }
        return "next step (plain SGD, full batch): loss " + Format.compact(landscape.value) + " → " + Format.compact(next);
    }
}

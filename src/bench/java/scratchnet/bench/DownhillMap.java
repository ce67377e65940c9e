package scratchnet.bench;

import scratchnet.train.GradientLine;
import scratchnet.train.Landscape;
import scratchnet.train.PairGrid;
import scratchnet.train.Trainer;

/**
 * One whole downhill map of a trainer's weights, in the slices the page takes one per frame:
 * {@link #start} takes the landscape ({@link Landscape#of}: a copy of the model, one backward pass,
 * one loss) and makes the {@link PairGrid} and the {@link GradientLine}; each {@link #advance}
 * then computes the grid's next slice, and once the grid is done the line's, until both are done.
 * The trainer is never moved, so every map is the same work and gives the same numbers.
 */
public final class DownhillMap {
    private final Trainer trainer;
    private final int first;
    private final int second;
    private final int size;
    private PairGrid grid;
    private GradientLine line;

    public DownhillMap(Trainer trainer, int first, int second, int size) {
        this.trainer = trainer;
        this.first = first;
        this.second = second;
        this.size = size;
    }

    /** A new map of the trainer's weights, nothing computed yet. */
    public void start() {
        Landscape landscape = Landscape.of(trainer);
        grid = new PairGrid(landscape, first, second, size);
        line = new GradientLine(landscape);
    }

    /** The next slice (at most {@code Sweep.WORK_PER_SLICE} multiply-adds); returns whether all is done. Call after {@link #start}. */
    public boolean advance() {
        if (!grid.done()) {
            grid.advance();
        } else {
            line.advance();
        }
        return grid.done() && line.done();
    }

    /** {@link #start}, then {@link #advance} until done; returns the number of advances. */
    public int run() {
        start();
        int slices = 1;
        while (!advance()) {
            slices++;
        }
        return slices;
    }

    /** The sum of the cells, row by row (NaN until done). */
    public double sum() {
        return sum(grid.values());
    }

    public double cell(int row, int col) {
        return grid.cell(row, col);
    }

    /** The sum of the line's samples, in order. */
    public double lineSum() {
        return sum(line.values());
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}

package scratchnet.train;

import java.util.Arrays;

/**
 * The loss at a list of weights around a {@link Landscape}'s, computed in slices so a page can take
 * one slice per frame: each {@link #advance} evaluates the next samples, about
 * {@link #WORK_PER_SLICE} multiply-adds of them (at least one sample), a bound set by the network's
 * size and the number of points, never by the clock. Each sample is computed on its own from the
 * landscape's weights, so the result does not depend on how it was sliced.
 */
public abstract class Sweep {
    /**
     * Multiply-adds per {@link #advance} (as {@link Landscape#cost} counts them): 2–4 ms in the browser
     * (scripts/bench), so a frame that also trains a step and paints stays well inside 20 ms.
     */
    public static final long WORK_PER_SLICE = 1_000_000;

    /** The ground swept. */
    public final Landscape landscape;
    final double[] values;
    private int perSlice;
    private int next;

    Sweep(Landscape landscape, int count) {
        this.landscape = landscape;
        this.values = new double[count];
        this.perSlice = (int) Math.max(1, Math.min(count, WORK_PER_SLICE / Math.max(1, landscape.cost)));
        if (landscape.problem() != null) {
            Arrays.fill(values, Double.NaN); // nothing to map: done at once
            next = count;
        }
    }

    /** Sets the samples per slice (tests: the result must not depend on it). */
    void slice(int samples) {
        perSlice = Math.max(1, samples);
    }

    /** Sets the landscape's copy to sample {@code k}'s weights (the others are at the landscape's own). */
    abstract void place(int k);

    /** Computes the next slice of samples; returns whether all are done. */
    public final boolean advance() {
        int end = Math.min(values.length, next + perSlice);
        for (int k = next; k < end; k++) {
            place(k);
            values[k] = landscape.lossHere();
        }
        landscape.restore();
        next = end;
        return done();
    }

    /** Advances until done: the whole sweep in one go. */
    public final void finish() {
        while (!advance()) {
            // each call takes the next slice
        }
    }

    public final boolean done() {
        return next == values.length;
    }

    /** Samples computed so far (they are the first ones, in order). */
    public final int computed() {
        return next;
    }

    /** Samples in all. */
    public final int count() {
        return values.length;
    }

    /** Samples per {@link #advance}. */
    public final int samplesPerSlice() {
        return perSlice;
    }

    /** Multiply-adds one {@link #advance} costs at most: samples per slice × the landscape's {@link Landscape#cost}. */
    public final long workPerSlice() {
        return perSlice * landscape.cost;
    }

    /** Multiply-adds of the whole sweep. */
    public final long work() {
        return values.length * landscape.cost;
    }

    /** Every sample's loss, a copy (NaN where not yet computed; all NaN over a diverged run). */
    public final double[] values() {
        double[] v = values.clone();
        Arrays.fill(v, next, v.length, Double.NaN);
        return v;
    }

    /** Whether the trainer has moved since the landscape was taken (see {@link Landscape#stale}). */
    public final boolean stale(Trainer trainer) {
        return landscape.stale(trainer);
    }
}

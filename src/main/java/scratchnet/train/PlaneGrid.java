package scratchnet.train;

import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;

/**
 * The whole network's landscape on a plane through the current weights (Li et al. 2018, "Visualizing
 * the Loss Landscape of Neural Nets"): the loss at θ + a·d1 + b·d2 over an n×n grid of (a, b) in
 * ±{@link #span}, d1 and d2 two filter-normalised random directions ({@link #direction}), or any
 * two directions over any rectangle of (a, b) ({@link #rectangle}, for a path's plane). Each cell
 * is exactly the trainer's loss there ({@link Landscape}); computed in slices ({@link Sweep}).
 * Cell {@code (row, col)} is at {@code values[row * n + col]}, a = {@link #a(int) a(col)}, b =
 * {@link #b(int) b(row)}, both increasing from the rectangle's low edge (the first sample) to its
 * high edge (the last); with ±span and n odd the middle cell is the current weights exactly.
 */
public final class PlaneGrid extends Sweep {
    /** Cells per side. */
    public final int size;
    /** Half the a side in units of the directions (±span grids: span; 1 moves each neuron's weights by their own norm). */
    public final double span;
    /** The rectangle: a from aLow (column 0) to aHigh (the last column), b from bLow (row 0) to bHigh. */
    public final double aLow;
    public final double aHigh;
    public final double bLow;
    public final double bHigh;
    private final double[] d1;
    private final double[] d2;

    /** Two directions drawn from {@code rng} (d1 first), ±1, {@code size}×{@code size} cells. */
    public static PlaneGrid of(Landscape landscape, Rng rng, int size) {
        double[] d1 = direction(landscape.model, rng);
        double[] d2 = direction(landscape.model, rng);
        return new PlaneGrid(landscape, d1, d2, size, 1);
    }

    /** a and b both in ±{@code span}. */
    public PlaneGrid(Landscape landscape, double[] d1, double[] d2, int size, double span) {
        this(landscape, d1, d2, size, -span, span, -span, span); // a span not positive and finite: no increasing range
    }

    /**
     * The loss at θ + a·d1 + b·d2 for a from {@code aLow} to {@code aHigh} and b from {@code bLow} to
     * {@code bHigh} (each pair finite and increasing; the rectangle need not hold the origin, nor be square).
     */
    public static PlaneGrid rectangle(Landscape landscape, double[] d1, double[] d2, int size,
            double aLow, double aHigh, double bLow, double bHigh) {
        return new PlaneGrid(landscape, d1, d2, size, aLow, aHigh, bLow, bHigh);
    }

    private PlaneGrid(Landscape landscape, double[] d1, double[] d2, int size, double aLow, double aHigh, double bLow, double bHigh) {
        super(landscape, size * size);
        if (d1.length != landscape.parameters() || d2.length != landscape.parameters()) {
            throw new IllegalArgumentException("directions of " + d1.length + " and " + d2.length + " for "
                    + landscape.parameters() + " parameters");
        }
        if (size < 2 || !(aLow < aHigh && bLow < bHigh) || !Double.isFinite(aHigh - aLow) || !Double.isFinite(bHigh - bLow)) {
            throw new IllegalArgumentException("at least 2 cells a side and finite increasing ranges, were " + size + ", a "
                    + aLow + " to " + aHigh + ", b " + bLow + " to " + bHigh);
        }
        this.size = size;
        this.span = (aHigh - aLow) / 2;
        this.aLow = aLow;
        this.aHigh = aHigh;
        this.bLow = bLow;
        this.bHigh = bHigh;
        this.d1 = d1.clone();
        this.d2 = d2.clone();
    }

    /**
     * A filter-normalised random direction, in {@link MLP#parameters()} order: each weight drawn
     * from a standard normal ({@link Rng#nextGaussian}), then each neuron's row of incoming weights
     * rescaled so its norm is that of the neuron's own incoming weights (a neuron with all-zero
     * weights gets a zero row). Biases get direction 0: a plane of weights only, so a neuron's
     * scale, not its offset, sets how far the plane moves it.
     */
    public static double[] direction(MLP model, Rng rng) {
        double[] d = new double[model.parameters().size()];
        int k = 0;
        for (Layer layer : model.layers) {
            for (Neuron neuron : layer.neurons) {
                double drawn = 0;
                double own = 0;
                for (int i = 0; i < neuron.w.size(); i++) {
                    d[k + i] = rng.nextGaussian();
                    drawn += d[k + i] * d[k + i];
                    Value w = neuron.w.get(i);
                    own += w.data * w.data;
                }
                double scale = drawn > 0 ? Math.sqrt(own) / Math.sqrt(drawn) : 0;
                for (int i = 0; i < neuron.w.size(); i++) {
                    d[k + i] *= scale;
                }
                k += neuron.w.size();
                d[k++] = 0; // the bias
            }
        }
        return d;
    }

    /** The first direction's coefficient at column {@code col}. */
    public double a(int col) {
        return between(aLow, aHigh, col);
    }

    /** The second direction's coefficient at row {@code row}. */
    public double b(int row) {
        return between(bLow, bHigh, row);
    }

    /** Sample k of n from low to high: for ±span the middle one is 0 exactly (the two products cancel). */
    private double between(double low, double high, int k) {
        return (low * (size - 1 - k) + high * k) / (size - 1);
    }

    /** The loss at cell {@code (row, col)} (NaN until computed). */
    public double cell(int row, int col) {
        return row * size + col < computed() ? values[row * size + col] : Double.NaN;
    }

    /** Rows whose every cell is computed (they can be painted already). */
    public int rowsDone() {
        return computed() / size;
    }

    /** The directions, copies. */
    public double[] first() {
        return d1.clone();
    }

    public double[] second() {
        return d2.clone();
    }

    @Override
    void place(int k) {
        double a = a(k % size);
        double b = b(k / size);
        for (int p = 0; p < d1.length; p++) {
            landscape.params.get(p).data = landscape.at(p) + a * d1[p] + b * d2[p];
        }
    }

    /** Ten contour levels of the computed cells ({@link ContourLevels}). */
    public ContourLevels levels() {
        return ContourLevels.of(values(), 10);
    }
}

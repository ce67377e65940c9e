package scratchnet.train;

import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;

/**
 * The whole network's landscape on a plane through the current weights (Li et al. 2018, "Visualizing
 * the Loss Landscape of Neural Nets"): the loss at θ + a·d1 + b·d2 over an n×n grid of (a, b) in
 * ±{@link #span}, d1 and d2 two filter-normalised random directions ({@link #direction}). Each cell
 * is exactly the trainer's loss there ({@link Landscape}); computed in slices ({@link Sweep}).
 * Cell {@code (row, col)} is at {@code values[row * n + col]}, a = {@link #a(int) a(col)}, b =
 * {@link #b(int) b(row)}, both increasing; with n odd the middle cell is the current weights.
 */
public final class PlaneGrid extends Sweep {
    /** Cells per side. */
    public final int size;
    /** Half the side in units of the directions: 1 moves each neuron's weights by their own norm. */
    public final double span;
    private final double[] d1;
    private final double[] d2;

    /** Two directions drawn from {@code rng} (d1 first), ±1, {@code size}×{@code size} cells. */
    public static PlaneGrid of(Landscape landscape, Rng rng, int size) {
        double[] d1 = direction(landscape.model, rng);
        double[] d2 = direction(landscape.model, rng);
        return new PlaneGrid(landscape, d1, d2, size, 1);
    }

    public PlaneGrid(Landscape landscape, double[] d1, double[] d2, int size, double span) {
        super(landscape, size * size);
        if (d1.length != landscape.parameters() || d2.length != landscape.parameters()) {
            throw new IllegalArgumentException("directions of " + d1.length + " and " + d2.length + " for "
                    + landscape.parameters() + " parameters");
        }
        if (size < 2 || !(span > 0 && span < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("at least 2 cells a side and a positive finite span, were " + size + " and " + span);
        }
        this.size = size;
        this.span = span;
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
        return span * (2 * col - (size - 1)) / (size - 1);
    }

    /** The second direction's coefficient at row {@code row}. */
    public double b(int row) {
        return span * (2 * row - (size - 1)) / (size - 1);
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

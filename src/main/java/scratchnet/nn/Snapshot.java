package scratchnet.nn;

import java.util.Arrays;
import scratchnet.engine.Tanh;

/**
 * An MLP's weights copied into plain arrays, evaluated on doubles with no graph: what paints the
 * decision boundary over thousands of grid points per frame. {@link #predict} agrees with
 * {@link MLP#forward} to the last bit (same operations in the same order); {@link #grid} is built
 * for pictures: to the last bit without tanh, and to ~1e-8 per tanh layer with it.
 * A network of K outputs gives K numbers per point everywhere ({@link #argmax} picks the class).
 * Not thread-safe: it reuses scratch buffers.
 */
public final class Snapshot {
    /** {@code weights[l][o * nin + i]}: layer l, neuron o, input i. */
    final double[][] weights;
    final double[][] biases;
    final Activation[] activations;
    final int[] widths; // widths[0] = nin, widths[l + 1] = neurons in layer l
    final Features features; // null for a network of raw inputs
    final Scaling scaling;
    private final double[][] activity;
    private static final int BLOCK = 64; // points per block in outputs()
    private double[][] blockActivity; // outputs()'s scratch: blockActivity[l][i * cols + c]
    // The grid's scratch, for rows of gridCols points: rowActivity[l][i * cols + c] is input i of
    // layer l at column c; columnX[c] the column's x; columnFeatures[f * cols + c] the x-only
    // features of column c; columnTanh[o * cols + c] = tanh(b_o + w_o0 · x_c).
    private int gridCols;
    private double[][] rowActivity;
    private double[] columnX;
    private double[] columnFeatures;
    private double[] columnTanh;
    private boolean additionFormula; // the grid's first layer by tanh's addition formula (tanh on x, y)

    Snapshot(MLP mlp) {
        features = mlp.features;
        scaling = mlp.scaling;
        int n = mlp.layers.size();
        weights = new double[n][];
        biases = new double[n][];
        activations = new Activation[n];
        widths = new int[n + 1];
        activity = new double[n + 1][];
        widths[0] = mlp.nin();
        activity[0] = new double[widths[0]];
        for (int l = 0; l < n; l++) {
            Layer layer = mlp.layers.get(l);
            int nin = layer.nin();
            int nout = layer.nout();
            widths[l + 1] = nout;
            activations[l] = layer.activation();
            weights[l] = new double[nout * nin];
            biases[l] = new double[nout];
            activity[l + 1] = new double[nout];
            for (int o = 0; o < nout; o++) {
                Neuron neuron = layer.neurons.get(o);
                for (int i = 0; i < nin; i++) {
                    weights[l][o * nin + i] = neuron.w.get(i).data;
                }
                biases[l][o] = neuron.b.data;
            }
        }
    }

    /**
     * Takes {@code mlp}'s weights and biases as they are now into this snapshot, which must have
     * been taken of {@code mlp} (or a network of its shape): no allocation, so a sweep of many
     * losses over one model copy ({@code train.Landscape}) leaves the collector nothing to do.
     */
    public void reload(MLP mlp) {
        if (mlp.layers.size() != weights.length || mlp.nin() != widths[0]) {
            throw new IllegalArgumentException("a snapshot is reloaded from a network of its own shape");
        }
        for (int l = 0; l < weights.length; l++) {
            Layer layer = mlp.layers.get(l);
            int nin = layer.nin();
            if (layer.nout() != widths[l + 1] || nin != widths[l]) {
                throw new IllegalArgumentException("a snapshot is reloaded from a network of its own shape");
            }
            double[] w = weights[l];
            double[] b = biases[l];
            for (int o = 0; o < b.length; o++) {
                Neuron neuron = layer.neurons.get(o);
                for (int i = 0; i < nin; i++) {
                    w[o * nin + i] = neuron.w.get(i).data;
                }
                b[o] = neuron.b.data;
            }
        }
    }

    /** The outputs of every neuron of layer {@code layer} (0 = first hidden) after {@link #predict}. */
    public double[] activity(int layer) {
        return activity[layer + 1];
    }

    /**
     * The outputs for each of {@code xs} (network inputs, e.g. {@link MLP#inputs}), into {@code out}:
     * output k of point i at {@code out[i * K + k]} for K outputs (with one output, point i's at
     * {@code out[i]}). The same bits as {@link #predict} point by point, several times faster over
     * many points (a block of points goes through each layer together, as in {@link #grid}, with
     * the exact activations).
     */
    public void outputs(double[][] xs, double[] out) {
        int nin = widths[0];
        int last = weights.length;
        if (blockActivity == null) {
            blockActivity = new double[last + 1][];
            for (int l = 0; l <= last; l++) {
                blockActivity[l] = new double[widths[l] * BLOCK];
            }
        }
        for (int start = 0; start < xs.length; start += BLOCK) {
            int cols = Math.min(BLOCK, xs.length - start);
            double[] in = blockActivity[0];
            for (int c = 0; c < cols; c++) {
                double[] x = xs[start + c];
                if (x.length != nin) {
                    throw new IllegalArgumentException("point " + (start + c) + " has " + x.length + " inputs, the network takes " + nin);
                }
                for (int i = 0; i < nin; i++) {
                    in[i * cols + c] = x[i];
                }
            }
            for (int l = 0; l < last; l++) {
                layerOverRow(l, blockActivity[l], blockActivity[l + 1], cols, true);
            }
            double[] z = blockActivity[last];
            int k = widths[last];
            for (int c = 0; c < cols; c++) {
                for (int o = 0; o < k; o++) {
                    out[(start + c) * k + o] = z[o * cols + c];
                }
            }
        }
    }

    /** Runs the network on inputs {@code x}; returns the output layer's values (a buffer reused by the next call). */
    public double[] predict(double[] x) {
        System.arraycopy(x, 0, activity[0], 0, widths[0]);
        return run();
    }

    /**
     * Runs the network at the point (x, y) of the plane, through its features; returns the output
     * layer's values (a buffer reused by the next call). The same bits as {@link MLP#forward(double, double)}.
     */
    public double[] predict(double x, double y) {
        features().map(scaling.x(x), scaling.y(y), activity[0]);
        return run();
    }

    /** The layers over activity[0], into activity[1 ..]. */
    private double[] run() {
        for (int l = 0; l < weights.length; l++) {
            double[] in = activity[l];
            double[] out = activity[l + 1];
            double[] w = weights[l];
            int nin = widths[l];
            Activation act = activations[l];
            for (int o = 0; o < out.length; o++) {
                // Same order as Neuron.forward: bias first, then each w_i * x_i.
                double sum = biases[l][o];
                int row = o * nin;
                for (int i = 0; i < nin; i++) {
                    sum += w[row + i] * in[i];
                }
                out[o] = act.apply(sum);
            }
        }
        return activity[weights.length];
    }

    /**
     * Evaluates one neuron's output (layer {@code layer}, index {@code neuron}; output k is the last
     * layer's k; layer −1 gives input feature {@code neuron}) over a grid of {@code cols × rows} points spanning [xMin, xMax] × [yMin, yMax],
     * row 0 at yMax (the top of a picture), each point at its cell's centre, through the network's
     * features. Every weighted sum is formed as predict forms it, in the same order, so without
     * tanh the values are predict's to the bit. Tanh layers take shortcuts ({@link #firstLayerTanh}
     * when the features are x and y, {@link GridTanh}), each within 2e-8; MLPTest measures 2e-8
     * against predict on typical networks, far below one step of a pixel's colour (4e-3).
     *
     * @param out receives {@code rows * cols} values, row by row
     * @throws IllegalStateException for a network of raw inputs (no features)
     */
    public void grid(int layer, int neuron, double xMin, double xMax, double yMin, double yMax,
                     int cols, int rows, double[] out) {
        startGrid(xMin, xMax, cols);
        double dy = (yMax - yMin) / rows;
        for (int r = 0; r < rows; r++) {
            gridRow(yMax - (r + 0.5) * dy, layer, cols);
            System.arraycopy(rowActivity[layer + 1], neuron * cols, out, r * cols, cols);
        }
    }

    /**
     * Every neuron's output, the inputs' too, over the same grid as {@link #grid} in one pass:
     * {@code out[c][(o * rows + r) * cols + k]} is neuron o of column c (0 = the inputs, c = layer
     * c − 1) at row r, column k; {@code out[c]} holds at least {@code widths · rows · cols} values.
     * The same numbers as {@link #grid} neuron by neuron, for the cost of the output's grid alone.
     */
    public void gridAll(double xMin, double xMax, double yMin, double yMax, int cols, int rows, double[][] out) {
        startGrid(xMin, xMax, cols);
        double dy = (yMax - yMin) / rows;
        int last = weights.length - 1;
        for (int r = 0; r < rows; r++) {
            gridRow(yMax - (r + 0.5) * dy, last, cols);
            for (int c = 0; c <= weights.length; c++) {
                for (int o = 0; o < widths[c]; o++) {
                    System.arraycopy(rowActivity[c], o * cols, out[c], (o * rows + r) * cols, cols);
                }
            }
        }
    }

    /** Neurons per column: the inputs, then each layer. */
    public int[] widths() {
        return widths.clone();
    }

    /** The output neuron's value over a grid; see {@link #grid(int, int, double, double, double, double, int, int, double[])}. */
    public void grid(double xMin, double xMax, double yMin, double yMax, int cols, int rows, double[] out) {
        grid(weights.length - 1, 0, xMin, xMax, yMin, yMax, cols, rows, out);
    }

    /**
     * For a network of K ≥ 2 outputs (the logits of K classes), over the same grid as {@link #grid}:
     * the class each cell is given ({@link #argmax} of its outputs) into {@code classes}, and that
     * class's softmax probability (1/K .. 1, how sure the network is) into {@code confidence}.
     */
    public void classGrid(double xMin, double xMax, double yMin, double yMax, int cols, int rows,
                          int[] classes, double[] confidence) {
        int last = weights.length - 1;
        int k = widths[last + 1];
        startGrid(xMin, xMax, cols);
        double dy = (yMax - yMin) / rows;
        for (int r = 0; r < rows; r++) {
            gridRow(yMax - (r + 0.5) * dy, last, cols);
            double[] z = rowActivity[last + 1]; // z[o * cols + c]
            for (int c = 0; c < cols; c++) {
                int best = 0;
                for (int o = 1; o < k; o++) {
                    if (z[o * cols + c] > z[best * cols + c]) {
                        best = o;
                    }
                }
                double m = z[best * cols + c];
                double sum = 0;
                for (int o = 0; o < k; o++) {
                    sum += Math.exp(z[o * cols + c] - m);
                }
                classes[r * cols + c] = best;
                confidence[r * cols + c] = 1 / sum;
            }
        }
    }

    /** Sizes the grid's scratch for rows of {@code cols} points and computes what depends on the column only. */
    private void startGrid(double xMin, double xMax, int cols) {
        Features f = features();
        if (rowActivity == null || gridCols != cols) {
            gridCols = cols;
            rowActivity = new double[weights.length + 1][];
            for (int l = 0; l <= weights.length; l++) {
                rowActivity[l] = new double[widths[l] * cols];
            }
            columnX = new double[cols];
            columnFeatures = new double[f.size() * cols];
            columnTanh = new double[widths[1] * cols];
        }
        double dx = (xMax - xMin) / cols;
        for (int c = 0; c < cols; c++) {
            columnX[c] = scaling.x(xMin + (c + 0.5) * dx); // the network's x, standardised
        }
        for (int i = 0; i < f.size(); i++) {
            Feature feature = f.get(i);
            if (!feature.readsY) {
                for (int c = 0; c < cols; c++) {
                    columnFeatures[i * cols + c] = feature.of(columnX[c], 0);
                }
            }
        }
        // tanh(b + w0·x + w1·y) by the addition formula needs the first layer to read x and y as they are.
        additionFormula = activations[0] == Activation.TANH && f.equals(Features.XY);
        if (additionFormula) {
            double[] w = weights[0];
            for (int o = 0; o < widths[1]; o++) {
                for (int c = 0; c < cols; c++) {
                    columnTanh[o * cols + c] = Tanh.tanh(biases[0][o] + w[2 * o] * columnX[c]);
                }
            }
        }
    }

    /**
     * One row of the picture, at height y of the plane (standardised here, as the columns' x): its features, then layers 0 .. {@code layer}, each
     * neuron over the whole row (long independent inner loops instead of a dependent chain per
     * point), into rowActivity[layer + 1].
     */
    private void gridRow(double planeY, int layer, int cols) {
        double y = scaling.y(planeY);
        double[] in = rowActivity[0];
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            int at = i * cols;
            if (!feature.readsY) {
                System.arraycopy(columnFeatures, at, in, at, cols);
            } else if (!feature.readsX) {
                Arrays.fill(in, at, at + cols, feature.of(0, y));
            } else {
                for (int c = 0; c < cols; c++) {
                    in[at + c] = feature.of(columnX[c], y);
                }
            }
        }
        int l = 0;
        if (additionFormula) {
            firstLayerTanh(y, cols, rowActivity[1]);
            l = 1;
        }
        for (; l <= layer; l++) {
            layerOverRow(l, rowActivity[l], rowActivity[l + 1], cols, false);
        }
    }

    /**
     * The first layer, if tanh, over the row at height y: with A = b + w0·x (one per column, kept in
     * columnTanh) and B = w1·y (one per row), tanh(A + B) = (tanh A + tanh B) / (1 + tanh A · tanh B).
     * A division instead of a tanh per point; agrees with tanh of the sum to ~1e-15, and to 1e-10
     * where the denominator nears the 1e-6 below which (both halves saturated in opposite
     * directions, 1 + tanh A · tanh B → 0) the sum's own tanh is used instead.
     */
    private void firstLayerTanh(double y, int cols, double[] z) {
        double[] w = weights[0];
        double[] x = columnX;
        for (int o = 0; o < widths[1]; o++) {
            double b = biases[0][o];
            double w0 = w[2 * o];
            double w1 = w[2 * o + 1];
            double tb = Tanh.tanh(w1 * y);
            int row = o * cols;
            for (int c = 0; c < cols; c++) {
                double ta = columnTanh[row + c];
                double d = 1 + ta * tb;
                z[row + c] = d > 1e-6 ? (ta + tb) / d : Tanh.tanh(b + w0 * x[c] + w1 * y);
            }
        }
    }

    /**
     * Layer {@code l} over {@code cols} points: {@code a[i * cols + c]} is input i of point c. With
     * {@code exact} every activation is the one predict uses; without, tanh is {@link GridTanh}.
     */
    private void layerOverRow(int l, double[] a, double[] z, int cols, boolean exact) {
        double[] w = weights[l];
        double[] b = biases[l];
        int nin = widths[l];
        int nout = widths[l + 1];
        int o = 0;
        // Four neurons × two points at a time, all eight sums in registers: each input loaded feeds
        // four multiply-adds, each weight two. Each sum still runs bias first, then inputs in order.
        for (; o + 4 <= nout; o += 4) {
            int r0 = o * nin, r1 = r0 + nin, r2 = r1 + nin, r3 = r2 + nin;
            double b0 = b[o], b1 = b[o + 1], b2 = b[o + 2], b3 = b[o + 3];
            int z0 = o * cols, z1 = z0 + cols, z2 = z1 + cols, z3 = z2 + cols;
            int c = 0;
            for (; c + 2 <= cols; c += 2) {
                double s0 = b0, s1 = b1, s2 = b2, s3 = b3;
                double t0 = b0, t1 = b1, t2 = b2, t3 = b3;
                for (int i = 0, ai = c; i < nin; i++, ai += cols) {
                    double p = a[ai];
                    double q = a[ai + 1];
                    double w0 = w[r0 + i], w1 = w[r1 + i], w2 = w[r2 + i], w3 = w[r3 + i];
                    s0 += w0 * p;
                    s1 += w1 * p;
                    s2 += w2 * p;
                    s3 += w3 * p;
                    t0 += w0 * q;
                    t1 += w1 * q;
                    t2 += w2 * q;
                    t3 += w3 * q;
                }
                z[z0 + c] = s0;
                z[z0 + c + 1] = t0;
                z[z1 + c] = s1;
                z[z1 + c + 1] = t1;
                z[z2 + c] = s2;
                z[z2 + c + 1] = t2;
                z[z3 + c] = s3;
                z[z3 + c + 1] = t3;
            }
            for (; c < cols; c++) {
                double s0 = b0, s1 = b1, s2 = b2, s3 = b3;
                for (int i = 0, ai = c; i < nin; i++, ai += cols) {
                    double p = a[ai];
                    s0 += w[r0 + i] * p;
                    s1 += w[r1 + i] * p;
                    s2 += w[r2 + i] * p;
                    s3 += w[r3 + i] * p;
                }
                z[z0 + c] = s0;
                z[z1 + c] = s1;
                z[z2 + c] = s2;
                z[z3 + c] = s3;
            }
        }
        // The remaining neurons (the output neuron, say) one at a time over the whole row: each
        // input is added to every point's sum in turn, so the sums are independent of each other.
        for (; o < nout; o++) {
            int r = o * nin;
            int zo = o * cols;
            Arrays.fill(z, zo, zo + cols, b[o]);
            for (int i = 0; i < nin; i++) {
                double wi = w[r + i];
                int ai = i * cols;
                for (int c = 0; c < cols; c++) {
                    z[zo + c] += wi * a[ai + c];
                }
            }
        }
        Activation act = activations[l];
        int n = nout * cols;
        if (act == Activation.TANH && !exact) {
            GridTanh.apply(z, n);
        } else {
            for (int k = 0; k < n; k++) {
                z[k] = act.apply(z[k]);
            }
        }
    }

    /**
     * The index, counted from {@code from}, of the largest of {@code values[from] .. values[from + n - 1]}:
     * the class K outputs give. The first of equal values wins; a NaN only if all are NaN.
     */
    public static int argmax(double[] values, int from, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (values[from + i] > values[from + best] || values[from + best] != values[from + best]) {
                best = i;
            }
        }
        return best;
    }

    Features features() {
        if (features == null) {
            throw new IllegalStateException("a network of " + widths[0] + " raw inputs has no features to read from a point of the plane");
        }
        return features;
    }
}

package scratchnet.nn;

import java.util.Arrays;
import scratchnet.engine.Tanh;

/**
 * An MLP's weights copied into plain arrays, evaluated on doubles with no graph: what paints the
 * decision boundary over thousands of grid points per frame. {@link #predict} agrees with
 * {@link MLP#forward} to the last bit (same operations in the same order); {@link #grid} is built
 * for pictures: to the last bit without tanh, and to ~1e-8 per tanh layer with it.
 * Not thread-safe: it reuses scratch buffers.
 */
public final class Snapshot {
    /** {@code weights[l][o * nin + i]}: layer l, neuron o, input i. */
    final double[][] weights;
    final double[][] biases;
    final Activation[] activations;
    final int[] widths; // widths[0] = nin, widths[l + 1] = neurons in layer l
    private final double[][] activity;
    private double[][] rowActivity; // grid's scratch: rowActivity[l][i * cols + c]
    private static final int BLOCK = 64; // points per block in outputs()
    private double[][] blockActivity; // outputs()'s scratch: blockActivity[l][i * cols + c]
    private double[] columnTanh; // grid's scratch: tanh(b_o + w_o0 · x_c) at [o * cols + c]

    Snapshot(MLP mlp) {
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

    /** The outputs of every neuron of layer {@code layer} (0 = first hidden) after {@link #predict}. */
    public double[] activity(int layer) {
        return activity[layer + 1];
    }

    /**
     * The output neuron's value for each of {@code xs}, into {@code out}: the same bits as
     * {@link #predict} point by point, several times faster over many points (a block of points
     * goes through each layer together, as in {@link #grid}, with the exact activations).
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
            System.arraycopy(blockActivity[last], 0, out, start, cols);
        }
    }

    /** Runs the network on {@code x}; returns the output layer's values (a buffer reused by the next call). */
    public double[] predict(double[] x) {
        System.arraycopy(x, 0, activity[0], 0, widths[0]);
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
     * Evaluates one neuron's output (layer {@code layer}, index {@code neuron}; the output neuron is
     * the last layer's 0) over a grid of {@code cols × rows} points spanning [xMin, xMax] × [yMin, yMax],
     * row 0 at yMax (the top of a picture), each point at its cell's centre. Needs a 2-input network.
     * Every weighted sum is formed as predict forms it, in the same order, so without tanh the values
     * are predict's to the bit. Tanh layers take shortcuts ({@link #firstLayerTanh}, then
     * {@link GridTanh}), each within 2e-8; MLPTest measures 2e-8 against predict on typical networks,
     * far below one step of a pixel's colour (4e-3).
     *
     * @param out receives {@code rows * cols} values, row by row
     */
    public void grid(int layer, int neuron, double xMin, double xMax, double yMin, double yMax,
                     int cols, int rows, double[] out) {
        if (widths[0] != 2) {
            throw new IllegalStateException("a grid needs a network with 2 inputs, this one has " + widths[0]);
        }
        // One row of the picture at a time, layer by layer, each neuron over the whole row:
        // long independent inner loops instead of a dependent chain per point.
        if (rowActivity == null || rowActivity[0].length != 2 * cols) {
            rowActivity = new double[weights.length + 1][];
            for (int l = 0; l <= weights.length; l++) {
                rowActivity[l] = new double[widths[l] * cols];
            }
            columnTanh = new double[widths[1] * cols];
        }
        double dx = (xMax - xMin) / cols;
        double dy = (yMax - yMin) / rows;
        double[] in = rowActivity[0]; // in[c] = x of column c, in[cols + c] = y of the row
        for (int c = 0; c < cols; c++) {
            in[c] = xMin + (c + 0.5) * dx;
        }
        boolean tanhFirst = activations[0] == Activation.TANH;
        if (tanhFirst) {
            double[] w = weights[0];
            for (int o = 0; o < widths[1]; o++) {
                for (int c = 0; c < cols; c++) {
                    columnTanh[o * cols + c] = Tanh.tanh(biases[0][o] + w[2 * o] * in[c]);
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            double y = yMax - (r + 0.5) * dy;
            Arrays.fill(in, cols, 2 * cols, y);
            int l = 0;
            if (tanhFirst) {
                firstLayerTanh(y, cols, rowActivity[1]);
                l = 1;
            }
            for (; l <= layer; l++) {
                layerOverRow(l, rowActivity[l], rowActivity[l + 1], cols, false);
            }
            System.arraycopy(rowActivity[layer + 1], neuron * cols, out, r * cols, cols);
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
        double[] x = rowActivity[0];
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

    /** The output neuron's value over a grid; see {@link #grid(int, int, double, double, double, double, int, int, double[])}. */
    public void grid(double xMin, double xMax, double yMin, double yMax, int cols, int rows, double[] out) {
        grid(weights.length - 1, 0, xMin, xMax, yMin, yMax, cols, rows, out);
    }
}

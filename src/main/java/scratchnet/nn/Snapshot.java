package scratchnet.nn;

import java.util.Arrays;

/**
 * An MLP's weights copied into plain arrays, evaluated on doubles with no graph: what paints the
 * decision boundary over thousands of grid points per frame. Agrees with {@link MLP#forward} to
 * the last bit (same operations in the same order). Not thread-safe: it reuses scratch buffers.
 */
public final class Snapshot {
    /** {@code weights[l][o * nin + i]}: layer l, neuron o, input i. */
    final double[][] weights;
    final double[][] biases;
    final Activation[] activations;
    final int[] widths; // widths[0] = nin, widths[l + 1] = neurons in layer l
    private final double[][] activity;
    private double[][] rowActivity; // grid's scratch: rowActivity[l][i * cols + c]

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
     *
     * @param out receives {@code rows * cols} values, row by row
     */
    public void grid(int layer, int neuron, double xMin, double xMax, double yMin, double yMax,
                     int cols, int rows, double[] out) {
        if (widths[0] != 2) {
            throw new IllegalStateException("a grid needs a network with 2 inputs, this one has " + widths[0]);
        }
        // One row of the picture at a time, layer by layer, each neuron over the whole row:
        // long independent inner loops instead of a dependent chain per point. Per point it does
        // exactly what predict does, in the same order, so the results agree to the last bit.
        if (rowActivity == null || rowActivity[0].length != 2 * cols) {
            rowActivity = new double[weights.length + 1][];
            for (int l = 0; l <= weights.length; l++) {
                rowActivity[l] = new double[widths[l] * cols];
            }
        }
        double dx = (xMax - xMin) / cols;
        double dy = (yMax - yMin) / rows;
        double[] in = rowActivity[0]; // in[c] = x of column c, in[cols + c] = y of the row
        for (int c = 0; c < cols; c++) {
            in[c] = xMin + (c + 0.5) * dx;
        }
        for (int r = 0; r < rows; r++) {
            Arrays.fill(in, cols, 2 * cols, yMax - (r + 0.5) * dy);
            for (int l = 0; l <= layer; l++) {
                layerOverRow(l, rowActivity[l], rowActivity[l + 1], cols);
            }
            System.arraycopy(rowActivity[layer + 1], neuron * cols, out, r * cols, cols);
        }
    }

    /** Layer {@code l} over {@code cols} points: {@code a[i * cols + c]} is input i of point c. */
    private void layerOverRow(int l, double[] a, double[] z, int cols) {
        double[] w = weights[l];
        double[] b = biases[l];
        int nin = widths[l];
        int nout = widths[l + 1];
        int o = 0;
        // Four neurons at a time, each point's sums kept in registers: one load of an input feeds
        // four independent multiply-adds. Each sum still runs bias first, then inputs in order.
        for (; o + 4 <= nout; o += 4) {
            int r0 = o * nin, r1 = r0 + nin, r2 = r1 + nin, r3 = r2 + nin;
            for (int c = 0; c < cols; c++) {
                double s0 = b[o], s1 = b[o + 1], s2 = b[o + 2], s3 = b[o + 3];
                for (int i = 0, ai = c; i < nin; i++, ai += cols) {
                    double x = a[ai];
                    s0 += w[r0 + i] * x;
                    s1 += w[r1 + i] * x;
                    s2 += w[r2 + i] * x;
                    s3 += w[r3 + i] * x;
                }
                z[o * cols + c] = s0;
                z[(o + 1) * cols + c] = s1;
                z[(o + 2) * cols + c] = s2;
                z[(o + 3) * cols + c] = s3;
            }
        }
        for (; o < nout; o++) {
            int r = o * nin;
            for (int c = 0; c < cols; c++) {
                double s = b[o];
                for (int i = 0, ai = c; i < nin; i++, ai += cols) {
                    s += w[r + i] * a[ai];
                }
                z[o * cols + c] = s;
            }
        }
        Activation act = activations[l];
        int n = nout * cols;
        if (act == Activation.TANH) {
            for (int k = 0; k < n; k++) {
                z[k] = Math.tanh(z[k]);
            }
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

package scratchnet.playground.inspect;

import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Thumbnails;
import scratchnet.playground.picture.View;
import scratchnet.engine.Tanh;
import scratchnet.io.Format;
import scratchnet.nn.Activation;
import scratchnet.nn.Feature;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.nn.Snapshot;

/**
 * The network diagram's numbers: a column per layer (the inputs first), every weight with its
 * sign and its size as one of four width classes, every neuron's fill colour (its output on the
 * selected point, as the heat map colours outputs), its bias as text, its name (what it computes)
 * and its thumbnail ({@link Thumbnails}). The page only draws.
 */
public final class Diagram {
    /** Neurons per column: {@code widths[0]} the inputs, then each layer. */
    public final int[] widths;
    /** {@code weights[l][o][i]}: layer l's neuron o's weight on input i. */
    public final double[][][] weights;
    /** {@code grads[l][o][i]}: that weight's grad, as the last backward() left it (the training batch's loss). */
    public final double[][][] grads;
    /** The largest |grad| of a weight (at least 1e-12): the gradient lines' widths are relative to it. */
    public final double largestGrad;
    /** The largest |weight| (at least 1e-9): the weights' widths are relative to it. */
    public final double largest;
    /** Weights smaller than this are near zero (L1 drives many there): width class 0, drawn faint and dashed. */
    public static final double NEAR_ZERO = 1e-3;
    /** How many weights are near zero ({@link #NEAR_ZERO}), and how many there are. */
    public final int nearZero;
    public final int weightCount;
    /** {@code fill[c][o]}: the colour (0xRRGGBB) of neuron o in column c. */
    public final int[][] fill;
    /** {@code bias[c][o]}: e.g. "b 0.12"; null for the inputs. */
    public final String[][] bias;
    public final String[] inputs;
    /**
     * Rows of the input column: every feature a network may read ({@link #FEATURE_ROWS}), so the
     * page can list them all beside it, or just the inputs for a network of raw inputs.
     */
    public final int inputSlots;
    /** {@code inputRows[i]}: the row of input i in the input column (its feature's place among all of them). */
    public final int[] inputRows;
    /** The features any network may read, one row each in the input column. */
    public static final int FEATURE_ROWS = Feature.values().length;
    /** The layers in words, each with its activation: "x, y → 8 tanh → 8 relu → 1 tanh (output)". */
    public final String layers;
    /** {@code names[c][o]}: what neuron o of column c is, e.g. "layer 0, neuron 3: tanh(w·x + b)". */
    public final String[][] names;
    /** Every neuron's output over the view, or null for a network of raw inputs. */
    public final Thumbnails thumbnails;
    /** Where the selected point lies on a thumbnail, as fractions {across, down} of its side; null for none. */
    public final double[] marker;

    /** @param point the selected point's {x, y}, or a network of raw inputs' inputs; null for none */
    Diagram(MLP model, double[] point, Thumbnails thumbnails, View view) {
        this.thumbnails = thumbnails;
        marker = point == null || thumbnails == null ? null : new double[] {
                (point[0] - view.xMin) / (view.xMax - view.xMin), (view.yMax - point[1]) / (view.yMax - view.yMin)};
        int layers = model.layers.size();
        widths = new int[layers + 1];
        widths[0] = model.nin();
        weights = new double[layers][][];
        grads = new double[layers][][];
        double bigGrad = 1e-12;
        double big = 1e-9;
        int near = 0;
        int count = 0;
        for (int l = 0; l < layers; l++) {
            Layer layer = model.layers.get(l);
            widths[l + 1] = layer.nout();
            weights[l] = new double[layer.nout()][];
            grads[l] = new double[layer.nout()][];
            for (int o = 0; o < layer.nout(); o++) {
                Neuron n = layer.neurons.get(o);
                weights[l][o] = new double[n.w.size()];
                grads[l][o] = new double[n.w.size()];
                for (int i = 0; i < n.w.size(); i++) {
                    weights[l][o][i] = n.w.get(i).data;
                    grads[l][o][i] = n.w.get(i).grad;
                    if (Double.isFinite(grads[l][o][i])) {
                        bigGrad = Math.max(bigGrad, Math.abs(grads[l][o][i]));
                    }
                    big = Math.max(big, Math.abs(weights[l][o][i]));
                    near += Math.abs(weights[l][o][i]) < NEAR_ZERO ? 1 : 0;
                    count++;
                }
            }
        }
        largest = big;
        largestGrad = bigGrad;
        nearZero = near;
        weightCount = count;
        inputs = new String[model.nin()];
        String[] labels = model.inputLabels();
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = labels != null ? labels[i] : Names.input(i, inputs.length);
        }
        inputRows = new int[inputs.length];
        inputSlots = model.features != null ? FEATURE_ROWS : inputs.length;
        for (int i = 0; i < inputs.length; i++) {
            inputRows[i] = model.features != null ? model.features.get(i).ordinal() : i;
        }
        StringBuilder words = new StringBuilder(String.join(", ", inputs));
        for (int l = 0; l < layers; l++) {
            Layer layer = model.layers.get(l);
            words.append(" → ").append(layer.nout()).append(' ').append(layer.activation().label);
        }
        this.layers = words.append(" (output)").toString();
        Snapshot s = point == null ? null : model.snapshot();
        double[] in = point == null ? null : Inspection.neuronInputs(model, 0, point);
        if (s != null && model.features != null) {
            s.predict(point[0], point[1]);
        } else if (s != null) {
            s.predict(point); // a network of raw inputs: point is its inputs
        }
        names = new String[layers + 1][];
        for (int c = 0; c <= layers; c++) {
            names[c] = new String[widths[c]];
            for (int o = 0; o < widths[c]; o++) {
                names[c][o] = name(model, c - 1, o);
            }
        }
        fill = new int[layers + 1][];
        bias = new String[layers + 1][];
        for (int c = 0; c <= layers; c++) {
            fill[c] = new int[widths[c]];
            bias[c] = c == 0 ? null : new String[widths[c]];
            for (int o = 0; o < widths[c]; o++) {
                double v = s == null ? 0 : c == 0 ? Tanh.tanh(in[o]) : s.activity(c - 1)[o];
                fill[c][o] = HeatMap.colour(Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v)));
                if (c > 0) {
                    bias[c][o] = "b " + Format.fixed(model.layers.get(c - 1).neurons.get(o).b.data, 2);
                }
            }
        }
    }

    /**
     * What neuron {@code neuron} of layer {@code layer} (0 = the first hidden; −1 = the inputs)
     * computes, e.g. "layer 0, neuron 3: tanh(w·x + b)", "the output neuron (layer 2): tanh(w·x + b)",
     * "output 1 of 3 (layer 2): w·x + b", "input x²".
     */
    public static String name(MLP model, int layer, int neuron) {
        if (layer < 0) {
            return "input " + (model.features != null ? model.inputLabels()[neuron] : Names.input(neuron, model.nin()));
        }
        Layer l = model.layers.get(layer);
        Activation a = l.neurons.get(neuron).activation;
        String formula = a == Activation.LINEAR ? "w·x + b" : a.label + "(w·x + b)";
        String which = layer < model.layers.size() - 1 ? "layer " + layer + ", neuron " + neuron
                : l.nout() == 1 ? "the output neuron (layer " + layer + ")"
                : "output " + neuron + " of " + l.nout() + " (layer " + layer + ")";
        return which + ": " + formula;
    }

    /** A weight's width class: 0 near zero (|w| &lt; {@link #NEAR_ZERO}), else 1 (thinnest) to 4 by its size relative to the largest. */
    public int widthClass(double w) {
        if (Math.abs(w) < NEAR_ZERO) {
            return 0;
        }
        return 1 + (int) Math.min(3, Math.floor(4 * Math.abs(w) / largest));
    }

    /** A gradient's width class, as {@link #widthClass} for weights: 1 (thinnest) to 4 by its size relative to the largest; 0 for none. */
    public int gradWidthClass(double g) {
        if (!(Math.abs(g) > largestGrad * 1e-3)) {
            return 0;
        }
        return 1 + (int) Math.min(3, Math.floor(4 * Math.abs(g) / largestGrad));
    }

    /** E.g. "· 31 of 96 weights near zero (|w| < 0.001), dashed" (after the parameter sum); "" when there are none. */
    public String nearZeroText() {
        return nearZero == 0 ? "" : "· " + nearZero + " of " + weightCount + " weights near zero (|w| < " + Format.number(NEAR_ZERO)
                + "), dashed";
    }
}

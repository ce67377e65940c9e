package scratchnet.nn;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.engine.Value;

/**
 * A multi-layer perceptron: layers of neurons, each layer reading the previous layer's outputs.
 * {@code new MLP(3, new int[] {4, 4, 1})} has 3·4+4 + 4·4+4 + 4·1+1 = 41 parameters.
 *
 * <p>A network of the plane reads {@link #features} of a point (x, y): {@code new MLP(Features.parse("x2,y2"),
 * new int[] {1}, ...)} is a single neuron on x² and y². One output gives a score (two classes ±1, or
 * regression); K outputs with a linear output layer give the logits of K classes (loss ce).
 */
public final class MLP implements Module {
    /** The seed {@link #MLP(int, int[])} draws its initial weights from. */
    public static final long DEFAULT_SEED = 1337;

    public final List<Layer> layers;
    /**
     * What the network reads from a point of the plane, its inputs in order. A network built with
     * {@code nin = 2} reads {@link Features#XY}; with another {@code nin} it reads raw inputs given
     * to {@link #forward(double[])} (micrograd's 3-input example), and this is null.
     */
    public final Features features;
    /**
     * How a point (x, y) is standardised before its features: {@link Scaling#NONE} unless the model
     * was built with one ({@link #MLP(Features, int[], Activation[], Activation, Scaling, Rng)},
     * {@link #withScaling}). It is part of the model, fixed with its shape (model files and links
     * carry it); every evaluation of the network at a point of the plane applies it (the graph,
     * {@link #inputs}, {@link Snapshot}).
     */
    public final Scaling scaling;

    /** Tanh on every neuron, the output included; weights drawn from {@link #DEFAULT_SEED}. */
    public MLP(int nin, int[] nouts) {
        this(nin, nouts, Activation.TANH, Activation.TANH, new Rng(DEFAULT_SEED));
    }

    /**
     * @param hidden the activation of every layer but the last
     * @param output the activation of the last layer
     * @throws IllegalArgumentException if {@code nin} or a layer width is not positive, or
     *     {@code nouts} is empty
     */
    public MLP(int nin, int[] nouts, Activation hidden, Activation output, Rng rng) {
        this(nin == 2 ? Features.XY : null, nin, nouts, every(hidden, nouts), output, Scaling.NONE, rng);
    }

    /**
     * A network of the plane reading {@code features} (its input size is their number), with
     * {@code nouts[nouts.length - 1]} outputs: 1 for a score, K for K classes' logits.
     */
    public MLP(Features features, int[] nouts, Activation hidden, Activation output, Rng rng) {
        this(features, features.size(), nouts, every(hidden, nouts), output, Scaling.NONE, rng);
    }

    /**
     * As {@link #MLP(Features, int[], Activation, Activation, Rng)} with an activation per hidden
     * layer: {@code hidden[l]} for layer l, one for each layer but the last.
     *
     * @throws IllegalArgumentException also if {@code hidden} is not one per hidden layer
     */
    public MLP(Features features, int[] nouts, Activation[] hidden, Activation output, Rng rng) {
        this(features, nouts, hidden, output, Scaling.NONE, rng);
    }

    /**
     * As {@link #MLP(Features, int[], Activation[], Activation, Rng)} reading each point through
     * {@code scaling} (the same weights are drawn whatever the scaling).
     */
    public MLP(Features features, int[] nouts, Activation[] hidden, Activation output, Scaling scaling, Rng rng) {
        this(features, features.size(), nouts, hidden, output, scaling, Init.UNIFORM, rng);
    }

    /**
     * As {@link #MLP(Features, int[], Activation[], Activation, Scaling, Rng)} with the weights drawn
     * by {@code init} (the other constructors use {@link Init#UNIFORM}).
     */
    public MLP(Features features, int[] nouts, Activation[] hidden, Activation output, Scaling scaling, Init init,
               Rng rng) {
        this(features, features.size(), nouts, hidden, output, scaling, init, rng);
    }

    private MLP(Features features, int nin, int[] nouts, Activation[] hidden, Activation output, Scaling scaling,
                Rng rng) {
        this(features, nin, nouts, hidden, output, scaling, Init.UNIFORM, rng);
    }

    private MLP(Features features, int nin, int[] nouts, Activation[] hidden, Activation output, Scaling scaling,
                Init init, Rng rng) {
        if (init == null) {
            throw new IllegalArgumentException("an initialisation scheme is needed: Init.UNIFORM for the seed's");
        }
        if (scaling == null) {
            throw new IllegalArgumentException("a scaling is needed: Scaling.NONE for none");
        }
        this.features = features;
        this.scaling = scaling;
        if (nin < 1) {
            throw new IllegalArgumentException("nin must be at least 1, was " + nin);
        }
        if (nouts.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one layer");
        }
        if (hidden.length != nouts.length - 1) {
            throw new IllegalArgumentException(hidden.length + " hidden activations for " + (nouts.length - 1) + " hidden layers");
        }
        this.layers = new ArrayList<>(nouts.length);
        int in = nin;
        for (int i = 0; i < nouts.length; i++) {
            if (nouts[i] < 1) {
                throw new IllegalArgumentException("layer " + i + " must have at least 1 neuron, was " + nouts[i]);
            }
            layers.add(new Layer(in, nouts[i], i == nouts.length - 1 ? output : hidden[i], init, rng));
            in = nouts[i];
        }
    }

    /** {@code hidden} for each hidden layer of a network of layers {@code nouts}. */
    private static Activation[] every(Activation hidden, int[] nouts) {
        Activation[] all = new Activation[Math.max(0, nouts.length - 1)];
        java.util.Arrays.fill(all, hidden);
        return all;
    }

    /**
     * An MLP holding exactly these weights: {@code weights[l][out][in]} and {@code biases[l][out]}
     * for each layer {@code l}, the first layer's rows as long as the inputs; {@code hidden} on
     * every layer but the last, {@code output} on the last.
     *
     * @throws IllegalArgumentException if the arrays do not chain into layers (a row not as long as
     *     the layer's inputs, or not one bias per neuron)
     */
    public static MLP withWeights(double[][][] weights, double[][] biases, Activation hidden, Activation output) {
        return withWeights(null, weights, biases, hidden, output);
    }

    /**
     * {@link #withWeights(double[][][], double[][], Activation, Activation)} for a network of the
     * plane reading {@code features} (null: by the first layer's row length, as {@link #MLP(int, int[])}).
     *
     * @throws IllegalArgumentException also if the first layer's rows are not one weight per feature
     */
    public static MLP withWeights(Features features, double[][][] weights, double[][] biases, Activation hidden,
                                  Activation output) {
        return withWeights(features, weights, biases, every(hidden, new int[weights.length]), output);
    }

    /**
     * {@link #withWeights(Features, double[][][], double[][], Activation, Activation)} with an
     * activation per hidden layer, {@code hidden[l]} for layer l.
     *
     * @throws IllegalArgumentException also if {@code hidden} is not one per hidden layer
     */
    public static MLP withWeights(Features features, double[][][] weights, double[][] biases, Activation[] hidden,
                                  Activation output) {
        if (weights.length == 0 || weights.length != biases.length) {
            throw new IllegalArgumentException("need weights and biases for the same layers, at least one: "
                    + weights.length + " and " + biases.length);
        }
        int[] nouts = new int[weights.length];
        for (int l = 0; l < nouts.length; l++) {
            nouts[l] = weights[l].length;
        }
        int nin = weights[0].length == 0 ? 0 : weights[0][0].length;
        if (features != null && nin != features.size()) {
            throw new IllegalArgumentException("the first layer reads " + nin + " inputs, the features are " + features.size());
        }
        MLP model = new MLP(features != null ? features : nin == 2 ? Features.XY : null, nin, nouts, hidden, output,
                Scaling.NONE, new Rng(0));
        for (int l = 0; l < nouts.length; l++) {
            Layer layer = model.layers.get(l);
            if (biases[l].length != nouts[l]) {
                throw new IllegalArgumentException("layer " + l + " has " + nouts[l] + " neurons and " + biases[l].length + " biases");
            }
            for (int o = 0; o < nouts[l]; o++) {
                Neuron neuron = layer.neurons.get(o);
                if (weights[l][o].length != layer.nin()) {
                    throw new IllegalArgumentException("weights[" + l + "][" + o + "] has " + weights[l][o].length
                            + " numbers for the layer's " + layer.nin() + " inputs");
                }
                for (int i = 0; i < layer.nin(); i++) {
                    neuron.w.get(i).data = weights[l][o][i];
                }
                neuron.b.data = biases[l][o];
            }
        }
        return model;
    }

    /** Builds the graph of the forward pass for one input. */
    public List<Value> forward(List<Value> x) {
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }

    /**
     * The forward pass with dropout's factors applied: hidden layer l's output o is multiplied by
     * {@code factors[l][o]} (0 drops it, {@code 1 / (1 − p)} keeps it scaled); the output layer is
     * never touched. {@code factors} holds one array per hidden layer, as long as the layer.
     */
    public List<Value> forward(List<Value> x, double[][] factors) {
        if (factors.length != layers.size() - 1) {
            throw new IllegalArgumentException(factors.length + " dropout masks for " + (layers.size() - 1) + " hidden layers");
        }
        for (int l = 0; l < layers.size(); l++) {
            x = layers.get(l).forward(x);
            if (l < factors.length) {
                List<Value> dropped = new ArrayList<>(x.size());
                for (int o = 0; o < x.size(); o++) {
                    dropped.add(x.get(o).mul(factors[l][o]));
                }
                x = dropped;
            }
        }
        return x;
    }

    /** {@link #forward(List, double[][])} for an input given as plain numbers. */
    public List<Value> forward(double[] x, double[][] factors) {
        List<Value> in = new ArrayList<>(x.length);
        for (double xi : x) {
            in.add(new Value(xi));
        }
        return forward(in, factors);
    }

    /** {@link #forward(double, double)} with dropout's factors, as {@link #forward(List, double[][])}. */
    public List<Value> forward(double x, double y, double[][] factors) {
        Value vx = new Value(x);
        Value vy = new Value(y);
        return forward(features().values(scaling.x(vx), scaling.y(vy)), factors);
    }

    /** Builds the graph of the forward pass for one input given as plain numbers. */
    public List<Value> forward(double[] x) {
        List<Value> in = new ArrayList<>(x.length);
        for (double xi : x) {
            in.add(new Value(xi));
        }
        return forward(in);
    }

    /**
     * Builds the graph of the forward pass at the point (x, y) of the plane: x and y are leaves,
     * the {@link #features} are nodes computed from them (x² = x·x, sin x, ...), then the layers.
     *
     * @throws IllegalStateException for a network of raw inputs ({@link #features} null)
     */
    public List<Value> forward(double x, double y) {
        Value vx = new Value(x);
        Value vy = new Value(y);
        return forward(features().values(scaling.x(vx), scaling.y(vy)));
    }

    /** The network's inputs for every point of {@code data}: one row of {@link #features} per point, after the {@link #scaling}. */
    public double[][] inputs(Dataset data) {
        Features f = features();
        double[][] rows = new double[data.size()][];
        for (int i = 0; i < rows.length; i++) {
            Point p = data.points.get(i);
            rows[i] = f.map(scaling.x(p.x), scaling.y(p.y));
        }
        return rows;
    }

    /** The network's inputs at the point (x, y) of the plane: its {@link #features} after the {@link #scaling}. */
    public double[] inputs(double x, double y) {
        return features().map(scaling.x(x), scaling.y(y));
    }

    private Features features() {
        if (features == null) {
            throw new IllegalStateException("this network reads " + nin() + " raw inputs, not the features of a point of the plane");
        }
        return features;
    }

    /**
     * The names of the network's inputs: its features' ("x", "x²", "sin y"...), primed when the
     * inputs are standardised ("x'", "x'²": the features of x' = (x − mean) / spread); null for a
     * network of raw inputs.
     */
    public String[] inputLabels() {
        if (features == null) {
            return null;
        }
        String[] labels = features.labels();
        if (!scaling.isNone()) {
            for (int i = 0; i < labels.length; i++) {
                labels[i] = labels[i].replace("x", "x'").replace("y", "y'");
            }
        }
        return labels;
    }

    /** The number of inputs. */
    public int nin() {
        return layers.get(0).nin();
    }

    /** The number of outputs: the output layer's width. */
    public int nout() {
        return layers.get(layers.size() - 1).nout();
    }

    /** The number of neurons in each layer, the output layer last. */
    public int[] sizes() {
        int[] sizes = new int[layers.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = layers.get(i).nout();
        }
        return sizes;
    }

    /** Each hidden layer's activation, in order (empty for a network of one layer). */
    public Activation[] hiddenActivations() {
        Activation[] hidden = new Activation[layers.size() - 1];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = layers.get(l).activation();
        }
        return hidden;
    }

    /** An MLP of the same shape, activations and scaling holding this one's weights in its own Values. */
    public MLP copy() {
        return withScaling(scaling);
    }

    /**
     * This network reading each point through {@code scaling} instead: a new MLP of the same shape
     * and activations holding this one's weights in its own Values (it shares nothing that changes).
     */
    public MLP withScaling(Scaling scaling) {
        MLP c = new MLP(features, nin(), sizes(), hiddenActivations(), layers.get(layers.size() - 1).activation(), scaling,
                new Rng(0));
        List<Value> from = parameters();
        List<Value> to = c.parameters();
        for (int i = 0; i < from.size(); i++) {
            to.get(i).data = from.get(i).data;
        }
        return c;
    }

    /** The current weights as plain arrays, for fast prediction without building a graph. */
    public Snapshot snapshot() {
        return new Snapshot(this);
    }

    @Override
    public List<Value> parameters() {
        List<Value> params = new ArrayList<>();
        for (Layer layer : layers) {
            params.addAll(layer.parameters());
        }
        return params;
    }

    @Override
    public String toString() {
        String inputs = features == null || features.equals(Features.XY) ? nin() + " inputs" : "inputs " + features;
        StringBuilder s = new StringBuilder("MLP(" + inputs + ", " + parameters().size() + " parameters)");
        for (Layer layer : layers) {
            s.append("\n  ").append(layer);
        }
        if (!scaling.isNone()) {
            s.append("\n  inputs standardised: ").append(scaling);
        }
        return s.toString();
    }
}

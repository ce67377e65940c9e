package scratchnet.playground.inspect;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.nn.Activation;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.train.Loss;

/**
 * The graph of one example's forward pass and loss through the live model, built from real
 * {@link Value}s, after {@code backward()}: every node with its {@code data} and {@code grad},
 * micrograd-style, laid out in columns from inputs (left) to the loss (right).
 *
 * <p>The loss is this example's squared error {@code (out - y)²}, so each grad says how that
 * example's error changes with the node. The same pass gives two views of it: the whole graph,
 * every value, and {@link #byNeuron()}, one box per neuron (its output and that output's grad),
 * whose numbers are those very values. A graph of more than {@link #MAX_NODES} nodes is too big to
 * draw whole: it comes by neuron only ({@link #whole()} is null).
 */
public final class ComputationGraph {
    public static final int MAX_NODES = 600;

    /** One drawn node. */
    public static final class Node {
        /**
         * What it is: "x", "w[1][3][0]" (layer, neuron, input), "b[1][3]", an op ("+", "*", "tanh"...), a number;
         * by neuron, "n[1][3] tanh" (layer, neuron, activation) or the loss, e.g. "loss (out - y)²".
         */
        public final String label;
        public final String op;
        public final double data;
        public final double grad;
        /** Indices, in {@link #nodes}, of the nodes this one is computed from. */
        public final int[] children;
        public final int column;
        public int row;

        Node(String label, String op, double data, double grad, int[] children, int column) {
            this.label = label;
            this.op = op;
            this.data = data;
            this.grad = grad;
            this.children = children;
            this.column = column;
        }

        /** {@link #data} as the graph's box shows it: 4 decimals. */
        public String dataText() {
            return Format.fixed(data, 4);
        }

        /** {@link #grad} as the graph's box shows it: compact, scientific when tiny. */
        public String gradText() {
            return Format.compact(grad);
        }
    }

    /** In topological order: every node after its children; the loss last. */
    public final List<Node> nodes;
    public final int columns;
    /** One node per neuron: columns inputs, each layer's neurons, the loss. */
    public final boolean collapsed;
    /** How many nodes the whole graph has (every value; {@code nodes.size()} unless {@link #collapsed}). */
    public final int wholeSize;
    /** How many neurons the network has: the boxes by neuron that are neither an input nor the loss. */
    public final int neurons;
    public final double output;
    public final double loss;
    private ComputationGraph other; // the other view of the same values: by neuron for the whole, and back
    private int[] counterpart; // each node's index in the other view when it is the same value there, else -1

    private ComputationGraph(List<Node> nodes, boolean collapsed, int wholeSize, int neurons, double output,
                             double loss) {
        this.nodes = nodes;
        this.collapsed = collapsed;
        this.wholeSize = wholeSize;
        this.neurons = neurons;
        this.output = output;
        this.loss = loss;
        int cols = 0;
        int[] rowsInColumn = new int[nodes.size() + 1];
        for (Node n : nodes) {
            cols = Math.max(cols, n.column + 1);
            n.row = rowsInColumn[n.column]++;
        }
        this.columns = cols;
    }

    /** The same example one box per neuron, its numbers this graph's own values; itself if already so. */
    public ComputationGraph byNeuron() {
        return collapsed ? this : other;
    }

    /** The same example with every value; null if that is more than {@link #MAX_NODES} nodes. */
    public ComputationGraph whole() {
        return collapsed ? other : this;
    }

    /**
     * Node {@code k}'s index in the other view ({@link #whole()} of a graph by neuron, {@link #byNeuron()}
     * of a whole one) when it is the same value there (an input, a neuron's output, the loss), else -1.
     */
    public int counterpart(int k) {
        return other == null || k < 0 || k >= counterpart.length ? -1 : counterpart[k];
    }

    /**
     * The node called {@code name} (its label; a neuron also by its name alone, "n[1][3]" for
     * "n[1][3] tanh"), or -1.
     */
    public int find(String name) {
        for (int k = 0; k < nodes.size(); k++) {
            String label = nodes.get(k).label;
            if (label.equals(name) || collapsed && name.startsWith("n[") && label.startsWith(name + " ")) {
                return k;
            }
        }
        return -1;
    }

    /**
     * By neuron, the box of the neuron that parameter {@code name} belongs to ({@code w[l][o][i]} and
     * {@code b[l][o]} are inside {@code n[l][o]}'s), or -1 (not a parameter of this network, or the whole graph).
     */
    public int holder(String name) {
        boolean weight = name.startsWith("w[");
        if (!collapsed || !(weight || name.startsWith("b["))) {
            return -1;
        }
        // w[1][3][0] and b[1][3] are n[1][3]'s; a name with too few indices finds no neuron.
        return find("n" + (weight ? name.substring(1, name.lastIndexOf('[')) : name.substring(1)));
    }

    /** The tallest column's number of nodes. */
    public int rows() {
        int[] count = new int[columns];
        int max = 0;
        for (Node n : nodes) {
            max = Math.max(max, ++count[n.column]);
        }
        return max;
    }

    /**
     * Builds the graph of {@code model} on input {@code x} (raw inputs, as the classic example's)
     * with target {@code y}, and the loss {@code (out - y)²}. The model's parameters' {@code grad}
     * are left as this example's gradients; their {@code data} is untouched.
     */
    public static ComputationGraph of(MLP model, double[] x, double y) {
        List<Value> inputs = new ArrayList<>();
        for (double xi : x) {
            inputs.add(new Value(xi));
        }
        String[] names = new String[inputs.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = Names.input(i, names.length);
        }
        return build(model, inputs, names, inputs, names, outs -> squaredError(outs, y), "loss (out - y)²");
    }

    /**
     * Builds the graph of a point of the plane through {@code model}: the leaves x and y, the
     * network's features computed from them (x² = x·x, sin x...), the layers, and this point's own
     * loss: with {@code crossEntropy} −log softmax(logits)[its class] ({@link Loss#crossEntropy}),
     * otherwise its squared error {@code (out − target)²}.
     */
    public static ComputationGraph of(MLP model, Point p, boolean crossEntropy) {
        List<Value> leaves = List.of(new Value(p.x), new Value(p.y));
        // Standardised inputs (if the model has a scaling) are nodes too: (x − mean) · spread^−1.
        Value x = model.scaling.x(leaves.get(0));
        Value y = model.scaling.y(leaves.get(1));
        List<Value> inputs = model.features.values(x, y);
        String[] inputNames = model.inputLabels(); // x' = (x − mean) / spread when standardised
        return build(model, leaves, new String[] {"x", "y"}, inputs, inputNames,
                crossEntropy ? outs -> Loss.crossEntropy(outs, p.classIndex()) : outs -> squaredError(outs, p.target),
                crossEntropy ? "loss −log p" : "loss (out - y)²");
    }

    private static Value squaredError(List<Value> outs, double target) {
        return outs.get(0).sub(target).pow(2);
    }

    private static ComputationGraph build(MLP model, List<Value> leaves, String[] leafNames, List<Value> inputs,
                                          String[] inputNames, Function<List<Value>, Value> lossOf, String lossName) {
        // The forward pass layer by layer (as MLP.forward), keeping each layer's outputs: the neurons' boxes.
        List<List<Value>> activity = new ArrayList<>();
        activity.add(inputs);
        List<Value> outs = inputs;
        for (Layer layer : model.layers) {
            outs = layer.forward(outs);
            activity.add(outs);
        }
        Value loss = lossOf.apply(outs);
        model.zeroGrad();
        loss.backward();
        // The output: the score, or with K logits the probability given to the point's class.
        double output = outs.size() == 1 ? outs.get(0).data : Math.exp(-loss.data);
        List<Value> order = loss.topologicalOrder();
        List<Value> boxed = new ArrayList<>(); // the by-neuron view's values, in its nodes' order
        ComputationGraph byNeuron = byNeuron(model, activity, inputNames, loss, lossName, output, order.size(), boxed);
        if (order.size() > MAX_NODES) {
            return byNeuron;
        }

        Map<Value, String> names = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            names.put(inputs.get(i), inputNames[i]);
        }
        for (int i = 0; i < leaves.size(); i++) {
            names.put(leaves.get(i), leafNames[i]);
        }
        for (int l = 0; l < model.layers.size(); l++) {
            Layer layer = model.layers.get(l);
            for (int o = 0; o < layer.nout(); o++) {
                Neuron n = layer.neurons.get(o);
                for (int i = 0; i < n.w.size(); i++) {
                    names.put(n.w.get(i), Names.weight(l, o, i));
                }
                names.put(n.b, Names.bias(l, o));
            }
        }
        Map<Value, Integer> index = new IdentityHashMap<>();
        int n = order.size();
        int[][] children = new int[n][];
        int[] column = new int[n];
        int[] firstUse = new int[n];
        java.util.Arrays.fill(firstUse, Integer.MAX_VALUE);
        for (int k = 0; k < n; k++) {
            Value v = order.get(k);
            index.put(v, k);
            List<Value> kids = v.children();
            children[k] = new int[kids.size()];
            for (int c = 0; c < kids.size(); c++) {
                int id = index.get(kids.get(c));
                children[k][c] = id;
                column[k] = Math.max(column[k], column[id] + 1);
            }
            for (int id : children[k]) {
                firstUse[id] = Math.min(firstUse[id], column[k]);
            }
        }
        List<Node> nodes = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Value v = order.get(k);
            // A weight, bias or constant stands just left of the op it feeds; inputs stay in column 0.
            int col = children[k].length == 0 && !contains(leaves, v) && firstUse[k] != Integer.MAX_VALUE
                    ? firstUse[k] - 1 : column[k];
            String label = names.containsKey(v) ? names.get(v) : v.op().isEmpty() ? Format.number(v.data) : op(v);
            nodes.add(new Node(label, op(v), v.data, v.grad, children[k], col));
        }
        ComputationGraph whole = new ComputationGraph(nodes, false, n, byNeuron.neurons, output, loss.data);
        // Link the two views, value by value.
        whole.other = byNeuron;
        byNeuron.other = whole;
        whole.counterpart = new int[n];
        java.util.Arrays.fill(whole.counterpart, -1);
        byNeuron.counterpart = new int[boxed.size()];
        for (int k = 0; k < boxed.size(); k++) {
            Integer same = index.get(boxed.get(k));
            byNeuron.counterpart[k] = same == null ? -1 : same;
            if (same != null) {
                whole.counterpart[same] = k;
            }
        }
        return whole;
    }

    /** The op as a node shows it: pow with its exponent ("^2", "^-1"), the others as the engine names them. */
    private static String op(Value v) {
        return v.op().equals("^") ? "^" + Format.number(v.exponent()) : v.op();
    }

    private static boolean contains(List<Value> values, Value v) {
        for (Value in : values) {
            if (in == v) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each neuron as one node, its output and that output's gradient, from the pass's own values:
     * {@code activity} is the inputs, then each layer's outputs. Adds each node's value to {@code boxed}.
     */
    private static ComputationGraph byNeuron(MLP model, List<List<Value>> activity, String[] inputNames, Value loss,
                                             String lossName, double output, int wholeSize, List<Value> boxed) {
        List<Node> nodes = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        int neurons = 0;
        for (int l = 0; l < activity.size(); l++) {
            List<Value> layer = activity.get(l);
            int[] layerIds = new int[layer.size()];
            int[] previous = l == 0 ? new int[0] : ids.get(l - 1);
            for (int o = 0; o < layer.size(); o++) {
                Value v = layer.get(o);
                // A linear neuron's output is its sum's "+": it is named by its activation instead.
                String op = l == 0 ? "" : model.layers.get(l - 1).neurons.get(o).activation == Activation.LINEAR
                        ? Activation.LINEAR.label : op(v);
                String label = l == 0 ? inputNames[o] : "n[" + (l - 1) + "][" + o + "] " + op;
                layerIds[o] = nodes.size();
                nodes.add(new Node(label, op, v.data, v.grad, previous, l));
                boxed.add(v);
            }
            neurons += l == 0 ? 0 : layer.size();
            ids.add(layerIds);
        }
        nodes.add(new Node(lossName, op(loss), loss.data, loss.grad, ids.get(ids.size() - 1), activity.size()));
        boxed.add(loss);
        return new ComputationGraph(nodes, true, wholeSize, neurons, output, loss.data);
    }
}

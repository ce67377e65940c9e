package scratchnet.playground;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;

/**
 * The graph of one example's forward pass and loss through the live model, built from real
 * {@link Value}s, after {@code backward()}: every node with its {@code data} and {@code grad},
 * micrograd-style, laid out in columns from inputs (left) to the loss (right).
 *
 * <p>The loss is this example's squared error {@code (out - y)²}, so each grad says how that
 * example's error changes with the node. A graph of more than {@link #MAX_NODES} nodes is too big
 * to read: {@link #collapsed} is then set and each neuron stands as a single node.
 */
public final class ComputationGraph {
    public static final int MAX_NODES = 600;

    /** One drawn node. */
    public static final class Node {
        /** What it is: "x", "w[1][3][0]" (layer, neuron, input), "b[1][3]", an op ("+", "*", "tanh"...), a number. */
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
    public final boolean collapsed;
    public final double output;
    public final double loss;

    private ComputationGraph(List<Node> nodes, boolean collapsed, double output, double loss) {
        this.nodes = nodes;
        this.collapsed = collapsed;
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
     * Builds the graph of {@code model} on input {@code x} with target {@code y} (±1). The model's
     * parameters' {@code grad} are left as this example's gradients; their {@code data} is untouched.
     */
    public static ComputationGraph of(MLP model, double[] x, double y) {
        List<Value> inputs = new ArrayList<>();
        for (double xi : x) {
            inputs.add(new Value(xi));
        }
        Value out = model.forward(inputs).get(0);
        Value loss = out.sub(y).pow(2);
        model.zeroGrad();
        loss.backward();

        Map<Value, String> names = new IdentityHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            names.put(inputs.get(i), Names.input(i, inputs.size()));
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
        List<Value> order = loss.topologicalOrder();
        if (order.size() > MAX_NODES) {
            return collapsedOf(model, x, y, out.data, loss.data);
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
            int col = children[k].length == 0 && !isInput(v, inputs) && firstUse[k] != Integer.MAX_VALUE
                    ? firstUse[k] - 1 : column[k];
            String label = names.containsKey(v) ? names.get(v) : v.op().isEmpty() ? Format.number(v.data) : v.op();
            nodes.add(new Node(label, v.op(), v.data, v.grad, children[k], col));
        }
        return new ComputationGraph(nodes, false, out.data, loss.data);
    }

    private static boolean isInput(Value v, List<Value> inputs) {
        for (Value in : inputs) {
            if (in == v) {
                return true;
            }
        }
        return false;
    }

    /** Each neuron as one node (its output and that output's gradient), for networks too big to draw whole. */
    private static ComputationGraph collapsedOf(MLP model, double[] x, double y, double output, double loss) {
        // Recompute with neuron outputs kept: the per-neuron view needs each activation's Value.
        List<Value> inputs = new ArrayList<>();
        for (double xi : x) {
            inputs.add(new Value(xi));
        }
        List<List<Value>> activity = new ArrayList<>();
        activity.add(inputs);
        List<Value> current = inputs;
        for (Layer layer : model.layers) {
            current = layer.forward(current);
            activity.add(current);
        }
        Value lossValue = current.get(0).sub(y).pow(2);
        model.zeroGrad();
        lossValue.backward();

        List<Node> nodes = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        for (int l = 0; l < activity.size(); l++) {
            List<Value> layer = activity.get(l);
            int[] layerIds = new int[layer.size()];
            int[] previous = l == 0 ? new int[0] : ids.get(l - 1);
            for (int o = 0; o < layer.size(); o++) {
                Value v = layer.get(o);
                String label = l == 0 ? Names.input(o, layer.size()) : "n[" + (l - 1) + "][" + o + "] " + v.op();
                layerIds[o] = nodes.size();
                nodes.add(new Node(label, l == 0 ? "" : v.op(), v.data, v.grad, previous, l));
            }
            ids.add(layerIds);
        }
        nodes.add(new Node("loss (out - y)²", "^2", lossValue.data, lossValue.grad, ids.get(ids.size() - 1), activity.size()));
        return new ComputationGraph(nodes, true, output, loss);
    }

}

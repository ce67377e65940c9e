package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Feature;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;
import scratchnet.nn.Scaling;

class ComputationGraphTest {

    static ComputationGraph.Node find(ComputationGraph g, String label) {
        return g.nodes.stream().filter(n -> n.label.equals(label)).findFirst().orElseThrow();
    }

    @Test
    void everyNodeOfOneExampleWithItsDataAndGrad() {
        MLP model = new MLP(2, new int[] {4, 1}, Activation.TANH, Activation.TANH, new Rng(3));
        double[] x = {0.3, -0.7};
        ComputationGraph g = ComputationGraph.of(model, x, 1);
        // inputs 2; hidden: 4 × (2 w + b + 2 mul + 2 add + tanh); output: 4 w + b + 4 mul + 4 add + tanh;
        // loss: constant -1, add, square
        assertEquals(2 + 4 * 8 + 14 + 3, g.nodes.size());
        assertFalse(g.collapsed);
        double out = model.snapshot().predict(x)[0];
        assertEquals(out, g.output, 0);
        assertEquals((out - 1) * (out - 1), g.loss, 1e-15);
        ComputationGraph.Node last = g.nodes.get(g.nodes.size() - 1);
        assertEquals("^2", last.label);
        assertEquals(1.0, last.grad);
        // A weight's node carries the model's own number and the example's gradient.
        Value w = model.layers.get(1).neurons.get(0).w.get(2);
        ComputationGraph.Node wn = find(g, "w[1][0][2]");
        assertEquals(w.data, wn.data, 0);
        assertEquals(w.grad, wn.grad, 0);
        assertTrue(wn.grad != 0);
        assertEquals(0.3, find(g, "x").data, 0);
        assertEquals(0, find(g, "x").column);
        // Children come before parents, and columns grow left to right along every edge.
        for (int k = 0; k < g.nodes.size(); k++) {
            for (int c : g.nodes.get(k).children) {
                assertTrue(c < k);
                assertTrue(g.nodes.get(c).column < g.nodes.get(k).column);
            }
        }
    }

    @Test
    void gradientsMatchAHandDerivation() {
        // One tanh neuron: loss = (tanh(w·x + b) - y)², dloss/dw0 = 2(out - y)(1 - out²) x0.
        MLP model = new MLP(2, new int[] {1}, Activation.TANH, Activation.TANH, new Rng(1));
        model.layers.get(0).neurons.get(0).w.get(0).data = 0.5;
        model.layers.get(0).neurons.get(0).w.get(1).data = -1;
        model.layers.get(0).neurons.get(0).b.data = 0.1;
        ComputationGraph g = ComputationGraph.of(model, new double[] {2, 1}, -1);
        double out = Math.tanh(0.5 * 2 - 1 + 0.1);
        assertEquals(2 * (out + 1) * (1 - out * out) * 2, find(g, "w[0][0][0]").grad, 1e-12);
        assertEquals(2 * (out + 1) * (1 - out * out), find(g, "b[0][0]").grad, 1e-12);
    }

    @Test
    void theClassicTeachingNetworkToo() {
        MLP model = new MLP(3, new int[] {4, 4, 1});
        ComputationGraph g = ComputationGraph.of(model, new double[] {2, 3, -1}, 1);
        assertFalse(g.collapsed);
        assertEquals(3 + 4 * 11 + 4 * 14 + 14 + 3, g.nodes.size());
        assertEquals(2.0, find(g, "x0").data);
        List<Value> params = model.parameters();
        assertEquals(41, g.nodes.stream().filter(n -> n.label.startsWith("w[") || n.label.startsWith("b[")).count());
        assertEquals(41, params.size());
    }

    /**
     * Neuron [l][o]'s output in the whole graph, found by the graph's shape alone: from its bias b[l][o], up
     * through the sum b + w·x ({@code nin} additions, each partial sum feeding only the next), then the
     * activation over it unless it is linear.
     */
    static int neuronOutput(ComputationGraph whole, int l, int o, int nin, boolean linear) {
        int k = whole.find("b[" + l + "][" + o + "]");
        for (int step = 0; step < nin + (linear ? 0 : 1); step++) {
            int child = k;
            k = -1;
            for (int p = 0; p < whole.nodes.size() && k < 0; p++) {
                for (int c : whole.nodes.get(p).children) {
                    k = c == child ? p : k;
                }
            }
            assertEquals(step < nin ? "+" : whole.nodes.get(k).op, whole.nodes.get(k).op);
        }
        return k;
    }

    /** The whole graph's and the by-neuron view's boxes agree on every value they share, bit for bit. */
    static void assertBoxesAreTheWholeGraphsValues(MLP model, ComputationGraph whole, String act) {
        ComputationGraph boxes = whole.byNeuron();
        assertTrue(boxes.collapsed);
        assertFalse(whole.collapsed);
        assertTrue(boxes.whole() == whole && whole.byNeuron() == boxes && boxes.byNeuron() == boxes && whole.whole() == whole);
        assertEquals(whole.nodes.size(), boxes.wholeSize);
        int neurons = 0;
        for (int l = 0; l < model.layers.size(); l++) {
            for (int o = 0; o < model.layers.get(l).nout(); o++) {
                String op = l == model.layers.size() - 1 ? act : "tanh";
                ComputationGraph.Node box = boxes.nodes.get(boxes.find("n[" + l + "][" + o + "] " + op));
                int k = neuronOutput(whole, l, o, model.layers.get(l).nin(), op.equals("linear"));
                ComputationGraph.Node node = whole.nodes.get(k);
                assertEquals(op.equals("linear") ? "+" : op, node.op);
                assertEquals(node.data, box.data, 0, box.label);
                assertEquals(node.grad, box.grad, 0, box.label);
                assertTrue(box.grad != 0, box.label + ": a grad that says something");
                assertEquals(k, boxes.counterpart(boxes.find("n[" + l + "][" + o + "]")));
                assertEquals(boxes.find("n[" + l + "][" + o + "]"), whole.counterpart(k));
                assertEquals(l + 1, box.column, "inputs, then each layer");
                neurons++;
            }
        }
        assertEquals(neurons, boxes.neurons);
        assertEquals(neurons, whole.neurons);
        assertEquals(model.nin() + neurons + 1, boxes.nodes.size(), "the inputs, every neuron, the loss");
        ComputationGraph.Node loss = boxes.nodes.get(boxes.nodes.size() - 1);
        ComputationGraph.Node wholeLoss = whole.nodes.get(whole.nodes.size() - 1);
        assertEquals(wholeLoss.data, loss.data, 0);
        assertEquals(1.0, loss.grad);
        assertEquals(whole.loss, boxes.loss, 0);
        assertEquals(whole.output, boxes.output, 0);
        assertEquals(model.layers.size() + 1, boxes.columns - 1, "the loss in a column of its own");
        assertEquals(whole.nodes.size() - 1, boxes.counterpart(boxes.nodes.size() - 1));
        // A weight is no box of its own: it is inside its neuron's.
        assertEquals(-1, boxes.find("w[1][0][1]"));
        assertEquals(boxes.find("n[1][0]"), boxes.holder("w[1][0][1]"));
        assertEquals(boxes.find("n[0][1]"), boxes.holder("b[0][1]"));
        assertEquals(-1, boxes.holder("w[9][0][0]"));
        assertEquals(-1, whole.holder("w[1][0][1]"), "the whole graph has the weight itself");
        assertEquals(-1, whole.counterpart(whole.find("w[1][0][1]")));
    }

    @Test
    void oneBoxPerNeuronShowsTheWholeGraphsOwnNumbers() {
        MLP model = new MLP(3, new int[] {4, 4, 1});
        List<Value> params = model.parameters();
        double[] before = params.stream().mapToDouble(p -> p.data).toArray();
        ComputationGraph whole = ComputationGraph.of(model, new double[] {2, 3, -1}, 1);
        assertEquals(120, whole.nodes.size());
        assertBoxesAreTheWholeGraphsValues(model, whole, "tanh");
        ComputationGraph boxes = whole.byNeuron();
        assertEquals(13, boxes.nodes.size());
        assertEquals(9, boxes.neurons);
        assertEquals("x0", boxes.nodes.get(0).label);
        assertEquals(2.0, boxes.nodes.get(0).data);
        assertEquals(whole.nodes.get(whole.find("x0")).grad, boxes.nodes.get(0).grad, 0);
        assertEquals("loss (out - y)²", boxes.nodes.get(12).label);
        assertEquals(4, boxes.rows());
        // Looking changes no parameter; their grads are this example's, as in the whole graph.
        assertTrue(java.util.Arrays.equals(before, params.stream().mapToDouble(p -> p.data).toArray()));
        assertEquals(whole.nodes.get(whole.find("w[2][0][3]")).grad, model.layers.get(2).neurons.get(0).w.get(3).grad, 0);
    }

    @Test
    void oneBoxPerNeuronOfAPlanePointWithCrossEntropyAndFeatures() {
        MLP model = new MLP(Features.of(Feature.X, Feature.Y, Feature.X2), new int[] {3, 3},
                new Activation[] {Activation.TANH}, Activation.LINEAR, new Scaling(0.5, 2, -0.25, 4), new Rng(7));
        List<Value> params = model.parameters();
        double[] before = params.stream().mapToDouble(p -> p.data).toArray();
        ComputationGraph whole = ComputationGraph.of(model, Point.ofClass(0.8, -0.3, 2), true);
        assertBoxesAreTheWholeGraphsValues(model, whole, "linear");
        ComputationGraph boxes = whole.byNeuron();
        // The inputs are the network's: the standardised features, each the whole graph's value.
        assertEquals("x'²", boxes.nodes.get(2).label);
        int x2 = whole.find("x'²");
        assertEquals(whole.nodes.get(x2).data, boxes.nodes.get(2).data, 0);
        assertEquals(whole.nodes.get(x2).grad, boxes.nodes.get(2).grad, 0);
        assertEquals(x2, boxes.counterpart(2));
        assertEquals("loss −log p", boxes.nodes.get(boxes.nodes.size() - 1).label);
        assertTrue(java.util.Arrays.equals(before, params.stream().mapToDouble(p -> p.data).toArray()));
        // And a squared error's point the same way.
        assertBoxesAreTheWholeGraphsValues(new MLP(Features.XY, new int[] {2, 1}, Activation.TANH, Activation.TANH,
                new Rng(3)), ComputationGraph.of(new MLP(Features.XY, new int[] {2, 1}, Activation.TANH, Activation.TANH,
                new Rng(3)), new Point(0.4, 0.1, -1), false), "tanh");
    }

    @Test
    void bigNetworksCollapseToOneNodePerNeuron() {
        MLP model = new MLP(2, new int[] {16, 16, 1}, Activation.RELU, Activation.TANH, new Rng(2));
        ComputationGraph g = ComputationGraph.of(model, new double[] {0.1, 0.2}, -1);
        assertTrue(g.collapsed);
        assertEquals(2 + 16 + 16 + 1 + 1, g.nodes.size());
        assertEquals(model.snapshot().predict(new double[] {0.1, 0.2})[0], g.output, 0);
        assertEquals(5, g.columns);
        assertEquals(16, g.rows());
        assertTrue(g.wholeSize > ComputationGraph.MAX_NODES, "the whole graph is counted, not built: " + g.wholeSize);
        assertEquals(33, g.neurons);
        assertNull(g.whole());
        assertTrue(g.byNeuron() == g);
        assertEquals(-1, g.counterpart(3));
        assertEquals(g.find("n[1][5] relu"), g.holder("w[1][5][15]"));
        assertTrue(g.holder("w[1][5][15]") > 0);
    }

    @Test
    void eachLayersActivationIsNamedOnItsNodes() {
        MLP model = new MLP(Features.XY, new int[] {2, 2, 2, 1},
                new Activation[] {Activation.GELU, Activation.LEAKY_RELU, Activation.SWISH}, Activation.TANH, new Rng(4));
        ComputationGraph g = ComputationGraph.of(model, new double[] {0.4, -0.2}, 1);
        for (String op : new String[] {"gelu", "leaky", "swish", "tanh"}) {
            assertTrue(g.nodes.stream().anyMatch(n -> n.label.equals(op) && n.op.equals(op)), op);
        }
        assertEquals(2, g.nodes.stream().filter(n -> n.label.equals("gelu")).count(), "one per neuron of layer 0");
        // Collapsed (one node per neuron), each neuron's node still says its activation.
        MLP big = new MLP(Features.XY, new int[] {16, 16, 1}, new Activation[] {Activation.SOFTPLUS, Activation.SINE},
                Activation.TANH, new Rng(2));
        ComputationGraph c = ComputationGraph.of(big, new double[] {0.1, 0.2}, -1);
        assertTrue(c.collapsed);
        assertTrue(c.nodes.stream().anyMatch(n -> n.label.equals("n[0][3] softplus")), "layer 0");
        assertTrue(c.nodes.stream().anyMatch(n -> n.label.equals("n[1][3] sin")), "layer 1");
    }

    @Test
    void aStandardisedPointShowsItsPowersWithTheirExponents() {
        MLP model = new MLP(Features.XY, new int[] {2, 1}, new Activation[] {Activation.TANH}, Activation.TANH,
                new Scaling(500, 250, 20, 4), new Rng(3));
        ComputationGraph g = ComputationGraph.of(model, new Point(700, 30, 1), false);
        // x' = (x + (−500)) · 250^−1: the engine's "^" with its exponent, written as the page shows it.
        assertEquals(2, g.nodes.stream().filter(n -> n.label.equals("^-1") && n.op.equals("^-1")).count());
        assertEquals("^2", g.nodes.get(g.nodes.size() - 1).op, "the loss's square");
    }
}

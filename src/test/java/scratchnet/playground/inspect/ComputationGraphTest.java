package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
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

    @Test
    void bigNetworksCollapseToOneNodePerNeuron() {
        MLP model = new MLP(2, new int[] {16, 16, 1}, Activation.RELU, Activation.TANH, new Rng(2));
        ComputationGraph g = ComputationGraph.of(model, new double[] {0.1, 0.2}, -1);
        assertTrue(g.collapsed);
        assertEquals(2 + 16 + 16 + 1 + 1, g.nodes.size());
        assertEquals(model.snapshot().predict(new double[] {0.1, 0.2})[0], g.output, 0);
        assertEquals(5, g.columns);
        assertEquals(16, g.rows());
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

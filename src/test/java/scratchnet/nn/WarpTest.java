package scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;

/** A layer's view of the plane: its stages against Snapshot's arithmetic, and the axes that flatten it. */
class WarpTest {

    private static MLP network() {
        Activation[] hidden = {Activation.TANH, Activation.RELU, Activation.SIGMOID};
        MLP m = new MLP(Features.parse("x,y,x2,sinx"), new int[] {5, 4, 3, 1}, hidden, Activation.TANH, new Rng(7));
        return m.withScaling(new Scaling(0.3, 1.7, -0.2, 0.8));
    }

    @Test
    void theActivatedStageIsSnapshotsActivityToTheBit() {
        MLP m = network();
        Snapshot net = m.snapshot();
        Warp warp = new Warp(m.snapshot());
        Rng rng = new Rng(3);
        for (int k = 0; k < 200; k++) {
            double x = rng.uniform(-3, 3);
            double y = rng.uniform(-3, 3);
            net.predict(x, y);
            double[][] every = new double[warp.layers()][];
            for (int l = 0; l < every.length; l++) {
                every[l] = new double[warp.width(l)];
            }
            warp.everyLayer(x, y, every);
            for (int l = 0; l < warp.layers(); l++) {
                for (int o = 0; o < every[l].length; o++) {
                    assertEquals(Double.doubleToLongBits(net.activity(l)[o]), Double.doubleToLongBits(every[l][o]), "one pass");
                }
                double[] out = new double[warp.width(l)];
                warp.at(x, y, l, Warp.Stage.ACTIVATED, out);
                double[] want = net.activity(l);
                for (int o = 0; o < out.length; o++) {
                    assertEquals(Double.doubleToLongBits(want[o]), Double.doubleToLongBits(out[o]), "layer " + l + " neuron " + o);
                }
                double[] biased = new double[out.length];
                double[] weighted = new double[out.length];
                warp.at(x, y, l, Warp.Stage.BIASED, biased);
                warp.at(x, y, l, Warp.Stage.WEIGHTED, weighted);
                Layer layer = m.layers.get(l);
                for (int o = 0; o < out.length; o++) {
                    assertEquals(out[o], layer.activation().apply(biased[o]), 0.0, "act(w·x + b)");
                    assertEquals(biased[o], weighted[o] + layer.neurons.get(o).b.data, 1e-12 * (1 + Math.abs(biased[o])),
                            "w·x + b less b");
                }
            }
        }
    }

    @Test
    void neuronAxesReadTwoNeuronsAndAOneNeuronLayerIsALine() {
        Warp.Axes a = Warp.Axes.neurons(4, 2, 0);
        double[] p = {0.1, 0.2, 0.3, 0.4};
        assertEquals(0.3, a.across(p));
        assertEquals(0.1, a.up(p));
        assertEquals(2, Warp.Axes.neurons(4, 1, 1).second, "the same neuron twice: the next one up");
        assertEquals(3, Warp.Axes.neurons(4, 9, 9).first, "past the width: the last");
        Warp.Axes line = Warp.Axes.neurons(1, 0, 1);
        assertEquals(0.7, line.across(new double[] {0.7}));
        assertEquals(0, line.up(new double[] {0.7}));
    }

    @Test
    void principalAxesFindTheCloudsSpreadWithAFixedSign() {
        double[][] cloud = new double[500][];
        for (int i = 0; i < 25; i++) { // a product of two symmetric grids: t and s exactly uncorrelated
            for (int j = 0; j < 20; j++) {
                double t = -2 + 4.0 * i / 24;
                double s = -0.5 + j / 19.0;
                double n = 0.01 * (i % 2 == 0 ? 1 : -1); // uncorrelated with t and with s too
                // spread along (3, 4, 0)/5, less along (0, 0, 1), a little along (4, -3, 0)/5
                cloud[i * 20 + j] = new double[] {1 + 0.6 * t + 0.8 * n, -2 + 0.8 * t - 0.6 * n, 3 + s};
            }
        }
        Warp.Axes a = Warp.Axes.principal(cloud, 3);
        assertEquals(0.6, a.across[0], 1e-9);
        assertEquals(0.8, a.across[1], 1e-9);
        assertEquals(0, a.across[2], 1e-9);
        assertEquals(1, a.up[2], 1e-9, "the second axis, its largest part positive");
        double dot = 0;
        for (int i = 0; i < 3; i++) {
            dot += a.across[i] * a.up[i];
        }
        assertEquals(0, dot, 1e-15, "at right angles");
        assertTrue(a.explained > 0.9999 && a.explained <= 1, "the two hold almost all the spread: " + a.explained);
        assertEquals(1 + 0.8 * 0.01 / 25, a.origin[0], 1e-12, "about the mean (the noise has one more + than −)");
        for (double[] row : cloud) { // the same cloud negated: the axes keep their sign
            for (int i = 0; i < 3; i++) {
                row[i] = -row[i];
            }
        }
        Warp.Axes b = Warp.Axes.principal(cloud, 3);
        assertEquals(0.6, b.across[0], 1e-9);
        assertEquals(1, b.up[2], 1e-9);
    }
}

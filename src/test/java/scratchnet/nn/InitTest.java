package scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

class InitTest {
    private static MLP net(Init init, Activation hidden, int... sizes) {
        return new MLP(Features.XY, sizes, every(hidden, sizes.length - 1), Activation.TANH, Scaling.NONE, init, new Rng(7));
    }

    private static Activation[] every(Activation a, int n) {
        Activation[] all = new Activation[n];
        java.util.Arrays.fill(all, a);
        return all;
    }

    private static double[] data(MLP m) {
        List<Value> ps = m.parameters();
        double[] d = new double[ps.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ps.get(i).data;
        }
        return d;
    }

    @Test
    void uniformIsTheSeedsSchemeBitForBit() {
        MLP old = new MLP(Features.XY, new int[] {8, 8, 1}, Activation.TANH, Activation.TANH, new Rng(7));
        MLP now = net(Init.UNIFORM, Activation.TANH, 8, 8, 1);
        assertEquals(java.util.Arrays.toString(data(old)), java.util.Arrays.toString(data(now)));
    }

    @Test
    void eachSchemeDrawsWithinItsLawAndBiasesStartAtZero() {
        int fanIn = 32;
        int fanOut = 32;
        for (Init init : Init.values()) {
            MLP m = net(init, Activation.RELU, 32, 32, 32, 1);
            Layer layer = m.layers.get(1); // 32 inputs, 32 neurons
            List<Double> ws = new ArrayList<>();
            for (Neuron n : layer.neurons) {
                assertEquals(0.0, n.b.data, init.label);
                for (Value w : n.w) {
                    ws.add(w.data);
                }
            }
            double mean = 0;
            for (double w : ws) {
                mean += w / ws.size();
            }
            double var = 0;
            double max = 0;
            for (double w : ws) {
                var += (w - mean) * (w - mean) / ws.size();
                max = Math.max(max, Math.abs(w));
            }
            double expected = switch (init) {
                case UNIFORM -> 1.0 / fanIn / 3;                 // U(±a): a²/3 with a = 1/√fanIn
                case ZERO -> 0;
                case NORMAL -> 1;
                case GLOROT -> 6.0 / (fanIn + fanOut) / 3;      // a = √(6/(in + out))
                case HE -> 2.0 / fanIn;
            };
            if (init == Init.ZERO) {
                assertEquals(0.0, max);
                continue;
            }
            // 1,024 draws: the variance within 15 % of the law's, the mean near 0
            assertEquals(1, var / expected, 0.15, init.label + " variance " + var);
            assertEquals(0, mean, 4 * Math.sqrt(expected / ws.size()), init.label + " mean");
            if (init == Init.UNIFORM) {
                assertTrue(max <= 1 / Math.sqrt(fanIn));
            }
            if (init == Init.GLOROT) {
                assertTrue(max <= Math.sqrt(6.0 / (fanIn + fanOut)));
            }
        }
    }

    @Test
    void theNormalSchemesDrawTwoUniformsPerWeight() {
        Rng rng = new Rng(3);
        double w = Init.HE.weight(8, 4, rng);
        Rng again = new Rng(3);
        double u = 1 - again.nextDouble();
        double v = again.nextDouble();
        assertEquals(StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v) * Math.sqrt(2.0 / 8), w);
        assertEquals(again.nextLong(), rng.nextLong());
    }

    /** The layer's neurons as lists of their weights and bias. */
    private static List<String> neurons(Layer layer) {
        List<String> out = new ArrayList<>();
        for (Neuron n : layer.neurons) {
            StringBuilder s = new StringBuilder();
            for (Value w : n.w) {
                s.append(w.data).append(',');
            }
            out.add(s.append(n.b.data).toString());
        }
        return out;
    }

    private static Trainer train(Init init, int steps) {
        Rng rng = new Rng(11);
        Dataset data = Dataset.generate(Shape.MOONS, 80, 0.1, rng);
        MLP m = new MLP(Features.XY, new int[] {6, 6, 1}, every(Activation.SIGMOID, 2), Activation.TANH, Scaling.NONE,
                init, rng);
        Trainer t = new Trainer(m, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        t.learningRate = 0.5;
        for (int i = 0; i < steps; i++) {
            assertTrue(!t.step().diverged);
        }
        return t;
    }

    @Test
    void zeroKeepsALayersNeuronsIdenticalAfter100StepsAndHeDoesNot() {
        Trainer zero = train(Init.ZERO, 100);
        for (Layer layer : zero.model.layers.subList(0, 2)) {
            List<String> ns = neurons(layer);
            for (String n : ns) {
                assertEquals(ns.get(0), n, "every neuron of the layer the same");
            }
        }
        // They did learn (sigmoid's 0.5 lets the gradient through), only all alike.
        assertNotEquals(0.0, zero.model.layers.get(1).neurons.get(0).w.get(0).data);
        Trainer he = train(Init.HE, 100);
        for (Layer layer : he.model.layers.subList(0, 2)) {
            List<String> ns = neurons(layer);
            assertEquals(ns.size(), new java.util.HashSet<>(ns).size(), "every neuron its own");
        }
    }

    @Test
    void labelsReadBack() {
        for (Init init : Init.values()) {
            assertEquals(init, Init.byLabel(init.label));
        }
        assertNull(Init.byLabel("xavier"));
        assertEquals(List.of("uniform", "zero", "normal", "glorot", "he"), List.of(Init.labels()));
    }
}

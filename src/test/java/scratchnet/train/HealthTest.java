package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.Init;
import scratchnet.nn.MLP;
import scratchnet.nn.Scaling;
import scratchnet.nn.Snapshot;

class HealthTest {
    private static Trainer moons(int points, int[] sizes, Activation hidden, Activation output, Init init, long seed) {
        Rng rng = new Rng(seed);
        Dataset data = Dataset.generate(Shape.MOONS, points, 0.1, rng);
        MLP model = new MLP(Features.XY, sizes, hiddens(sizes.length - 1, hidden), output, Scaling.NONE, init, rng);
        return new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
    }

    private static Activation[] hiddens(int n, Activation a) {
        Activation[] all = new Activation[n];
        Arrays.fill(all, a);
        return all;
    }

    @Test
    void everyHistogramCountsEveryOutputOfTheLayerOnEveryTrainingPoint() {
        Trainer t = moons(50, new int[] {8, 5, 1}, Activation.RELU, Activation.TANH, Init.UNIFORM, 3);
        t.batchSize = 10; // the health is over all the training points, whatever the batch
        for (int s = 0; s < 20; s++) {
            t.step();
        }
        List<Health.Layer> layers = new Health().measure(t);
        assertEquals(3, layers.size());
        int[] widths = {8, 5, 1};
        for (Health.Layer l : layers) {
            assertEquals(t.size(), l.points);
            assertEquals(widths[l.index], l.width);
            assertEquals(t.size() * l.width, Arrays.stream(l.outputCounts).sum());
            assertEquals(t.size() * l.width, Arrays.stream(l.gradCounts).sum());
            assertEquals(Health.BINS, l.outputCounts.length);
            assertTrue(l.finite);
        }
    }

    @Test
    void theOutputsAreSnapshotsAndTheGradientsTheChainRuleByHand() {
        Trainer t = moons(30, new int[] {4, 3, 1}, Activation.TANH, Activation.TANH, Init.UNIFORM, 5);
        for (int s = 0; s < 5; s++) {
            t.step();
        }
        double[] before = grads(t.model);
        List<Health.Layer> layers = new Health().measure(t);
        assertArrayEquals(before, grads(t.model), 0.0, "measuring leaves the model's grads as they were");
        Snapshot snap = t.model.snapshot();
        double[][] inputs = t.inputs();
        double[] targets = t.targets(t.loss);
        int n = inputs.length;
        for (int r = 0; r < n; r++) {
            double out = snap.predict(inputs[r])[0];
            double[] h0 = snap.activity(0).clone();
            double[] h1 = snap.activity(1).clone();
            for (int o = 0; o < 4; o++) {
                assertEquals(h0[o], layers.get(0).outputs[r * 4 + o], 1e-15);
            }
            assertEquals(out, layers.get(2).outputs[r], 1e-15);
            // mean squared error: d/d(out) of (1/n) Σ (out − y)² is 2 (out − y) / n
            double gOut = 2 * (out - targets[r]) / n;
            assertEquals(gOut, layers.get(2).grads[r], 1e-15);
            // back through the tanh output neuron and its weights, then the second layer's
            double gz = gOut * (1 - out * out);
            double[] g1 = new double[3];
            for (int i = 0; i < 3; i++) {
                g1[i] = gz * t.model.layers.get(2).neurons.get(0).w.get(i).data;
                assertEquals(g1[i], layers.get(1).grads[r * 3 + i], 1e-15);
            }
            for (int i = 0; i < 4; i++) {
                double g0 = 0;
                for (int o = 0; o < 3; o++) {
                    g0 += g1[o] * (1 - h1[o] * h1[o]) * t.model.layers.get(1).neurons.get(o).w.get(i).data;
                }
                assertEquals(g0, layers.get(0).grads[r * 4 + i], 1e-14);
            }
        }
    }

    @Test
    void deadAndSaturatedSharesAreCountedByHand() {
        // Two ReLU neurons: the first has a bias of −100 (dead on every point of the plane's [-6, 6]),
        // the second is x + y (alive); then two tanh neurons, one with weights 50 (mostly saturated).
        double[][][] weights = {{{1, 1}, {1, 1}}, {{0, 50}, {0.1, 0.1}}, {{1, 1}}};
        double[][] biases = {{-100, 0}, {0, 0}, {0}};
        MLP model = MLP.withWeights(Features.XY, weights, biases,
                new Activation[] {Activation.RELU, Activation.TANH}, Activation.TANH);
        Dataset data = Dataset.generate(Shape.MOONS, 40, 0.1, new Rng(9));
        Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), new Rng(1));
        List<Health.Layer> layers = new Health().measure(t);
        Health.Layer relu = layers.get(0);
        assertEquals(0.5, relu.dead, 0.0);
        assertTrue(relu.deadNeurons[0]);
        assertFalse(relu.deadNeurons[1]);
        assertTrue(Double.isNaN(relu.saturated), "ReLU does not saturate");
        Health.Layer tanh = layers.get(1);
        assertTrue(Double.isNaN(tanh.dead), "tanh does not die");
        int saturated = 0;
        int first = 0;
        Snapshot snap = model.snapshot();
        for (double[] x : t.inputs()) {
            snap.predict(x);
            double[] a = snap.activity(1);
            for (int o = 0; o < 2; o++) {
                saturated += Math.abs(a[o]) > 0.97 ? 1 : 0;
            }
            first += Math.abs(a[0]) > 0.97 ? 1 : 0;
        }
        assertTrue(saturated > 0);
        assertEquals(saturated / (2.0 * t.size()), tanh.saturated, 0.0);
        assertEquals(first == t.size(), tanh.saturatedNeurons[0]);
        assertFalse(tanh.saturatedNeurons[1]);
        // the mean and spread by hand
        double sum = 0;
        for (double v : tanh.outputs) {
            sum += v;
        }
        double mean = sum / tanh.outputs.length;
        double sq = 0;
        for (double v : tanh.outputs) {
            sq += (v - mean) * (v - mean);
        }
        assertEquals(mean, tanh.mean, 1e-15);
        assertEquals(Math.sqrt(sq / tanh.outputs.length), tanh.spread, 1e-15);
    }

    @Test
    void aSigmoidSaturatesWhereTanhOfHalfItsInputWould() {
        assertTrue(Health.isSaturated(Activation.SIGMOID, 0.99));
        assertTrue(Health.isSaturated(Activation.SIGMOID, 0.01));
        assertFalse(Health.isSaturated(Activation.SIGMOID, 0.98));
        assertFalse(Health.isSaturated(Activation.SIGMOID, 0.5));
        assertTrue(Health.isSaturated(Activation.TANH, -0.98));
        assertFalse(Health.isSaturated(Activation.TANH, 0.96));
        assertFalse(Health.isSaturated(Activation.RELU, 100));
    }

    @Test
    void aDivergedRunSaysItIsNotFinite() {
        double[][][] weights = {{{Double.NaN, 1}}, {{1}}};
        double[][] biases = {{0}, {0}};
        MLP model = MLP.withWeights(Features.XY, weights, biases, Activation.TANH, Activation.TANH);
        Trainer t = new Trainer(model, Dataset.generate(Shape.MOONS, 10, 0.1, new Rng(2)), Loss.MEAN_SQUARED,
                new Optimizer.Sgd(), new Rng(1));
        Health.Layer l = new Health().measure(t).get(0);
        assertFalse(l.finite);
        assertEquals(0, Arrays.stream(l.outputCounts).sum(), "NaNs are not counted");
    }

    @Test
    void theUpdateRatioIsLrTimesTheGradsSpreadOverTheWeightsForPlainSgd() {
        Trainer t = moons(40, new int[] {6, 1}, Activation.TANH, Activation.TANH, Init.UNIFORM, 4);
        t.learningRate = 0.05;
        HealthHistory h = new HealthHistory();
        h.record(t);
        assertEquals(0, h.size(), "nothing before the first step");
        t.step();
        h.record(t);
        h.record(t); // the same step again adds nothing
        assertEquals(1, h.size());
        assertEquals(1, h.step(0));
        // After the step, grad is the step's; the update was lr · grad (no momentum).
        for (int l = 0; l < 2; l++) {
            List<Value> ws = new java.util.ArrayList<>();
            for (scratchnet.nn.Neuron n : t.model.layers.get(l).neurons) {
                ws.addAll(n.w);
            }
            double[] w = new double[ws.size()];
            double[] u = new double[ws.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = ws.get(i).data;
                u[i] = 0.05 * ws.get(i).grad;
            }
            assertEquals(Math.log10(HealthHistory.spread(u) / HealthHistory.spread(w)), h.ratio(0, l), 1e-12);
        }
        // The outputs' gradient norm: the step's full batch, at the weights before the step.
        Trainer again = moons(40, new int[] {6, 1}, Activation.TANH, Activation.TANH, Init.UNIFORM, 4);
        List<Health.Layer> before = new Health().measure(again);
        for (int l = 0; l < 2; l++) {
            double squares = 0;
            for (double g : before.get(l).grads) {
                squares += g * g;
            }
            assertEquals(Math.sqrt(squares), h.norm(0, l), 1e-15);
        }
    }

    @Test
    void theHistoryThinsEvenlyKeepingTheFirstAndTheNewestStep() {
        Trainer t = moons(20, new int[] {3, 1}, Activation.TANH, Activation.TANH, Init.UNIFORM, 6);
        HealthHistory h = new HealthHistory();
        for (int s = 0; s < 1000; s++) {
            t.step();
            h.record(t);
            assertTrue(h.size() <= HealthHistory.CAPACITY);
            assertEquals(1, h.step(0));
            assertEquals(t.steps(), h.step(h.size() - 1));
            for (int i = 1; i < h.size(); i++) {
                assertTrue(h.step(i) > h.step(i - 1));
            }
        }
        assertTrue(h.size() > HealthHistory.CAPACITY / 4);
        // A reset (the step count going back) starts again.
        Trainer fresh = moons(20, new int[] {3, 1}, Activation.TANH, Activation.TANH, Init.UNIFORM, 6);
        fresh.step();
        h.record(fresh);
        assertEquals(1, h.size());
    }

    /** The six-layer sigmoid figure the README gives: the first layer's gradient far below the last's. */
    @Test
    void aSixLayerSigmoidNetsFirstGradientIsFarBelowItsLast() {
        Trainer t = moons(100, new int[] {8, 8, 8, 8, 8, 8, 1}, Activation.SIGMOID, Activation.TANH, Init.UNIFORM, 11);
        HealthHistory h = new HealthHistory();
        for (int s = 0; s < 100; s++) {
            t.step();
            h.record(t);
        }
        int last = h.size() - 1;
        double first = h.norm(last, 0);
        double sixth = h.norm(last, 5);
        assertTrue(first < sixth / 1000, "first " + first + ", sixth " + sixth);
        for (int l = 1; l < 6; l++) {
            assertTrue(h.norm(last, l - 1) < h.norm(last, l), "the staircase climbs layer by layer");
        }
        System.out.println("six sigmoid layers after 100 steps, gradient norm by layer: "
                + Arrays.toString(new double[] {h.norm(last, 0), h.norm(last, 1), h.norm(last, 2), h.norm(last, 3),
                        h.norm(last, 4), h.norm(last, 5), h.norm(last, 6)}));
    }

    private static double[] grads(MLP model) {
        List<Value> ps = model.parameters();
        double[] g = new double[ps.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = ps.get(i).grad;
        }
        return g;
    }
}

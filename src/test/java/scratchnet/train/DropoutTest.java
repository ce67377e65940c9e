package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;

class DropoutTest {
    /** A fresh run: data, weights and trainer all from {@code seed}. */
    private static Trainer run(long seed, Activation hidden, int batch, boolean batched, double dropout) {
        Rng rng = new Rng(seed);
        Dataset data = Dataset.generate(Shape.MOONS, 60, 0.1, rng);
        MLP model = new MLP(2, new int[] {6, 5, 1}, hidden, Activation.TANH, rng);
        Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        t.batchSize = batch;
        t.batched = batched;
        t.dropout = dropout;
        return t;
    }

    private static double[] weights(Trainer t) {
        List<Value> ps = t.model.parameters();
        double[] w = new double[ps.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = ps.get(i).data;
        }
        return w;
    }

    private static double[] grads(Trainer t) {
        List<Value> ps = t.model.parameters();
        double[] g = new double[ps.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = ps.get(i).grad;
        }
        return g;
    }

    @Test
    void dropoutZeroIsBitForBitNoDropoutOnBothPaths() {
        for (boolean batched : new boolean[] {true, false}) {
            Trainer plain = run(7, Activation.TANH, 16, batched, 0);
            Trainer zero = run(7, Activation.TANH, 16, batched, 0);
            zero.dropout = 0.0;
            for (int s = 0; s < 50; s++) {
                assertEquals(Double.doubleToLongBits(plain.step().loss), Double.doubleToLongBits(zero.step().loss));
                assertNull(zero.lastMasks(), "p = 0 draws no masks");
            }
            assertArrayEquals(weights(plain), weights(zero), 0.0);
        }
        // And p = 0 draws nothing from the Rng: a run with a dropout phase at 0 keeps the shuffles of one without.
        Trainer a = run(8, Activation.TANH, 10, true, 0);
        Trainer b = run(8, Activation.TANH, 10, true, 0.5);
        b.dropout = 0;
        for (int s = 0; s < 50; s++) {
            assertEquals(a.step().loss, b.step().loss, 0.0);
        }
    }

    @Test
    void theSameSeedGivesTheSameMasksAndLossesADifferentSeedOthers() {
        Trainer a = run(3, Activation.RELU, 12, true, 0.4);
        Trainer b = run(3, Activation.RELU, 12, true, 0.4);
        Trainer c = run(4, Activation.RELU, 12, true, 0.4);
        boolean differ = false;
        for (int s = 0; s < 30; s++) {
            a.forward();
            b.forward();
            c.forward();
            double[][] ma = a.lastMasks();
            assertArrayEquals(ma[0], b.lastMasks()[0], 0.0);
            assertArrayEquals(ma[1], b.lastMasks()[1], 0.0);
            differ |= !java.util.Arrays.equals(ma[0], c.lastMasks()[0]);
            assertEquals(a.step().loss, b.step().loss, 0.0);
            c.step();
        }
        assertTrue(differ, "another seed draws other masks");
        assertArrayEquals(weights(a), weights(b), 0.0);
    }

    @Test
    void masksAreZeroOrTheInvertedScaleInTheDocumentedShape() {
        Trainer t = run(5, Activation.TANH, 12, true, 0.25);
        t.forward();
        double[][] m = t.lastMasks();
        assertEquals(2, m.length, "one mask per hidden layer, none on the output");
        assertEquals(12 * 6, m[0].length);
        assertEquals(12 * 5, m[1].length);
        for (double[] layer : m) {
            for (double f : layer) {
                assertTrue(f == 0 || f == 1 / (1 - 0.25), "factor " + f);
            }
        }
        // The order: after the batch's shuffle, layer by layer, example by example, neuron by neuron.
        Rng rng = new Rng(5);
        Dataset.generate(Shape.MOONS, 60, 0.1, rng);
        new MLP(2, new int[] {6, 5, 1}, Activation.TANH, Activation.TANH, rng);
        int[] order = new int[60];
        rng.shuffle(order);
        for (double[] layer : m) {
            for (double f : layer) {
                assertEquals(rng.nextDouble() >= 0.25 ? 1 / 0.75 : 0, f, 0.0);
            }
        }
    }

    @Test
    void scalarEqualsBatchedWithTheSameMasks() {
        for (Activation act : new Activation[] {Activation.TANH, Activation.RELU, Activation.GELU, Activation.SIGMOID}) {
            for (int batch : new int[] {0, 8}) {
                Trainer tensor = run(11, act, batch, true, 0.3);
                Trainer scalar = run(11, act, batch, false, 0.3);
                for (int s = 0; s < 15; s++) {
                    double lt = tensor.forward().loss;
                    double ls = scalar.forward().loss;
                    assertArrayEquals(tensor.lastMasks()[0], scalar.lastMasks()[0], 0.0);
                    assertEquals(lt, ls, 1e-11, act + " batch " + batch + " step " + s);
                    tensor.backward();
                    scalar.backward();
                    assertArrayEquals(grads(tensor), grads(scalar), 1e-11, act + " batch " + batch + " step " + s);
                    tensor.update();
                    scalar.update();
                }
                assertArrayEquals(weights(tensor), weights(scalar), 1e-10);
            }
        }
    }

    @Test
    void dropoutChangesTheTrainingLossButNotTheNetwork() {
        Trainer with = run(2, Activation.TANH, 0, true, 0.5);
        Trainer without = run(2, Activation.TANH, 0, true, 0);
        double[] w = weights(with);
        double dropped = with.forward().loss;
        double plain = without.forward().loss;
        assertNotEquals(plain, dropped, "the masks change the training loss");
        assertArrayEquals(w, weights(with), 0.0, "a forward pass leaves the weights");
        // Predicting reads the network without masks: the same outputs whatever the trainer's dropout.
        double[] x = with.inputs()[0];
        assertEquals(without.model.forward(x).get(0).data, with.model.forward(x).get(0).data, 0.0);
    }

    @Test
    void invertedScalingKeepsTheExpectedActivation() {
        // A linear output layer reads its hidden layer linearly: the mean over masks of the output
        // with dropout is the output without, when the kept outputs are scaled by 1 / (1 − p).
        Rng rng = new Rng(9);
        Dataset data = Dataset.generate(Shape.MOONS, 20, 0.1, rng);
        MLP model = new MLP(2, new int[] {8, 1}, Activation.TANH, Activation.LINEAR, rng);
        Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        t.dropout = 0.4;
        double[] x = t.inputs()[3];
        double expected = model.forward(x).get(0).data;
        int draws = 4000;
        double sum = 0;
        double sumSq = 0;
        for (int d = 0; d < draws; d++) {
            t.forward();
            double[][] m = t.lastMasks();
            double[][] row = {java.util.Arrays.copyOfRange(m[0], 3 * 8, 4 * 8)};
            double y = model.forward(x, row).get(0).data;
            sum += y;
            sumSq += y * y;
            t.resumeAt(0); // drop the step begun: the weights stay, the next forward draws fresh masks
        }
        double mean = sum / draws;
        double se = Math.sqrt((sumSq / draws - mean * mean) / draws);
        assertTrue(se > 0, "the masks vary");
        assertTrue(Math.abs(mean - expected) < 4 * se, "mean " + mean + " vs " + expected + " (se " + se + ")");
        // Without the 1 / (1 − p) the mean would be (1 − p) times the output's hidden part: far off.
        double bias = model.layers.get(1).neurons.get(0).b.data;
        assertTrue(Math.abs(0.6 * (expected - bias) + bias - expected) > 8 * se, "the test can tell scaled from unscaled");
    }

    @Test
    void aBadDropoutIsRefusedByName() {
        Trainer t = run(1, Activation.TANH, 0, true, 0.95);
        IllegalStateException e = assertThrows(IllegalStateException.class, t::forward);
        assertTrue(e.getMessage().startsWith("dropout must be between 0 and 0.9"), e.getMessage());
    }

    @Test
    void aNetworkWithoutHiddenLayersDropsNothing() {
        Rng rng = new Rng(1);
        Dataset data = Dataset.generate(Shape.MOONS, 20, 0.1, rng);
        Trainer t = new Trainer(new MLP(2, new int[] {1}, Activation.TANH, Activation.TANH, rng), data,
                Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        Rng same = new Rng(1);
        Dataset.generate(Shape.MOONS, 20, 0.1, same);
        Trainer u = new Trainer(new MLP(2, new int[] {1}, Activation.TANH, Activation.TANH, same), Dataset.generate(Shape.MOONS, 20, 0.1, new Rng(1)),
                Loss.MEAN_SQUARED, new Optimizer.Sgd(), same);
        t.dropout = 0.5;
        for (int s = 0; s < 5; s++) {
            assertEquals(u.step().loss, t.step().loss, 0.0);
        }
        assertEquals(0, t.lastMasks() == null ? 0 : t.lastMasks().length);
    }
}

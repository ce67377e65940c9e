package scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Rng;
import scratchnet.engine.Value;

class MLPTest {
    static final double[][] XS = {{2, 3, -1}, {3, -1, 0.5}, {0.5, 1, 1}, {1, 1, -1}};
    static final double[] YS = {1, -1, -1, 1};

    @Test
    void classicNetworkHas41Parameters() {
        MLP mlp = new MLP(3, new int[] {4, 4, 1});
        assertEquals(41, mlp.parameters().size());
        assertEquals(5, new Neuron(4, Activation.TANH, new Rng(1)).parameters().size());
        assertEquals(20, new Layer(4, 4, Activation.TANH, new Rng(1)).parameters().size());
    }

    @Test
    void neuronComputesTanhOfWeightedSumPlusBias() {
        Neuron n = new Neuron(2, Activation.TANH, new Rng(7));
        n.w.get(0).data = 0.5;
        n.w.get(1).data = -2;
        n.b.data = 0.25;
        Value out = n.forward(List.of(new Value(3), new Value(1)));
        assertEquals(Math.tanh(0.5 * 3 - 2 * 1 + 0.25), out.data, 1e-15);
    }

    @Test
    void twentyStepsOfSgdDriveTheSumOfSquaresFarDown() {
        MLP mlp = new MLP(3, new int[] {4, 4, 1});
        double first = Double.NaN, last = Double.NaN;
        for (int k = 0; k < 20; k++) {
            // forward
            Value loss = new Value(0);
            for (int i = 0; i < XS.length; i++) {
                loss = loss.add(mlp.forward(XS[i]).get(0).sub(YS[i]).pow(2));
            }
            // zero grads, backward
            mlp.zeroGrad();
            loss.backward();
            // update
            for (Value p : mlp.parameters()) {
                p.data -= 0.1 * p.grad;
            }
            if (k == 0) {
                first = loss.data;
            }
            last = loss.data;
        }
        System.out.printf("teaching example: loss %.4f -> %.4f after 20 steps%n", first, last);
        assertTrue(first > 1.0, "starts with a real error: " + first);
        assertTrue(last < first / 10, "loss " + first + " -> " + last);
        for (int i = 0; i < XS.length; i++) {
            double prediction = mlp.forward(XS[i]).get(0).data;
            assertEquals(Math.signum(YS[i]), Math.signum(prediction), "example " + i + ": " + prediction);
        }
    }

    @Test
    void zeroGradResetsEveryParameter() {
        MLP mlp = new MLP(3, new int[] {4, 4, 1});
        mlp.forward(XS[0]).get(0).backward();
        assertTrue(mlp.parameters().stream().anyMatch(p -> p.grad != 0));
        mlp.zeroGrad();
        assertTrue(mlp.parameters().stream().allMatch(p -> p.grad == 0));
    }

    @Test
    void snapshotAgreesWithTheGraphForward() {
        Rng rng = new Rng(3);
        for (Activation hidden : Activation.values()) {
            for (Activation output : Activation.values()) {
                MLP mlp = new MLP(2, new int[] {5, 3, 2}, hidden, output, rng);
                for (Value p : mlp.parameters()) {
                    p.data += rng.uniform(-0.3, 0.3); // biases away from 0 too
                }
                Snapshot fast = mlp.snapshot();
                for (int t = 0; t < 50; t++) {
                    double[] x = {rng.uniform(-2, 2), rng.uniform(-2, 2)};
                    List<Value> slow = mlp.forward(x);
                    double[] quick = fast.predict(x);
                    for (int o = 0; o < 2; o++) {
                        assertEquals(slow.get(o).data, quick[o], 0, hidden + "/" + output);
                    }
                }
            }
        }
    }

    @Test
    void perLayerActivationsInPredictAndTheGrid() {
        Rng rng = new Rng(9);
        Activation[] hidden = {Activation.SOFTPLUS, Activation.GELU, Activation.SWISH, Activation.ELU, Activation.SINE,
            Activation.LEAKY_RELU};
        MLP mlp = new MLP(Features.parse("x,y,x2"), new int[] {5, 4, 4, 3, 4, 5, 1}, hidden, Activation.TANH, rng);
        assertEquals(List.of(hidden), List.of(mlp.hiddenActivations()));
        assertEquals(List.of(hidden), List.of(mlp.copy().hiddenActivations()));
        Snapshot s = mlp.snapshot();
        int cols = 7, rows = 5;
        double[] grid = new double[cols * rows];
        for (int layer = 0; layer < hidden.length; layer++) {
            s.grid(layer, 1, -2, 2, -1.5, 1.5, cols, rows, grid);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double x = -2 + (c + 0.5) * (4.0 / cols), y = 1.5 - (r + 0.5) * (3.0 / rows); // as grid places them
                    double graph = mlp.forward(x, y).get(0).data;
                    assertEquals(graph, s.predict(x, y)[0], 0, "predict is the graph, bit for bit");
                    // No tanh before the output: a hidden neuron's grid is predict's, bit for bit.
                    assertEquals(s.activity(layer)[1], grid[r * cols + c], 0, hidden[layer] + " at " + x + ", " + y);
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> new MLP(Features.XY, new int[] {3, 3, 1}, new Activation[] {Activation.RELU}, Activation.TANH, rng));
    }

    @Test
    void gridPaintsRowsFromTheTopAtCellCentres() {
        MLP mlp = new MLP(2, new int[] {4, 1}, Activation.RELU, Activation.LINEAR, new Rng(5));
        Snapshot s = mlp.snapshot();
        double[] grid = new double[3 * 2];
        s.grid(-1, 2, 0, 4, 3, 2, grid);
        // column c centre: -1 + (c + 0.5); row r centre: 4 - (r + 0.5) * 2
        assertEquals(s.predict(new double[] {-0.5, 3})[0], grid[0], 0);
        assertEquals(s.predict(new double[] {1.5, 1})[0], grid[5], 0);
        // Layer 0, neuron 2 over the same grid: the hidden unit's own map.
        s.grid(0, 2, -1, 2, 0, 4, 3, 2, grid);
        s.predict(new double[] {0.5, 1});
        assertEquals(s.activity(0)[2], grid[4], 0);
    }

    @Test
    void outputsOverManyPointsAreExactlyPredict() {
        // Blocks of points through the same kernels as the grid, but with exact activations: the
        // same bits as predict, for any input count, width and number of points (partial blocks too).
        Activation[] acts = Activation.values();
        int[][] shapes = {{16, 16, 1}, {3, 1}, {5, 7, 2, 1}, {1}, {32, 32, 32, 1}};
        int[] counts = {0, 1, 63, 64, 130};
        for (int k = 0; k < shapes.length; k++) {
            int nin = 1 + k % 3;
            MLP mlp = new MLP(nin, shapes[k], acts[k % acts.length], acts[(k + 1) % acts.length], new Rng(k));
            Snapshot s = mlp.snapshot();
            Rng rng = new Rng(40 + k);
            for (int n : counts) {
                double[][] xs = new double[n][nin];
                for (double[] x : xs) {
                    for (int i = 0; i < nin; i++) {
                        x[i] = (rng.nextDouble() - 0.5) * 6;
                    }
                }
                double[] out = new double[n];
                s.outputs(xs, out);
                for (int i = 0; i < n; i++) {
                    assertEquals(s.predict(xs[i])[0], out[i], 0, "shape " + k + ", point " + i + " of " + n);
                }
            }
        }
        assertThrows(IllegalArgumentException.class,
                () -> new MLP(2, new int[] {1}).snapshot().outputs(new double[][] {{1, 2, 3}}, new double[1]));
    }

    @Test
    void outputsAndClassGridsOfKOutputs() {
        // Three logits per point: outputs() lays them out point by point; classGrid() takes the
        // largest and its softmax probability.
        MLP mlp = new MLP(2, new int[] {8, 3}, Activation.TANH, Activation.LINEAR, new Rng(6));
        Snapshot s = mlp.snapshot();
        Rng rng = new Rng(7);
        double[][] xs = new double[70][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = new double[] {rng.uniform(-2, 2), rng.uniform(-2, 2)};
        }
        double[] out = new double[70 * 3];
        s.outputs(xs, out);
        for (int i = 0; i < xs.length; i++) {
            double[] p = s.predict(xs[i]);
            for (int k = 0; k < 3; k++) {
                assertEquals(p[k], out[i * 3 + k], 0);
            }
        }
        int cols = 11, rows = 7;
        int[] classes = new int[cols * rows];
        double[] confidence = new double[cols * rows];
        s.classGrid(-2, 2, -1.5, 1.5, cols, rows, classes, confidence);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double[] p = s.predict(-2 + (c + 0.5) * 4 / cols, 1.5 - (r + 0.5) * 3 / rows);
                assertEquals(Snapshot.argmax(p, 0, 3), classes[r * cols + c]);
                double sum = Math.exp(p[0]) + Math.exp(p[1]) + Math.exp(p[2]);
                assertEquals(Math.exp(p[classes[r * cols + c]]) / sum, confidence[r * cols + c], 1e-7);
            }
        }
        assertEquals(2, Snapshot.argmax(new double[] {9, 1, 2, 5, 0}, 1, 3));
        assertEquals(1, Snapshot.argmax(new double[] {Double.NaN, 1, 2}, 1, 2));
        assertEquals(1, Snapshot.argmax(new double[] {Double.NaN, 1}, 0, 2));
    }

    @Test
    void tanhGridsAgreeWithPredictToOneTenMillionth() {
        // The heat map's shortcuts (first layer by tanh's addition formula, GridTanh after) against
        // the exact forward pass, cell by cell, for every neuron of every layer: the W1 shape, a
        // small and a deep network, one with a sigmoid output, and one whose large weights
        // saturate neurons both ways (the addition formula's fallback).
        Object[][] cases = {
            {new int[] {16, 16, 1}, Activation.TANH, 1.0},
            {new int[] {3, 1}, Activation.TANH, 1.0},
            {new int[] {8, 8, 8, 1}, Activation.SIGMOID, 1.0},
            {new int[] {5, 4, 1}, Activation.TANH, 40.0},
        };
        int cols = 23, rows = 17;
        double worst = 0;
        for (Object[] c : cases) {
            int[] sizes = (int[]) c[0];
            MLP mlp = new MLP(2, sizes, Activation.TANH, (Activation) c[1], new Rng(sizes.length));
            for (Value p : mlp.parameters()) {
                p.data *= (double) c[2];
            }
            Snapshot s = mlp.snapshot();
            double[] grid = new double[cols * rows];
            for (int l = 0; l < sizes.length; l++) {
                for (int o = 0; o < sizes[l]; o++) {
                    s.grid(l, o, -2.5, 3.5, -3, 2, cols, rows, grid);
                    for (int r = 0; r < rows; r++) {
                        for (int k = 0; k < cols; k++) {
                            double x = -2.5 + (k + 0.5) * 6 / cols;
                            double y = 2 - (r + 0.5) * 5 / rows;
                            double[] out = s.predict(new double[] {x, y});
                            double exact = l == sizes.length - 1 ? out[o] : s.activity(l)[o];
                            double error = Math.abs(grid[r * cols + k] - exact);
                            assertTrue(error < 1e-7, "layer " + l + " neuron " + o + " at " + x + "," + y + ": " + error);
                            worst = Math.max(worst, error);
                        }
                    }
                }
            }
        }
        System.out.printf("grid vs predict, tanh networks: largest difference %.3g%n", worst);
    }

    @Test
    void activationsChosenForHiddenAndOutputLayers() {
        MLP mlp = new MLP(2, new int[] {3, 3, 1}, Activation.RELU, Activation.SIGMOID, new Rng(1));
        assertEquals(Activation.RELU, mlp.layers.get(0).activation());
        assertEquals(Activation.RELU, mlp.layers.get(1).activation());
        assertEquals(Activation.SIGMOID, mlp.layers.get(2).activation());
        double out = mlp.forward(new double[] {1, -1}).get(0).data;
        assertTrue(out > 0 && out < 1);
    }

    @Test
    void sameSeedSameWeights() {
        List<Double> a = new ArrayList<>(), b = new ArrayList<>();
        new MLP(2, new int[] {8, 1}, Activation.TANH, Activation.TANH, new Rng(9)).parameters().forEach(p -> a.add(p.data));
        new MLP(2, new int[] {8, 1}, Activation.TANH, Activation.TANH, new Rng(9)).parameters().forEach(p -> b.add(p.data));
        assertEquals(a, b);
        assertTrue(a.stream().anyMatch(v -> v != 0));
    }

    @Test
    void printsItsStructure() {
        String s = new MLP(3, new int[] {4, 4, 1}).toString();
        assertEquals("MLP(3 inputs, 41 parameters)\n"
                + "  Layer of 4 × tanh(3)\n"
                + "  Layer of 4 × tanh(4)\n"
                + "  Layer of 1 × tanh(4)", s);
    }

    @Test
    void rejectsBadShapesNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MLP(2, new int[] {4, 0, 1}));
        assertTrue(e.getMessage().contains("layer 1") && e.getMessage().contains("was 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MLP(0, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new MLP(2, new int[0]));
    }

    @Test
    void withWeightsHoldsExactlyTheGivenNumbers() {
        double[][][] w = {{{0.5, -1}, {2, 0.25}, {-0.75, 1.5}}, {{1, -2, 3}}};
        double[][] b = {{0.1, 0.2, 0.3}, {-0.4}};
        MLP mlp = MLP.withWeights(w, b, Activation.RELU, Activation.LINEAR);
        assertEquals("MLP(2 inputs, 13 parameters)\n"
                + "  Layer of 3 × relu(2)\n"
                + "  Layer of 1 × linear(3)", mlp.toString());
        assertEquals(-0.75, mlp.layers.get(0).neurons.get(2).w.get(0).data);
        assertEquals(0.3, mlp.layers.get(0).neurons.get(2).b.data);
        assertEquals(3, mlp.layers.get(1).neurons.get(0).w.get(2).data);
        assertEquals(-0.4, mlp.layers.get(1).neurons.get(0).b.data);

        double[][][] ragged = {{{0.5, -1}, {2}}, {{1, -2}}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MLP.withWeights(ragged, new double[][] {{0, 0}, {0}}, Activation.TANH, Activation.TANH));
        assertTrue(e.getMessage().contains("weights[0][1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MLP.withWeights(w, new double[][] {{0, 0}, {0}}, Activation.TANH, Activation.TANH));
    }

    @Test
    void activationsAreFoundByLabel() {
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.byLabel(a.label));
        }
        assertEquals(null, Activation.byLabel("softmax"));
    }
}

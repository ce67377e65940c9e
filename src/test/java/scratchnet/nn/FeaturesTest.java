package scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;

/** Input features: Values in a point's graph, plain doubles for pictures, the same bits. */
class FeaturesTest {
    static final Features ALL = Features.parse("x,y,x2,y2,xy,sinx,siny");

    @Test
    void aSetInAFixedOrderWithKeysAndLabels() {
        Features f = Features.parse("sinx, x2,y,x2");
        assertEquals("y,x2,sinx", f.key());
        assertArrayEquals(new String[] {"y", "x²", "sin x"}, f.labels());
        assertEquals(f, Features.of(Feature.SINX, Feature.Y, Feature.X2));
        assertEquals(Features.XY, Features.parse("x,y"));
        assertArrayEquals(new String[] {"x", "y", "x²", "y²", "xy", "sin x", "sin y"}, ALL.labels());
        assertEquals(7, ALL.size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Features.parse("x,z"));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Features.of());
        assertThrows(IllegalArgumentException.class, () -> Features.parse(""));
    }

    @Test
    void featuresAreNodesOfThePointsGraph() {
        Value x = new Value(0.3), y = new Value(-1.2);
        List<Value> in = ALL.values(x, y);
        assertSame(x, in.get(0));
        assertSame(y, in.get(1));
        assertEquals("*", in.get(2).op());
        assertEquals(List.of(x, x), in.get(2).children());
        assertEquals(List.of(x, y), in.get(4).children());
        assertEquals("sin", in.get(5).op());
        assertEquals(List.of(y), in.get(6).children());
        double[] plain = ALL.map(0.3, -1.2);
        for (int i = 0; i < plain.length; i++) {
            assertEquals(in.get(i).data, plain[i], 0, ALL.get(i).key);
        }
        // Gradients reach x and y through the features: d(x² + xy + sin y)/dx = 2x + y, /dy = x + cos y.
        in.get(2).add(in.get(4)).add(in.get(6)).backward();
        assertEquals(2 * 0.3 - 1.2, x.grad, 1e-15);
        assertEquals(0.3 + Math.cos(-1.2), y.grad, 1e-15);
    }

    @Test
    void aNetworkReadsItsFeatures() {
        MLP mlp = new MLP(ALL, new int[] {5, 3}, Activation.TANH, Activation.LINEAR, new Rng(2));
        assertEquals(7, mlp.nin());
        assertEquals(3, mlp.nout());
        assertEquals(ALL, mlp.features);
        assertEquals(ALL, mlp.copy().features);
        assertTrue(mlp.toString().startsWith("MLP(inputs x, y, x², y², xy, sin x, sin y, 58 parameters)"), mlp.toString());
        Snapshot s = mlp.snapshot();
        Rng rng = new Rng(3);
        for (int t = 0; t < 50; t++) {
            double px = rng.uniform(-2, 2), py = rng.uniform(-2, 2);
            List<Value> graph = mlp.forward(px, py);
            double[] fast = s.predict(px, py);
            double[] viaInputs = s.predict(ALL.map(px, py)).clone();
            for (int o = 0; o < 3; o++) {
                assertEquals(graph.get(o).data, fast[o], 0);
                assertEquals(fast[o], viaInputs[o], 0);
            }
        }
        Dataset data = Dataset.generate(Shape.CIRCLES, 10, 0.1, new Rng(4));
        double[][] rows = mlp.inputs(data);
        assertArrayEquals(ALL.map(data.points.get(3).x, data.points.get(3).y), rows[3]);
        // A network of raw inputs reads no points.
        MLP raw = new MLP(3, new int[] {2, 1});
        assertEquals(null, raw.features);
        assertThrows(IllegalStateException.class, () -> raw.forward(1, 2));
        assertThrows(IllegalStateException.class, () -> raw.snapshot().grid(-1, 1, -1, 1, 4, 4, new double[16]));
        assertEquals(Features.XY, new MLP(2, new int[] {1}).features);
    }

    @Test
    void gridsThroughFeaturesAgreeWithPredict() {
        String[] sets = {"x2,y2", "x,y,xy", "sinx,siny,x", "x,y,x2,y2,xy,sinx,siny", "y"};
        int cols = 19, rows = 13;
        double worst = 0;
        for (String set : sets) {
            for (Activation hidden : new Activation[] {Activation.TANH, Activation.RELU}) {
                MLP mlp = new MLP(Features.parse(set), new int[] {6, 4, 1}, hidden, Activation.TANH, new Rng(set.length()));
                Snapshot s = mlp.snapshot();
                double[] grid = new double[cols * rows];
                s.grid(-2, 1.5, -1, 2, cols, rows, grid);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        double x = -2 + (c + 0.5) * 3.5 / cols;
                        double y = 2 - (r + 0.5) * 3.0 / rows;
                        double error = Math.abs(grid[r * cols + c] - s.predict(x, y)[0]);
                        worst = Math.max(worst, error);
                        assertTrue(error < 1e-7, set + " " + hidden + " at " + x + "," + y + ": " + error);
                    }
                }
            }
        }
        System.out.printf("grid vs predict through features: largest difference %.3g%n", worst);
    }
}

package scratchnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.engine.Value;

class ScalingTest {
    @Test
    void meanAndPopulationSpreadOfTheTrainingPoints() {
        Scaling s = Scaling.of(List.of(new Point(0, 10, 1), new Point(4, 10, -1), new Point(8, 10, 1)));
        assertEquals(4, s.meanX, 0);
        assertEquals(Math.sqrt(32.0 / 3), s.spreadX, 1e-15);
        // Every y the same: spread 0 becomes 1, so y' = y − 10 rather than a division by zero.
        assertEquals(10, s.meanY, 0);
        assertEquals(1, s.spreadY, 0);
        assertEquals(0, s.y(10), 0);
        assertEquals(-1, s.x(4 - s.spreadX), 1e-15);
        assertSame(Scaling.NONE, Scaling.of(List.of()));
        Scaling one = Scaling.of(List.of(new Point(5, 6, 1)));
        assertEquals(1, one.spreadX, 0);
        assertEquals(0, one.x(5), 0);
    }

    @Test
    void hugeCoordinatesGiveFiniteScaling() {
        Scaling s = Scaling.of(List.of(new Point(1e300, -1e300, 1), new Point(1.5e308, 1e308, -1), new Point(1.5e308, 1e308, 1)));
        assertTrue(Double.isFinite(s.meanX) && Double.isFinite(s.spreadX) && s.spreadX > 0);
        assertTrue(Double.isFinite(s.meanY) && Double.isFinite(s.spreadY) && s.spreadY > 0);
        assertThrows(IllegalArgumentException.class, () -> new Scaling(0, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Scaling(Double.NaN, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Scaling(0, 1, 0, Double.POSITIVE_INFINITY));
    }

    @Test
    void noneAddsNoNodeSoOldNetworksComputeAsBefore() {
        Value x = new Value(3);
        assertSame(x, Scaling.NONE.x(x));
        assertEquals(3.25, Scaling.NONE.y(3.25), 0);
        MLP a = new MLP(Features.XY, new int[] {3, 1}, Activation.TANH, Activation.TANH, new Rng(4));
        List<Value> out = a.forward(0.5, -0.25);
        // Leaves x, y, then the layers' nodes: as many as a network without the field ever had.
        MLP b = a.copy();
        List<Value> in = new ArrayList<>(List.of(new Value(0.5), new Value(-0.25)));
        assertEquals(b.forward(in).get(0).topologicalOrder().size(), out.get(0).topologicalOrder().size());
        assertEquals(b.forward(in).get(0).data, out.get(0).data, 0);
    }

    @Test
    void graphShowsTheStandardisingStepAndAgreesWithSnapshotToTheBit() {
        MLP model = new MLP(Features.parse("x,y,x2,sinx"), new int[] {5, 1}, new Activation[] {Activation.TANH},
                Activation.TANH, new Scaling(512, 288, -3, 0.5), new Rng(9));
        List<Value> out = model.forward(700, -2.5);
        // (x − 512) / 288 as Value ops: x + (−512), times 288^−1.
        List<String> ops = new ArrayList<>();
        List<Double> constants = new ArrayList<>();
        for (Value v : out.get(0).topologicalOrder()) {
            ops.add(v.op().equals("^") ? "^" + v.exponent() : v.op());
            if (v.op().isEmpty()) {
                constants.add(v.data);
            }
        }
        assertTrue(constants.contains(-512.0) && constants.contains(288.0), constants.toString());
        assertTrue(constants.contains(3.0) && constants.contains(0.5), constants.toString());
        assertTrue(ops.contains("^-1.0"), ops.toString());
        Snapshot s = model.snapshot();
        assertEquals(out.get(0).data, s.predict(700, -2.5)[0], 0);
        double[] expected = {(700 - 512) / 288.0, (-2.5 + 3) / 0.5};
        double[] inputs = model.inputs(700, -2.5);
        assertEquals(expected[0], inputs[0], 1e-15);
        assertEquals(expected[1], inputs[1], 1e-15);
        assertEquals(expected[0] * expected[0], inputs[2], 1e-15);
        assertEquals(Math.sin(expected[0]), inputs[3], 1e-15);
        // The same network without scaling, fed the standardised point, gives the same output.
        MLP plain = model.withScaling(Scaling.NONE);
        assertEquals(model.parameters().get(7).data, plain.parameters().get(7).data, 0);
        assertTrue(plain.parameters().get(7) != model.parameters().get(7), "its own Values");
        assertEquals(plain.snapshot().predict(expected[0], expected[1])[0], out.get(0).data, 1e-12);
        // And the batch inputs are the same rows.
        Dataset d = new Dataset(List.of(new Point(700, -2.5, 1), new Point(100, 4, -1)));
        double[][] rows = model.inputs(d);
        assertEquals(inputs[0], rows[0][0], 0);
        assertEquals(inputs[3], rows[0][3], 0);
        assertEquals(model.inputs(100, 4)[1], rows[1][1], 0);
        assertTrue(model.copy().scaling.equals(model.scaling));
    }

    @Test
    void gridOverTheDataUnitsMatchesPredict() {
        for (Features f : new Features[] {Features.XY, Features.parse("x,y,xy,siny")}) {
            MLP model = new MLP(f, new int[] {6, 4, 1}, new Activation[] {Activation.TANH, Activation.TANH}, Activation.TANH,
                    new Scaling(500, 290, 250, 140), new Rng(2));
            Snapshot s = model.snapshot();
            int cols = 7;
            int rows = 5;
            double[] grid = new double[cols * rows];
            s.grid(0, 1000, 0, 500, cols, rows, grid);
            double worst = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double x = (c + 0.5) * 1000.0 / cols;
                    double y = 500 - (r + 0.5) * 500.0 / rows;
                    worst = Math.max(worst, Math.abs(s.predict(x, y)[0] - grid[r * cols + c]));
                }
            }
            assertTrue(worst < 2e-8, f + ": " + worst);
        }
    }

    @Test
    void theScalingIsPartOfTheModelAndDrawsTheSameWeights() {
        Scaling c = new Scaling(500, 290, 250, 140);
        MLP plain = new MLP(Features.XY, new int[] {3, 1}, new Activation[] {Activation.RELU}, Activation.TANH, Scaling.NONE, new Rng(4));
        MLP scaled = new MLP(Features.XY, new int[] {3, 1}, new Activation[] {Activation.RELU}, Activation.TANH, c, new Rng(4));
        assertSame(Scaling.NONE, new MLP(Features.XY, new int[] {3, 1}, Activation.RELU, Activation.TANH, new Rng(4)).scaling);
        assertSame(c, scaled.scaling);
        for (int i = 0; i < plain.parameters().size(); i++) {
            assertEquals(plain.parameters().get(i).data, scaled.parameters().get(i).data, 0);
        }
        MLP again = scaled.withScaling(Scaling.NONE);
        assertSame(c, scaled.scaling, "withScaling leaves the model it was asked of as it was");
        // The same weights: the scaled model at (x, y) is the plain one at the standardised point.
        assertEquals(again.snapshot().predict(0.5, 0.25)[0], scaled.snapshot().predict(500 + 0.5 * 290, 250 + 0.25 * 140)[0], 1e-12);
    }
}

package scratchnet.crossplatform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;
import scratchnet.playground.Playground;
import scratchnet.playground.inspect.Downhill;
import scratchnet.playground.inspect.NetworkPlane;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import scratchnet.train.Loss;
import scratchnet.train.PairGrid;
import scratchnet.train.PlaneGrid;
import scratchnet.train.Trainer;

/**
 * The downhill view's numbers on the JVM, as JS and as Wasm GC: each engine's map cells equal the
 * loss recomputed there with a fresh scalar {@link Value} graph (1e-12), its arrow equals
 * {@code backward()}'s gradient, its forecast is the loss after a real step, the runs' plane holds
 * both runs' weights; and the engines agree with the JVM's cells, printed by {@link #main}, to
 * {@link #TOLERANCE} (browsers' Math.tanh may differ from the JVM's in the last bits).
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class LandscapeAgreesIT {
    private static final double TOLERANCE = 1e-12;
    /** Cells (row, col) of the 21×21 map of w[0][0][1] (across) and w[2][0][3] (up) after 3 steps at the defaults. */
    static final int[][] CELLS = {{0, 0}, {10, 10}, {3, 17}, {20, 5}, {20, 20}};
    // Printed by main() on the JVM.
    static final double[] CELL_LOSSES = {
            0.5905763870068816, 0.5668251189003324, 0.5648265801110707, 0.564516578903116, 0.6056951896367415};

    private static Session session() {
        Session s = new Session(new Settings());
        for (int k = 0; k < 3; k++) {
            s.step();
        }
        return s;
    }

    private static Downhill mapped(Trainer t) {
        Downhill d = new Downhill(() -> t, 21);
        d.choose(1, 99);
        d.finish();
        return d;
    }

    private static Value scalarLoss(MLP model, Session s) {
        List<Value> outputs = new ArrayList<>();
        for (Point p : s.train().points) {
            outputs.addAll(model.forward(p.x, p.y));
        }
        Loss loss = s.trainer().loss;
        return loss.of(outputs, loss.targets(s.train()));
    }

    private static double cellByScalarGraph(Session s, PairGrid g, int row, int col) {
        MLP copy = s.model().copy();
        copy.parameters().get(g.first).data = g.first(col);
        copy.parameters().get(g.second).data = g.second(row);
        return scalarLoss(copy, s).data;
    }

    @Test
    public void eachCellIsTheLossThereAndTheEnginesAgree() {
        Session s = session();
        Downhill d = mapped(s.trainer());
        PairGrid g = d.grid();
        for (int k = 0; k < CELLS.length; k++) {
            double cell = g.cell(CELLS[k][0], CELLS[k][1]);
            assertEquals("cell " + k + " against this engine's scalar graph", cellByScalarGraph(s, g, CELLS[k][0], CELLS[k][1]),
                    cell, TOLERANCE * cell);
            assertEquals("cell " + k + " against the JVM's", CELL_LOSSES[k], cell, TOLERANCE * cell);
        }
    }

    @Test
    public void theArrowIsBackwardsGradientAndTheForecastTheNextStepsLoss() {
        Session s = session();
        Downhill d = mapped(s.trainer());
        MLP copy = s.model().copy();
        Value total = scalarLoss(copy, s);
        copy.zeroGrad();
        total.backward();
        assertEquals(copy.parameters().get(1).grad, d.grid().gradientFirst(), 1e-15);
        assertEquals(copy.parameters().get(99).grad, d.grid().gradientSecond(), 1e-15);
        Playground p = new Playground("");
        for (int k = 0; k < 3; k++) {
            p.step();
        }
        Downhill shown = p.inspector().downhill();
        shown.finish();
        double forecast = shown.nextLoss();
        p.step();
        assertEquals("the forecast is the train loss after the step, to the bit", forecast, p.readout().trainLoss, 0);
    }

    @Test
    public void theRunsPlaneHoldsBothRunsWeights() {
        Playground p = new Playground("#compare=1&b.lr=0.05&view=downhill&surface=runs");
        NetworkPlane plane = p.inspector().plane();
        plane.kind(NetworkPlane.Kind.RUNS);
        plane.afterStep();
        for (int k = 0; k < 5; k++) {
            p.step();
        }
        plane.finish();
        assertNull(plane.problem());
        PlaneGrid grid = plane.grid();
        double[] d1 = grid.first();
        double[] d2 = grid.second();
        double[] now = values(p.session().model());
        for (MLP run : new MLP[] {p.session().model(), p.twoRuns().sessionB().model()}) {
            double[] theta = values(run);
            double[] x = new double[theta.length];
            double a = 0;
            double b = 0;
            for (int i = 0; i < x.length; i++) {
                x[i] = theta[i] - now[i];
                a += x[i] * d1[i];
                b += x[i] * d2[i];
            }
            double off = 0;
            for (int i = 0; i < x.length; i++) {
                double r = x[i] - a * d1[i] - b * d2[i];
                off += r * r;
            }
            assertTrue("off the plane by " + Math.sqrt(off), Math.sqrt(off) < 1e-12);
        }
        assertTrue(plane.text(), plane.text().contains("both lie in it exactly"));
    }

    private static double[] values(MLP model) {
        List<Value> ps = model.parameters();
        double[] v = new double[ps.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ps.get(i).data;
        }
        return v;
    }

    /** Prints {@link #CELL_LOSSES} on the JVM. */
    public static void main(String[] args) {
        Session s = session();
        PairGrid g = mapped(s.trainer()).grid();
        StringBuilder out = new StringBuilder();
        for (int[] c : CELLS) {
            out.append(out.length() > 0 ? ", " : "").append(g.cell(c[0], c[1]));
        }
        System.out.println(out);
    }
}

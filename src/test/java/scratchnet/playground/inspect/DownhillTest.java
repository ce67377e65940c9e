package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import scratchnet.train.Loss;
import scratchnet.train.PairGrid;
import scratchnet.train.Sweep;
import scratchnet.train.Trainer;

/** The downhill view's numbers, against the loss and gradient recomputed on a separate copy of the model. */
class DownhillTest {
    static final String[] HASHES = {
        "loss=mse&activation=tanh&l1=0.01&l2=0.02",
        "data=spiral&classes=3&loss=ce&l1=0.005&l2=0.01",
        "loss=hinge&l1=0.01&l2=0.01",
        "data=plane&l1=0.01&l2=0.01",
        "features=x,y,x2&l1=0.01&l2=0.01",
        "standardize=1&l1=0.01&l2=0.01",
    };

    /** The regularised loss of {@code model} on {@code data}: each point's scalar graph from its x and y, built here. */
    static Value scalarLoss(MLP model, Dataset data, Loss loss, double l1, double l2) {
        List<Value> outputs = new ArrayList<>();
        for (Point p : data.points) {
            outputs.addAll(model.forward(p.x, p.y));
        }
        List<Value> params = model.parameters();
        return loss.of(outputs, loss.targets(data)).add(Loss.l2(params, l2)).add(Loss.l1(params, l1));
    }

    /** The same on plain doubles: Snapshot outputs over the data's own inputs, Loss.value, the penalty summed here. */
    static double snapshotLoss(MLP model, Dataset data, Loss loss, double l1, double l2) {
        double[] scores = new double[data.points.size() * model.nout()];
        model.snapshot().outputs(model.inputs(data), scores);
        double abs = 0;
        double squares = 0;
        for (Value p : model.parameters()) {
            abs += Math.abs(p.data);
            squares += p.data * p.data;
        }
        return loss.value(scores, loss.targets(data)) + l1 * abs + l2 * squares;
    }

    @Test
    void everyCellIsTheTrainersLossThereAndTheArrowIsBackwards() {
        for (String hash : HASHES) {
            Session s = new Session(Settings.fromHash(hash).settings);
            for (int k = 0; k < 5; k++) {
                s.step();
            }
            Trainer t = s.trainer();
            int n = t.model.parameters().size();
            int i = 1;
            int j = n - 2;
            double[] live = t.model.parameters().stream().mapToDouble(p -> p.data).toArray();
            Downhill d = new Downhill(21);
            d.select(i, j);
            d.finish(t);
            assertTrue(d.done(t), hash);
            PairGrid g = d.grid();
            double worst = 0;
            for (int row = 0; row < 21; row += 4) {
                for (int col = 0; col < 21; col += 5) {
                    MLP copy = s.model().copy();
                    copy.parameters().get(i).data = g.first(col);
                    copy.parameters().get(j).data = g.second(row);
                    double plain = snapshotLoss(copy, s.train(), t.loss, t.l1, t.l2);
                    double graph = scalarLoss(copy, s.train(), t.loss, t.l1, t.l2).data;
                    double cell = g.cell(row, col);
                    assertEquals(plain, cell, 1e-12 * Math.max(1, Math.abs(plain)), hash + " cell " + row + "," + col);
                    assertEquals(graph, cell, 1e-12 * Math.max(1, Math.abs(graph)), hash + " cell " + row + "," + col);
                    worst = Math.max(worst, Math.abs(graph - cell));
                }
            }
            MLP copy = s.model().copy();
            Value total = scalarLoss(copy, s.train(), t.loss, t.l1, t.l2);
            copy.zeroGrad();
            total.backward();
            double gi = copy.parameters().get(i).grad;
            double gj = copy.parameters().get(j).grad;
            assertEquals(gi, g.gradientFirst(), 1e-11 * Math.max(1, Math.abs(gi)), hash);
            assertEquals(gj, g.gradientSecond(), 1e-11 * Math.max(1, Math.abs(gj)), hash);
            assertEquals(-t.currentLearningRate() * g.gradientFirst(), g.stepFirst(), 0);
            assertEquals(total.data, d.landscape().value, 1e-12 * Math.max(1, total.data), hash);
            assertArrayEquals(live, t.model.parameters().stream().mapToDouble(p -> p.data).toArray(), 0, hash + ": the live model");
            System.out.printf("%s: cells against the scalar graph, largest difference %.1e; arrow (%.5f, %.5f)%n",
                    hash, worst, g.gradientFirst(), g.gradientSecond());
        }
    }

    @Test
    void theForecastIsTheLossAfterOneRealStep() {
        for (String hash : new String[] {HASHES[0], HASHES[1], HASHES[3] + "&features=x,y,xy", HASHES[5]}) {
            Session s = new Session(Settings.fromHash(hash).settings);
            Trainer t = s.trainer();
            Downhill d = new Downhill();
            d.finish(t);
            double forecast = d.nextLoss();
            assertEquals(forecast, d.line().values()[d.line().rateSample()], 0, hash + ": the line at lr");
            assertTrue(d.nextText().startsWith("next step (plain SGD, full batch): loss "), d.nextText());
            s.step();
            double after = snapshotLoss(s.model(), s.train(), t.loss, t.l1, t.l2);
            assertEquals(after, forecast, 1e-12 * Math.max(1, after), hash);
            assertTrue(d.landscape().stale(t), "the step moved the weights");
            assertTrue(d.frame(t), "so the next frame remaps");
        }
    }

    @Test
    void theLessonsExampleIsMappedOnItsScalarPath() {
        ClassicExample ex = new ClassicExample();
        Trainer t = ex.trainer;
        Downhill d = new Downhill(21);
        d.select(0, 40);
        d.finish(t);
        assertEquals(new String[] {"w[0][0][0]", "b[2][0]"}[1], d.names(t)[1]);
        assertEquals("w[0][0][0]", d.names(t)[0]);
        PairGrid g = d.grid();
        for (int[] cell : new int[][] {{0, 0}, {10, 10}, {3, 17}, {20, 20}}) {
            MLP copy = ex.model.copy();
            copy.parameters().get(0).data = g.first(cell[1]);
            copy.parameters().get(40).data = g.second(cell[0]);
            List<Value> outputs = new ArrayList<>();
            for (double[] x : ClassicExample.XS) {
                outputs.addAll(copy.forward(x));
            }
            double l = Loss.SUM_SQUARED.of(outputs, ClassicExample.YS).data;
            assertEquals(l, g.cell(cell[0], cell[1]), 1e-12 * Math.max(1, l));
        }
        MLP copy = ex.model.copy();
        List<Value> outputs = new ArrayList<>();
        for (double[] x : ClassicExample.XS) {
            outputs.addAll(copy.forward(x));
        }
        Value total = Loss.SUM_SQUARED.of(outputs, ClassicExample.YS);
        total.backward();
        assertEquals(copy.parameters().get(0).grad, g.gradientFirst(), 0, "the scalar path's backward(), exactly");
        double forecast = d.nextLoss();
        ex.step();
        assertEquals(ex.loss(), forecast, 1e-12);
    }

    @Test
    void thePathFollowsThePairAndStartsAfreshOnAResetOrANewPair() {
        Session s = new Session(Settings.fromHash("points=60").settings);
        Downhill d = new Downhill();
        d.select(2, 3);
        d.afterStep(s.trainer());
        for (int k = 0; k < 510; k++) {
            s.step();
            d.afterStep(s.trainer());
            d.afterStep(s.trainer()); // no new step: nothing added
        }
        PairPath path = d.path();
        assertEquals(PairPath.LENGTH, path.size(), "the last 500 steps");
        assertEquals(s.model().parameters().get(2).data, path.first(path.size() - 1), 0);
        assertEquals(s.model().parameters().get(3).data, path.second(path.size() - 1), 0);
        d.select(2, 4);
        d.afterStep(s.trainer());
        assertEquals(1, path.size(), "a new pair starts afresh");
        Trainer before = s.trainer();
        s.reset();
        assertNotSame(before, s.trainer());
        d.afterStep(s.trainer());
        assertEquals(1, path.size(), "a reset starts afresh");
        assertEquals(s.model().parameters().get(2).data, path.first(0), 0);
    }

    @Test
    void aDivergedRunGivesItsMessageNotAnException() {
        Session s = new Session(new Settings());
        Trainer t = s.trainer();
        t.model.parameters().get(0).data = Double.NaN;
        Downhill d = new Downhill();
        d.frame(t);
        assertTrue(d.landscape().diverged());
        assertEquals("a parameter is not finite (NaN): reset or lower the learning rate", d.nextText());
        assertTrue(d.grid().done() && d.line().done());
        assertFalse(d.frame(t), "nothing to compute, and no remapping every frame");
        assertEquals(0, d.grid().levels().levels.length);
    }

    @Test
    void aSelectionBeyondASmallerNetworkFallsBackToTheFirstTwo() {
        Session s = new Session(Settings.fromHash("layers=1").settings);
        Downhill d = new Downhill(5);
        d.select(1, 500);
        d.frame(s.trainer());
        assertEquals(0, d.first());
        assertEquals(1, d.second());
    }

    /** The grid's cost at default settings, 41×41: a figure printed, not a timed assertion. */
    @Test
    void theDefaultGridsCost() {
        Session s = new Session(new Settings());
        Trainer t = s.trainer();
        Downhill warm = new Downhill();
        warm.finish(t);
        long best = Long.MAX_VALUE;
        long longest = 0;
        int frames = 0;
        for (int r = 0; r < 5; r++) {
            Downhill d = new Downhill();
            long t0 = System.nanoTime();
            long slowest = 0;
            frames = 0;
            for (long f0 = t0; d.frame(t); f0 = System.nanoTime()) {
                slowest = Math.max(slowest, System.nanoTime() - f0);
                frames++;
            }
            if (System.nanoTime() - t0 < best) {
                best = System.nanoTime() - t0;
                longest = slowest;
            }
        }
        PairGrid g = warm.grid();
        System.out.printf("downhill at default settings (%s, %d points): one loss %,d multiply-adds; the 41×41 grid %,d"
                        + " (%d cells per slice of at most %,d) and the 61-sample line %,d; %d frames, %.1f ms in all on the JVM, the longest frame %.1f ms%n",
                Names.parameterSum(t.model), t.size(), g.landscape.cost, g.work(), g.samplesPerSlice(), Sweep.WORK_PER_SLICE,
                warm.line().work(), frames, best / 1e6, longest / 1e6);
        assertTrue(g.workPerSlice() <= Sweep.WORK_PER_SLICE);
    }
}

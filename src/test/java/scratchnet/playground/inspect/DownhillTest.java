package scratchnet.playground.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;
import scratchnet.io.Format;
import scratchnet.playground.Playground;
import scratchnet.playground.picture.HeatMap;
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
            Downhill d = new Downhill(() -> t, 21);
            d.choose(i, j);
            d.finish();
            assertTrue(d.done(), hash);
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
            Downhill d = new Downhill(() -> t);
            d.finish();
            double forecast = d.landscape().nextStepLoss(); // the regularised loss the map and the line show
            assertEquals(forecast, d.line().values()[d.line().rateSample()], 0, hash + ": the line at lr");
            assertTrue(d.nextText().startsWith(scratchnet.io.Format.fixed(d.nextLoss(), 4) + ": the train loss after the next step"), d.nextText());
            s.step();
            double after = snapshotLoss(s.model(), s.train(), t.loss, t.l1, t.l2);
            assertEquals(after, forecast, 1e-12 * Math.max(1, after), hash);
            double unregularised = snapshotLoss(s.model(), s.train(), t.loss, 0, 0);
            assertEquals(unregularised, d.nextLoss(), 1e-12 * Math.max(1, after), hash + ": the text's number, the train loss");
            assertTrue(d.landscape().stale(t), "the step moved the weights");
            assertTrue(d.advance(), "so the next frame remaps");
        }
    }

    @Test
    void theLessonsExampleIsMappedOnItsScalarPath() {
        ClassicExample ex = new ClassicExample();
        Trainer t = ex.trainer;
        Downhill d = new Downhill(() -> t, 21);
        d.choose(0, 40);
        d.finish();
        assertEquals("b[2][0]", d.pairNames()[1]);
        assertEquals("w[0][0][0]", d.pairNames()[0]);
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
        Downhill d = new Downhill(s::trainer);
        d.choose(2, 3);
        d.afterStep();
        for (int k = 0; k < 510; k++) {
            s.step();
            d.afterStep();
            d.afterStep(); // no new step: nothing added
        }
        PairPath path = d.path();
        assertEquals(PairPath.LENGTH, path.size(), "the last 500 steps");
        assertEquals(s.model().parameters().get(2).data, path.first(path.size() - 1), 0);
        assertEquals(s.model().parameters().get(3).data, path.second(path.size() - 1), 0);
        d.choose(2, 4);
        d.afterStep();
        assertEquals(1, path.size(), "a new pair starts afresh");
        Trainer before = s.trainer();
        s.reset();
        assertNotSame(before, s.trainer());
        d.afterStep();
        assertEquals(1, path.size(), "a reset starts afresh");
        assertEquals(s.model().parameters().get(2).data, path.first(0), 0);
    }

    @Test
    void aDivergedRunGivesItsMessageNotAnException() {
        Session s = new Session(new Settings());
        Trainer t = s.trainer();
        t.model.parameters().get(0).data = Double.NaN;
        Downhill d = new Downhill(() -> t);
        d.advance();
        assertTrue(d.landscape().diverged());
        assertEquals("— a parameter is not finite (NaN): reset or lower the learning rate", d.nextText());
        assertTrue(d.grid().done() && d.line().done());
        assertFalse(d.advance(), "nothing to compute, and no remapping every frame");
        assertEquals(0, d.grid().levels().levels.length);
    }

    @Test
    void aSelectionBeyondTheNetworkIsKeptInside() {
        Session s = new Session(Settings.fromHash("layers=1").settings);
        Downhill d = new Downhill(s::trainer, 5);
        d.choose(1, 500);
        d.advance();
        int last = s.model().parameters().size() - 1;
        assertArrayEquals(new int[] {1, last}, d.pair(), "beyond the network: its last");
        d.choose(last, last);
        assertArrayEquals(new int[] {last, 0}, d.pair(), "the same twice: the next, round to the first");
    }

    /** The grid's cost at default settings, 41×41: a figure printed, not a timed assertion. */
    @Test
    void theDefaultGridsCost() {
        Session s = new Session(new Settings());
        Trainer t = s.trainer();
        Downhill warm = new Downhill(() -> t);
        warm.finish();
        long best = Long.MAX_VALUE;
        long longest = 0;
        int frames = 0;
        for (int r = 0; r < 5; r++) {
            Downhill d = new Downhill(() -> t);
            long t0 = System.nanoTime();
            long slowest = 0;
            frames = 0;
            for (long f0 = t0; d.advance(); f0 = System.nanoTime()) {
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

    // ---- on the page's own Playground: the forecast against the readout, the link's choice ----

    private static Downhill mapped(Playground p) {
        Downhill d = p.inspector().downhill();
        for (int i = 0; i < 10_000 && !d.done(); i++) {
            d.advance();
        }
        assertTrue(d.done());
        return d;
    }

    @Test
    void theForecastIsTheTrainLossTheNextStepShows() {
        for (String hash : new String[] {"", "#l2=0.01&l1=0.001", "#data=spiral&classes=3&loss=ce&output=linear",
                "#loss=hinge", "#data=plane&output=linear", "#features=x,y,x2&standardize=1", "#lesson=1",
                "#activation=relu", "#activation=sigmoid&layers=4", "#optimizer=adam", "#batch=10", "#optimizer=momentum",
                "#dropout=0.2"}) {
            Playground p = new Playground(hash);
            for (int k = 0; k < 3; k++) {
                p.step();
            }
            Downhill d = mapped(p);
            double forecast = d.nextLoss();
            assertTrue(d.nextText().startsWith(Format.fixed(forecast, 4) + ": the train loss after "), d.nextText());
            p.step();
            if (hash.contains("adam") || hash.contains("batch") || hash.contains("momentum") || hash.contains("dropout")) {
                assertTrue(d.nextText().contains("plain-SGD step on the full batch"), hash + ": " + d.nextText());
                assertEquals(hash.contains("dropout"), d.nextText().contains("the loss without dropout"), d.nextText());
            } else {
                assertEquals(forecast, p.readout().trainLoss, 0, hash + ": the forecast is what the readout shows after the step");
                assertEquals(p.readout().trainLossText(), Format.fixed(forecast, 4), hash);
                assertFalse(d.nextText().contains("plain-SGD step on"), d.nextText());
            }
        }
    }

    @Test
    void playingNeverBlanksTheMapButTheForecastFollowsEachStep() {
        Playground p = new Playground("");
        Downhill d = mapped(p);
        for (int frame = 0; frame < 200; frame++) { // a step a frame, as playing: the map never waits whole
            p.step();
            d.advance();
            for (int px : d.pixels()) {
                assertNotEquals(HeatMap.abgr(Surface.PENDING), px, "frame " + frame + ": the last whole map is shown");
            }
            if (d.mappedStep() == p.steps()) {
                assertTrue(d.nextText().contains(" at step " + p.steps()), d.nextText());
            }
        }
        assertTrue(d.mappedStep() > 100, "remapped along the way: at step " + d.mappedStep());
    }

    @Test
    void everyActivationsForecastIsItsNextStepsTrainLoss() {
        for (scratchnet.nn.Activation a : scratchnet.nn.Activation.values()) {
            Playground p = new Playground("#activation=" + a.label + "&output=linear&lr=0.05");
            p.step();
            Downhill d = mapped(p);
            double forecast = d.nextLoss();
            p.step();
            assertEquals(forecast, p.readout().trainLoss, 0, a.label);
        }
    }

    @Test
    void theMapIsRemadeOnlyWhenTheWeightsMoveAndThePathFollowsEachStep() {
        Playground p = new Playground("");
        Downhill d = mapped(p);
        assertFalse(d.advance(), "nothing moved: nothing to redo");
        int[] pixels = d.pixels();
        assertEquals(d.side() * d.side(), pixels.length);
        for (int px : pixels) {
            assertNotEquals(HeatMap.abgr(Surface.PENDING), px, "every cell computed");
        }
        assertTrue(d.contours().length > 0, "contour lines");
        assertEquals(2, d.pathPoints().length, "one point: where the weights are");
        for (int k = 0; k < 3; k++) {
            p.step();
            assertFalse(d.done(), "a step makes it stale");
        }
        p.train(() -> 0); // a frame's steps (2 at the default speed), each recorded
        mapped(p);
        double[] path = d.pathPoints();
        assertEquals(12, path.length, "six points: the start and five steps");
        assertEquals(0.5, path[10], 1e-12, "the last is where the weights are: the middle");
        assertEquals(0.5, path[11], 1e-12);
        p.reset();
        mapped(p);
        assertEquals(2, d.pathPoints().length, "a reset starts the path over");
        p.set("p1", "5");
        p.set("p2", "9");
        assertTrue(p.link().contains("p1=5") && p.link().contains("p2=9"), p.link());
        d = mapped(p);
        assertEquals("b[0][1]", d.pairNames()[0]);
        assertEquals("w[0][3][0]", d.pairNames()[1]);
        assertTrue(d.axesText().startsWith("b[0][1] across, "), d.axesText());
        Playground reopened = new Playground("#" + p.link());
        assertArrayEquals(new int[] {5, 9}, reopened.inspector().downhill().pair(), "the pair is in the link");
        p.set("p1", "3");
        p.set("p2", "3");
        assertArrayEquals(new int[] {3, 4}, p.inspector().downhill().pair(), "the same twice: the next one");
    }

    @Test
    void theArrowsAreTheGradientAndTheStep() {
        Playground p = new Playground("");
        p.step();
        Downhill d = mapped(p);
        double[] up = d.uphill();
        double[] step = d.step();
        double ux = up[0] - 0.5;
        double uy = up[1] - 0.5;
        double sx = step[0] - 0.5;
        double sy = step[1] - 0.5;
        assertTrue(ux * sx + uy * sy < 0, "downhill is against uphill");
        assertEquals(0, ux * sy - uy * sx, 1e-9 * Math.hypot(ux, uy) * Math.hypot(sx, sy) + 1e-15, "along one line");
        // the arrow's direction is backward()'s gradient of the pair, y up on the map
        double gx = d.grid().gradientFirst();
        double gy = d.grid().gradientSecond();
        assertEquals(gx / Math.hypot(gx, gy), ux / Math.hypot(ux, uy), 1e-12);
        assertEquals(gy / Math.hypot(gx, gy), -uy / Math.hypot(ux, uy), 1e-12);
        // the step's end is −lr·g on the map's scale: half the map is the grid's radius
        double half = 0.5 - 0.5 / d.side(); // ±radius at the first and last cells' centres
        assertEquals(-p.inspector().trainer().currentLearningRate() * gx, sx / half * d.grid().radius, 1e-12);
    }

    @Test
    void aDivergedRunSaysSoInTheView() {
        Playground p = new Playground("#lr=10&data=spiral");
        for (int k = 0; k < 200 && p.diverged() == null; k++) {
            p.step();
        }
        p.inspector().model().parameters().get(0).data = Double.NaN; // diverged, whether the steps got there or not
        Downhill d = mapped(p);
        assertTrue(d.problem().startsWith("a parameter is not finite (NaN)"), d.problem());
        assertTrue(d.nextText().startsWith("— a parameter is not finite"), d.nextText());
        assertNull(d.uphill());
        assertNull(d.lineValues(), "no line either");
        assertEquals(0, d.pathPoints().length);
        for (int px : d.pixels()) {
            assertEquals(HeatMap.abgr(Surface.PENDING), px, "no picture, the message instead");
        }
    }

    @Test
    void aLossSpanningOrdersOfMagnitudeIsColouredInLog() {
        // a regression loss over a wide square: from near zero at the fit to far larger at the edges
        Playground p = new Playground("#data=plane&output=linear&layers=&noise=0&lr=0.1");
        for (int k = 0; k < 2000; k++) {
            p.step();
        }
        Downhill d = mapped(p);
        var levels = d.grid().levels();
        assertTrue(levels.max / levels.min > 100, levels.min + " .. " + levels.max);
        assertTrue(d.logScale());
        assertTrue(d.axesText().contains("spaced in log"), d.axesText());
    }
}

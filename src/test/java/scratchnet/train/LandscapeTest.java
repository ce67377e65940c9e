package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;

/** The landscape's loss, gradient, forecast and sweeps, against the trainer and the scalar graph. */
class LandscapeTest {
    static Trainer trainer(Shape shape, int classes, Loss loss, Activation output, double l1, double l2) {
        Dataset data = Dataset.generate(shape, 60, 0.1, classes, new Rng(3));
        int k = loss == Loss.CROSS_ENTROPY ? classes : 1;
        MLP model = new MLP(Features.XY, new int[] {6, 5, k}, Activation.TANH, output, new Rng(5));
        Trainer t = new Trainer(model, data, loss, new Optimizer.Sgd(), new Rng(7));
        t.learningRate = 0.3;
        t.l1 = l1;
        t.l2 = l2;
        return t;
    }

    static List<Trainer> trainers() {
        List<Trainer> all = new ArrayList<>();
        all.add(trainer(Shape.MOONS, 2, Loss.MEAN_SQUARED, Activation.TANH, 0.003, 0.01));
        all.add(trainer(Shape.SPIRAL, 3, Loss.CROSS_ENTROPY, Activation.LINEAR, 0.002, 0.004));
        all.add(trainer(Shape.CIRCLES, 2, Loss.HINGE, Activation.LINEAR, 0, 0.01));
        all.add(trainer(Shape.MOONS, 2, Loss.SUM_SQUARED, Activation.TANH, 0.01, 0));
        Trainer scalar = trainer(Shape.XOR, 2, Loss.MEAN_SQUARED, Activation.TANH, 0.001, 0.002);
        scalar.batched = false;
        all.add(scalar);
        return all;
    }

    /** The loss at the live model's weights, recomputed from the data's points with the scalar graph. */
    static Value scalarLoss(MLP model, Dataset data, Loss loss, double l1, double l2) {
        List<Value> outputs = new ArrayList<>();
        for (Point p : data.points) {
            outputs.addAll(model.forward(p.x, p.y));
        }
        Value total = loss.of(outputs, loss.targets(data));
        List<Value> params = model.parameters();
        return total.add(Loss.l2(params, l2)).add(Loss.l1(params, l1));
    }

    static double[] data(MLP model) {
        return model.parameters().stream().mapToDouble(p -> p.data).toArray();
    }

    @Test
    void theGradientIsBackwardsAndTheForecastIsTheRealStep() {
        for (Trainer t : trainers()) {
            String name = t.loss.label + (t.batched ? "" : " (scalar path)");
            Landscape land = Landscape.of(t);
            assertNull(land.problem(), name);
            // backward() on a fresh scalar graph of a copy
            MLP copy = t.model.copy();
            Value total = scalarLoss(copy, t.data(), t.loss, t.l1, t.l2);
            copy.zeroGrad();
            total.backward();
            assertEquals(total.data, land.value, 1e-12 * Math.max(1, total.data), name + ": the loss");
            double worst = 0;
            for (int p = 0; p < land.parameters(); p++) {
                double g = copy.parameters().get(p).grad;
                worst = Math.max(worst, Math.abs(g - land.gradient(p)));
                assertEquals(g, land.gradient(p), 1e-11 * Math.max(1, Math.abs(g)), name + ": ∂L/∂p" + p);
            }
            System.out.printf("%s: the gradient against a fresh scalar graph: largest difference %.1e%n", name, worst);

            GradientLine line = new GradientLine(land);
            line.finish();
            double next = land.nextStepLoss();
            assertEquals(next, line.values()[line.rateSample()], 0, name + ": the line's sample at lr");
            assertEquals(land.learningRate, line.stepSize(line.rateSample()), 0);
            assertEquals(land.value, line.values()[0], 0, name + ": s = 0 is the current loss");

            // One real step of the trainer (full batch, plain SGD), then the loss at its weights.
            t.step();
            double[] after = data(t.model);
            for (int p = 0; p < after.length; p++) {
                assertEquals(land.at(p) - land.learningRate * land.gradient(p), after[p], 0, name + ": the step's p" + p);
            }
            double real = Landscape.of(t).value;
            assertEquals(real, next, 0, name + ": the forecast is the loss after the step");
            assertEquals(scalarLoss(t.model.copy(), t.data(), t.loss, t.l1, t.l2).data, next, 1e-12, name);
        }
    }

    @Test
    void theLiveModelIsLeftBitForBit() {
        Trainer t = trainers().get(0);
        t.step(); // grads set: they must stay too
        List<Value> live = t.model.parameters();
        double[] data = data(t.model);
        double[] grads = live.stream().mapToDouble(p -> p.grad).toArray();
        Landscape land = Landscape.of(t);
        new PairGrid(land, 0, 5, 21).finish();
        new GradientLine(land).finish();
        land.nextStepLoss();
        land.lossAt(new double[land.parameters()]);
        for (int p = 0; p < live.size(); p++) {
            assertEquals(Double.doubleToRawLongBits(data[p]), Double.doubleToRawLongBits(live.get(p).data));
            assertEquals(Double.doubleToRawLongBits(grads[p]), Double.doubleToRawLongBits(live.get(p).grad));
        }
        assertFalse(land.stale(t));
        t.step();
        assertTrue(land.stale(t), "the weights moved");
        Landscape again = Landscape.of(t);
        t.l2 = 0.5;
        assertTrue(again.stale(t), "the regularisation changed");
    }

    @Test
    void slicedIsOneGoBitForBitAndEachCellIsTheLossThere() {
        Trainer t = trainers().get(1);
        Landscape land = Landscape.of(t);
        PairGrid oneGo = new PairGrid(land, 3, 20, 21);
        oneGo.slice(oneGo.count());
        assertTrue(oneGo.advance());
        PairGrid sliced = new PairGrid(land, 3, 20, 21);
        sliced.slice(7);
        GradientLine line = new GradientLine(land); // interleaved with the grid's slices: they share the copy
        line.slice(5);
        int slices = 0;
        while (!sliced.advance()) {
            slices++;
            line.advance();
            assertEquals(Math.min(sliced.count(), 7 * slices), sliced.computed());
            assertEquals(sliced.computed() / 21, sliced.rowsDone());
        }
        line.finish();
        assertEquals(441 / 7 - 1, slices);
        assertArrayEquals(oneGo.values(), sliced.values(), 0);
        GradientLine alone = new GradientLine(land);
        alone.finish();
        assertArrayEquals(alone.values(), line.values(), 0);
        double[] theta = land.at();
        for (int row = 0; row < 21; row += 5) {
            for (int col = 0; col < 21; col += 4) {
                theta[3] = sliced.first(col);
                theta[20] = sliced.second(row);
                assertEquals(land.lossAt(theta), sliced.cell(row, col), 0);
            }
        }
        assertEquals(land.value, sliced.cell(10, 10), 0, "the middle cell is the current weights");
        assertEquals(land.at(3), sliced.first(10), 0);
        assertEquals(land.at(3) - sliced.radius, sliced.first(0), 1e-15);
        assertEquals(land.at(20) + sliced.radius, sliced.second(20), 1e-15);
        assertEquals(-land.learningRate * land.gradient(20), sliced.stepSecond(), 0);
        assertEquals(land.gradient(3), sliced.gradientFirst(), 0);
    }

    @Test
    void theWorkPerSliceIsBounded() {
        Dataset data = Dataset.generate(Shape.MOONS, 1000, 0.1, new Rng(3));
        MLP big = new MLP(Features.XY, new int[] {32, 32, 32, 32, 32, 32, 1}, Activation.TANH, Activation.TANH, new Rng(5));
        Trainer t = new Trainer(big, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), new Rng(7));
        Landscape land = Landscape.of(t);
        PairGrid grid = new PairGrid(land, 0, 1, 41);
        assertEquals(1000L * (2 * 32 + 5 * 32 * 32 + 32 + Landscape.ACTIVATION_COST * (6 * 32 + 1)) + big.parameters().size(), land.cost);
        assertEquals(1, grid.samplesPerSlice(), "one loss is more than a slice's budget: one cell per slice");
        assertEquals(land.cost, grid.workPerSlice());
        Landscape small = Landscape.of(trainers().get(0));
        PairGrid smallGrid = new PairGrid(small, 0, 1, 41);
        assertEquals(Math.min(41 * 41, Sweep.WORK_PER_SLICE / small.cost), smallGrid.samplesPerSlice());
        assertTrue(smallGrid.workPerSlice() <= Sweep.WORK_PER_SLICE, smallGrid.workPerSlice() + " multiply-adds per slice");
        grid.advance();
        assertEquals(grid.samplesPerSlice(), grid.computed());
        System.out.printf("six layers of 32, 1000 points: one loss %,d multiply-adds, %d cells per slice (%,d), a 41×41 grid %,d%n",
                land.cost, grid.samplesPerSlice(), grid.workPerSlice(), grid.work());
    }

    @Test
    void theRadiusCoversTheWeightsTheNextStepsAndHalfAUnit() {
        Trainer t = trainers().get(0);
        Landscape land = Landscape.of(t);
        for (int[] pair : new int[][] {{0, 1}, {2, 17}, {30, 41}}) {
            double r = PairGrid.radius(land, pair[0], pair[1]);
            assertTrue(r >= 0.5 && r >= Math.abs(land.at(pair[0])) && r >= Math.abs(land.at(pair[1])));
            assertTrue(r >= 3 * land.learningRate * Math.abs(land.gradient(pair[0])));
            assertTrue(r >= 3 * land.learningRate * Math.abs(land.gradient(pair[1])));
        }
        assertThrows(IllegalArgumentException.class, () -> new PairGrid(land, 4, 4, 21));
        assertThrows(IllegalArgumentException.class, () -> new PairGrid(land, 0, 999, 21));
        assertThrows(IllegalArgumentException.class, () -> new PairGrid(land, 0, 1, 1));
    }

    @Test
    void aDivergedRunSaysSoAndMapsNothing() {
        Trainer t = trainers().get(0);
        t.model.parameters().get(4).data = Double.NaN;
        Landscape land = Landscape.of(t);
        assertTrue(land.diverged());
        assertEquals(Landscape.Problem.PARAMETER, land.problem());
        assertTrue(Double.isNaN(land.problemValue()));
        PairGrid grid = new PairGrid(land, 0, 1, 21);
        assertTrue(grid.done());
        assertTrue(grid.advance());
        assertTrue(Double.isNaN(grid.values()[0]) && Double.isNaN(grid.radius));
        assertEquals(0, grid.levels().levels.length);
        assertTrue(Double.isNaN(land.nextStepLoss()));
        GradientLine line = new GradientLine(land);
        assertTrue(line.done());
        assertFalse(land.stale(t), "NaN equals NaN: a diverged run is not remapped every frame");

        Dataset data = Dataset.generate(Shape.PLANE, 40, 0.1, new Rng(3));
        MLP model = new MLP(Features.XY, new int[] {3, 1}, Activation.LINEAR, Activation.LINEAR, new Rng(5));
        model.parameters().get(0).data = 1e300;
        Trainer huge = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), new Rng(7));
        Landscape inf = Landscape.of(huge);
        assertTrue(inf.diverged());
        assertEquals(Landscape.Problem.LOSS, inf.problem());
        assertEquals(Double.POSITIVE_INFINITY, inf.problemValue());
        assertTrue(new PairGrid(inf, 0, 1, 11).done());
    }

    @Test
    void contourLevelsAreQuantilesOrLogSpaced() {
        double[] even = new double[101];
        for (int i = 0; i < even.length; i++) {
            even[i] = 10 + i;
        }
        ContourLevels q = ContourLevels.of(even, 10);
        assertFalse(q.logScale);
        assertEquals(10, q.levels.length);
        assertEquals(10 + Math.round(100.0 / 11), q.levels[0], 0);
        double[] wide = {0.01, 0.1, 1, 10, 100, Double.NaN, Double.POSITIVE_INFINITY};
        ContourLevels log = ContourLevels.of(wide, 3);
        assertTrue(log.logScale);
        assertEquals(0.01, log.min, 0);
        assertEquals(100, log.max, 0);
        assertArrayEquals(new double[] {0.1, 1, 10}, log.levels, 1e-12);
        assertEquals(0, ContourLevels.of(new double[] {2, 2, 2}, 10).levels.length, "a flat map has none");
        assertFalse(ContourLevels.of(new double[] {0, 1, 1000}, 10).logScale, "min 0: no log");
    }
}

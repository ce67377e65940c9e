package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.io.Json;
import scratchnet.nn.MLP;

/**
 * The benchmark's downhill case (src/bench/workloads/downhill.json, timed by scripts/bench): W1
 * after its 100 reference steps, the 41×41 {@link PairGrid} of parameters 0 and 1 and the 61
 * samples of the {@link GradientLine}. Its reference checksum is computed here two independent
 * ways, by the sweeps (plain doubles, {@code Snapshot.outputs}) and by a fresh scalar {@link Value}
 * graph per cell ({@code model.forward} on a copy, gradient from its own {@code backward()}), and
 * both must match the numbers the file stores, which every benchmark target must reproduce.
 */
class DownhillWorkloadTest {
    private static final Path FILE = Path.of("src/bench/workloads/downhill.json");
    /** The scalar graph and the sweeps sum in different orders: rounding only. */
    private static final double AGREE = 1e-12;

    @Test
    void theSweepsAndTheScalarGraphAgreeWithTheStoredReference() throws Exception {
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(FILE));
        Map<?, ?> reference = (Map<?, ?>) json.get("reference");
        int first = integer(json.get("first")), second = integer(json.get("second")), size = integer(json.get("size"));
        double tolerance = (Double) json.get("tolerance");
        assertEquals("W1", json.get("workload"));
        assertEquals(1e-9, tolerance, 0, "the tolerance the README states");

        Trainer trainer = WorkloadTest.workload("W1", true);
        for (int s = 0; s < 100; s++) {
            trainer.step();
        }

        // One way: the sweeps, slice by slice, as the page and the benchmark run them.
        Landscape land = Landscape.of(trainer);
        PairGrid grid = new PairGrid(land, first, second, size);
        GradientLine line = new GradientLine(land);
        int slices = 0;
        while (!grid.advance()) {
            slices++;
        }
        while (!line.advance()) {
            slices++;
        }
        slices += 2;
        double[] cells = grid.values();
        double[] samples = line.values();

        // The other: a scalar graph of a copy per cell, from the points, with its own gradient.
        MLP copy = trainer.model.copy();
        List<Value> params = copy.parameters();
        Value atTheWeights = scalarLoss(copy, trainer);
        copy.zeroGrad();
        atTheWeights.backward();
        double[] theta = new double[params.size()];
        double[] g = new double[params.size()];
        for (int p = 0; p < theta.length; p++) {
            theta[p] = params.get(p).data;
            g[p] = params.get(p).grad;
        }
        double lr = trainer.learningRate;
        double radius = Math.max(Math.max(Math.max(Math.abs(theta[first]), Math.abs(theta[second])),
                3 * lr * Math.max(Math.abs(g[first]), Math.abs(g[second]))), 0.5);
        assertEquals(radius, grid.radius, AGREE * radius, "the radius");
        double[] scalarCells = new double[size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                params.get(first).data = theta[first] + radius * (2 * col - (size - 1)) / (size - 1);
                params.get(second).data = theta[second] + radius * (2 * row - (size - 1)) / (size - 1);
                scalarCells[row * size + col] = scalarLoss(copy, trainer).data;
            }
        }
        double[] scalarSamples = new double[samples.length];
        for (int k = 0; k < samples.length; k++) {
            double s = lr * ((double) k / GradientLine.PER_RATE);
            for (int p = 0; p < theta.length; p++) {
                params.get(p).data = theta[p] - s * g[p];
            }
            scalarSamples[k] = scalarLoss(copy, trainer).data;
        }

        double worst = 0;
        for (int k = 0; k < cells.length; k++) {
            worst = Math.max(worst, Math.abs(cells[k] - scalarCells[k]) / Math.abs(scalarCells[k]));
        }
        for (int k = 0; k < samples.length; k++) {
            worst = Math.max(worst, Math.abs(samples[k] - scalarSamples[k]) / Math.abs(scalarSamples[k]));
        }
        System.out.printf("downhill: %d cells and %d line samples, in %d advance() slices of %d samples;"
                + " sweeps against the scalar graph: largest relative difference %.1e%n",
                cells.length, samples.length, slices, grid.samplesPerSlice(), worst);
        assertTrue(worst <= AGREE, "the sweeps and the scalar graph differ by " + worst + " (relative)");

        // The checksum, both ways, against the file.
        int middle = size / 2;
        System.out.println("downhill: sum " + sum(cells) + " (scalar graph " + sum(scalarCells) + "), line sum "
                + sum(samples) + " (scalar graph " + sum(scalarSamples) + ")");
        for (double[] both : new double[][] {cells, scalarCells}) {
            assertClose((Double) reference.get("sum"), sum(both), tolerance, "the sum of the cells");
        }
        for (double[] both : new double[][] {samples, scalarSamples}) {
            assertClose((Double) reference.get("lineSum"), sum(both), tolerance, "the sum of the line's samples");
        }
        for (Object o : (List<?>) reference.get("cells")) {
            List<?> cell = (List<?>) o;
            int row = integer(cell.get(0)), col = integer(cell.get(1));
            double stored = (Double) cell.get(2);
            System.out.println("downhill: cell (" + row + ", " + col + ") " + grid.cell(row, col) + " (scalar graph "
                    + scalarCells[row * size + col] + ")");
            assertClose(stored, grid.cell(row, col), tolerance, "cell (" + row + ", " + col + ")");
            assertClose(stored, scalarCells[row * size + col], tolerance, "cell (" + row + ", " + col + "), scalar graph");
        }
        // The middle cell is the loss at the trained weights, W1's reference.
        assertEquals(0.068528, cells[middle * size + middle], 1e-6, "the middle cell");
    }

    /** The mean squared error over the trainer's points, built as a scalar graph of {@code model}. */
    private static Value scalarLoss(MLP model, Trainer trainer) {
        List<Value> outputs = new ArrayList<>();
        for (Point p : trainer.data().points) {
            outputs.addAll(model.forward(p.x, p.y));
        }
        return Loss.MEAN_SQUARED.of(outputs, trainer.targets(Loss.MEAN_SQUARED));
    }

    private static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.abs(expected),
                what + ": " + actual + ", the reference " + expected + " ± " + relative + " relative");
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static int integer(Object o) {
        return ((Double) o).intValue();
    }
}

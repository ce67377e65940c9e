package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.io.Json;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;

/**
 * The benchmark's workloads train to the peers' reference results, on both engines: a golden test
 * of the core against the peers. It reads the very files scripts/bench times (src/bench/workloads,
 * from the project folder, surefire's working directory) and trains them as their README states:
 * tanh on every layer, mean squared error, plain SGD, full batch. Core classes only: the
 * benchmark's code is built by the bench profile alone.
 */
class WorkloadTest {
    private static final Path WORKLOADS = Path.of("src/bench/workloads");

    @Test
    void w1ReachesTheReferenceLossAndAccuracy() throws Exception {
        assertReference("W1", true, 0.068528, 1e-6, 0.99);
        assertReference("W1", false, 0.068528, 1e-6, 0.99);
    }

    @Test
    void w2ReachesTheReferenceLossAndAccuracy() throws Exception {
        assertReference("W2", true, 0.06845, 1e-5, 0.99);
    }

    /**
     * W3: three classes, linear logits, mean softmax cross-entropy. Its reference, which two
     * independent float64 implementations agree on, is given to 10 digits, before and after training.
     */
    @Test
    void w3ReachesTheReferenceLossAndAccuracyOnBothEngines() throws Exception {
        Trainer untrained = workload("W3", true);
        Trainer.Result initial = untrained.forward();
        assertEquals(1.2679465391, initial.loss, 1e-10, "W3 initial loss");
        assertEquals(0.4, initial.accuracy, 1e-12, "W3 initial accuracy");
        assertReference("W3", true, 0.1968663975, 1e-10, 0.976667);
        assertReference("W3", false, 0.1968663975, 1e-10, 0.976667);
    }

    /**
     * A fresh trainer of workload {@code name}: its data and initial weights; for two classes tanh
     * everywhere and mean squared error, for more classes (W3) tanh hidden layers, linear logits
     * and softmax cross-entropy; plain SGD at its learning rate, full batch.
     */
    static Trainer workload(String name, boolean batched) throws Exception {
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(WORKLOADS.resolve(name + ".json")));
        double[][] x = rows(json.get("X"));
        double[] y = numbers(json.get("y"));
        List<?> ws = (List<?>) json.get("W");
        double[][][] w = new double[ws.size()][][];
        for (int l = 0; l < w.length; l++) {
            w[l] = rows(ws.get(l));
        }
        int classes = json.containsKey("classes") ? ((Double) json.get("classes")).intValue() : 2;
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            points.add(classes == 2 ? new Point(x[i][0], x[i][1], (int) y[i]) : Point.ofClass(x[i][0], x[i][1], (int) y[i]));
        }
        MLP model = MLP.withWeights(w, rows(json.get("B")), Activation.TANH, classes == 2 ? Activation.TANH : Activation.LINEAR);
        Trainer trainer = new Trainer(model, new Dataset(points, classes), classes == 2 ? Loss.MEAN_SQUARED
                : Loss.CROSS_ENTROPY, new Optimizer.Sgd(), new Rng(1));
        trainer.learningRate = (Double) json.get("lr");
        trainer.batchSize = 0;
        trainer.batched = batched;
        return trainer;
    }

    /** Trains workload {@code name} for its "steps", then compares the loss and accuracy over its data. */
    private static void assertReference(String name, boolean batched, double loss, double tolerance, double accuracy)
            throws Exception {
        Trainer trainer = workload(name, batched);
        Map<?, ?> json = (Map<?, ?>) Json.parse(Files.readString(WORKLOADS.resolve(name + ".json")));
        int steps = ((Double) json.get("steps")).intValue();
        for (int s = 0; s < steps; s++) {
            trainer.step();
        }

        // One more forward pass over the whole data: the loss and accuracy the reference states.
        Trainer.Result trained = trainer.forward();
        System.out.printf("%s %s after %d steps: loss %.8f accuracy %.4f%n",
                name, batched ? "batched" : "scalar ", steps, trained.loss, trained.accuracy);
        assertEquals(loss, trained.loss, tolerance, name + " loss");
        assertEquals(accuracy, trained.accuracy, 1e-6, name + " accuracy");
    }

    private static double[][] rows(Object list) {
        List<?> rows = (List<?>) list;
        double[][] a = new double[rows.size()][];
        for (int i = 0; i < a.length; i++) {
            a[i] = numbers(rows.get(i));
        }
        return a;
    }

    private static double[] numbers(Object list) {
        List<?> numbers = (List<?>) list;
        double[] a = new double[numbers.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (Double) numbers.get(i);
        }
        return a;
    }
}

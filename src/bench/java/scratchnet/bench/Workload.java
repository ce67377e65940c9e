package scratchnet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.io.Json;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

/**
 * A fixed benchmark workload (W1, W2, W3 in src/bench/workloads): the data, the initial weights and
 * the training settings the peers were measured with, read from its JSON file, plus the reference
 * result every correct implementation reproduces. Plain Java: the JVM benchmark and the browser
 * benchmark both build their trainers here, so both train exactly the same thing.
 *
 * <p>Model, as WorkloadTest builds it: two classes (W1, W2) have tanh on every layer and mean
 * squared error; more classes (W3: a {@code classes} entry in the file) have tanh hidden layers,
 * linear logits and mean softmax cross-entropy. Plain SGD, full batch.
 */
public final class Workload {
    /** The grid and view of the heat-map benchmark: 100 × 100 cells over [-1.5, 2.5] × [-1, 1.5]. */
    public static final int GRID = 100;
    public static final double[] VIEW = {-1.5, 2.5, -1.0, 1.5};

    public final String name;
    /** The number of steps the reference result is taken after. */
    public final int steps;
    public final double learningRate;
    /** The loss (the workload's loss over the data) after {@link #steps} updates, and its tolerance. */
    public final double referenceLoss;
    public final double lossTolerance;
    public final double referenceAccuracy;
    /** 2 (labels ±1, one output) or K > 2 (class indices 0 .. K−1, K logits). */
    public final int classes;
    private final double[][] x;   // n × 2
    private final double[] y;     // ±1 for two classes, else the class index
    private final double[][][] w; // w[l][out][in]
    private final double[][] b;   // b[l][out]

    private Workload(String name, Map<String, Object> json, double referenceLoss, double lossTolerance,
                     double referenceAccuracy) {
        this.name = name;
        this.steps = (int) number(json.get("steps"));
        this.learningRate = number(json.get("lr"));
        this.referenceLoss = referenceLoss;
        this.lossTolerance = lossTolerance;
        this.referenceAccuracy = referenceAccuracy;
        this.classes = json.containsKey("classes") ? (int) number(json.get("classes")) : 2;
        List<?> xs = (List<?>) json.get("X");
        List<?> ys = (List<?>) json.get("y");
        x = new double[xs.size()][];
        y = new double[ys.size()];
        for (int i = 0; i < x.length; i++) {
            List<?> row = (List<?>) xs.get(i);
            x[i] = new double[] {number(row.get(0)), number(row.get(1))};
            y[i] = number(ys.get(i));
        }
        List<?> ws = (List<?>) json.get("W");
        List<?> bs = (List<?>) json.get("B");
        w = new double[ws.size()][][];
        b = new double[bs.size()][];
        for (int l = 0; l < w.length; l++) {
            List<?> rows = (List<?>) ws.get(l);
            w[l] = new double[rows.size()][];
            for (int o = 0; o < w[l].length; o++) {
                w[l][o] = numbers((List<?>) rows.get(o));
            }
            b[l] = numbers((List<?>) bs.get(l));
        }
    }

    /**
     * Reads workload {@code name} ("W1", "W2" or "W3") from the text of its JSON file.
     *
     * @throws IllegalArgumentException for another name, or a file that is not a workload
     */
    public static Workload parse(String name, String jsonText) {
        Map<String, Object> json;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) Json.parse(jsonText);
            json = map;
        } catch (Json.JsonException | ClassCastException e) {
            throw new IllegalArgumentException(name + ": not a workload file: " + e.getMessage());
        }
        // The reference results the peers agreed on (see the bench README), to their printed digits.
        switch (name) {
            case "W1": return new Workload(name, json, 0.068528, 1e-6, 0.99);
            case "W2": return new Workload(name, json, 0.06845, 1e-5, 0.99);
            case "W3": return new Workload(name, json, 0.1968663975, 1e-10, 0.976667);
            default: throw new IllegalArgumentException("unknown workload " + name);
        }
    }

    /** A fresh model holding the workload's initial weights. */
    public MLP model() {
        return MLP.withWeights(w, b, Activation.TANH, classes == 2 ? Activation.TANH : Activation.LINEAR);
    }

    public Dataset data() {
        List<Point> points = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            points.add(classes == 2 ? new Point(x[i][0], x[i][1], y[i] > 0 ? 1 : -1)
                    : Point.ofClass(x[i][0], x[i][1], (int) y[i]));
        }
        return new Dataset(points, classes);
    }

    /** Mean squared error for two classes, mean softmax cross-entropy for more. */
    public Loss loss() {
        return classes == 2 ? Loss.MEAN_SQUARED : Loss.CROSS_ENTROPY;
    }

    /** A fresh trainer of a fresh model: full batch, the workload's loss, plain SGD. */
    public Trainer trainer(boolean batched) {
        Trainer t = new Trainer(model(), data(), loss(), new Optimizer.Sgd(), new Rng(1));
        t.learningRate = learningRate;
        t.batchSize = 0;
        t.batched = batched;
        return t;
    }

    /** A fresh trainer after {@link #steps} steps: the model the reference result is taken of. */
    public Trainer trained(boolean batched) {
        Trainer t = trainer(batched);
        for (int s = 0; s < steps; s++) {
            t.step();
        }
        return t;
    }

    /**
     * Trains a fresh model for {@link #steps} steps and returns {loss, accuracy} of the trained
     * model over the whole data (what the reference states).
     */
    public double[] train(boolean batched) {
        return evaluate(trained(batched).model);
    }

    /** {loss, accuracy} of {@code model} over the workload's data, computed without a graph. */
    public double[] evaluate(MLP model) {
        int k = model.nout();
        double[] scores = new double[x.length * k];
        Snapshot s = model.snapshot();
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(s.predict(x[i]), 0, scores, i * k, k);
        }
        return new double[] {loss().value(scores, y), Loss.accuracy(scores, y)};
    }

    /**
     * Null if {loss, accuracy} matches the reference, else a message saying how it differs. The
     * accuracy is compared to the reference's six printed digits (W3's 0.976667 is 293/300).
     */
    public String mismatch(double[] lossAndAccuracy) {
        double loss = lossAndAccuracy[0], accuracy = lossAndAccuracy[1];
        if (Math.abs(loss - referenceLoss) <= lossTolerance && Math.abs(accuracy - referenceAccuracy) < 1e-6) {
            return null;
        }
        return name + " after " + steps + " steps: loss " + loss + " accuracy " + accuracy
                + ", expected loss " + referenceLoss + " ± " + lossTolerance + " accuracy " + referenceAccuracy;
    }

    private static double number(Object o) {
        return ((Double) o).doubleValue();
    }

    private static double[] numbers(List<?> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = number(list.get(i));
        }
        return a;
    }
}

package scratchnet.playground;

import java.util.Arrays;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

/**
 * What the playground shows, computed: the data (from the settings' data seed), the model (from
 * its weight seed) and its trainer, plus the numbers the page reads out and paints. The page
 * only draws what this hands it. The same settings always give the same data, weights and
 * training run.
 */
public final class Session {
    private Settings settings;
    private Dataset train;
    private Dataset test;
    private MLP model;
    private Trainer trainer;
    private double[] view; // xMin, xMax, yMin, yMax of the plane shown

    public Session(Settings settings) {
        this.settings = settings.copy();
        makeData();
        makeModel();
    }

    /** A copy of the settings in force. */
    public Settings settings() {
        return settings.copy();
    }

    /** What {@link #apply} had to rebuild. */
    public enum Change { NOTHING, TRAINING, MODEL, DATA }

    /**
     * Takes new settings, rebuilding only what they change: new data (and a fresh model) when a
     * data setting changed; a fresh model when the network changed; otherwise the training
     * settings take effect from the next step, keeping the weights learned so far.
     */
    public Change apply(Settings next) {
        Settings before = settings;
        settings = next.copy();
        if (differ(before, "data", "points", "noise", "split", "seed")) {
            makeData();
            makeModel();
            return Change.DATA;
        }
        if (differ(before, "layers", "activation", "output", "init")) {
            makeModel();
            return Change.MODEL;
        }
        if (differ(before, "loss", "optimizer", "lr", "decay", "l2", "batch")) {
            configureTrainer();
            return Change.TRAINING;
        }
        return Change.NOTHING;
    }

    private boolean differ(Settings before, String... keys) {
        for (String key : keys) {
            if (!before.get(key).equals(settings.get(key))) {
                return true;
            }
        }
        return false;
    }

    /** Back to step 0 with the initial weights of the current seed. */
    public void reset() {
        makeModel();
    }

    private void makeData() {
        Rng rng = new Rng(settings.dataSeed);
        Dataset all = Dataset.generate(settings.data, settings.points, settings.noise, rng);
        Dataset[] parts = all.split(settings.split / 100.0, rng);
        train = parts[0];
        test = parts[1];
        view = viewOf(all);
    }

    private void makeModel() {
        int[] sizes = Arrays.copyOf(settings.layers, settings.layers.length + 1);
        sizes[sizes.length - 1] = 1;
        Rng rng = new Rng(settings.weightSeed);
        model = new MLP(2, sizes, settings.activation, settings.output, rng);
        trainer = new Trainer(model, train, settings.loss, optimizer(), rng);
        configureTrainer();
    }

    private Optimizer optimizer() {
        Optimizer o = Optimizer.byLabel(settings.optimizer);
        return o != null ? o : new Optimizer.Sgd();
    }

    private void configureTrainer() {
        trainer.loss = settings.loss;
        if (!trainer.optimizer.label().equals(settings.optimizer)) {
            trainer.optimizer = optimizer();
        }
        trainer.learningRate = settings.learningRate;
        trainer.decay = settings.decay;
        trainer.l2 = settings.l2;
        trainer.batchSize = settings.batchSize;
    }

    /** A square around the data with a margin, so every point is well inside the picture. */
    static double[] viewOf(Dataset data) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (var p : data.points) {
            xMin = Math.min(xMin, p.x);
            xMax = Math.max(xMax, p.x);
            yMin = Math.min(yMin, p.y);
            yMax = Math.max(yMax, p.y);
        }
        if (data.size() == 0) {
            return new double[] {-1.5, 1.5, -1.5, 1.5};
        }
        double cx = (xMin + xMax) / 2, cy = (yMin + yMax) / 2;
        double half = Math.max(1, Math.max(xMax - xMin, yMax - yMin) / 2 * 1.15);
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }

    // ---- training ----

    /** Takes one training step. */
    public Trainer.Result step() {
        return trainer.step();
    }

    public Trainer trainer() {
        return trainer;
    }

    public MLP model() {
        return model;
    }

    public Dataset train() {
        return train;
    }

    public Dataset test() {
        return test;
    }

    /** {xMin, xMax, yMin, yMax} of the plane the page shows. */
    public double[] view() {
        return view.clone();
    }

    // ---- readouts ----

    /** Loss (without regularisation) and accuracy of the current model on the training and test sets. */
    public static final class Readout {
        public final int step;
        public final int epoch;
        public final double trainLoss;
        public final double trainAccuracy;
        public final double testLoss;
        public final double testAccuracy;
        public final int parameters;

        Readout(int step, int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                int parameters) {
            this.step = step;
            this.epoch = epoch;
            this.trainLoss = trainLoss;
            this.trainAccuracy = trainAccuracy;
            this.testLoss = testLoss;
            this.testAccuracy = testAccuracy;
            this.parameters = parameters;
        }

        /**
         * {@code v} with {@code decimals} digits after the point, e.g. {@code "0.2500"}; "—" if it is
         * not finite. No locale and no String.format, so every platform prints the same text.
         */
        public static String fixed(double v, int decimals) {
            if (!Double.isFinite(v)) {
                return "—";
            }
            if (Math.abs(v) >= 1e12) {
                return Double.toString(v);
            }
            long scale = 1;
            for (int i = 0; i < decimals; i++) {
                scale *= 10;
            }
            long units = Math.round(Math.abs(v) * scale);
            String digits = Long.toString(units % scale + scale).substring(1); // zero-padded
            return (v < 0 && units != 0 ? "-" : "") + units / scale + (decimals > 0 ? "." + digits : "");
        }

        /** A fraction as a percentage with one decimal: 0.975 is {@code "97.5%"}. */
        public static String percent(double fraction) {
            return Double.isFinite(fraction) ? fixed(100 * fraction, 1) + "%" : "—";
        }
    }

    public Readout readout() {
        Snapshot s = model.snapshot();
        double[] trainScores = scores(s, train);
        double[] testScores = scores(s, test);
        Loss loss = settings.loss;
        return new Readout(trainer.steps(), trainer.epochs(),
                loss.value(trainScores, train.labels()), Loss.accuracy(trainScores, train.labels()),
                loss.value(testScores, test.labels()), Loss.accuracy(testScores, test.labels()),
                model.parameters().size());
    }

    private static double[] scores(Snapshot s, Dataset d) {
        double[][] xs = d.inputs();
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = s.predict(xs[i])[0];
        }
        return out;
    }

    /**
     * The model's output over the view as a {@code cols × rows} grid (row 0 at the top), for the
     * heat map; see {@link Snapshot#grid}.
     */
    public void grid(int cols, int rows, double[] out) {
        model.snapshot().grid(view[0], view[1], view[2], view[3], cols, rows, out);
    }

    /** The range of the model's output: [-1, 1] for tanh, the scores' own range for a linear output. */
    public boolean boundedOutput() {
        return settings.output != Activation.LINEAR;
    }
}

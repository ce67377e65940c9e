package scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;

/**
 * Trains an MLP on a dataset, one step at a time: forward, zero grads, backward, update.
 *
 * <p>The settings are plain fields, read at every step, so they may change between steps. The
 * loss must suit the data and the network: ce for K classes with K outputs (two classes may use
 * ce with two outputs too); sse, mse or hinge with one output for two classes; sse or mse for
 * regression. A step refuses a mismatch, by name and number.
 */
public final class Trainer {
    public final MLP model;
    public Loss loss;
    public Optimizer optimizer;
    /** The base step size: what the schedule starts from (step 0's rate for the constant schedule). */
    public double learningRate = 0.1;
    /** How the rate changes over the steps, from {@link #learningRate}; constant by default. */
    public Schedule schedule = Schedule.CONSTANT;
    /**
     * Inverse-time decay: step k uses {@code schedule.rate(learningRate, k) / (1 + decay · k)}; 0
     * leaves the schedule as it is.
     */
    public double decay = 0;
    /** L1 regularisation strength: {@code l1 · Σ |p|} is added to the loss; 0 turns it off. */
    public double l1 = 0;
    /** L2 regularisation strength: {@code l2 · Σ p²} is added to the loss; 0 turns it off. */
    public double l2 = 0;
    /** Examples per step; 0, or at least the dataset's size, means the full batch. */
    public int batchSize = 0;
    /**
     * True (the default): a step replays one {@link scratchnet.engine.Tensor} graph over the whole
     * batch. False: it builds the scalar {@link Value} graph of every example, the micrograd way.
     * Both compute the same loss and gradients; the tensor path is hundreds of times faster.
     */
    public boolean batched = true;
    /**
     * Inverted dropout, in [0, 0.9]: while training, each hidden neuron's output on each example is
     * kept with probability {@code 1 − dropout} and then multiplied by {@code 1 / (1 − dropout)},
     * else 0; the output layer never. 0 (the default) draws nothing and trains exactly as without.
     * The masks come from the trainer's {@link Rng} after the batch is taken, in this order: hidden
     * layer by layer, example by example in batch order, neuron by neuron, one
     * {@link Rng#nextDouble()} each (kept when it is at least {@code dropout}). Predicting never
     * drops: only a training step does.
     */
    public double dropout = 0;

    // The state between steps, read and restored by TrainerState (package-private for it):
    final Rng rng;
    private final List<Value> parameters;
    final double[] lastUpdate;
    private Dataset data;         // null for a network of raw inputs (see the second constructor)
    private final double[] labels;      // a network of raw inputs: its examples' labels, -1 or +1
    private double[][] inputs;    // the network's inputs (features) of every point
    private double[] targets;     // what targetsOf compares each point's outputs with
    private Loss targetsOf;
    int[] order;
    int cursor;
    int step;
    int epoch;
    double lastRate = Double.NaN;
    private BatchGraph graph; // rebuilt when the batch size, loss or regularisation changes
    // A step in progress, between its phases.
    Phase next = Phase.FORWARD;
    private int[] batch;
    private double[] batchScores;
    private double[] batchTargets;
    private double batchLoss;
    private Value scalarLoss;
    private double[][] masks; // the step in progress's dropout factors, masks[l][r * nout + o]; null without dropout
    private boolean endsEpoch; // the batch in progress is its epoch's last; counted once its update is made

    /**
     * A trainer of a network of the plane on a dataset of points.
     *
     * @param model a network of the plane (it has {@link MLP#features})
     * @param rng shuffles the mini-batches
     */
    public Trainer(MLP model, Dataset data, Loss loss, Optimizer optimizer, Rng rng) {
        this(ofThePlane(model), loss, optimizer, rng, null);
        setData(data);
    }

    /**
     * A trainer of a network of raw inputs (no {@link MLP#features}, e.g. the lesson's
     * {@code MLP(3, [4, 4, 1])}) on examples given as rows of its inputs, each with the label −1 or
     * +1 (two classes, as a dataset's labels: ce takes them as classes 0 and 1).
     */
    public Trainer(MLP model, double[][] inputs, double[] labels, Loss loss, Optimizer optimizer, Rng rng) {
        this(model, loss, optimizer, rng, checkedLabels(model, inputs, labels));
        double[][] rows = new double[inputs.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = inputs[i].clone();
        }
        start(rows);
    }

    // labels: a network of raw inputs' examples' labels, or null for a network of the plane
    private Trainer(MLP model, Loss loss, Optimizer optimizer, Rng rng, double[] labels) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.rng = rng;
        this.parameters = model.parameters();
        this.lastUpdate = new double[parameters.size()];
        this.labels = labels;
    }

    private static MLP ofThePlane(MLP model) {
        if (model.features == null) {
            throw new IllegalArgumentException("the trainer needs a network that reads points of the plane; this one reads "
                    + model.nin() + " raw inputs");
        }
        return model;
    }

    /** The labels, a copy, once the rows and labels are checked against the network of raw inputs. */
    private static double[] checkedLabels(MLP model, double[][] inputs, double[] labels) {
        if (model.features != null) {
            throw new IllegalArgumentException("a network of the plane trains on a dataset of points");
        }
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " examples but " + labels.length + " labels");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != model.nin()) {
                throw new IllegalArgumentException("example " + i + " has " + inputs[i].length + " inputs, the network reads "
                        + model.nin());
            }
            if (labels[i] != 1 && labels[i] != -1) {
                throw new IllegalArgumentException("example " + i + "'s label must be -1 or +1, was " + labels[i]);
            }
        }
        return labels.clone();
    }

    /** Trains on {@code data} from now on (its points may have been added or removed by hand). */
    public void setData(Dataset data) {
        if (labels != null) {
            throw new IllegalStateException("this trainer's network reads raw inputs, not points of the plane");
        }
        this.data = data;
        start(model.inputs(data));
    }

    private void start(double[][] rows) {
        this.inputs = rows;
        this.targetsOf = null; // computed for the loss at the next step
        this.order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.cursor = order.length; // start a fresh epoch at the next step
        this.next = Phase.FORWARD;     // a step begun on the old data is dropped
    }

    /** The dataset trained on; null for a network of raw inputs. */
    public Dataset data() {
        return data;
    }

    /** The examples trained on, as the network's input rows (features after scaling), a copy. */
    public double[][] inputs() {
        double[][] rows = new double[inputs.length][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = inputs[i].clone();
        }
        return rows;
    }

    /** What {@code loss} compares each example's outputs with (a label, a class index, a target). */
    public double[] targets(Loss loss) {
        if (data != null) {
            return loss.targets(data);
        }
        double[] t = labels.clone();
        if (loss == Loss.CROSS_ENTROPY) {
            for (int i = 0; i < t.length; i++) {
                t[i] = t[i] > 0 ? 1 : 0;
            }
        }
        return t;
    }

    /** The number of examples trained on. */
    public int size() {
        return inputs.length;
    }

    /** The data's number of classes ({@link Dataset#REGRESSION} for real-valued targets); 2 for raw examples. */
    public int classes() {
        return data != null ? data.classes : 2;
    }

    /** Steps taken so far. */
    public int steps() {
        return step;
    }

    /** Full passes over the data so far (a pass counts once its last batch has been used). */
    public int epochs() {
        return epoch;
    }

    /**
     * Continues a run saved at {@code steps} (e.g. an imported model file): the step count, and so
     * the learning-rate decay, pick up from there; epochs are counted as whole passes those steps
     * made at the current batch size. Mini-batch order and optimiser state start afresh.
     */
    public void resumeAt(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, was " + steps);
        }
        int n = order.length;
        int size = batchSize <= 0 || batchSize >= n ? n : batchSize;
        step = steps;
        lastRate = Double.NaN;
        epoch = n == 0 ? 0 : steps / (n / size);
        cursor = n;
        next = Phase.FORWARD;
    }

    /** The learning rate the next step will use. */
    public double currentLearningRate() {
        return learningRate(step);
    }

    /** The learning rate of step {@code k} (from 0): the schedule's, divided by {@code 1 + decay · k}. */
    public double learningRate(int k) {
        return schedule.rate(learningRate, k) / (1 + decay * k);
    }

    /** The learning rate the last update used; NaN before the first (or after {@link #resumeAt}). */
    public double lastLearningRate() {
        return lastRate;
    }

    /** {@code before - after} of each parameter in the last step, in {@link MLP#parameters()} order. */
    public double[] lastUpdate() {
        return lastUpdate.clone();
    }

    /** The phases of a step, in order. */
    public enum Phase { FORWARD, BACKWARD, UPDATE }

    /**
     * Takes one step on the next batch: {@link #forward()}, {@link #backward()}, {@link #update()}.
     * Reports the batch's loss and accuracy as they were before the update. If the loss or a
     * gradient is NaN or infinite the parameters are left untouched and the result says
     * {@link Result#diverged}. Finishes a step already begun phase by phase.
     */
    public Result step() {
        if (next == Phase.FORWARD) {
            forward();
        }
        if (next == Phase.BACKWARD) {
            backward();
        }
        return update();
    }

    /** The phase the next call of {@link #forward()}, {@link #backward()} or {@link #update()} must be. */
    public Phase nextPhase() {
        return next;
    }

    /**
     * Phase 1: takes the next batch and computes its scores and loss. Gradients are not touched yet.
     *
     * @return the batch's loss and accuracy (step count unchanged)
     * @throws IllegalStateException if a step is already between its phases
     */
    public Result forward() {
        expect(Phase.FORWARD);
        checkSettings();
        if (targetsOf != loss) {
            targets = targets(loss);
            targetsOf = loss;
        }
        int k = model.nout();
        batch = nextBatch();
        batchScores = new double[batch.length * k];
        batchTargets = new double[batch.length];
        if (batch.length == 0) {
            next = Phase.UPDATE;
            batchLoss = 0;
            return new Result(step, 0, 0, false);
        }
        for (int i = 0; i < batch.length; i++) {
            batchTargets[i] = targets[batch[i]];
        }
        masks = dropout > 0 ? drawMasks(batch.length) : null;
        if (batched) {
            if (graph == null || graph.size != batch.length || graph.loss != loss || graph.l1 != l1
                    || graph.l2 != l2 || graph.dropout != (masks != null)) {
                graph = new BatchGraph(model, batch.length, loss, l1, l2, masks != null);
            }
            graph.load(inputs, targets, batch);
            if (masks != null) {
                graph.loadMasks(masks);
            }
            graph.total.forward();
            System.arraycopy(graph.scores.data, 0, batchScores, 0, batchScores.length);
            batchLoss = graph.total.data[0];
        } else {
            // Each point's graph from its x and y: the features are nodes too (raw inputs are leaves).
            List<Value> outputs = new ArrayList<>(batchScores.length);
            for (int i = 0; i < batch.length; i++) {
                double[][] factors = masks == null ? null : maskRow(i);
                if (data == null) {
                    outputs.addAll(factors == null ? model.forward(inputs[batch[i]]) : model.forward(inputs[batch[i]], factors));
                } else {
                    Point p = data.points.get(batch[i]);
                    outputs.addAll(factors == null ? model.forward(p.x, p.y) : model.forward(p.x, p.y, factors));
                }
            }
            for (int j = 0; j < batchScores.length; j++) {
                batchScores[j] = outputs.get(j).data;
            }
            Value total = loss.of(outputs, batchTargets);
            if (l2 > 0) {
                total = total.add(Loss.l2(parameters, l2));
            }
            if (l1 > 0) {
                total = total.add(Loss.l1(parameters, l1));
            }
            scalarLoss = total;
            batchLoss = total.data;
        }
        next = Phase.BACKWARD;
        return new Result(step, batchLoss, batchAccuracy(), false);
    }

    /** Phase 2: zeroes every parameter's grad, then fills it in with backward(). */
    public void backward() {
        expect(Phase.BACKWARD);
        // zero grads
        zeroGrad();
        // backward
        if (batched) {
            graph.total.zeroGrad();
            graph.total.backward();
            graph.storeGradients();
        } else {
            scalarLoss.backward();
            scalarLoss = null;
        }
        next = Phase.UPDATE;
    }

    /** Phase 3: moves every parameter against its gradient (unless the step diverged). */
    public Result update() {
        expect(Phase.UPDATE);
        next = Phase.FORWARD;
        if (batch.length == 0) {
            return new Result(step, 0, 0, false);
        }
        double accuracy = batchAccuracy();
        if (!Double.isFinite(batchLoss) || !gradientsFinite()) {
            return new Result(step, batchLoss, accuracy, true);
        }
        double lr = currentLearningRate();
        lastRate = lr;
        for (int i = 0; i < lastUpdate.length; i++) {
            lastUpdate[i] = parameters.get(i).data;
        }
        optimizer.update(parameters, lr);
        for (int i = 0; i < lastUpdate.length; i++) {
            lastUpdate[i] -= parameters.get(i).data;
        }
        step++;
        if (endsEpoch) {
            epoch++;
        }
        return new Result(step, batchLoss, accuracy, false);
    }

    /**
     * The norm √Σ (d loss / d output)² of each layer's outputs over the last step's batch (the
     * gradient backward() passed down to the layer, before any dropout mask), or null when the
     * last step did not run on the batched path (the scalar graph keeps no layer outputs).
     */
    double[] lastOutputGradientNorms() {
        if (!batched || graph == null || batch == null || batch.length != graph.size || step == 0) {
            return null;
        }
        double[] norms = new double[graph.outputs.length];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = Health.norm(graph.outputs[l].grad);
        }
        return norms;
    }

    /**
     * The dropout factors of the step in progress (between {@link #forward()} and {@link #update()}):
     * {@code [l][r * nout + o]} for hidden layer l, example r of the batch, neuron o; 0 or
     * {@code 1 / (1 − dropout)}. Null when the step drops nothing. A copy.
     */
    public double[][] lastMasks() {
        if (masks == null) {
            return null;
        }
        double[][] copy = new double[masks.length][];
        for (int l = 0; l < copy.length; l++) {
            copy[l] = masks[l].clone();
        }
        return copy;
    }

    /** One step's masks, in the documented order: layer by layer, example by example, neuron by neuron. */
    private double[][] drawMasks(int examples) {
        double keep = 1 / (1 - dropout);
        double[][] m = new double[model.layers.size() - 1][];
        for (int l = 0; l < m.length; l++) {
            m[l] = new double[examples * model.layers.get(l).nout()];
            for (int i = 0; i < m[l].length; i++) {
                m[l][i] = rng.nextDouble() >= dropout ? keep : 0;
            }
        }
        return m;
    }

    /** Example {@code r}'s factors per hidden layer, as {@link MLP#forward(List, double[][])} reads them. */
    private double[][] maskRow(int r) {
        double[][] row = new double[masks.length][];
        for (int l = 0; l < masks.length; l++) {
            int nout = model.layers.get(l).nout();
            row[l] = new double[nout];
            System.arraycopy(masks[l], r * nout, row[l], 0, nout);
        }
        return row;
    }

    /** The settings are public fields; a bad one is refused here, by name and value, before it can do harm. */
    private void checkSettings() {
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalStateException("learningRate must be a positive finite number, was " + learningRate);
        }
        if (!(decay >= 0 && decay < Double.POSITIVE_INFINITY)) {
            throw new IllegalStateException("decay must be a finite number at least 0, was " + decay);
        }
        if (!(l1 >= 0 && l1 < Double.POSITIVE_INFINITY)) {
            throw new IllegalStateException("l1 must be a finite number at least 0, was " + l1);
        }
        if (!(l2 >= 0 && l2 < Double.POSITIVE_INFINITY)) {
            throw new IllegalStateException("l2 must be a finite number at least 0, was " + l2);
        }
        if (!(dropout >= 0 && dropout <= 0.9)) {
            throw new IllegalStateException("dropout must be between 0 and 0.9, was " + dropout);
        }
        if (schedule == null) {
            throw new IllegalStateException("a schedule is needed (Schedule.CONSTANT for none)");
        }
        if (batchSize < 0) {
            throw new IllegalStateException("batchSize must be at least 0 (0 = full batch), was " + batchSize);
        }
        if (loss == null || optimizer == null) {
            throw new IllegalStateException("a loss and an optimizer are needed, got " + loss + " and " + optimizer);
        }
        int k = model.nout();
        int classes = classes();
        boolean regression = classes == Dataset.REGRESSION;
        if (loss == Loss.CROSS_ENTROPY) {
            if (regression) {
                throw new IllegalStateException("ce needs classes; these data have real-valued targets (use mse)");
            }
            if (k != classes) {
                throw new IllegalStateException("ce needs one output per class: the data have " + classes
                        + " classes, the network " + k + " output" + (k == 1 ? "" : "s"));
            }
        } else {
            if (classes > 2) {
                throw new IllegalStateException(loss.label + " compares one output with a target; "
                        + classes + " classes need ce");
            }
            if (k != 1) {
                throw new IllegalStateException(loss.label + " needs a network with one output, this one has " + k);
            }
            if (loss == Loss.HINGE && regression) {
                throw new IllegalStateException("hinge needs labels -1 and +1; these data have real-valued targets (use mse)");
            }
        }
    }

    /** The batch's accuracy (the class from the sign of one output, or the largest of K); NaN for regression. */
    private double batchAccuracy() {
        return classes() == Dataset.REGRESSION ? Double.NaN : Loss.accuracy(batchScores, batchTargets);
    }

    private void expect(Phase phase) {
        if (next != phase) {
            throw new IllegalStateException("the next phase is " + next + ", not " + phase);
        }
    }

    /** Like {@code model.zeroGrad()}, over the parameter list fetched once (no list built per step). */
    private void zeroGrad() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).grad = 0;
        }
    }

    private boolean gradientsFinite() {
        for (Value p : parameters) {
            if (!Double.isFinite(p.grad)) {
                return false;
            }
        }
        return true;
    }

    private int[] nextBatch() {
        int n = order.length;
        if (n == 0) {
            return new int[0];
        }
        int size = batchSize <= 0 || batchSize >= n ? n : batchSize;
        if (size == n) {
            endsEpoch = true;
            return order.clone();
        }
        if (cursor + size > n) {
            rng.shuffle(order);
            cursor = 0;
        }
        int[] batch = new int[size];
        System.arraycopy(order, cursor, batch, 0, size);
        cursor += size;
        endsEpoch = cursor + size > n;
        return batch;
    }

    /** What one step saw: the batch's loss and accuracy before its update. */
    public static final class Result {
        /** The number of steps taken, this one included (unchanged if it diverged). */
        public final int step;
        public final double loss;
        /** The fraction of the batch classified right; NaN for regression data. */
        public final double accuracy;
        /** The loss or a gradient was NaN or infinite, so no update was made. */
        public final boolean diverged;

        public Result(int step, double loss, double accuracy, boolean diverged) {
            this.step = step;
            this.loss = loss;
            this.accuracy = accuracy;
            this.diverged = diverged;
        }
    }
}

package scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;

/**
 * Trains an MLP on a dataset, one step at a time: forward, zero grads, backward, update.
 *
 * <p>The settings are plain fields, read at every step, so they may change between steps.
 */
public final class Trainer {
    public final MLP model;
    public Loss loss;
    public Optimizer optimizer;
    /** The step size at step 0. */
    public double learningRate = 0.1;
    /** Inverse-time decay: step k uses {@code learningRate / (1 + decay · k)}; 0 keeps it constant. */
    public double decay = 0;
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

    private final Rng rng;
    private final List<Value> parameters;
    private final double[] lastUpdate;
    private Dataset data;
    private double[][] inputs;
    private double[] targets;
    private int[] order;
    private int cursor;
    private int step;
    private int epoch;
    private BatchGraph graph; // rebuilt when the batch size, loss or regularisation changes

    /** @param rng shuffles the mini-batches */
    public Trainer(MLP model, Dataset data, Loss loss, Optimizer optimizer, Rng rng) {
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
        this.rng = rng;
        this.parameters = model.parameters();
        this.lastUpdate = new double[parameters.size()];
        setData(data);
    }

    /** Trains on {@code data} from now on (its points may have been added or removed by hand). */
    public void setData(Dataset data) {
        this.data = data;
        this.inputs = data.inputs();
        this.targets = data.labels();
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.cursor = order.length; // start a fresh epoch at the next step
    }

    public Dataset data() {
        return data;
    }

    /** Steps taken so far. */
    public int steps() {
        return step;
    }

    /** Full passes over the data so far (a pass counts once its last batch has been used). */
    public int epochs() {
        return epoch;
    }

    /** The learning rate the next step will use. */
    public double currentLearningRate() {
        return learningRate / (1 + decay * step);
    }

    /** {@code before - after} of each parameter in the last step, in {@link MLP#parameters()} order. */
    public double[] lastUpdate() {
        return lastUpdate.clone();
    }

    /**
     * Takes one step on the next batch and reports the batch's loss and accuracy as they were before
     * the update. If the loss or a gradient is NaN or infinite the parameters are left untouched and
     * the result says {@link Result#diverged}.
     */
    public Result step() {
        if (order.length == 0) {
            return new Result(step, 0, 0, false);
        }
        int[] batch = nextBatch();
        double[] batchScores = new double[batch.length];
        double[] batchTargets = new double[batch.length];
        double total = batched ? forwardBackwardBatched(batch, batchScores, batchTargets)
                : forwardBackwardScalar(batch, batchScores, batchTargets);
        double accuracy = Loss.accuracy(batchScores, batchTargets);
        if (!Double.isFinite(total) || !gradientsFinite()) {
            return new Result(step, total, accuracy, true);
        }

        // update
        double lr = currentLearningRate();
        for (int i = 0; i < lastUpdate.length; i++) {
            lastUpdate[i] = parameters.get(i).data;
        }
        optimizer.update(parameters, lr);
        for (int i = 0; i < lastUpdate.length; i++) {
            lastUpdate[i] -= parameters.get(i).data;
        }
        step++;
        return new Result(step, total, accuracy, false);
    }

    /** Forward, zero grads and backward on the scalar graph; returns the loss. */
    private double forwardBackwardScalar(int[] batch, double[] batchScores, double[] batchTargets) {
        // forward
        List<Value> scores = new ArrayList<>(batch.length);
        for (int i = 0; i < batch.length; i++) {
            scores.add(model.forward(inputs[batch[i]]).get(0));
            batchTargets[i] = targets[batch[i]];
        }
        Value total = loss.of(scores, batchTargets);
        if (l2 > 0) {
            total = total.add(Loss.l2(parameters, l2));
        }
        // zero grads
        model.zeroGrad();
        // backward
        total.backward();
        for (int i = 0; i < batch.length; i++) {
            batchScores[i] = scores.get(i).data;
        }
        return total.data;
    }

    /** Forward, zero grads and backward on the batched tensor graph; returns the loss. */
    private double forwardBackwardBatched(int[] batch, double[] batchScores, double[] batchTargets) {
        if (graph == null || graph.size != batch.length || graph.loss != loss || graph.l2 != l2) {
            graph = new BatchGraph(model, batch.length, loss, l2);
        }
        graph.load(inputs, targets, batch);
        // forward
        graph.total.forward();
        // zero grads
        graph.total.zeroGrad();
        model.zeroGrad();
        // backward
        graph.total.backward();
        graph.storeGradients();
        System.arraycopy(graph.scores.data, 0, batchScores, 0, batch.length);
        System.arraycopy(graph.targets.data, 0, batchTargets, 0, batch.length);
        return graph.total.data[0];
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
        int size = batchSize <= 0 || batchSize >= n ? n : batchSize;
        if (size == n) {
            epoch++;
            return order.clone();
        }
        if (cursor + size > n) {
            rng.shuffle(order);
            cursor = 0;
        }
        int[] batch = new int[size];
        System.arraycopy(order, cursor, batch, 0, size);
        cursor += size;
        if (cursor + size > n) {
            epoch++;
        }
        return batch;
    }

    /** What one step saw: the batch's loss and accuracy before its update. */
    public static final class Result {
        /** The number of steps taken, this one included (unchanged if it diverged). */
        public final int step;
        public final double loss;
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

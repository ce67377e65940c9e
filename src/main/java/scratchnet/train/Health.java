package scratchnet.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import scratchnet.engine.Tensor;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;

/**
 * How each layer of a trainer's network is doing on the training data, as Karpathy's makemore
 * part 3 diagnoses it: every layer's outputs and their gradients d(loss)/d(output) over all the
 * training points (one forward and backward of the training loss, without dropout or
 * regularisation, on its own {@link Tensor} graph: the model's {@code grad}s are left as they
 * were), each as a histogram, with its mean and spread, the share of saturated outputs (tanh and
 * sigmoid) and of dead neurons (ReLU). {@link #measure} reuses its graph while the network's
 * shape, the data's size and the loss stay the same.
 */
public final class Health {
    /**
     * A tanh output counts as saturated beyond |t| = 0.97 (a sigmoid's beyond |2σ − 1| = 0.97, the
     * same place of tanh(x/2)): there the slope is under 6% of its peak, so little gradient passes.
     * A heuristic, Karpathy's, not a law: a layer with a few percent saturated still learns.
     */
    public static final double SATURATED = 0.97;
    /** Bars per histogram. */
    public static final int BINS = 30;

    /** One layer's numbers over the training points. */
    public static final class Layer {
        /** 0 = the first hidden layer; the last is the output layer. */
        public final int index;
        public final Activation activation;
        public final int width;
        /** The training points the numbers are over. */
        public final int points;
        /** {@code outputs[r * width + o]}: neuron o's output on point r. */
        public final double[] outputs;
        /** {@code grads[r * width + o]}: d(training loss)/d(that output). */
        public final double[] grads;
        /** The outputs' histogram: {@link #BINS} counts over [{@code outputLow}, {@code outputHigh}]; the counts sum to the finite outputs' number. */
        public final int[] outputCounts;
        public final double outputLow;
        public final double outputHigh;
        /** The gradients' histogram over [−{@code gradReach}, {@code gradReach}]. */
        public final int[] gradCounts;
        public final double gradReach;
        public final double mean;
        /** The outputs' standard deviation (divided by their number). */
        public final double spread;
        public final double gradMean;
        public final double gradSpread;
        /** The share (0 .. 1) of outputs saturated ({@link #SATURATED}); NaN for an activation that does not saturate. */
        public final double saturated;
        /** The share (0 .. 1) of neurons dead: ReLU at 0 on every training point; NaN for other activations. */
        public final double dead;
        /** {@code deadNeurons[o]}: neuron o is dead. */
        public final boolean[] deadNeurons;
        /** {@code saturatedNeurons[o]}: neuron o is saturated on every training point. */
        public final boolean[] saturatedNeurons;
        /** False if some output or gradient is NaN or infinite (a diverged run). */
        public final boolean finite;

        Layer(int index, Activation activation, int points, double[] outputs, double[] grads) {
            this.index = index;
            this.activation = activation;
            this.points = points;
            this.width = points == 0 ? 0 : outputs.length / points;
            this.outputs = outputs;
            this.grads = grads;
            boolean ok = true;
            for (int i = 0; i < outputs.length; i++) {
                ok &= Double.isFinite(outputs[i]) && Double.isFinite(grads[i]);
            }
            finite = ok;
            double[] range = range(activation, outputs);
            outputLow = range[0];
            outputHigh = range[1];
            outputCounts = histogram(outputs, outputLow, outputHigh);
            double reach = 0;
            for (double g : grads) {
                if (Double.isFinite(g)) {
                    reach = Math.max(reach, Math.abs(g));
                }
            }
            gradReach = reach > 0 ? reach : 1;
            gradCounts = histogram(grads, -gradReach, gradReach);
            double[] m = moments(outputs);
            mean = m[0];
            spread = m[1];
            double[] g = moments(grads);
            gradMean = g[0];
            gradSpread = g[1];
            boolean saturates = saturates(activation);
            boolean dies = activation == Activation.RELU;
            deadNeurons = new boolean[width];
            saturatedNeurons = new boolean[width];
            int saturatedOutputs = 0;
            int deadCount = 0;
            for (int o = 0; o < width; o++) {
                boolean allZero = points > 0;
                boolean allSaturated = points > 0;
                for (int r = 0; r < points; r++) {
                    double a = outputs[r * width + o];
                    boolean s = saturates && isSaturated(activation, a);
                    saturatedOutputs += s ? 1 : 0;
                    allSaturated &= s;
                    allZero &= a == 0;
                }
                deadNeurons[o] = dies && allZero;
                saturatedNeurons[o] = saturates && allSaturated;
                deadCount += deadNeurons[o] ? 1 : 0;
            }
            saturated = !saturates ? Double.NaN : outputs.length == 0 ? 0 : (double) saturatedOutputs / outputs.length;
            dead = !dies ? Double.NaN : width == 0 ? 0 : (double) deadCount / width;
        }
    }

    private BatchGraph graph;
    private MLP graphModel;

    /**
     * Every layer's health on {@code trainer}'s training points, the output layer last. The
     * numbers are the training loss's (the trainer's loss, averaged as it averages) at the
     * weights now, over all its points, whatever its batch size; no dropout, no penalty.
     */
    public List<Layer> measure(Trainer trainer) {
        MLP model = trainer.model;
        int n = trainer.size();
        if (n == 0) {
            List<Layer> none = new ArrayList<>();
            for (int l = 0; l < model.layers.size(); l++) {
                none.add(new Layer(l, model.layers.get(l).activation(), 0, new double[0], new double[0]));
            }
            return Collections.unmodifiableList(none);
        }
        if (graph == null || graphModel != model || graph.size != n || graph.loss != trainer.loss) {
            graph = new BatchGraph(model, n, trainer.loss, 0, 0);
            graphModel = model;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        graph.load(trainer.inputs(), trainer.targets(trainer.loss), all);
        graph.total.forward();
        graph.total.zeroGrad();
        graph.total.backward();
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < graph.outputs.length; l++) {
            Tensor t = graph.outputs[l];
            layers.add(new Layer(l, model.layers.get(l).activation(), n, t.data.clone(), t.grad.clone()));
        }
        return Collections.unmodifiableList(layers);
    }

    /** True for the activations that flatten at both ends, tanh and sigmoid. */
    public static boolean saturates(Activation a) {
        return a == Activation.TANH || a == Activation.SIGMOID;
    }

    /** Output {@code a} of activation {@code act} is saturated ({@link #SATURATED}); false for activations that do not saturate. */
    public static boolean isSaturated(Activation act, double a) {
        if (act == Activation.TANH) {
            return Math.abs(a) > SATURATED;
        }
        return act == Activation.SIGMOID && Math.abs(2 * a - 1) > SATURATED;
    }

    /** {@link #BINS} counts of the finite values in [low, high]: bin k holds low + k·w ≤ v &lt; low + (k+1)·w, the last bin takes high. */
    static int[] histogram(double[] values, double low, double high) {
        int[] counts = new int[BINS];
        double width = (high - low) / BINS;
        for (double v : values) {
            if (!Double.isFinite(v) || v < low || v > high) {
                continue;
            }
            int k = (int) ((v - low) / width);
            counts[Math.min(BINS - 1, Math.max(0, k))]++;
        }
        return counts;
    }

    /** The histogram's range: tanh's [−1, 1], sigmoid's [0, 1], else the finite values' own (±0.5 round a single value). */
    private static double[] range(Activation activation, double[] values) {
        if (activation == Activation.TANH) {
            return new double[] {-1, 1};
        }
        if (activation == Activation.SIGMOID) {
            return new double[] {0, 1};
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (low > high) {
            return new double[] {-1, 1};
        }
        return high > low ? new double[] {low, high} : new double[] {low - 0.5, high + 0.5};
    }

    /** The Euclidean norm √Σ v² of {@code values}. */
    public static double norm(double[] values) {
        double squares = 0;
        for (double v : values) {
            squares += v * v;
        }
        return Math.sqrt(squares);
    }

    /** {mean, standard deviation} of the finite values (NaN for none). */
    private static double[] moments(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, Math.sqrt(squares / n)};
    }
}

package scratchnet.train;

import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.engine.Tensor;
import scratchnet.engine.Value;
import scratchnet.nn.Snapshot;

/**
 * How far a batch of network outputs is from its targets. sse, mse and hinge read one output per
 * example (a score) and a target: ±1 for two classes (hinge needs them), a real number for
 * regression. ce reads K outputs per example (logits: a linear output layer, one neuron per class)
 * and the class index 0 .. K−1 as target ({@link #targets} gives each loss its targets). Outputs
 * of a batch come in one list or array, example by example: output j of example i is at
 * {@code i * K + j}, K being the number of outputs divided by the number of targets.
 */
public enum Loss {
    /** Σ (score - y)²: the classic loss of the four-example teaching demo. */
    SUM_SQUARED("sse") {
        public Value of(List<Value> scores, double[] targets) {
            oneOutputEach(scores.size(), targets.length);
            Value sum = new Value(0);
            for (int i = 0; i < scores.size(); i++) {
                sum = sum.add(scores.get(i).sub(targets[i]).pow(2));
            }
            return sum;
        }

        public Tensor of(Tensor scores, Tensor targets) {
            return scores.sub(targets).square().sum();
        }
    },
    /** Σ (score - y)² / n. */
    MEAN_SQUARED("mse") {
        public Value of(List<Value> scores, double[] targets) {
            return SUM_SQUARED.of(scores, targets).mul(1.0 / scores.size());
        }

        public Tensor of(Tensor scores, Tensor targets) {
            return SUM_SQUARED.of(scores, targets).mul(1.0 / scores.rows);
        }
    },
    /** Σ relu(1 - y·score) / n: the max-margin loss of micrograd's moons demo. */
    HINGE("hinge") {
        public Value of(List<Value> scores, double[] targets) {
            oneOutputEach(scores.size(), targets.length);
            Value sum = new Value(0);
            for (int i = 0; i < scores.size(); i++) {
                sum = sum.add(scores.get(i).mul(-targets[i]).add(1).relu());
            }
            return sum.mul(1.0 / scores.size());
        }

        public Tensor of(Tensor scores, Tensor targets) {
            return scores.mul(targets).affine(-1, 1).relu().sum().mul(1.0 / scores.rows);
        }
    },
    /** Mean softmax cross-entropy: Σ −log softmax(logits_i)[y_i] / n, K logits per example. */
    CROSS_ENTROPY("ce") {
        public Value of(List<Value> logits, double[] classes) {
            int k = logits.size() / classes.length;
            Value sum = new Value(0);
            for (int i = 0; i < classes.length; i++) {
                sum = sum.add(crossEntropy(logits.subList(i * k, i * k + k), (int) classes[i]));
            }
            return sum.mul(1.0 / classes.length);
        }

        public Tensor of(Tensor logits, Tensor classes) {
            return logits.crossEntropy(classes).mul(1.0 / logits.rows);
        }
    };

    /** The short lower-case name used on the page and in share links. */
    public final String label;

    Loss(String label) {
        this.label = label;
    }

    /** Builds the loss graph of a batch's outputs (one or K per example, example by example) against {@code targets}. */
    public abstract Value of(List<Value> scores, double[] targets);

    /** The same loss over a batch at once: {@code scores} is n×1 (n×K for ce), {@code targets} n×1; the result is 1×1. */
    public abstract Tensor of(Tensor scores, Tensor targets);

    /** The same loss on plain numbers, with no graph: for readouts over whole datasets. */
    public double value(double[] scores, double[] targets) {
        if (targets.length == 0) {
            return 0;
        }
        int k = this == CROSS_ENTROPY ? scores.length / targets.length : oneOutputEach(scores.length, targets.length);
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            if (this == CROSS_ENTROPY) {
                sum += crossEntropy(scores, i * k, k, (int) targets[i]);
            } else if (this == HINGE) {
                sum += Math.max(0, 1 - targets[i] * scores[i]);
            } else {
                double d = scores[i] - targets[i];
                sum += d * d;
            }
        }
        return this == SUM_SQUARED ? sum : sum / targets.length;
    }

    /** What this loss compares each point's outputs with: class indices for ce, {@link scratchnet.data.Point#target} otherwise. */
    public double[] targets(Dataset data) {
        return this == CROSS_ENTROPY ? data.classIndices() : data.targets();
    }

    /**
     * −log softmax(logits)[label], built from Value primitives: log Σ_k exp(z_k − m) − (z_label − m),
     * m the largest logit's number, taken as a constant. That is exact, not an approximation: the
     * expression equals log Σ_k exp(z_k) − z_label for every m (exp(m) cancels), so its derivative
     * along m is 0 (it is 1 − Σ_k softmax_k), and leaving m out of the graph changes no gradient.
     * It keeps every exp at most 1 and their sum between 1 and K, so logits of ±1000 give finite
     * values and gradients. The gradient with respect to logit k is softmax_k − [k = label].
     */
    public static Value crossEntropy(List<Value> logits, int label) {
        if (label < 0 || label >= logits.size()) {
            throw new IllegalArgumentException("label must be 0 to " + (logits.size() - 1) + ", was " + label);
        }
        double m = logits.get(0).data;
        for (Value z : logits) {
            if (z.data > m) {
                m = z.data;
            }
        }
        Value[] shifted = new Value[logits.size()];
        Value sum = null;
        for (int k = 0; k < shifted.length; k++) {
            shifted[k] = logits.get(k).sub(m);
            Value e = shifted[k].exp();
            sum = sum == null ? e : sum.add(e);
        }
        return sum.log().sub(shifted[label]);
    }

    /** {@link #crossEntropy(List, int)} on plain numbers: logits {@code z[from] .. z[from + k - 1]}, the same operations in the same order. */
    static double crossEntropy(double[] z, int from, int k, int label) {
        double m = z[from];
        for (int j = 1; j < k; j++) {
            if (z[from + j] > m) {
                m = z[from + j];
            }
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(z[from + j] - m);
        }
        return Math.log(sum) - (z[from + label] - m);
    }

    /** {@code alpha · Σ p²}: L2 regularisation, pulling every parameter towards 0. */
    public static Value l2(List<Value> parameters, double alpha) {
        Value sum = new Value(0);
        for (Value p : parameters) {
            sum = sum.add(p.mul(p));
        }
        return sum.mul(alpha);
    }

    /**
     * {@code alpha · Σ |p|}: L1 regularisation, pulling every parameter towards 0 by the same
     * amount whatever its size, so small ones reach 0 and stay (the gradient of |p| at 0 is 0).
     */
    public static Value l1(List<Value> parameters, double alpha) {
        Value sum = new Value(0);
        for (Value p : parameters) {
            sum = sum.add(p.abs());
        }
        return sum.mul(alpha);
    }

    /** {@code l1 · Σ |p| + l2 · Σ p²} on plain numbers: what regularisation adds to a step's loss. */
    public static double penalty(List<Value> parameters, double l1, double l2) {
        double abs = 0;
        double squares = 0;
        for (Value p : parameters) {
            abs += Math.abs(p.data);
            squares += p.data * p.data;
        }
        return (l1 > 0 ? l1 * abs : 0) + (l2 > 0 ? l2 * squares : 0); // 0 · ∞ would be NaN
    }

    /**
     * The fraction of examples classified right. One output per example: its sign is the class,
     * right if it is the target's (±1; a score of 0 counts as -1). K outputs per example: the
     * largest one's index is the class ({@link Snapshot#argmax}), right if it is the target (a class index).
     */
    public static double accuracy(double[] scores, double[] targets) {
        if (targets.length == 0) {
            return 0;
        }
        int k = scores.length / targets.length;
        int correct = 0;
        for (int i = 0; i < targets.length; i++) {
            boolean right = k == 1 ? (scores[i] > 0) == (targets[i] > 0) : Snapshot.argmax(scores, i * k, k) == targets[i];
            if (right) {
                correct++;
            }
        }
        return (double) correct / targets.length;
    }

    /** The loss called {@code label}, or null if there is none. */
    public static Loss byLabel(String label) {
        for (Loss l : values()) {
            if (l.label.equals(label)) {
                return l;
            }
        }
        return null;
    }

    private static int oneOutputEach(int outputs, int targets) {
        if (outputs != targets) {
            throw new IllegalArgumentException("one output per example expected: " + outputs + " outputs for " + targets + " targets");
        }
        return 1;
    }
}

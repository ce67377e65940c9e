package scratchnet.train;

import java.util.List;
import scratchnet.engine.Tensor;
import scratchnet.engine.Value;

/** How far a batch of scores is from its ±1 targets. */
public enum Loss {
    /** Σ (score - y)²: the classic loss of the four-example teaching demo. */
    SUM_SQUARED("sse") {
        public Value of(List<Value> scores, double[] targets) {
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
            Value sum = new Value(0);
            for (int i = 0; i < scores.size(); i++) {
                sum = sum.add(scores.get(i).mul(-targets[i]).add(1).relu());
            }
            return sum.mul(1.0 / scores.size());
        }

        public Tensor of(Tensor scores, Tensor targets) {
            return scores.mul(targets).affine(-1, 1).relu().sum().mul(1.0 / scores.rows);
        }
    };

    /** The short lower-case name used on the page and in share links. */
    public final String label;

    Loss(String label) {
        this.label = label;
    }

    /** Builds the loss graph of {@code scores} (one per example) against {@code targets} (±1). */
    public abstract Value of(List<Value> scores, double[] targets);

    /** The same loss over a batch at once: {@code scores} and {@code targets} are n×1; the result is 1×1. */
    public abstract Tensor of(Tensor scores, Tensor targets);

    /** The same loss on plain numbers, with no graph: for readouts over whole datasets. */
    public double value(double[] scores, double[] targets) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double d = scores[i] - targets[i];
            sum += this == HINGE ? Math.max(0, 1 - targets[i] * scores[i]) : d * d;
        }
        return this == SUM_SQUARED || scores.length == 0 ? sum : sum / scores.length;
    }

    /** {@code alpha · Σ p²}: L2 regularisation, pulling every parameter towards 0. */
    public static Value l2(List<Value> parameters, double alpha) {
        Value sum = new Value(0);
        for (Value p : parameters) {
            sum = sum.add(p.mul(p));
        }
        return sum.mul(alpha);
    }

    /** The fraction of examples whose score has the sign of its target (a score of 0 counts as -1). */
    public static double accuracy(double[] scores, double[] targets) {
        if (scores.length == 0) {
            return 0;
        }
        int correct = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] > 0) == (targets[i] > 0)) {
                correct++;
            }
        }
        return (double) correct / scores.length;
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
}

package scratchnet.train;

import java.util.List;
import scratchnet.engine.Value;

/**
 * Nudges parameters against their gradients. Call {@link #update} after {@code backward()}; an
 * optimizer with memory (momentum, Adam) keeps one slot per parameter, in the order given.
 */
public abstract class Optimizer {
    /** The short lower-case name used on the page and in share links. */
    public abstract String label();

    /** Moves every parameter one step, using its {@code grad}. */
    public abstract void update(List<Value> parameters, double learningRate);

    /** Forgets any memory of earlier steps (call when the parameters are re-initialised). */
    public void reset() {
    }

    /** Its memory of earlier steps as numbers (none for plain SGD), for {@link TrainerState}. */
    double[] memory() {
        return new double[0];
    }

    /** Takes back a {@link #memory()} of an optimizer of its kind; throws IllegalArgumentException for another's. */
    void remember(double[] memory) {
        if (memory.length != 0) {
            throw new IllegalArgumentException(label() + " keeps no memory, given " + memory.length + " numbers");
        }
    }

    /** A fresh optimizer called {@code label} ("sgd", "momentum", "adam"), or null if there is none. */
    public static Optimizer byLabel(String label) {
        switch (label) {
            case "sgd": return new Sgd();
            case "momentum": return new Momentum(0.9);
            case "adam": return new Adam(0.9, 0.999, 1e-8);
            default: return null;
        }
    }

    /** Plain stochastic gradient descent: {@code p.data -= lr * p.grad}. */
    public static final class Sgd extends Optimizer {
        public String label() { return "sgd"; }

        public void update(List<Value> parameters, double learningRate) {
            for (Value p : parameters) {
                p.data -= learningRate * p.grad;
            }
        }
    }

    /** Gradient descent with a velocity: {@code v = beta·v + grad; p -= lr·v}. */
    public static final class Momentum extends Optimizer {
        private final double beta;
        private double[] velocity = new double[0];

        public Momentum(double beta) {
            this.beta = beta;
        }

        public String label() { return "momentum"; }

        public void update(List<Value> parameters, double learningRate) {
            if (velocity.length != parameters.size()) {
                velocity = new double[parameters.size()];
            }
            for (int i = 0; i < velocity.length; i++) {
                Value p = parameters.get(i);
                velocity[i] = beta * velocity[i] + p.grad;
                p.data -= learningRate * velocity[i];
            }
        }

        public void reset() {
            velocity = new double[0];
        }

        double[] memory() {
            return velocity.clone();
        }

        void remember(double[] memory) {
            velocity = memory.clone();
        }
    }

    /** Adam (Kingma and Ba, 2015), with bias-corrected first and second moment estimates. */
    public static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double epsilon;
        private double[] m = new double[0];
        private double[] v = new double[0];
        private int t;

        public Adam(double beta1, double beta2, double epsilon) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        public String label() { return "adam"; }

        public void update(List<Value> parameters, double learningRate) {
            if (m.length != parameters.size()) {
                reset();
                m = new double[parameters.size()];
                v = new double[parameters.size()];
            }
            t++;
            double correction1 = 1 - Math.pow(beta1, t);
            double correction2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < m.length; i++) {
                Value p = parameters.get(i);
                m[i] = beta1 * m[i] + (1 - beta1) * p.grad;
                v[i] = beta2 * v[i] + (1 - beta2) * p.grad * p.grad;
                p.data -= learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + epsilon);
            }
        }

        public void reset() {
            m = new double[0];
            v = new double[0];
            t = 0;
        }

        /** t, then m, then v. */
        double[] memory() {
            double[] memory = new double[1 + 2 * m.length];
            memory[0] = t;
            System.arraycopy(m, 0, memory, 1, m.length);
            System.arraycopy(v, 0, memory, 1 + m.length, v.length);
            return memory;
        }

        void remember(double[] memory) {
            if (memory.length % 2 != 1) {
                throw new IllegalArgumentException("adam's memory is t, m and v: an odd count, given " + memory.length);
            }
            int n = (memory.length - 1) / 2;
            t = (int) memory[0];
            m = java.util.Arrays.copyOfRange(memory, 1, 1 + n);
            v = java.util.Arrays.copyOfRange(memory, 1 + n, 1 + 2 * n);
        }
    }
}

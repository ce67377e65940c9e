package scratchnet.nn;

import scratchnet.engine.Tensor;
import scratchnet.engine.Value;

/**
 * A neuron's nonlinearity, as a pair: the output, and its derivative written in terms of that
 * output (which is what a backward pass has at hand).
 */
public enum Activation {
    TANH("tanh") {
        public Value apply(Value x) { return x.tanh(); }
        public Tensor apply(Tensor x) { return x.tanh(); }
        public double apply(double x) { return scratchnet.engine.Tanh.tanh(x); }
        public double derivative(double y) { return 1 - y * y; }
    },
    RELU("relu") {
        public Value apply(Value x) { return x.relu(); }
        public Tensor apply(Tensor x) { return x.relu(); }
        public double apply(double x) { return x > 0 ? x : 0; }
        public double derivative(double y) { return y > 0 ? 1 : 0; }
    },
    SIGMOID("sigmoid") {
        public Value apply(Value x) { return x.sigmoid(); }
        public Tensor apply(Tensor x) { return x.sigmoid(); }
        public double apply(double x) { return Value.sigmoid(x); }
        public double derivative(double y) { return y * (1 - y); }
    },
    LINEAR("linear") {
        public Value apply(Value x) { return x; }
        public Tensor apply(Tensor x) { return x; }
        public double apply(double x) { return x; }
        public double derivative(double y) { return 1; }
    };

    /** The short lower-case name used on the page, in share links and in model files. */
    public final String label;

    Activation(String label) {
        this.label = label;
    }

    public abstract Value apply(Value x);

    public abstract Tensor apply(Tensor x);

    public abstract double apply(double x);

    /** d(apply(x))/dx, given {@code y = apply(x)}. */
    public abstract double derivative(double y);

    /** The activation called {@code label}, or null if there is none. */
    public static Activation byLabel(String label) {
        for (Activation a : values()) {
            if (a.label.equals(label)) {
                return a;
            }
        }
        return null;
    }
}

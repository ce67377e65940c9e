package scratchnet.nn;

import scratchnet.engine.Tensor;
import scratchnet.engine.Value;

/**
 * A neuron's nonlinearity, on each engine: a {@link Value} (its derivative is the Value op's
 * backward), a batch {@link Tensor} (likewise), and a plain double (no graph, for {@link Snapshot}).
 */
public enum Activation {
    TANH("tanh") {
        public Value apply(Value x) { return x.tanh(); }
        public Tensor apply(Tensor x) { return x.tanh(); }
        public double apply(double x) { return scratchnet.engine.Tanh.tanh(x); }
    },
    RELU("relu") {
        public Value apply(Value x) { return x.relu(); }
        public Tensor apply(Tensor x) { return x.relu(); }
        public double apply(double x) { return x > 0 ? x : 0; }
    },
    SIGMOID("sigmoid") {
        public Value apply(Value x) { return x.sigmoid(); }
        public Tensor apply(Tensor x) { return x.sigmoid(); }
        public double apply(double x) { return Value.sigmoid(x); }
    },
    LINEAR("linear") {
        public Value apply(Value x) { return x; }
        public Tensor apply(Tensor x) { return x; }
        public double apply(double x) { return x; }
    };

    /** The short lower-case name used on the page, in share links and in model files. */
    public final String label;

    Activation(String label) {
        this.label = label;
    }

    public abstract Value apply(Value x);

    public abstract Tensor apply(Tensor x);

    public abstract double apply(double x);

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

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
    /** x for x > 0, 0.01·x otherwise ({@link Value#LEAKY_SLOPE}). */
    LEAKY_RELU("leaky") {
        public Value apply(Value x) { return x.leakyRelu(); }
        public Tensor apply(Tensor x) { return x.leakyRelu(); }
        public double apply(double x) { return Value.leakyRelu(x); }
    },
    /** x for x > 0, e^x − 1 otherwise (α = 1). */
    ELU("elu") {
        public Value apply(Value x) { return x.elu(); }
        public Tensor apply(Tensor x) { return x.elu(); }
        public double apply(double x) { return Value.elu(x); }
    },
    /** The tanh approximation 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), not the exact x·Φ(x). */
    GELU("gelu") {
        public Value apply(Value x) { return x.gelu(); }
        public Tensor apply(Tensor x) { return x.gelu(); }
        public double apply(double x) { return Value.gelu(x); }
    },
    /** log(1 + e^x), as log1p(e^−|x|) + max(x, 0). */
    SOFTPLUS("softplus") {
        public Value apply(Value x) { return x.softplus(); }
        public Tensor apply(Tensor x) { return x.softplus(); }
        public double apply(double x) { return Value.softplus(x); }
    },
    /** sin(x), radians. */
    SINE("sine") {
        public Value apply(Value x) { return x.sin(); }
        public Tensor apply(Tensor x) { return x.sin(); }
        public double apply(double x) { return Math.sin(x); }
    },
    /** x·sigmoid(x) (also called SiLU). */
    SWISH("swish") {
        public Value apply(Value x) { return x.swish(); }
        public Tensor apply(Tensor x) { return x.swish(); }
        public double apply(double x) { return Value.swish(x); }
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

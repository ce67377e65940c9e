package scratchnet.engine;

import java.util.List;

/**
 * A scalar that remembers how it was computed, so that {@link #backward()} can fill in the
 * gradient of every value it depends on.
 *
 * <p>Each operation computes {@link #data} and, right beside it, says how the output's gradient
 * flows back to its inputs. Gradients accumulate with {@code +=}: a value used twice receives both
 * shares. Equality is identity: two values with the same number are still two nodes.
 */
public final class Value extends GraphNode<Value> {
    /** The number this node holds. */
    public double data;
    /** d(output of the last {@link #backward()})/d(this); zero until a backward pass reaches it. */
    public double grad;

    // The operation's inputs: none for a leaf, one for a unary op, two for a binary one. Two fields
    // rather than an array: one object fewer per node, and a training step makes ~100k nodes.
    private final Value left;
    private final Value right;
    private final Object op; // the operation's name; for pow, its constant exponent (a Double): no field more per node
    private static final Runnable LEAF = () -> { };
    private Runnable backwardStep = LEAF;

    /** A leaf: an input or a parameter. */
    public Value(double data) {
        this(data, null, null, "");
    }

    private Value(double data, Value left, Value right, Object op) {
        this.data = data;
        this.left = left;
        this.right = right;
        this.op = op;
    }

    /**
     * The operation that produced this value ("" for a leaf), e.g. "+", "*", "tanh"; "^" for
     * {@link #pow}, whose constant is {@link #exponent()} (whoever prints the graph writes it).
     */
    public String op() {
        return op instanceof Double ? "^" : (String) op;
    }

    /** The constant exponent of a {@link #pow} node ({@code op()} "^"); NaN for any other node. */
    public double exponent() {
        return op instanceof Double ? (Double) op : Double.NaN;
    }

    /** The inputs of the operation that produced this value (empty for a leaf). */
    public List<Value> children() {
        return left == null ? List.of() : right == null ? List.of(left) : List.of(left, right);
    }

    @Override
    Value input(int i) {
        return i == 0 ? left : i == 1 ? right : null;
    }

    // ---- primitives: forward, then backward ----

    public Value add(Value other) {
        Value out = new Value(data + other.data, this, other, "+");
        out.backwardStep = () -> {
            this.grad += out.grad;
            other.grad += out.grad;
        };
        return out;
    }

    public Value mul(Value other) {
        Value out = new Value(data * other.data, this, other, "*");
        out.backwardStep = () -> {
            this.grad += other.data * out.grad;
            other.grad += this.data * out.grad;
        };
        return out;
    }

    /** {@code this ^ exponent} for a constant exponent. */
    public Value pow(double exponent) {
        Value out = new Value(Math.pow(data, exponent), this, null, (Double) exponent);
        out.backwardStep = () -> this.grad += exponent * Math.pow(data, exponent - 1) * out.grad;
        return out;
    }

    public Value tanh() {
        double t = Tanh.tanh(data);
        Value out = new Value(t, this, null, "tanh");
        out.backwardStep = () -> this.grad += (1 - t * t) * out.grad;
        return out;
    }

    public Value relu() {
        Value out = new Value(data > 0 ? data : 0, this, null, "relu");
        out.backwardStep = () -> this.grad += (out.data > 0 ? 1 : 0) * out.grad;
        return out;
    }

    public Value sigmoid() {
        double s = sigmoid(data);
        Value out = new Value(s, this, null, "sigmoid");
        out.backwardStep = () -> this.grad += s * (1 - s) * out.grad;
        return out;
    }

    /** Leaky ReLU: x for x > 0, {@link #LEAKY_SLOPE}·x otherwise. */
    public Value leakyRelu() {
        Value out = new Value(leakyRelu(data), this, null, "leaky");
        out.backwardStep = () -> this.grad += (data > 0 ? 1 : LEAKY_SLOPE) * out.grad;
        return out;
    }

    /** ELU with α = 1: x for x > 0, e^x − 1 otherwise. */
    public Value elu() {
        Value out = new Value(elu(data), this, null, "elu");
        out.backwardStep = () -> this.grad += (data > 0 ? 1 : out.data + 1) * out.grad;
        return out;
    }

    /** GELU, tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
    public Value gelu() {
        double t = Tanh.tanh(GELU_C * (data + 0.044715 * data * data * data));
        Value out = new Value(0.5 * data * (1 + t), this, null, "gelu");
        out.backwardStep = () -> this.grad += geluSlope(data, t) * out.grad;
        return out;
    }

    /** Softplus log(1 + e^x), as log1p(e^−|x|) + max(x, 0) so that no exp overflows; its gradient is sigmoid(x). */
    public Value softplus() {
        Value out = new Value(softplus(data), this, null, "softplus");
        out.backwardStep = () -> this.grad += sigmoid(data) * out.grad;
        return out;
    }

    /** Swish (SiLU): x·sigmoid(x); its gradient is s + x·s·(1 − s) with s = sigmoid(x). */
    public Value swish() {
        double s = sigmoid(data);
        Value out = new Value(data * s, this, null, "swish");
        out.backwardStep = () -> this.grad += (s + data * s * (1 - s)) * out.grad;
        return out;
    }

    public Value exp() {
        Value out = new Value(Math.exp(data), this, null, "exp");
        out.backwardStep = () -> this.grad += out.data * out.grad;
        return out;
    }

    /** Sine (radians); its gradient is {@code cos(data)}. */
    public Value sin() {
        Value out = new Value(Math.sin(data), this, null, "sin");
        out.backwardStep = () -> this.grad += Math.cos(data) * out.grad;
        return out;
    }

    /** Natural logarithm; its gradient is {@code 1 / data}. */
    public Value log() {
        Value out = new Value(Math.log(data), this, null, "log");
        out.backwardStep = () -> this.grad += out.grad / data;
        return out;
    }

    /** |data|; its gradient is the sign of {@code data}, and 0 at 0 (a subgradient: L1 leaves a zero weight at rest). */
    public Value abs() {
        Value out = new Value(Math.abs(data), this, null, "abs");
        out.backwardStep = () -> this.grad += Math.signum(data) * out.grad;
        return out;
    }

    // ---- derived: built from primitives, so they carry no derivative of their own ----

    public Value add(double other) {
        return add(new Value(other));
    }

    public Value mul(double other) {
        return mul(new Value(other));
    }

    public Value neg() {
        return mul(-1);
    }

    public Value sub(Value other) {
        return add(other.neg());
    }

    public Value sub(double other) {
        return add(-other);
    }

    public Value div(Value other) {
        return mul(other.pow(-1));
    }

    public Value div(double other) {
        return mul(new Value(other).pow(-1));
    }

    // ---- backward ----

    /**
     * Sets this value's gradient to 1 and propagates gradients to every value it depends on.
     * Gradients accumulate: call {@code zeroGrad} on the parameters (or reset {@link #grad}) before
     * a second pass over a graph that shares nodes with the first.
     */
    public void backward() {
        List<Value> topo = topologicalOrder();
        grad = 1;
        for (int i = topo.size() - 1; i >= 0; i--) {
            topo.get(i).backwardStep.run();
        }
    }

    /** Every value this one depends on, itself last, each after all of its children (iterative). */
    public List<Value> topologicalOrder() {
        return topologicalSort(this);
    }

    /** Leaky ReLU's slope for x ≤ 0. */
    public static final double LEAKY_SLOPE = 0.01;
    /** √(2/π), GELU's tanh approximation's constant. */
    static final double GELU_C = Math.sqrt(2 / Math.PI);

    public static double leakyRelu(double x) {
        return x > 0 ? x : LEAKY_SLOPE * x;
    }

    public static double elu(double x) {
        return x > 0 ? x : Math.expm1(x);
    }

    public static double gelu(double x) {
        return 0.5 * x * (1 + Tanh.tanh(GELU_C * (x + 0.044715 * x * x * x)));
    }

    /** GELU's derivative at x, given t = tanh(√(2/π)(x + 0.044715x³)); 0 · ∞ (|x| beyond 1e100) taken as 0. */
    static double geluSlope(double x, double t) {
        double d = 1 - t * t;
        return 0.5 * (1 + t) + (d == 0 ? 0 : 0.5 * x * d * GELU_C * (1 + 3 * 0.044715 * x * x));
    }

    public static double softplus(double x) {
        return Math.log1p(Math.exp(-Math.abs(x))) + (x > 0 ? x : 0);
    }

    public static double swish(double x) {
        return x * sigmoid(x);
    }

    /** The logistic function {@code 1 / (1 + e^-x)}, computed without overflow for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    public String toString() {
        return "Value(data=" + data + ", grad=" + grad + ")";
    }
}

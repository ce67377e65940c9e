package scratchnet.playground.export;

import java.util.HashMap;
import java.util.Map;
import scratchnet.nn.Feature;
import scratchnet.train.Loss;
import scratchnet.train.Schedule;

/**
 * Writes a {@link CodeExport} as one Java source file for {@code java Model.java} (Java 11 or
 * later): the public class {@code Model} first (the launcher runs the file's first class), holding
 * the page's settings, features, loss, weights, points and {@code main}; then micrograd's
 * {@code Value} (iterative topological sort; tanh, relu, sigmoid, leaky ReLU, ELU, GELU, softplus,
 * swish, sin, exp and log, each with its
 * backward beside it), {@code Module}, {@code Neuron}, {@code Layer}, {@code MLP} and the
 * optimiser, each a class of its own.
 *
 * <p>The operations are the core's, in the core's order, so on the same JVM the recomputed loss
 * is the page's to the last bit or two. Each layer's weights and each block of
 * {@value #POINTS_PER_METHOD} points are in a method of their own: a Java method holds at most
 * 64 KB of code, which the largest network or data set would pass in one.
 */
final class JavaCode {
    static final int POINTS_PER_METHOD = 500;

    private JavaCode() {
    }

    static String write(CodeExport e) {
        StringBuilder header = new StringBuilder();
        for (String line : e.header("java " + CodeExport.JAVA_NAME + "    (Java 11 or later)")) {
            header.append(line.isEmpty() ? " *" : " * " + line).append('\n');
        }
        Map<String, String> v = new HashMap<>();
        v.put("HEADER", header.toString());
        v.put("LEARNING_RATE", number(e.learningRate));
        v.put("DECAY", number(e.decay));
        v.put("L1", number(e.l1));
        v.put("L2", number(e.l2));
        v.put("SCHEDULE", schedule(e));
        v.put("PAGE_STEP", Integer.toString(e.step));
        v.put("PAGE_LOSS", number(e.pageLoss));
        v.put("STEPS", Integer.toString(CodeExport.STEPS));
        v.put("NEW_OPTIMIZER", optimizerClass(e.optimizer));
        v.put("CHECK_ACCURACY", e.classification()
                ? "\n        System.out.println(\"accuracy \" + accuracy(outputs, targets));" : "");
        v.put("STEP_ACCURACY", e.classification() ? " + \" accuracy \" + accuracy(outputs, targets)" : "");
        v.put("FEATURES", features(e));
        v.put("LOSS", loss(e.loss));
        v.put("ACCURACY", e.classification() ? "\n" + accuracy(e) : "");
        v.put("MODEL", model(e));
        v.put("POINTS", points(e));
        v.put("OPTIMIZER", optimizer(e.optimizer));
        v.put("ROWS", "training " + e.noun + "s");
        v.put("FORWARD_DOC", e.forwardText());
        String[] leaves = new String[e.columns.length];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = "new Value(p[" + i + "])";
        }
        v.put("INPUTS", (e.features == null ? "List.of(" : "features(") + String.join(", ", leaves) + ")");
        v.put("TARGETS_DOC", "Each " + e.noun + "'s " + (e.features == null ? "last number, after its " + leaves.length
                + (leaves.length == 1 ? " input" : " inputs") : "third number") + ": what the loss compares its outputs with.");
        v.put("TARGET", Integer.toString(leaves.length));
        return Template.fill(FILE, v);
    }

    /** The schedule's constants and {@code learningRate(k)}, computed as {@link Schedule#rate} and the trainer's decay. */
    static String schedule(CodeExport e) {
        Schedule sc = e.schedule;
        StringBuilder s = new StringBuilder();
        boolean every = sc.kind == Schedule.Kind.STEP || sc.kind == Schedule.Kind.EXP || sc.kind == Schedule.Kind.COSINE;
        if (every) {
            s.append("    static final int EVERY = ").append(sc.every).append(";\n");
            s.append("    static final double FACTOR = ").append(number(sc.factor)).append(";\n");
        }
        if (sc.warmup > 0) {
            s.append("    static final int WARMUP = ").append(sc.warmup).append(";\n");
        }
        s.append("\n    /** Step k's learning rate (k from 0): ").append(e.scheduleText()).append(". */\n");
        s.append("    static double learningRate(int k) {\n");
        switch (sc.kind) {
            case STEP:
                s.append("        double lr = LEARNING_RATE * Math.pow(FACTOR, k / EVERY);\n");
                break;
            case EXP:
                s.append("        double lr = LEARNING_RATE * Math.pow(FACTOR, (double) k / EVERY);\n");
                break;
            case COSINE:
                s.append("        double end = LEARNING_RATE * FACTOR;\n");
                s.append("        double lr = end + (LEARNING_RATE - end) * (1 + Math.cos(Math.PI * Math.min(k, EVERY) / EVERY)) / 2;\n");
                break;
            case MICROGRAD:
                s.append("        double lr = 1.0 - 0.9 * Math.min(k, 100) / 100; // micrograd's demo; LEARNING_RATE is not used\n");
                break;
            default:
                s.append("        double lr = LEARNING_RATE;\n");
        }
        if (sc.warmup > 0) {
            s.append("        if (k < WARMUP) {\n            lr = lr * (k + 1) / WARMUP;\n        }\n");
        }
        s.append("        return lr / (1 + DECAY * k);\n    }\n\n");
        return s.toString();
    }

    /** A Java expression for {@code v} that reads back to the same double (infinities and NaN too). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return CodeExport.decimal(v);
    }

    /** Each feature's expression from the nodes x and y, as {@code nn/Feature} builds it; none for raw inputs. */
    private static String features(CodeExport e) {
        if (e.features == null) {
            return "";
        }
        StringBuilder list = new StringBuilder();
        for (Feature f : e.features) {
            list.append(list.length() > 0 ? ", " : "").append(CodeExport.FEATURES.get(f)[2]);
        }
        String scaling = "";
        if (!e.scaling.isNone()) {
            Map<String, String> v = new HashMap<>();
            v.put("MEAN_X", CodeExport.decimal(e.scaling.meanX));
            v.put("SPREAD_X", CodeExport.decimal(e.scaling.spreadX));
            v.put("MEAN_Y", CodeExport.decimal(e.scaling.meanY));
            v.put("SPREAD_Y", CodeExport.decimal(e.scaling.spreadY));
            scaling = Template.fill(SCALING, v);
        }
        Map<String, String> v = new HashMap<>();
        v.put("SCALING", scaling);
        v.put("LIST", list.toString());
        return Template.fill(FEATURES, v) + "\n";
    }

    private static final String FEATURES = """
                /** The network's inputs at the point whose coordinates are the Values x and y: nodes of its graph. */
                static List<Value> features(Value x, Value y) {
            ${SCALING}        return List.of(${LIST});
                }
            """;

    /** As the page's nn/Scaling: x + (-mean), times spread^-1. */
    private static final String SCALING = """
                    // Standardised as the page does it: x' = (x - mean) / spread of the training points.
                    x = x.sub(${MEAN_X}).mul(new Value(${SPREAD_X}).pow(-1));
                    y = y.sub(${MEAN_Y}).mul(new Value(${SPREAD_Y}).pow(-1));
            """;

    /** The loss as {@code train/Loss} builds its graph: same operations, same order. */
    private static String loss(Loss loss) {
        switch (loss) {
            case SUM_SQUARED:
                return """
                            /** Sum of squares, the page's "sse": the sum of (score - y)^2 over the points. */
                            static Value loss(List<List<Value>> outputs, double[] targets) {
                                Value total = new Value(0);
                                for (int i = 0; i < outputs.size(); i++) {
                                    total = total.add(outputs.get(i).get(0).sub(targets[i]).pow(2));
                                }
                                return total;
                            }
                        """;
            case MEAN_SQUARED:
                return """
                            /** Mean squared error, the page's "mse": the sum of (score - y)^2 over the points, / n. */
                            static Value loss(List<List<Value>> outputs, double[] targets) {
                                if (outputs.isEmpty()) {
                                    return new Value(0);
                                }
                                Value total = new Value(0);
                                for (int i = 0; i < outputs.size(); i++) {
                                    total = total.add(outputs.get(i).get(0).sub(targets[i]).pow(2));
                                }
                                return total.mul(1.0 / outputs.size());
                            }
                        """;
            case HINGE:
                return """
                            /** Max-margin hinge, the page's "hinge": the sum of max(0, 1 - y * score), / n. */
                            static Value loss(List<List<Value>> outputs, double[] targets) {
                                if (outputs.isEmpty()) {
                                    return new Value(0);
                                }
                                Value total = new Value(0);
                                for (int i = 0; i < outputs.size(); i++) {
                                    total = total.add(outputs.get(i).get(0).mul(-targets[i]).add(1).relu());
                                }
                                return total.mul(1.0 / outputs.size());
                            }
                        """;
            case CROSS_ENTROPY:
                return """
                            /**
                             * -log softmax(logits)[label], as log(sum of exp(z - m)) - (z[label] - m), m the largest logit's
                             * number: a constant, so the value and the gradients are the same, and no exp can overflow.
                             */
                            static Value crossEntropy(List<Value> logits, int label) {
                                double m = logits.get(0).data;
                                for (Value z : logits) {
                                    if (z.data > m) {
                                        m = z.data;
                                    }
                                }
                                List<Value> shifted = new ArrayList<>();
                                Value sum = null;
                                for (Value z : logits) {
                                    Value s = z.sub(m);
                                    shifted.add(s);
                                    sum = sum == null ? s.exp() : sum.add(s.exp());
                                }
                                return sum.log().sub(shifted.get(label));
                            }

                            /** Mean softmax cross-entropy, the page's "ce": the sum of crossEntropy(logits, class) over the points, / n. */
                            static Value loss(List<List<Value>> outputs, double[] targets) {
                                if (outputs.isEmpty()) {
                                    return new Value(0);
                                }
                                Value total = new Value(0);
                                for (int i = 0; i < outputs.size(); i++) {
                                    total = total.add(crossEntropy(outputs.get(i), (int) targets[i]));
                                }
                                return total.mul(1.0 / outputs.size());
                            }
                        """;
            default:
                throw new IllegalArgumentException("no Java for the loss " + loss);
        }
    }

    /** The fraction of points classified right, as {@code Loss.accuracy}: by the sign of one output, or the largest of K. */
    private static String accuracy(CodeExport e) {
        if (e.logits()) {
            return """
                        /** The fraction of points whose largest output is their class's (the first, if several are largest). */
                        static double accuracy(List<List<Value>> outputs, double[] targets) {
                            if (outputs.isEmpty()) {
                                return 0;
                            }
                            int right = 0;
                            for (int i = 0; i < outputs.size(); i++) {
                                List<Value> out = outputs.get(i);
                                int best = 0;
                                for (int k = 1; k < out.size(); k++) {
                                    if (out.get(k).data > out.get(best).data) {
                                        best = k;
                                    }
                                }
                                if (best == (int) targets[i]) {
                                    right++;
                                }
                            }
                            return (double) right / outputs.size();
                        }
                    """;
        }
        return """
                    /** The fraction of points whose output has their label's sign (an output of 0 counts as -1). */
                    static double accuracy(List<List<Value>> outputs, double[] targets) {
                        if (outputs.isEmpty()) {
                            return 0;
                        }
                        int right = 0;
                        for (int i = 0; i < outputs.size(); i++) {
                            if ((outputs.get(i).get(0).data > 0) == (targets[i] > 0)) {
                                right++;
                            }
                        }
                        return (double) right / outputs.size();
                    }
                """;
    }

    private static String optimizerClass(String label) {
        switch (label) {
            case "momentum": return "Momentum(0.9)";
            case "adam": return "Adam(0.9, 0.999, 1e-8)";
            default: return "Sgd()";
        }
    }

    /** As {@code train/Optimizer}; a fresh one, as after an import. */
    private static String optimizer(String label) {
        switch (label) {
            case "momentum":
                return """
                        /** Gradient descent with a velocity: v = beta * v + grad; p.data -= lr * v. */
                        class Momentum {
                            final double beta;
                            double[] velocity;

                            Momentum(double beta) {
                                this.beta = beta;
                            }

                            void step(List<Value> params, double lr) {
                                if (velocity == null) {
                                    velocity = new double[params.size()];
                                }
                                for (int i = 0; i < velocity.length; i++) {
                                    Value p = params.get(i);
                                    velocity[i] = beta * velocity[i] + p.grad;
                                    p.data -= lr * velocity[i];
                                }
                            }
                        }
                        """;
            case "adam":
                return """
                        /** Adam (Kingma and Ba, 2015), with bias-corrected first and second moment estimates. */
                        class Adam {
                            final double beta1;
                            final double beta2;
                            final double epsilon;
                            double[] m;
                            double[] v;
                            int t;

                            Adam(double beta1, double beta2, double epsilon) {
                                this.beta1 = beta1;
                                this.beta2 = beta2;
                                this.epsilon = epsilon;
                            }

                            void step(List<Value> params, double lr) {
                                if (m == null) {
                                    m = new double[params.size()];
                                    v = new double[params.size()];
                                }
                                t++;
                                double correction1 = 1 - Math.pow(beta1, t);
                                double correction2 = 1 - Math.pow(beta2, t);
                                for (int i = 0; i < m.length; i++) {
                                    Value p = params.get(i);
                                    m[i] = beta1 * m[i] + (1 - beta1) * p.grad;
                                    v[i] = beta2 * v[i] + (1 - beta2) * p.grad * p.grad;
                                    p.data -= lr * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + epsilon);
                                }
                            }
                        }
                        """;
            default:
                return """
                        /** Plain gradient descent: p.data -= lr * p.grad. */
                        class Sgd {
                            void step(List<Value> params, double lr) {
                                for (Value p : params) {
                                    p.data -= lr * p.grad;
                                }
                            }
                        }
                        """;
        }
    }

    private static String model(CodeExport e) {
        StringBuilder s = new StringBuilder();
        s.append("    /** The network with the page's weights: in each layer one row of weights per neuron (one per input), then the biases. */\n");
        s.append("    static MLP trainedModel() {\n");
        s.append("        return new MLP(");
        for (int l = 0; l < e.weights.length; l++) {
            s.append(l > 0 ? ", " : "").append("layer").append(l + 1).append("()");
        }
        s.append(");\n    }\n");
        for (int l = 0; l < e.weights.length; l++) {
            double[][] w = e.weights[l];
            s.append("\n    /** Layer ").append(l + 1).append(": ").append(e.layerText(l)).append(". */\n");
            s.append("    static Layer layer").append(l + 1).append("() {\n");
            s.append("        return new Layer(\"").append(e.activations[l]).append("\", new double[][] {\n");
            for (double[] row : w) {
                s.append("            {").append(CodeExport.list(row, JavaCode::number, "             ")).append("},\n");
            }
            s.append("        }, new double[] {\n");
            s.append("            ").append(CodeExport.list(e.biases[l], JavaCode::number, "            ")).append(",\n");
            s.append("        });\n    }\n");
        }
        return s.toString();
    }

    private static String points(CodeExport e) {
        StringBuilder s = new StringBuilder();
        int n = e.points.length;
        int parts = Math.max(1, (n + POINTS_PER_METHOD - 1) / POINTS_PER_METHOD);
        s.append("\n    /** ").append(e.rowsText()).append(". */\n");
        if (parts == 1) {
            pointsMethod(s, "points", e, 0, n);
            return s.toString();
        }
        s.append("    static double[][] points() {\n");
        s.append("        // In parts: a Java method holds at most 64 KB of code.\n");
        s.append("        List<double[]> points = new ArrayList<>();\n");
        for (int k = 1; k <= parts; k++) {
            s.append("        points.addAll(List.of(points").append(k).append("()));\n");
        }
        s.append("        return points.toArray(new double[0][]);\n    }\n");
        for (int k = 1; k <= parts; k++) {
            s.append('\n');
            pointsMethod(s, "points" + k, e, (k - 1) * POINTS_PER_METHOD, Math.min(n, k * POINTS_PER_METHOD));
        }
        return s.toString();
    }

    private static void pointsMethod(StringBuilder s, String name, CodeExport e, int from, int to) {
        s.append("    static double[][] ").append(name).append("() {\n");
        s.append("        return new double[][] {\n");
        for (int k = from; k < to; k++) {
            double[] p = e.points[k];
            s.append("            {");
            for (int i = 0; i < p.length - 1; i++) {
                s.append(number(p[i])).append(", ");
            }
            s.append(e.target(p[p.length - 1])).append("},\n");
        }
        s.append("        };\n    }\n");
    }

    private static final String MAIN = """

                public static void main(String[] args) {
                    MLP model = trainedModel();
                    System.out.println(model);
                    double[][] points = points();
                    double[] targets = targets(points);
                    // 1. The loss at the exported weights (no L2, as the page's readout), against the page's.
                    List<List<Value>> outputs = forward(model, points);
                    double recomputed = loss(outputs, targets).data;
                    System.out.println("recomputed loss " + recomputed);
                    System.out.println("page loss       " + PAGE_LOSS);
                    if (!agree(recomputed, PAGE_LOSS)) {
                        System.out.println("they disagree: by more than 1e-9, relative");
                        System.exit(1);
                    }
                    System.out.println("they agree to 1e-9");${CHECK_ACCURACY}
                    // 2. Train on, a step at a time: forward, zero grads, backward, update.
                    List<Value> params = model.parameters();
                    var optimizer = new ${NEW_OPTIMIZER};
                    for (int step = PAGE_STEP + 1; step <= PAGE_STEP + STEPS; step++) {
                        // forward
                        outputs = forward(model, points);
                        Value total = loss(outputs, targets);
                        if (L2 > 0) {
                            Value squares = new Value(0);
                            for (Value p : params) {
                                squares = squares.add(p.mul(p));
                            }
                            total = total.add(squares.mul(L2));
                        }
                        if (L1 > 0) {
                            Value sizes = new Value(0);
                            for (Value p : params) {
                                sizes = sizes.add(p.abs());
                            }
                            total = total.add(sizes.mul(L1));
                        }
                        // zero grads
                        model.zeroGrad();
                        // backward
                        total.backward();
                        if (!finite(total, params)) {
                            System.out.println("step " + step + ": the loss or a gradient is not finite, so training stops (as on the page)");
                            return;
                        }
                        // update
                        optimizer.step(params, learningRate(step - 1));
                        System.out.println("step " + step + " loss " + total.data${STEP_ACCURACY});
                    }
                }

                /** ${FORWARD_DOC} */
                static List<List<Value>> forward(MLP model, double[][] points) {
                    List<List<Value>> outputs = new ArrayList<>();
                    for (double[] p : points) {
                        outputs.add(model.forward(${INPUTS}));
                    }
                    return outputs;
                }

                /** ${TARGETS_DOC} */
                static double[] targets(double[][] points) {
                    double[] targets = new double[points.length];
                    for (int i = 0; i < points.length; i++) {
                        targets[i] = points[i][${TARGET}];
                    }
                    return targets;
                }

                /** Equal to 1e-9, relative to the larger (or to 0.001 for a loss near 0, where rounding alone is more). */
                static boolean agree(double a, double b) {
                    return a == b || Math.abs(a - b) <= 1e-9 * Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-3);
                }

                static boolean finite(Value total, List<Value> params) {
                    boolean finite = Double.isFinite(total.data);
                    for (Value p : params) {
                        finite &= Double.isFinite(p.grad);
                    }
                    return finite;
                }
            """;

    private static final String ENGINE = """

            // ---- the engine: a scalar that remembers how it was computed ----

            /** A number, and the gradient of the last backward() with respect to it. */
            class Value {
                double data;
                double grad;
                final Value[] prev;
                final String op;
                Runnable backward = () -> { };

                Value(double data) {
                    this(data, new Value[0], "");
                }

                Value(double data, Value[] prev, String op) {
                    this.data = data;
                    this.prev = prev;
                    this.op = op;
                }

                Value add(Value other) {
                    Value out = new Value(data + other.data, new Value[] {this, other}, "+");
                    out.backward = () -> {
                        this.grad += out.grad;
                        other.grad += out.grad;
                    };
                    return out;
                }

                Value mul(Value other) {
                    Value out = new Value(data * other.data, new Value[] {this, other}, "*");
                    out.backward = () -> {
                        this.grad += other.data * out.grad;
                        other.grad += this.data * out.grad;
                    };
                    return out;
                }

                /** this ^ k for a constant k. */
                Value pow(double k) {
                    Value out = new Value(Math.pow(data, k), new Value[] {this}, "^" + k);
                    out.backward = () -> this.grad += k * Math.pow(data, k - 1) * out.grad;
                    return out;
                }

                Value tanh() {
                    double t = data > 20 ? 1 : data < -20 ? -1 : Math.tanh(data); // exactly +-1 beyond 20, as on the page
                    Value out = new Value(t, new Value[] {this}, "tanh");
                    out.backward = () -> this.grad += (1 - t * t) * out.grad;
                    return out;
                }

                /** |data|; its gradient is the sign of data, and 0 at 0. */
                Value abs() {
                    Value out = new Value(Math.abs(data), new Value[] {this}, "abs");
                    out.backward = () -> this.grad += Math.signum(data) * out.grad;
                    return out;
                }

                Value relu() {
                    Value out = new Value(data > 0 ? data : 0, new Value[] {this}, "relu");
                    out.backward = () -> this.grad += (out.data > 0 ? 1 : 0) * out.grad;
                    return out;
                }

                Value sigmoid() {
                    double s = sigmoid(data);
                    Value out = new Value(s, new Value[] {this}, "sigmoid");
                    out.backward = () -> this.grad += s * (1 - s) * out.grad;
                    return out;
                }

                static double sigmoid(double x) {
                    if (x >= 0) {
                        return 1 / (1 + Math.exp(-x));
                    }
                    double e = Math.exp(x); // so that exp never overflows
                    return e / (1 + e);
                }

                /** Sine, in radians. */
                Value sin() {
                    Value out = new Value(Math.sin(data), new Value[] {this}, "sin");
                    out.backward = () -> this.grad += Math.cos(data) * out.grad;
                    return out;
                }

                /** Leaky ReLU, slope 0.01 below 0. */
                Value leakyRelu() {
                    Value out = new Value(data > 0 ? data : 0.01 * data, new Value[] {this}, "leaky");
                    out.backward = () -> this.grad += (data > 0 ? 1 : 0.01) * out.grad;
                    return out;
                }

                /** ELU, alpha = 1. */
                Value elu() {
                    Value out = new Value(data > 0 ? data : Math.expm1(data), new Value[] {this}, "elu");
                    out.backward = () -> this.grad += (data > 0 ? 1 : out.data + 1) * out.grad;
                    return out;
                }

                /** GELU, the tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). */
                Value gelu() {
                    double c = Math.sqrt(2 / Math.PI);
                    double u = c * (data + 0.044715 * data * data * data);
                    double t = u > 20 ? 1 : u < -20 ? -1 : Math.tanh(u);
                    Value out = new Value(0.5 * data * (1 + t), new Value[] {this}, "gelu");
                    out.backward = () -> {
                        double d = 1 - t * t;
                        this.grad += (0.5 * (1 + t) + (d == 0 ? 0 : 0.5 * data * d * c * (1 + 3 * 0.044715 * data * data))) * out.grad;
                    };
                    return out;
                }

                /** Softplus log(1 + e^x), written so that exp never overflows. */
                Value softplus() {
                    Value out = new Value(Math.log1p(Math.exp(-Math.abs(data))) + (data > 0 ? data : 0), new Value[] {this}, "softplus");
                    out.backward = () -> this.grad += sigmoid(data) * out.grad;
                    return out;
                }

                /** Swish, x * sigmoid(x). */
                Value swish() {
                    double s = sigmoid(data);
                    Value out = new Value(data * s, new Value[] {this}, "swish");
                    out.backward = () -> this.grad += (s + data * s * (1 - s)) * out.grad;
                    return out;
                }

                Value exp() {
                    Value out = new Value(Math.exp(data), new Value[] {this}, "exp");
                    out.backward = () -> this.grad += out.data * out.grad;
                    return out;
                }

                /** Natural logarithm. */
                Value log() {
                    Value out = new Value(Math.log(data), new Value[] {this}, "log");
                    out.backward = () -> this.grad += out.grad / data;
                    return out;
                }

                Value add(double other) {
                    return add(new Value(other));
                }

                Value mul(double other) {
                    return mul(new Value(other));
                }

                Value neg() {
                    return mul(-1);
                }

                Value sub(Value other) {
                    return add(other.neg());
                }

                Value sub(double other) {
                    return add(-other);
                }

                void backward() {
                    // Order the graph topologically, each value after all it depends on. Iteratively:
                    // a recursive walk overflows the call stack on deep graphs.
                    List<Value> topo = new ArrayList<>();
                    Set<Value> visited = new HashSet<>(); // Value keeps identity equality
                    Set<Value> placed = new HashSet<>();
                    Deque<Value> stack = new ArrayDeque<>();
                    stack.push(this);
                    while (!stack.isEmpty()) {
                        Value v = stack.peek();
                        if (visited.add(v)) { // first visit: its inputs go on top of it
                            for (Value child : v.prev) {
                                if (!visited.contains(child)) {
                                    stack.push(child);
                                }
                            }
                        } else { // second visit: all it depends on is placed
                            stack.pop();
                            if (placed.add(v)) {
                                topo.add(v);
                            }
                        }
                    }
                    // Then one value at a time, from the output back, apply the chain rule.
                    grad = 1;
                    for (int i = topo.size() - 1; i >= 0; i--) {
                        topo.get(i).backward.run();
                    }
                }

                @Override
                public String toString() {
                    return "Value(data=" + data + ", grad=" + grad + ")";
                }
            }
            """;

    private static final String NETWORK = """

            // ---- the network ----

            abstract class Module {
                abstract List<Value> parameters();

                void zeroGrad() {
                    for (Value p : parameters()) {
                        p.grad = 0;
                    }
                }
            }

            /** activation(w . x + b) */
            class Neuron extends Module {
                final List<Value> w = new ArrayList<>();
                final Value b;
                final String activation;

                Neuron(double[] w, double b, String activation) {
                    for (double wi : w) {
                        this.w.add(new Value(wi));
                    }
                    this.b = new Value(b);
                    this.activation = activation;
                }

                Value forward(List<Value> x) {
                    Value act = b; // b + w0*x0 + w1*x1 + ..., as the page adds
                    for (int i = 0; i < w.size(); i++) {
                        act = act.add(w.get(i).mul(x.get(i)));
                    }
                    switch (activation) {
                        case "tanh": return act.tanh();
                        case "relu": return act.relu();
                        case "sigmoid": return act.sigmoid();
                        case "leaky": return act.leakyRelu();
                        case "elu": return act.elu();
                        case "gelu": return act.gelu();
                        case "softplus": return act.softplus();
                        case "sine": return act.sin();
                        case "swish": return act.swish();
                        default: return act; // linear
                    }
                }

                @Override
                List<Value> parameters() {
                    List<Value> params = new ArrayList<>(w);
                    params.add(b);
                    return params;
                }

                @Override
                public String toString() {
                    return activation + "(" + w.size() + ")";
                }
            }

            /** Neurons that all read the same inputs. */
            class Layer extends Module {
                final List<Neuron> neurons = new ArrayList<>();

                Layer(String activation, double[][] weights, double[] biases) {
                    for (int o = 0; o < weights.length; o++) {
                        neurons.add(new Neuron(weights[o], biases[o], activation));
                    }
                }

                List<Value> forward(List<Value> x) {
                    List<Value> out = new ArrayList<>();
                    for (Neuron n : neurons) {
                        out.add(n.forward(x));
                    }
                    return out;
                }

                @Override
                List<Value> parameters() {
                    List<Value> params = new ArrayList<>();
                    for (Neuron n : neurons) {
                        params.addAll(n.parameters());
                    }
                    return params;
                }

                @Override
                public String toString() {
                    return "Layer of " + neurons.size() + " x " + neurons.get(0);
                }
            }

            /** Layers, each reading the previous layer's outputs; returns the last layer's. */
            class MLP extends Module {
                final List<Layer> layers;

                MLP(Layer... layers) {
                    this.layers = List.of(layers);
                }

                List<Value> forward(List<Value> x) {
                    for (Layer layer : layers) {
                        x = layer.forward(x);
                    }
                    return x;
                }

                @Override
                List<Value> parameters() {
                    List<Value> params = new ArrayList<>();
                    for (Layer layer : layers) {
                        params.addAll(layer.parameters());
                    }
                    return params;
                }

                @Override
                public String toString() {
                    StringBuilder s = new StringBuilder("MLP(" + layers.get(0).neurons.get(0).w.size() + " inputs, "
                            + parameters().size() + " parameters):");
                    for (Layer layer : layers) {
                        s.append(layer == layers.get(0) ? " " : ", ").append(layer);
                    }
                    return s.toString();
                }
            }
            """;

    /**
     * The file: the header as a comment, the class Model with the page's settings, main, features,
     * loss, weights and points; then the engine, the network and the optimiser.
     */
    private static final String FILE = """
            /*
            ${HEADER} */
            import java.util.ArrayDeque;
            import java.util.ArrayList;
            import java.util.Deque;
            import java.util.HashSet;
            import java.util.List;
            import java.util.Set;

            /** The page's network: checks the page's loss, then trains on. The engine and the network follow. */
            public class Model {
                static final double LEARNING_RATE = ${LEARNING_RATE};
                static final double DECAY = ${DECAY}; // step k (from 0) uses learningRate(k): the schedule's rate / (1 + DECAY * k)
                static final double L1 = ${L1}; // L1 * (sum of every parameter's absolute value) joins the loss
                static final double L2 = ${L2}; // L2 * (sum of every parameter squared) joins the loss
            ${SCHEDULE}    static final int PAGE_STEP = ${PAGE_STEP}; // steps the page had taken
                static final double PAGE_LOSS = ${PAGE_LOSS}; // the training loss the page showed, exactly
                static final int STEPS = ${STEPS}; // steps to train here
            """ + MAIN + """

                // ---- what the page trained with ----

            ${FEATURES}${LOSS}${ACCURACY}
                // ---- the trained weights and the ${ROWS} ----

            ${MODEL}${POINTS}}
            """ + ENGINE + NETWORK + "\n${OPTIMIZER}";
}

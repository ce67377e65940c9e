package scratchnet.playground.export;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import scratchnet.nn.Feature;
import scratchnet.train.Loss;
import scratchnet.train.Schedule;

/**
 * Writes a {@link CodeExport} as a Python 3 program using only the standard library: micrograd's
 * {@code Value} (with an iterative topological sort: a recursive one passes Python's recursion
 * limit on deep graphs; tanh, relu, sigmoid, leaky ReLU, ELU, GELU, softplus, swish, sin, exp and
 * log, each with its backward beside it),
 * {@code Neuron}, {@code Layer}, {@code MLP}, then the page's features, loss, accuracy (for
 * classes) and optimiser, the weights and points, and {@code main}: check, then train on.
 *
 * <p>Each operation computes what the playground's core computes, in the same order, so the
 * recomputed loss agrees with the page's to rounding (~1e-15): tanh is exactly ±1 beyond
 * |x| = 20 as {@code engine/Tanh}, sigmoid is the core's overflow-free formula, each neuron sums
 * its bias first and then w_i * x_i in order, the features are {@code nn/Feature}'s nodes (x² is
 * x * x), and the losses are {@code train/Loss}'s graphs (cross-entropy subtracts the largest
 * logit as a constant, then log of the sum of exps, as {@code Loss.crossEntropy}).
 */
final class PythonCode {
    private PythonCode() {
    }

    static String write(CodeExport e) {
        StringBuilder header = new StringBuilder();
        for (String line : e.header("python3 " + CodeExport.PYTHON_NAME + "    (Python 3.6 or later, standard library only)")) {
            header.append(line).append('\n');
        }
        Map<String, String> v = new HashMap<>();
        v.put("HEADER", header.toString());
        v.put("FEATURES", features(e));
        v.put("LOSS", loss(e.loss));
        v.put("ACCURACY", e.classification() ? accuracy(e) + "\n\n" : "");
        v.put("OPTIMIZER", optimizer(e.optimizer));
        v.put("LEARNING_RATE", number(e.learningRate));
        v.put("DECAY", number(e.decay));
        v.put("SCHEDULE", schedule(e));
        v.put("L1", number(e.l1));
        v.put("L2", number(e.l2));
        v.put("PAGE_STEP", Integer.toString(e.step));
        v.put("PAGE_LOSS", number(e.pageLoss));
        v.put("STEPS", Integer.toString(CodeExport.STEPS));
        v.put("MODEL", model(e));
        v.put("POINTS", points(e));
        v.put("NEW_OPTIMIZER", optimizerClass(e.optimizer));
        v.put("CHECK_ACCURACY", e.classification() ? "\n    print(f'accuracy {accuracy(outputs, targets)!r}')" : "");
        v.put("STEP_ACCURACY", e.classification() ? " accuracy {accuracy(outputs, targets)!r}" : "");
        v.put("ROWS", "training " + e.noun + "s");
        v.put("FORWARD_DOC", e.forwardText());
        String leaves = String.join(", ", CodeExport.each(e.columns, "Value(", ")"));
        v.put("INPUTS", e.features == null ? "[" + leaves + "]" : "features(" + leaves + ")");
        v.put("COLUMNS", String.join(", ", e.columns));
        v.put("SKIP", String.join(", ", Collections.nCopies(e.columns.length, "_")));
        return Template.fill(FILE, v);
    }

    /** The schedule's constants and {@code learning_rate(k)}, computed as {@link Schedule#rate} and the trainer's decay. */
    static String schedule(CodeExport e) {
        Schedule sc = e.schedule;
        StringBuilder s = new StringBuilder();
        boolean every = sc.kind == Schedule.Kind.STEP || sc.kind == Schedule.Kind.EXP || sc.kind == Schedule.Kind.COSINE;
        if (every) {
            s.append("EVERY = ").append(sc.every).append('\n');
            s.append("FACTOR = ").append(number(sc.factor)).append('\n');
        }
        if (sc.warmup > 0) {
            s.append("WARMUP = ").append(sc.warmup).append('\n');
        }
        s.append("\n\ndef learning_rate(k):\n");
        s.append("    \"\"\"Step k's learning rate (k from 0): ").append(e.scheduleText()).append(".\"\"\"\n");
        switch (sc.kind) {
            case STEP:
                s.append("    lr = LEARNING_RATE * math.pow(FACTOR, k // EVERY)\n");
                break;
            case EXP:
                s.append("    lr = LEARNING_RATE * math.pow(FACTOR, k / EVERY)\n");
                break;
            case COSINE:
                s.append("    end = LEARNING_RATE * FACTOR\n");
                s.append("    lr = end + (LEARNING_RATE - end) * (1 + math.cos(math.pi * min(k, EVERY) / EVERY)) / 2\n");
                break;
            case MICROGRAD:
                s.append("    lr = 1.0 - 0.9 * min(k, 100) / 100  # micrograd's demo; LEARNING_RATE is not used\n");
                break;
            default:
                s.append("    lr = LEARNING_RATE\n");
        }
        if (sc.warmup > 0) {
            s.append("    if k < WARMUP:\n        lr = lr * (k + 1) / WARMUP\n");
        }
        s.append("    return lr / (1 + DECAY * k)\n\n\n");
        return s.toString();
    }

    /** A Python expression for {@code v} that reads back to the same double (infinities and NaN too). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "float('nan')";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "float('inf')" : "-float('inf')";
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
            list.append(list.length() > 0 ? ", " : "").append(CodeExport.FEATURES.get(f)[1]);
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
        return Template.fill(FEATURES, v) + "\n\n";
    }

    private static final String FEATURES = """
            def features(x, y):
                \"""The network's inputs at the point whose coordinates are the Values x and y: nodes of its graph.\"""
            ${SCALING}    return [${LIST}]
            """;

    /** As the page's nn/Scaling: x + (-mean), times spread ** -1, frozen with the model. */
    private static final String SCALING = """
                # Standardised as the page does it: x' = (x - mean) / spread of the training points.
                x = (x - ${MEAN_X}) * Value(${SPREAD_X}) ** -1
                y = (y - ${MEAN_Y}) * Value(${SPREAD_Y}) ** -1
            """;

    /** The loss as {@code train/Loss} builds its graph: same operations, same order. */
    private static String loss(Loss loss) {
        switch (loss) {
            case SUM_SQUARED:
                return """
                        def loss(outputs, targets):
                            \"""Sum of squares, the page's "sse": the sum of (score - y)^2 over the points.\"""
                            total = Value(0.0)
                            for out, y in zip(outputs, targets):
                                total = total + (out[0] - y) ** 2
                            return total
                        """;
            case MEAN_SQUARED:
                return """
                        def loss(outputs, targets):
                            \"""Mean squared error, the page's "mse": the sum of (score - y)^2 over the points, / n.\"""
                            if not outputs:
                                return Value(0.0)
                            total = Value(0.0)
                            for out, y in zip(outputs, targets):
                                total = total + (out[0] - y) ** 2
                            return total * (1.0 / len(outputs))
                        """;
            case HINGE:
                return """
                        def loss(outputs, targets):
                            \"""Max-margin hinge, the page's "hinge": the sum of max(0, 1 - y * score), / n.\"""
                            if not outputs:
                                return Value(0.0)
                            total = Value(0.0)
                            for out, y in zip(outputs, targets):
                                total = total + (out[0] * -y + 1).relu()
                            return total * (1.0 / len(outputs))
                        """;
            case CROSS_ENTROPY:
                return """
                        def cross_entropy(logits, label):
                            \"""-log softmax(logits)[label], as log(sum of exp(z - m)) - (z[label] - m), m the largest logit's number:
                            a constant, so the value and the gradients are the same, and no exp can overflow.\"""
                            m = max(z.data for z in logits)
                            shifted = [z - m for z in logits]
                            total = shifted[0].exp()
                            for s in shifted[1:]:
                                total = total + s.exp()
                            return total.log() - shifted[label]


                        def loss(outputs, targets):
                            \"""Mean softmax cross-entropy, the page's "ce": the sum of cross_entropy(logits, class) over the points, / n.\"""
                            if not outputs:
                                return Value(0.0)
                            total = Value(0.0)
                            for out, label in zip(outputs, targets):
                                total = total + cross_entropy(out, label)
                            return total * (1.0 / len(outputs))
                        """;
            default:
                throw new IllegalArgumentException("no Python for the loss " + loss);
        }
    }

    /** The fraction of points classified right, as {@code Loss.accuracy}: by the sign of one output, or the largest of K. */
    private static String accuracy(CodeExport e) {
        if (e.logits()) {
            return """
                    def accuracy(outputs, targets):
                        \"""The fraction of points whose largest output is their class's (the first, if several are largest).\"""
                        if not outputs:
                            return 0.0
                        right = sum(max(range(len(out)), key=lambda k: out[k].data) == label for out, label in zip(outputs, targets))
                        return right / len(outputs)
                    """;
        }
        return """
                def accuracy(outputs, targets):
                    \"""The fraction of points whose output has their label's sign (an output of 0 counts as -1).\"""
                    if not outputs:
                        return 0.0
                    right = sum((out[0].data > 0) == (y > 0) for out, y in zip(outputs, targets))
                    return right / len(outputs)
                """;
    }

    private static String optimizerClass(String label) {
        switch (label) {
            case "momentum": return "Momentum()";
            case "adam": return "Adam()";
            default: return "Sgd()";
        }
    }

    /** As {@code train/Optimizer}; a fresh one, as after an import. */
    private static String optimizer(String label) {
        switch (label) {
            case "momentum":
                return """
                        class Momentum:
                            \"""Gradient descent with a velocity: v = beta * v + grad; p.data -= lr * v.\"""

                            def __init__(self, beta=0.9):
                                self.beta = beta
                                self.velocity = None

                            def step(self, params, lr):
                                if self.velocity is None:
                                    self.velocity = [0.0] * len(params)
                                for i, p in enumerate(params):
                                    self.velocity[i] = self.beta * self.velocity[i] + p.grad
                                    p.data -= lr * self.velocity[i]
                        """;
            case "adam":
                return """
                        class Adam:
                            \"""Adam (Kingma and Ba, 2015), with bias-corrected first and second moment estimates.\"""

                            def __init__(self, beta1=0.9, beta2=0.999, epsilon=1e-8):
                                self.beta1, self.beta2, self.epsilon = beta1, beta2, epsilon
                                self.m = self.v = None
                                self.t = 0

                            def step(self, params, lr):
                                if self.m is None:
                                    self.m = [0.0] * len(params)
                                    self.v = [0.0] * len(params)
                                self.t += 1
                                correction1 = 1 - self.beta1 ** self.t
                                correction2 = 1 - self.beta2 ** self.t
                                for i, p in enumerate(params):
                                    self.m[i] = self.beta1 * self.m[i] + (1 - self.beta1) * p.grad
                                    self.v[i] = self.beta2 * self.v[i] + (1 - self.beta2) * p.grad * p.grad
                                    p.data -= lr * (self.m[i] / correction1) / (math.sqrt(self.v[i] / correction2) + self.epsilon)
                        """;
            default:
                return """
                        class Sgd:
                            \"""Plain gradient descent: p.data -= lr * p.grad.\"""

                            def step(self, params, lr):
                                for p in params:
                                    p.data -= lr * p.grad
                        """;
        }
    }

    private static String model(CodeExport e) {
        StringBuilder s = new StringBuilder();
        s.append("def trained_model():\n");
        s.append("    \"\"\"The network with the page's weights: in each layer one row of weights per neuron"
                + " (one per input), then the biases.\"\"\"\n");
        s.append("    return MLP([\n");
        for (int l = 0; l < e.weights.length; l++) {
            double[][] w = e.weights[l];
            s.append("        # layer ").append(l + 1).append(": ").append(e.layerText(l)).append('\n');
            s.append("        Layer('").append(e.activations[l]).append("', weights=[\n");
            for (double[] row : w) {
                s.append("            [").append(CodeExport.list(row, PythonCode::number, "             ")).append("],\n");
            }
            s.append("        ], biases=[\n");
            s.append("            ").append(CodeExport.list(e.biases[l], PythonCode::number, "            ")).append(",\n");
            s.append("        ]),\n");
        }
        s.append("    ])\n");
        return s.toString();
    }

    private static String points(CodeExport e) {
        StringBuilder s = new StringBuilder();
        s.append("# ").append(e.rowsText()).append(".\n");
        s.append("POINTS = [\n");
        for (double[] p : e.points) {
            s.append("    (");
            for (int i = 0; i < p.length - 1; i++) {
                s.append(number(p[i])).append(", ");
            }
            s.append(e.target(p[p.length - 1])).append("),\n");
        }
        s.append("]\n");
        return s.toString();
    }

    private static final String ENGINE = """
            import math
            import sys


            # ---- the engine: a scalar that remembers how it was computed ----

            def _sigmoid(x):
                if x >= 0:
                    return 1 / (1 + math.exp(-x))
                e = math.exp(x)  # so that exp never overflows
                return e / (1 + e)


            class Value:
                \"""A number, and the gradient of the last backward() with respect to it.\"""
                __slots__ = ('data', 'grad', '_backward', '_prev', '_op')

                def __init__(self, data, _children=(), _op=''):
                    self.data = data
                    self.grad = 0.0
                    self._backward = lambda: None
                    self._prev = _children
                    self._op = _op

                def __add__(self, other):
                    other = other if isinstance(other, Value) else Value(other)
                    out = Value(self.data + other.data, (self, other), '+')

                    def _backward():
                        self.grad += out.grad
                        other.grad += out.grad
                    out._backward = _backward
                    return out

                def __mul__(self, other):
                    other = other if isinstance(other, Value) else Value(other)
                    out = Value(self.data * other.data, (self, other), '*')

                    def _backward():
                        self.grad += other.data * out.grad
                        other.grad += self.data * out.grad
                    out._backward = _backward
                    return out

                def __pow__(self, k):
                    assert isinstance(k, (int, float)), 'only constant powers'
                    try:
                        data = self.data ** k
                    except OverflowError:  # Python raises where Java and the page give infinity
                        data = math.inf
                    out = Value(data, (self,), f'**{k}')

                    def _backward():
                        self.grad += k * self.data ** (k - 1) * out.grad
                    out._backward = _backward
                    return out

                def tanh(self):
                    x = self.data
                    t = 1.0 if x > 20 else -1.0 if x < -20 else math.tanh(x)  # exactly +-1 beyond 20, as on the page
                    out = Value(t, (self,), 'tanh')

                    def _backward():
                        self.grad += (1 - t * t) * out.grad
                    out._backward = _backward
                    return out

                def __abs__(self):  # abs(self); its gradient is the sign, and 0 at 0
                    out = Value(abs(self.data), (self,), 'abs')

                    def _backward():
                        self.grad += (1.0 if self.data > 0 else -1.0 if self.data < 0 else 0.0) * out.grad
                    out._backward = _backward
                    return out

                def relu(self):
                    out = Value(self.data if self.data > 0 else 0.0, (self,), 'relu')

                    def _backward():
                        self.grad += (out.data > 0) * out.grad
                    out._backward = _backward
                    return out

                def sigmoid(self):
                    s = _sigmoid(self.data)
                    out = Value(s, (self,), 'sigmoid')

                    def _backward():
                        self.grad += s * (1 - s) * out.grad
                    out._backward = _backward
                    return out

                def sin(self):
                    out = Value(math.sin(self.data), (self,), 'sin')

                    def _backward():
                        self.grad += math.cos(self.data) * out.grad
                    out._backward = _backward
                    return out

                def leaky_relu(self):  # slope 0.01 below 0
                    out = Value(self.data if self.data > 0 else 0.01 * self.data, (self,), 'leaky')

                    def _backward():
                        self.grad += (1.0 if self.data > 0 else 0.01) * out.grad
                    out._backward = _backward
                    return out

                def elu(self):  # alpha = 1
                    out = Value(self.data if self.data > 0 else math.expm1(self.data), (self,), 'elu')

                    def _backward():
                        self.grad += (1.0 if self.data > 0 else out.data + 1) * out.grad
                    out._backward = _backward
                    return out

                def gelu(self):  # the tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3)))
                    x = self.data
                    c = math.sqrt(2 / math.pi)
                    u = c * (x + 0.044715 * x * x * x)
                    t = 1.0 if u > 20 else -1.0 if u < -20 else math.tanh(u)
                    out = Value(0.5 * x * (1 + t), (self,), 'gelu')

                    def _backward():
                        d = 1 - t * t
                        slope = 0.5 * (1 + t) + (0.0 if d == 0 else 0.5 * x * d * c * (1 + 3 * 0.044715 * x * x))
                        self.grad += slope * out.grad
                    out._backward = _backward
                    return out

                def softplus(self):  # log(1 + e^x), written so that exp never overflows
                    x = self.data
                    out = Value(math.log1p(math.exp(-abs(x))) + (x if x > 0 else 0.0), (self,), 'softplus')

                    def _backward():
                        self.grad += _sigmoid(x) * out.grad
                    out._backward = _backward
                    return out

                def swish(self):  # x * sigmoid(x)
                    x = self.data
                    s = _sigmoid(x)
                    out = Value(x * s, (self,), 'swish')

                    def _backward():
                        self.grad += (s + x * s * (1 - s)) * out.grad
                    out._backward = _backward
                    return out

                def exp(self):
                    out = Value(math.exp(self.data), (self,), 'exp')

                    def _backward():
                        self.grad += out.data * out.grad
                    out._backward = _backward
                    return out

                def log(self):
                    out = Value(math.log(self.data), (self,), 'log')

                    def _backward():
                        self.grad += out.grad / self.data
                    out._backward = _backward
                    return out

                def __neg__(self):  # -self
                    return self * -1

                def __radd__(self, other):  # other + self
                    return self + other

                def __sub__(self, other):  # self - other
                    return self + (-other)

                def __rmul__(self, other):  # other * self
                    return self * other

                def backward(self):
                    # Order the graph topologically, each value after all it depends on. Iteratively:
                    # a recursive walk passes Python's recursion limit on deep graphs.
                    topo, visited, placed = [], set(), set()
                    stack = [self]
                    while stack:
                        v = stack[-1]
                        if v not in visited:  # first visit: its inputs go on top of it
                            visited.add(v)
                            stack.extend(child for child in v._prev if child not in visited)
                        else:  # second visit: all it depends on is placed
                            stack.pop()
                            if v not in placed:
                                placed.add(v)
                                topo.append(v)
                    # Then one value at a time, from the output back, apply the chain rule.
                    self.grad = 1.0
                    for v in reversed(topo):
                        v._backward()

                def __repr__(self):
                    return f'Value(data={self.data}, grad={self.grad})'
            """;

    private static final String NETWORK = """


            # ---- the network ----

            class Module:
                def zero_grad(self):
                    for p in self.parameters():
                        p.grad = 0.0

                def parameters(self):
                    return []


            class Neuron(Module):
                \"""activation(w . x + b)\"""

                def __init__(self, w, b, activation):
                    self.w = [Value(wi) for wi in w]
                    self.b = Value(b)
                    self.activation = activation

                def __call__(self, x):
                    act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)  # b + w0*x0 + w1*x1 + ..., as the page adds
                    if self.activation == 'tanh':
                        return act.tanh()
                    if self.activation == 'relu':
                        return act.relu()
                    if self.activation == 'sigmoid':
                        return act.sigmoid()
                    if self.activation == 'leaky':
                        return act.leaky_relu()
                    if self.activation == 'elu':
                        return act.elu()
                    if self.activation == 'gelu':
                        return act.gelu()
                    if self.activation == 'softplus':
                        return act.softplus()
                    if self.activation == 'sine':
                        return act.sin()
                    if self.activation == 'swish':
                        return act.swish()
                    return act  # linear

                def parameters(self):
                    return self.w + [self.b]

                def __repr__(self):
                    return f'{self.activation}({len(self.w)})'


            class Layer(Module):
                \"""Neurons that all read the same inputs.\"""

                def __init__(self, activation, weights, biases):
                    self.neurons = [Neuron(w, b, activation) for w, b in zip(weights, biases)]

                def __call__(self, x):
                    return [n(x) for n in self.neurons]

                def parameters(self):
                    return [p for n in self.neurons for p in n.parameters()]

                def __repr__(self):
                    return f'Layer of {len(self.neurons)} x {self.neurons[0]}'


            class MLP(Module):
                \"""Layers, each reading the previous layer's outputs; returns the last layer's.\"""

                def __init__(self, layers):
                    self.layers = layers

                def __call__(self, x):
                    for layer in self.layers:
                        x = layer(x)
                    return x

                def parameters(self):
                    return [p for layer in self.layers for p in layer.parameters()]

                def __repr__(self):
                    nin = len(self.layers[0].neurons[0].w)
                    return f'MLP({nin} inputs, {len(self.parameters())} parameters): ' + ', '.join(map(str, self.layers))
            """;

    private static final String MAIN = """


            # ---- check, then train on ----

            def forward(model):
                \"""${FORWARD_DOC}\"""
                return [model(${INPUTS}) for ${COLUMNS}, _ in POINTS]


            def agree(a, b):
                \"""Equal to 1e-9, relative to the larger (or to 0.001 for a loss near 0, where rounding alone is more).\"""
                return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1e-3)


            def finite(total, params):
                return math.isfinite(total.data) and all(math.isfinite(p.grad) for p in params)


            def main():
                model = trained_model()
                print(model)
                targets = [target for ${SKIP}, target in POINTS]
                # 1. The loss at the exported weights (no L2, as the page's readout), against the page's.
                outputs = forward(model)
                recomputed = loss(outputs, targets).data
                print(f'recomputed loss {recomputed!r}')
                print(f'page loss       {PAGE_LOSS!r}')
                if not agree(recomputed, PAGE_LOSS):
                    print('they disagree: by more than 1e-9, relative')
                    sys.exit(1)
                print('they agree to 1e-9')${CHECK_ACCURACY}
                # 2. Train on, a step at a time: forward, zero grads, backward, update.
                params = model.parameters()
                optimizer = ${NEW_OPTIMIZER}
                for step in range(PAGE_STEP + 1, PAGE_STEP + STEPS + 1):
                    # forward
                    outputs = forward(model)
                    total = loss(outputs, targets)
                    if L2 > 0:
                        total = total + sum((p * p for p in params), Value(0.0)) * L2
                    if L1 > 0:
                        total = total + sum((abs(p) for p in params), Value(0.0)) * L1
                    # zero grads
                    model.zero_grad()
                    # backward
                    total.backward()
                    if not finite(total, params):
                        print(f'step {step}: the loss or a gradient is not finite, so training stops (as on the page)')
                        return
                    # update
                    optimizer.step(params, learning_rate(step - 1))
                    print(f'step {step} loss {total.data!r}${STEP_ACCURACY}')


            if __name__ == '__main__':
                main()
            """;

    /** The file: the header as a docstring, the engine and the network, the page's settings and data, main. */
    private static final String FILE = "\"\"\"${HEADER}\"\"\"\n" + ENGINE + NETWORK + """


            # ---- what the page trained with ----

            ${FEATURES}${LOSS}

            ${ACCURACY}${OPTIMIZER}

            LEARNING_RATE = ${LEARNING_RATE}
            DECAY = ${DECAY}  # step k (from 0) uses learning_rate(k): the schedule's rate / (1 + DECAY * k)
            ${SCHEDULE}L1 = ${L1}  # L1 * (sum of every parameter's absolute value) joins the loss
            L2 = ${L2}  # L2 * (sum of every parameter squared) joins the loss
            PAGE_STEP = ${PAGE_STEP}  # steps the page had taken
            PAGE_LOSS = ${PAGE_LOSS}  # the training loss the page showed, exactly
            STEPS = ${STEPS}  # steps to train here


            # ---- the trained weights and the ${ROWS} ----

            ${MODEL}

            ${POINTS}""" + MAIN;
}

package scratchnet.engine;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A matrix that remembers how it was computed: {@link Value}'s autograd, one batch at a time.
 *
 * <p>Where the scalar engine makes a node per number, a tensor op works on a whole batch (one row
 * per example) in tight loops over {@code double[]}, with no allocation once the graph is built.
 * As in {@link Value}, each op computes its output and, right beside it, says how gradients flow
 * back. The graph is also a tape: after changing the numbers in its leaves (a new batch, updated
 * weights), {@link #forward()} replays every op in place, so a training step builds nothing.
 *
 * <p>Data is row-major: element (r, c) is {@code data[r * cols + c]}.
 */
public final class Tensor extends GraphNode<Tensor> {
    public final int rows;
    public final int cols;
    public final double[] data;
    public final double[] grad;

    private final Tensor[] children;
    private final String op;
    private Runnable forwardStep = () -> { };
    private Runnable backwardStep = () -> { };
    private List<Tensor> topo; // computed once: the graph below a node never changes

    /** A leaf of {@code rows × cols} zeros: an input batch or a parameter matrix. */
    public Tensor(int rows, int cols) {
        this(rows, cols, new Tensor[0], "");
    }

    private Tensor(int rows, int cols, Tensor[] children, String op) {
        this.rows = rows;
        this.cols = cols;
        this.data = new double[rows * cols];
        this.grad = new double[rows * cols];
        this.children = children;
        this.op = op;
    }

    public String op() {
        return op;
    }

    public List<Tensor> children() {
        return List.of(children);
    }

    @Override
    Tensor input(int i) {
        return i < children.length ? children[i] : null;
    }

    /** Records an op: its output, the step that computes it (run now, and again on replay), its backward. */
    private static Tensor record(int rows, int cols, Tensor[] children, String op, Consumer<Tensor> forward,
                                 Consumer<Tensor> backward) {
        Tensor out = new Tensor(rows, cols, children, op);
        out.forwardStep = () -> forward.accept(out);
        out.backwardStep = () -> backward.accept(out);
        out.forwardStep.run();
        return out;
    }

    // ---- primitives: forward, then backward ----

    /**
     * A fully connected layer before its activation: {@code this · w + b}, (n×k)·(k×m) + (1×m) → n×m.
     * Each sum is formed bias first, then each input's term in turn: the order of
     * {@code Neuron.forward}, so the numbers are the scalar engine's.
     */
    public Tensor linear(Tensor w, Tensor b) {
        Tensor x = this;
        if (x.cols != w.rows || b.rows != 1 || b.cols != w.cols) {
            throw new IllegalArgumentException("linear of " + x.shape() + ", " + w.shape() + " and " + b.shape());
        }
        int n = x.rows, k = x.cols, m = w.cols;
        return record(n, m, new Tensor[] {x, w, b}, "linear", out -> {
            // Four outputs at a time, each a dot product: four independent sums keep the CPU busy
            // where one would wait on each addition, and each input is loaded once for all four.
            double[] o = out.data, xd = x.data, wd = w.data, bd = b.data;
            for (int r = 0; r < n; r++) {
                int xr = r * k, row = r * m;
                int j = 0;
                for (; j + 3 < m; j += 4) {
                    double s0 = bd[j], s1 = bd[j + 1], s2 = bd[j + 2], s3 = bd[j + 3];
                    for (int i = 0; i < k; i++) {
                        double xi = xd[xr + i];
                        int wi = i * m + j;
                        s0 += xi * wd[wi];
                        s1 += xi * wd[wi + 1];
                        s2 += xi * wd[wi + 2];
                        s3 += xi * wd[wi + 3];
                    }
                    o[row + j] = s0;
                    o[row + j + 1] = s1;
                    o[row + j + 2] = s2;
                    o[row + j + 3] = s3;
                }
                for (; j < m; j++) {
                    double s0 = bd[j];
                    for (int i = 0; i < k; i++) {
                        s0 += xd[xr + i] * wd[i * m + j];
                    }
                    o[row + j] = s0;
                }
            }
        }, out -> {
            // d/db[j] = Σ_r g[r][j];  d/dx[r][i] = Σ_j g[r][j] · w[i][j];  d/dw[i][j] = Σ_r x[r][i] · g[r][j].
            // Two rows at a time, so each weight is loaded once for both and two sums run side by side.
            double[] g = out.grad, xd = x.data, wd = w.data, gx = x.grad, gw = w.grad, gb = b.grad;
            int r = 0;
            for (; r + 1 < n; r += 2) {
                int row = r * m, row2 = row + m, xr = r * k, xr2 = xr + k;
                for (int j = 0; j < m; j++) {
                    gb[j] += g[row + j];
                    gb[j] += g[row2 + j];
                }
                for (int i = 0; i < k; i++) {
                    int wRow = i * m;
                    double xi = xd[xr + i], xi2 = xd[xr2 + i];
                    double sum = 0, sum2 = 0;
                    for (int j = 0; j < m; j++) {
                        double gj = g[row + j], gj2 = g[row2 + j], wij = wd[wRow + j];
                        sum += gj * wij;
                        sum2 += gj2 * wij;
                        gw[wRow + j] += xi * gj + xi2 * gj2;
                    }
                    gx[xr + i] += sum;
                    gx[xr2 + i] += sum2;
                }
            }
            for (; r < n; r++) { // the last row of an odd batch
                int row = r * m, xr = r * k;
                for (int j = 0; j < m; j++) {
                    gb[j] += g[row + j];
                }
                for (int i = 0; i < k; i++) {
                    int wRow = i * m;
                    double xi = xd[xr + i];
                    double sum = 0;
                    for (int j = 0; j < m; j++) {
                        double gj = g[row + j];
                        sum += gj * wd[wRow + j];
                        gw[wRow + j] += xi * gj;
                    }
                    gx[xr + i] += sum;
                }
            }
        });
    }

    /** Elementwise sum of two tensors of the same shape. */
    public Tensor add(Tensor b) {
        Tensor a = checkSameShape(b, "+");
        return record(rows, cols, new Tensor[] {a, b}, "+", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = a.data[i] + b.data[i];
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += out.grad[i];
                b.grad[i] += out.grad[i];
            }
        });
    }

    /** Elementwise product of two tensors of the same shape. */
    public Tensor mul(Tensor b) {
        Tensor a = checkSameShape(b, "*");
        return record(rows, cols, new Tensor[] {a, b}, "*", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = a.data[i] * b.data[i];
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += b.data[i] * out.grad[i];
                b.grad[i] += a.data[i] * out.grad[i];
            }
        });
    }

    /** {@code this · c + d} elementwise, for constants c and d. */
    public Tensor affine(double c, double d) {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "*" + c + "+" + d, out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = a.data[i] * c + d;
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += c * out.grad[i];
            }
        });
    }

    /** Elementwise square. */
    public Tensor square() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "^2", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = a.data[i] * a.data[i];
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += 2 * a.data[i] * out.grad[i];
            }
        });
    }

    /** Elementwise |x|; its gradient is the sign of x, and 0 at 0, as {@link Value#abs()}. */
    public Tensor abs() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "abs", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Math.abs(a.data[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += Math.signum(a.data[i]) * out.grad[i];
            }
        });
    }

    /** Elementwise tanh. */
    public Tensor tanh() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "tanh", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Tanh.tanh(a.data[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                double t = out.data[i];
                a.grad[i] += (1 - t * t) * out.grad[i];
            }
        });
    }

    /** Elementwise max(0, x). */
    public Tensor relu() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "relu", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = a.data[i] > 0 ? a.data[i] : 0;
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += out.data[i] > 0 ? out.grad[i] : 0;
            }
        });
    }

    /** Elementwise logistic function. */
    public Tensor sigmoid() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "sigmoid", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Value.sigmoid(a.data[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                double s = out.data[i];
                a.grad[i] += s * (1 - s) * out.grad[i];
            }
        });
    }

    /** Elementwise leaky ReLU: x for x > 0, {@link Value#LEAKY_SLOPE}·x otherwise. */
    public Tensor leakyRelu() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "leaky", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Value.leakyRelu(a.data[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += (a.data[i] > 0 ? 1 : Value.LEAKY_SLOPE) * out.grad[i];
            }
        });
    }

    /** Elementwise ELU (α = 1): x for x > 0, e^x − 1 otherwise. */
    public Tensor elu() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "elu", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Value.elu(a.data[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += (a.data[i] > 0 ? 1 : out.data[i] + 1) * out.grad[i];
            }
        });
    }

    /** Elementwise GELU, tanh approximation (see {@link Value#gelu()}). */
    public Tensor gelu() {
        Tensor a = this;
        double[] t = new double[rows * cols]; // each element's tanh, kept by the forward pass for the backward
        return record(rows, cols, new Tensor[] {a}, "gelu", out -> {
            for (int i = 0; i < out.data.length; i++) {
                double x = a.data[i];
                t[i] = Tanh.tanh(Value.GELU_C * (x + 0.044715 * x * x * x));
                out.data[i] = 0.5 * x * (1 + t[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += Value.geluSlope(a.data[i], t[i]) * out.grad[i];
            }
        });
    }

    /** Elementwise softplus log(1 + e^x), computed without overflow; its gradient is sigmoid(x). */
    public Tensor softplus() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "softplus", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Value.softplus(a.data[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += Value.sigmoid(a.data[i]) * out.grad[i];
            }
        });
    }

    /** Elementwise sine (radians). */
    public Tensor sin() {
        Tensor a = this;
        return record(rows, cols, new Tensor[] {a}, "sin", out -> {
            for (int i = 0; i < out.data.length; i++) {
                out.data[i] = Math.sin(a.data[i]);
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                a.grad[i] += Math.cos(a.data[i]) * out.grad[i];
            }
        });
    }

    /** Elementwise swish x·sigmoid(x). */
    public Tensor swish() {
        Tensor a = this;
        double[] s = new double[rows * cols]; // each element's sigmoid, for the backward
        return record(rows, cols, new Tensor[] {a}, "swish", out -> {
            for (int i = 0; i < out.data.length; i++) {
                s[i] = Value.sigmoid(a.data[i]);
                out.data[i] = a.data[i] * s[i];
            }
        }, out -> {
            for (int i = 0; i < out.grad.length; i++) {
                double x = a.data[i];
                a.grad[i] += (s[i] + x * s[i] * (1 - s[i])) * out.grad[i];
            }
        });
    }

    /** The sum of all elements, as a 1×1 tensor. */
    public Tensor sum() {
        Tensor a = this;
        return record(1, 1, new Tensor[] {a}, "sum", out -> {
            double s = 0;
            for (double v : a.data) {
                s += v;
            }
            out.data[0] = s;
        }, out -> {
            double g = out.grad[0];
            for (int i = 0; i < a.grad.length; i++) {
                a.grad[i] += g;
            }
        });
    }

    /**
     * Softmax cross-entropy summed over the rows, as a 1×1 tensor. Row r of this n×K tensor holds
     * example r's logits z, row r of {@code classes} (n×1) its class y as a number 0 .. K−1. The
     * row's loss is −log softmax(z)[y] = log Σ_k exp(z_k − m) − (z_y − m) with m the row's largest
     * logit: the same for any m, and with this one every exp is at most 1 and the sum at least 1,
     * so logits of ±1000 give finite numbers. Fused, because its gradient is simple: d/dz_k =
     * softmax(z)_k − [k = y], times the output's gradient, from probabilities the forward pass keeps.
     * No gradient flows to {@code classes}.
     */
    public Tensor crossEntropy(Tensor classes) {
        Tensor z = this;
        if (classes.rows != rows || classes.cols != 1) {
            throw new IllegalArgumentException("crossEntropy of " + shape() + " logits and " + classes.shape() + " classes");
        }
        int n = rows, k = cols;
        double[] p = new double[n * k]; // each row's softmax, kept by the forward pass for the backward
        return record(1, 1, new Tensor[] {z, classes}, "crossEntropy", out -> {
            double[] zd = z.data;
            double total = 0;
            for (int r = 0; r < n; r++) {
                int row = r * k;
                double m = zd[row];
                for (int j = 1; j < k; j++) {
                    if (zd[row + j] > m) {
                        m = zd[row + j];
                    }
                }
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double e = Math.exp(zd[row + j] - m);
                    p[row + j] = e;
                    sum += e;
                }
                for (int j = 0; j < k; j++) {
                    p[row + j] /= sum;
                }
                total += Math.log(sum) - (zd[row + classOf(classes, r, k)] - m);
            }
            out.data[0] = total;
        }, out -> {
            double g = out.grad[0];
            for (int r = 0; r < n; r++) {
                int row = r * k;
                int y = classOf(classes, r, k);
                for (int j = 0; j < k; j++) {
                    z.grad[row + j] += g * (j == y ? p[row + j] - 1 : p[row + j]);
                }
            }
        });
    }

    private static int classOf(Tensor classes, int r, int k) {
        double y = classes.data[r];
        if (!(y >= 0 && y < k && y == (int) y)) {
            throw new IllegalArgumentException("row " + r + ": class " + y + " is not a whole number from 0 to " + (k - 1));
        }
        return (int) y;
    }

    // ---- derived ----

    public Tensor sub(Tensor b) {
        return add(b.affine(-1, 0));
    }

    public Tensor mul(double c) {
        return affine(c, 0);
    }

    public Tensor add(double d) {
        return affine(1, d);
    }

    // ---- replay and backward ----

    /** Recomputes every tensor this one depends on, in order, from the current numbers in the leaves. */
    public void forward() {
        for (Tensor t : topologicalOrder()) {
            t.forwardStep.run();
        }
    }

    /** Sets the gradient of every tensor in this graph, leaves included, to zero. */
    public void zeroGrad() {
        for (Tensor t : topologicalOrder()) {
            Arrays.fill(t.grad, 0);
        }
    }

    /**
     * Seeds this tensor's gradient with ones and propagates gradients to every tensor it depends on.
     * Gradients accumulate, as in {@link Value}: call {@link #zeroGrad()} first.
     */
    public void backward() {
        List<Tensor> order = topologicalOrder();
        Arrays.fill(grad, 1);
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).backwardStep.run();
        }
    }

    /** Every tensor this one depends on, itself last, each after its children (iterative). */
    public List<Tensor> topologicalOrder() {
        if (topo == null) {
            topo = topologicalSort(this);
        }
        return topo;
    }

    private Tensor checkSameShape(Tensor b, String op) {
        if (b.rows != rows || b.cols != cols) {
            throw new IllegalArgumentException(op + " of " + shape() + " and " + b.shape());
        }
        return this;
    }

    public String shape() {
        return rows + "×" + cols;
    }

    @Override
    public String toString() {
        return "Tensor(" + shape() + (op.isEmpty() ? "" : ", " + op) + ")";
    }
}

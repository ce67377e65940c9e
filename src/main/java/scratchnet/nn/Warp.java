package scratchnet.nn;

/**
 * What a layer does to the plane: a point (x, y) of the input plane carried through the network up
 * to one layer, and stopped there at one stage of that layer's neurons: their weighted sums
 * {@code w·x} alone, with the bias {@code w·x + b}, or after the activation (their outputs, as
 * {@link Snapshot#activity} has them, to the bit). Two {@link Axes} flatten the layer's space to a
 * picture: two of its neurons, or its first two principal components over a cloud of points,
 * chosen once and then held still, so a picture drawn along training does not jump.
 * As in Olah's "Neural Networks, Manifolds, and Topology" (2014). Not thread-safe.
 */
public final class Warp {
    /** Where in a layer the picture stops. */
    public enum Stage {
        WEIGHTED("weighted", "w·x"),
        BIASED("biased", "w·x + b"),
        ACTIVATED("activated", "act(w·x + b)");

        /** The name in links and files. */
        public final String label;
        /** The formula it stops at. */
        public final String formula;

        Stage(String label, String formula) {
            this.label = label;
            this.formula = formula;
        }

        /** The stage called {@code label}, or null. */
        public static Stage byLabel(String label) {
            for (Stage s : values()) {
                if (s.label.equals(label)) {
                    return s;
                }
            }
            return null;
        }

        /** Every stage's label, in order. */
        public static String[] labels() {
            Stage[] all = values();
            String[] labels = new String[all.length];
            for (int i = 0; i < all.length; i++) {
                labels[i] = all[i].label;
            }
            return labels;
        }
    }

    private final Snapshot net;
    private final double[][] activity;
    private final double[] inputs;

    /** A warp of {@code net}'s weights as they were when it was taken. */
    public Warp(Snapshot net) {
        this.net = net;
        activity = new double[net.widths.length][];
        for (int l = 0; l < activity.length; l++) {
            activity[l] = new double[net.widths[l]];
        }
        inputs = new double[net.widths[0]];
    }

    /** Layers, the output layer last. */
    public int layers() {
        return net.weights.length;
    }

    /** Neurons in layer {@code layer} (0 = the first hidden layer). */
    public int width(int layer) {
        return net.widths[layer + 1];
    }

    /** Layer {@code layer}'s activation. */
    public Activation activation(int layer) {
        return net.activations[layer];
    }

    /**
     * Layer {@code layer}'s neurons at {@code stage} for the plane's point (x, y), through the
     * network's features and scaling, into {@code out} (at least {@link #width} long). The layers
     * before it are {@link Snapshot#predict}'s arithmetic, in its order; so is {@code w·x + b}
     * (the bias first) and its activation. {@code w·x} is the same sum begun at 0 instead.
     */
    public void at(double x, double y, int layer, Stage stage, double[] out) {
        net.features().map(net.scaling.x(x), net.scaling.y(y), inputs);
        System.arraycopy(inputs, 0, activity[0], 0, inputs.length);
        for (int l = 0; l < layer; l++) {
            forward(l, Stage.ACTIVATED, activity[l], activity[l + 1]);
        }
        forward(layer, stage, activity[layer], out);
    }

    /**
     * Every layer's outputs (the activated stage) for the plane's point (x, y) in one pass:
     * {@code out[l]} (at least {@link #width}(l) long) for each of the first {@code out.length}
     * layers, the same bits as {@link #at} gives layer by layer.
     */
    public void everyLayer(double x, double y, double[][] out) {
        net.features().map(net.scaling.x(x), net.scaling.y(y), inputs);
        double[] in = inputs;
        for (int l = 0; l < out.length; l++) {
            forward(l, Stage.ACTIVATED, in, out[l]);
            in = out[l];
        }
    }

    private void forward(int l, Stage stage, double[] in, double[] out) {
        double[] w = net.weights[l];
        int nin = net.widths[l];
        Activation act = net.activations[l];
        for (int o = 0; o < net.widths[l + 1]; o++) {
            double sum = stage == Stage.WEIGHTED ? 0 : net.biases[l][o];
            int row = o * nin;
            for (int i = 0; i < nin; i++) {
                sum += w[row + i] * in[i];
            }
            out[o] = stage == Stage.ACTIVATED ? act.apply(sum) : sum;
        }
    }

    /** Two directions in a layer's space, through an origin: a point's place across and up. */
    public static final class Axes {
        /** The layer's width. */
        public final int width;
        public final double[] origin;
        public final double[] across;
        /** All zero for a layer of one neuron: everything lies on a line. */
        public final double[] up;
        /** The two neurons (0-based) for neuron axes; -1 for principal axes. */
        public final int first;
        public final int second;
        /** The share of the cloud's spread (its variance) the two principal axes hold; NaN for neuron axes. */
        public final double explained;

        private Axes(double[] origin, double[] across, double[] up, int first, int second, double explained) {
            this.width = origin.length;
            this.origin = origin;
            this.across = across;
            this.up = up;
            this.first = first;
            this.second = second;
            this.explained = explained;
        }

        /** Neuron {@code first}'s value across and neuron {@code second}'s up (both 0-based, clamped to the width). */
        public static Axes neurons(int width, int first, int second) {
            int a = Math.max(0, Math.min(width - 1, first));
            int b = width < 2 ? -1 : Math.max(0, Math.min(width - 1, second));
            if (b == a) {
                b = (a + 1) % width;
            }
            double[] u = new double[width];
            double[] v = new double[width];
            u[a] = 1;
            if (b >= 0) {
                v[b] = 1;
            }
            return new Axes(new double[width], u, v, a, b, Double.NaN);
        }

        /**
         * The first two principal components of {@code cloud} (rows of one layer's values), about
         * its mean, by power iteration on its covariance with deflation. Each axis's sign is set so
         * that its largest component is positive, so fitting again to a cloud that hardly moved
         * gives axes that hardly move.
         */
        public static Axes principal(double[][] cloud, int width) {
            int n = cloud.length;
            double[] mean = new double[width];
            for (double[] row : cloud) {
                for (int i = 0; i < width; i++) {
                    mean[i] += row[i] / n;
                }
            }
            double[][] c = new double[width][width];
            for (double[] row : cloud) {
                for (int i = 0; i < width; i++) {
                    double di = row[i] - mean[i];
                    for (int j = 0; j < width; j++) {
                        c[i][j] += di * (row[j] - mean[j]) / n;
                    }
                }
            }
            double trace = 0;
            for (int i = 0; i < width; i++) {
                trace += c[i][i];
            }
            double[] u = dominant(c);
            double l1 = rayleigh(c, u);
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < width; j++) {
                    c[i][j] -= l1 * u[i] * u[j];
                }
            }
            double[] v = width < 2 ? new double[width] : dominant(c);
            if (width >= 2) { // exactly at right angles to u, whatever the iteration left
                double dot = 0;
                for (int i = 0; i < width; i++) {
                    dot += u[i] * v[i];
                }
                for (int i = 0; i < width; i++) {
                    v[i] -= dot * u[i];
                }
                normalise(v);
            }
            double l2 = width < 2 ? 0 : rayleigh(c, v);
            double explained = trace > 0 ? Math.min(1, (l1 + Math.max(0, l2)) / trace) : Double.NaN;
            return new Axes(mean, signed(u), signed(v), -1, -1, explained);
        }

        /** The value across of layer values {@code p}. */
        public double across(double[] p) {
            return project(p, across);
        }

        /** The value up of layer values {@code p}. */
        public double up(double[] p) {
            return project(p, up);
        }

        private double project(double[] p, double[] axis) {
            double s = 0;
            for (int i = 0; i < width; i++) {
                s += (p[i] - origin[i]) * axis[i];
            }
            return s;
        }

        /** Principal axes, rather than two neurons. */
        public boolean principal() {
            return first < 0;
        }
    }

    /** The unit eigenvector of the largest eigenvalue of symmetric {@code c} (positive semi-definite), by power iteration. */
    private static double[] dominant(double[][] c) {
        int d = c.length;
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = 1 + 0.1 * i; // a fixed start: the same axes every time for the same cloud
        }
        normalise(v);
        double[] next = new double[d];
        for (int k = 0; k < 500; k++) {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += c[i][j] * v[j];
                }
                next[i] = s;
            }
            if (normalise(next) == 0) {
                return v; // no spread left: any direction will do
            }
            double change = 0;
            for (int i = 0; i < d; i++) {
                change = Math.max(change, Math.abs(next[i] - v[i]));
                v[i] = next[i];
            }
            if (change < 1e-13) {
                break;
            }
        }
        return v;
    }

    private static double rayleigh(double[][] c, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += v[i] * c[i][j] * v[j];
            }
        }
        return s;
    }

    private static double normalise(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        if (n > 0 && Double.isFinite(n)) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
            return n;
        }
        return 0;
    }

    private static double[] signed(double[] v) {
        int big = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[big])) {
                big = i;
            }
        }
        if (v.length > 0 && v[big] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }
}

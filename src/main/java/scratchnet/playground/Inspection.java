package scratchnet.playground;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.nn.Activation;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.nn.Snapshot;
import scratchnet.train.GradientCheck;
import scratchnet.train.Trainer;

/**
 * What the page's inspector shows about the live model, computed: parameter names, one point's
 * graph, a neuron's formula with numbers, the gradient check's verdict, the next phase of a step,
 * and the number formats that go with them (no String.format: it fails in the browser).
 *
 * <p>Looking never changes training: the graph and the gradient check run their own backward(),
 * so they put every parameter's {@code grad} back as it was (a step between its backward and
 * update phases must still apply the batch's gradients).
 */
public final class Inspection {
    private Inspection() {
    }

    /** Every parameter's name in {@link MLP#parameters()} order: {@code w[l][o][i]} and {@code b[l][o]}, as in the graph. */
    public static String[] names(MLP model) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l < model.layers.size(); l++) {
            Layer layer = model.layers.get(l);
            for (int o = 0; o < layer.nout(); o++) {
                for (int i = 0; i < layer.nin(); i++) {
                    names.add("w[" + l + "][" + o + "][" + i + "]");
                }
                names.add("b[" + l + "][" + o + "]");
            }
        }
        return names.toArray(new String[0]);
    }

    /** {@link ComputationGraph#of} for one point, leaving the model's gradients as they were. */
    public static ComputationGraph graph(MLP model, double[] x, double y) {
        List<Value> params = model.parameters();
        double[] grads = grads(params);
        ComputationGraph g = ComputationGraph.of(model, x, y);
        restore(params, grads);
        return g;
    }

    // About a second of arithmetic in the browser, spread over frames: parameters² × points (each parameter's finite
    // difference runs the network, itself about as many multiplications as parameters, on every point).
    static final double CHECK_BUDGET = 2e8;

    /**
     * How many training points (the first ones) a gradient check of a network of {@code parameters}
     * uses: all {@code points} for small networks, fewer for big ones so that the page stays
     * responsive, never less than one (or none if there are none).
     */
    public static int pointsToCheck(int parameters, int points) {
        double perPoint = Math.max(1, (double) parameters * parameters);
        return (int) Math.min(points, Math.max(1, Math.floor(CHECK_BUDGET / perPoint)));
    }

    /**
     * One line on a gradient check, e.g. "largest relative error 3.2e-9 (w[1][2][0]) — backward() agrees".
     * Below 1e-5 they agree: a difference step of 1e-5 leaves errors of that order in big networks.
     */
    public static String verdict(GradientCheck.Result r, String[] names) {
        if (r.numeric.length == 0) {
            return "no parameters to check";
        }
        double e = r.maxRelativeError;
        String said = Double.isNaN(e) ? " — the loss is not finite, nothing to compare"
                : e < 1e-5 ? " — backward() agrees"
                : e < 1e-3 ? " — close (finite differences are inexact, more so at a kink such as relu's at 0)"
                : " — backward() disagrees";
        return "largest relative error " + scientific(e, 2) + " (" + names[r.worstParameter] + ")" + said;
    }

    private static double[] grads(List<Value> params) {
        double[] g = new double[params.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = params.get(i).grad;
        }
        return g;
    }

    private static void restore(List<Value> params, double[] grads) {
        for (int i = 0; i < grads.length; i++) {
            params.get(i).grad = grads[i];
        }
    }

    /** The index of the point of {@code data} nearest to (x, y), or -1 if there is none. */
    public static int nearest(Dataset data, double x, double y) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            Point p = data.points.get(i);
            double d = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /** What neuron {@code o} of layer {@code layer} reads on input {@code x}: x itself, or the previous layer's outputs. */
    public static double[] neuronInputs(MLP model, int layer, double[] x) {
        if (layer == 0) {
            return x.clone();
        }
        Snapshot s = model.snapshot();
        s.predict(x);
        return s.activity(layer - 1).clone();
    }

    /**
     * A neuron's computation on input {@code x} with its live numbers, in {@link Neuron#forward}'s
     * terms, e.g. {@code "tanh(0.52·0.31 + -1.20·(-0.77) + 0.10) = 0.88"} (a linear neuron has no wrapper).
     */
    public static String formula(MLP model, int layer, int neuron, double[] x) {
        Neuron n = model.layers.get(layer).neurons.get(neuron);
        double[] in = neuronInputs(model, layer, x);
        StringBuilder s = new StringBuilder();
        double sum = n.b.data;
        for (int i = 0; i < n.w.size(); i++) {
            String input = fixed(in[i], 2);
            s.append(fixed(n.w.get(i).data, 2)).append('·').append(in[i] < 0 ? "(" + input + ")" : input).append(" + ");
            sum += n.w.get(i).data * in[i];
        }
        s.append(fixed(n.b.data, 2));
        String body = n.activation == Activation.LINEAR ? s.toString() : n.activation.label + "(" + s + ")";
        return body + " = " + fixed(n.activation.apply(sum), 2);
    }

    /**
     * Runs the next phase of {@code trainer}'s step: forward (then zero grads, so the page shows
     * the gradients empty until backward fills them), backward, or update. Play and step finish
     * a step begun here ({@link Trainer#step()}).
     *
     * @return forward's or update's result; null after backward
     */
    public static Trainer.Result nextPhase(Trainer trainer) {
        switch (trainer.nextPhase()) {
            case FORWARD:
                Trainer.Result r = trainer.forward();
                trainer.model.zeroGrad();
                return r;
            case BACKWARD:
                trainer.backward();
                return null;
            default:
                return trainer.update();
        }
    }

    // ---- numbers as text ----

    /** {@code v} with {@code decimals} digits after the point; see {@link Session.Readout#fixed}. */
    public static String fixed(double v, int decimals) {
        return Session.Readout.fixed(v, decimals);
    }

    /** A compact number for tables: 4 decimals, or scientific when that would hide it (e.g. 3.1e-6). */
    public static String number(double v) {
        if (v == 0 || !Double.isFinite(v) || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6)) {
            return Double.isNaN(v) ? "NaN" : fixed(v, 4);
        }
        return scientific(v, 2);
    }

    /**
     * {@code v} in scientific notation with {@code digits} significant digits, e.g.
     * {@code scientific(3.2e-9, 2)} is {@code "3.2e-9"} and {@code scientific(12345, 3)} is
     * {@code "1.23e4"}; 0 is {@code "0"}; NaN and infinities are spelled out.
     */
    public static String scientific(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        int decimals = Math.max(0, digits - 1);
        double a = Math.abs(v);
        int exponent = (int) Math.floor(Math.log10(a));
        // Subnormals: 10^exponent itself would underflow to 0, so scale up first.
        double mantissa = exponent < -300 ? a * 1e300 / Math.pow(10, exponent + 300) : a / Math.pow(10, exponent);
        // log10 may be off by one at exact powers, and rounding may carry to 10.0: settle both.
        if (mantissa < 1) {
            mantissa *= 10;
            exponent--;
        }
        String m = fixed(mantissa, decimals);
        if (m.startsWith("10")) {
            exponent++;
            m = fixed(mantissa / 10, decimals);
        }
        return (v < 0 ? "-" : "") + m + "e" + exponent;
    }
}

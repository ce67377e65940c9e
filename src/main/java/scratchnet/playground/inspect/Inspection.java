package scratchnet.playground.inspect;

import java.util.List;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.nn.Snapshot;
import scratchnet.train.GradientCheck;
import scratchnet.train.Trainer;

/**
 * What the page's inspector shows about the live model, computed: parameter names, one point's
 * graph, a neuron's formula with numbers, the gradient check's verdict, the next phase of a step.
 *
 * <p>Looking never changes training: the graph and the gradient check run their own backward(),
 * so they put every parameter's {@code grad} back as it was (a step between its backward and
 * update phases must still apply the batch's gradients).
 */
public final class Inspection {
    private Inspection() {
    }

    /** {@link ComputationGraph#of(MLP, double[], double)}, leaving the model's gradients as they were. */
    public static ComputationGraph graph(MLP model, double[] x, double y) {
        return looking(model, () -> ComputationGraph.of(model, x, y));
    }

    /** {@link ComputationGraph#of(MLP, Point, boolean)}, leaving the model's gradients as they were. */
    public static ComputationGraph graph(MLP model, Point p, boolean crossEntropy) {
        return looking(model, () -> ComputationGraph.of(model, p, crossEntropy));
    }

    private static ComputationGraph looking(MLP model, java.util.function.Supplier<ComputationGraph> build) {
        List<Value> params = model.parameters();
        double[] grads = grads(params);
        ComputationGraph g = build.get();
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
        return "largest relative error " + Format.scientific(e, 2) + " (" + names[r.worstParameter] + ")" + said;
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

    /** What neuron {@code o} of layer {@code layer} reads on input {@code x}: x itself, or the previous layer's outputs. */
    public static double[] neuronInputs(MLP model, int layer, double[] x) {
        if (layer == 0) {
            return model.features != null ? model.inputs(x[0], x[1]) : x.clone();
        }
        Snapshot s = model.snapshot();
        if (model.features != null) {
            s.predict(x[0], x[1]);
        } else {
            s.predict(x);
        }
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
            String input = Format.fixed(in[i], 2);
            s.append(Format.fixed(n.w.get(i).data, 2)).append('·').append(in[i] < 0 ? "(" + input + ")" : input).append(" + ");
            sum += n.w.get(i).data * in[i];
        }
        s.append(Format.fixed(n.b.data, 2));
        String body = n.activation == Activation.LINEAR ? s.toString() : n.activation.label + "(" + s + ")";
        return body + " = " + Format.fixed(n.activation.apply(sum), 2);
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
}

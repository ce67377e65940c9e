package scratchnet.train;

import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;

/**
 * The lesson's definition of a gradient, tried: raise one parameter by a small Δ, all others
 * fixed, and compare the training loss's change with {@code grad × Δ}, the gradient being
 * {@code backward()}'s at the current weights. As Δ shrinks the two agree more closely (their gap
 * falls like Δ², the curvature's share), until rounding takes over.
 *
 * <p>The loss is the trainer's over the whole training set: {@code loss} plus {@code l1·Σ|p|} and
 * {@code l2·Σp²}, computed on plain doubles ({@code Snapshot.outputs}, the exact readouts' kernels).
 * The model is left exactly as it was.
 */
public final class Nudge {
    /** The Δs tried: the one asked, a tenth of it, a hundredth. */
    public final double[] deltas;
    /** The loss at the current weights. */
    public final double before;
    /** {@code after[k]}: the loss with the parameter raised by {@code deltas[k]}. */
    public final double[] after;
    /** The parameter's gradient, backward() through the batched graph at the current weights. */
    public final double grad;
    /** The parameter's value now. */
    public final double value;

    private Nudge(double[] deltas, double before, double[] after, double grad, double value) {
        this.deltas = deltas;
        this.before = before;
        this.after = after;
        this.grad = grad;
        this.value = value;
    }

    /** The loss's change for {@code deltas[k]}. */
    public double change(int k) {
        return after[k] - before;
    }

    /** What the gradient predicts for it: {@code grad × deltas[k]}. */
    public double predicted(int k) {
        return grad * deltas[k];
    }

    /**
     * Tries raising {@code model.parameters().get(parameter)} by {@code delta}, {@code delta / 10} and
     * {@code delta / 100} on {@code data} (a copy of the model: the live one is not touched).
     *
     * @throws IllegalArgumentException for no such parameter, an empty data set or a Δ that is 0 or not finite
     */
    public static Nudge of(MLP live, Dataset data, Loss loss, double l1, double l2, int parameter, double delta) {
        return of(live, live.inputs(data), loss.targets(data), loss, l1, l2, parameter, delta);
    }

    /** {@link #of(MLP, Dataset, Loss, double, double, int, double)} on what {@code trainer} trains on, with its loss. */
    public static Nudge of(Trainer trainer, int parameter, double delta) {
        return of(trainer.model, trainer.inputs(), trainer.targets(trainer.loss), trainer.loss, trainer.l1, trainer.l2,
                parameter, delta);
    }

    // xs: the network's input rows, ys: the loss's targets
    private static Nudge of(MLP live, double[][] xs, double[] ys, Loss loss, double l1, double l2, int parameter,
                            double delta) {
        if (!(Double.isFinite(delta) && delta != 0)) {
            throw new IllegalArgumentException("Δ must be a finite number other than 0, was " + delta);
        }
        if (xs.length == 0) {
            throw new IllegalArgumentException("no training points");
        }
        MLP model = live.copy();
        List<Value> params = model.parameters();
        if (parameter < 0 || parameter >= params.size()) {
            throw new IllegalArgumentException("no parameter " + parameter + " of " + params.size());
        }
        int[] all = new int[xs.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        BatchGraph graph = new BatchGraph(model, xs.length, loss, l1, l2);
        graph.load(xs, ys, all);
        graph.total.forward();
        graph.total.zeroGrad();
        model.zeroGrad();
        graph.total.backward();
        graph.storeGradients();
        Value p = params.get(parameter);
        double grad = p.grad;
        double value = p.data;
        double before = lossAt(model, xs, ys, loss, l1, l2, params);
        double[] deltas = {delta, delta / 10, delta / 100};
        double[] after = new double[deltas.length];
        for (int k = 0; k < deltas.length; k++) {
            p.data = value + deltas[k];
            after[k] = lossAt(model, xs, ys, loss, l1, l2, params);
        }
        p.data = value;
        return new Nudge(deltas, before, after, grad, value);
    }

    private static double lossAt(MLP model, double[][] xs, double[] ys, Loss loss, double l1, double l2, List<Value> params) {
        double[] scores = new double[xs.length * model.nout()];
        model.snapshot().outputs(xs, scores);
        return loss.value(scores, ys) + Loss.penalty(params, l1, l2);
    }
}

package scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;

/**
 * A trainer's training loss as a function of the parameters, taken at the weights it has now: the
 * ground that {@link PairGrid}, {@link GradientLine} and {@link PlaneGrid} map.
 *
 * <p>The loss at any weights θ is exactly the trainer's: {@code loss} over the whole training set
 * plus {@code l1·Σ|p| + l2·Σp²}, on plain doubles ({@code Snapshot.outputs}, then
 * {@link Loss#value} and {@link Loss#penalty}, as {@link Nudge} computes it). Everything is
 * computed on a copy of the model taken here: the live model is never touched, and training may
 * go on while a sweep is under way (it then maps the weights it was taken at; see {@link #stale}).
 *
 * <p>The gradient is that of the same regularised loss over the whole training set, from
 * {@code backward()} on the path the trainer uses (the batched {@link BatchGraph}, or the scalar
 * {@link Value} graph when {@link Trainer#batched} is false), so for a full-batch trainer it is
 * the gradient its next step applies, bit for bit (while the examples are in their first order:
 * mini-batches shuffle it, and a full batch after that sums in another order, to rounding).
 * With mini-batches it is the full-batch gradient, not the next batch's.
 *
 * <p>A run that diverged (a parameter, the loss or a gradient NaN or infinite) is no error: the
 * landscape says so in {@link #problem()}, and every sweep over it is done at once, all NaN.
 */
public final class Landscape {
    /** The trainer's loss and regularisation, as they were when this landscape was taken. */
    public final Loss loss;
    public final double l1;
    public final double l2;
    /** The rate of the trainer's next step ({@link Trainer#currentLearningRate()}). */
    public final double learningRate;
    /** The loss at the current weights; NaN with no training points. */
    public final double value;
    /**
     * The work of one evaluation of the loss, in multiply-adds: points × (weights + 4 × neurons),
     * plus the parameters for the penalty. A neuron's exact activation counts as 4 multiply-adds:
     * a tanh takes ~4.5 ns in the browser, a multiply-add ~1 ns (see the README's Performance).
     */
    public final long cost;

    /** What one neuron's activation counts for in {@link #cost}, in multiply-adds. */
    public static final int ACTIVATION_COST = 4;

    final MLP model; // the copy every sweep moves, put back at the current weights after each slice
    final List<Value> params;
    private final Trainer source;
    private final double[][] xs;
    private final double[] ys;
    private final double[] scores;
    private Snapshot snapshot; // of the copy, reloaded for each loss
    private final double[] at;
    private final double[] gradient;
    private final Problem problem;
    private double problemValue = Double.NaN; // the value that was not finite

    private Landscape(Trainer trainer) {
        source = trainer;
        loss = trainer.loss;
        l1 = trainer.l1;
        l2 = trainer.l2;
        learningRate = trainer.currentLearningRate();
        model = trainer.model.copy();
        params = model.parameters();
        xs = trainer.inputs();
        ys = trainer.targets(loss);
        scores = new double[xs.length * model.nout()];
        int n = params.size();
        at = new double[n];
        for (int p = 0; p < n; p++) {
            at[p] = params.get(p).data;
        }
        long perPoint = 0;
        for (Layer layer : model.layers) {
            perPoint += (long) layer.nin() * layer.nout() + ACTIVATION_COST * layer.nout();
        }
        cost = xs.length * perPoint + n;
        gradient = new double[n];
        if (xs.length == 0) {
            value = Double.NaN;
            java.util.Arrays.fill(gradient, Double.NaN);
            problem = Problem.NO_POINTS;
            return;
        }
        value = lossHere();
        backward(trainer);
        problem = divergence();
    }

    /** The landscape of {@code trainer}'s training loss at its current weights (never throws for NaN weights). */
    public static Landscape of(Trainer trainer) {
        return new Landscape(trainer);
    }

    /** backward() over the whole training set, on the copy, on the trainer's path. */
    private void backward(Trainer trainer) {
        model.zeroGrad();
        if (trainer.batched) {
            int[] all = new int[xs.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            BatchGraph graph = new BatchGraph(model, xs.length, loss, l1, l2);
            graph.load(xs, ys, all);
            graph.total.forward();
            graph.total.zeroGrad();
            graph.total.backward();
            graph.storeGradients();
        } else {
            // As Trainer's scalar path: points through their features' nodes, raw rows as leaves.
            List<Value> outputs = new ArrayList<>(scores.length);
            if (trainer.data() == null) {
                for (double[] x : xs) {
                    outputs.addAll(model.forward(x));
                }
            } else {
                for (Point p : trainer.data().points) {
                    outputs.addAll(model.forward(p.x, p.y));
                }
            }
            Value total = loss.of(outputs, ys);
            if (l2 > 0) {
                total = total.add(Loss.l2(params, l2));
            }
            if (l1 > 0) {
                total = total.add(Loss.l1(params, l1));
            }
            total.backward();
        }
        for (int p = 0; p < gradient.length; p++) {
            gradient[p] = params.get(p).grad;
        }
    }

    /** Why nothing can be mapped; the page words it ({@code playground.inspect.LandscapeWords}). */
    public enum Problem {
        /** No training points. */
        NO_POINTS,
        /** A parameter is NaN or infinite ({@link #problemValue()}). */
        PARAMETER,
        /** The loss at the current weights is. */
        LOSS,
        /** A gradient is. */
        GRADIENT
    }

    private Problem divergence() {
        for (double p : at) {
            if (!Double.isFinite(p)) {
                problemValue = p;
                return Problem.PARAMETER;
            }
        }
        if (!Double.isFinite(value)) {
            problemValue = value;
            return Problem.LOSS;
        }
        for (double g : gradient) {
            if (!Double.isFinite(g)) {
                problemValue = g;
                return Problem.GRADIENT;
            }
        }
        return null;
    }

    /** Why nothing can be mapped (the run diverged, or there are no training points); null when all is well. */
    public Problem problem() {
        return problem;
    }

    /** The first value found not finite (NaN or ±∞) for {@link Problem#PARAMETER}, {@code LOSS} or {@code GRADIENT}; NaN otherwise. */
    public double problemValue() {
        return problemValue;
    }

    /** A parameter, the loss or a gradient is NaN or infinite: {@link #problem()} says which. */
    public boolean diverged() {
        return problem != null && xs.length > 0;
    }

    /** The number of parameters, in {@link MLP#parameters()} order. */
    public int parameters() {
        return at.length;
    }

    /** Parameter {@code p}'s value at the weights this landscape was taken at. */
    public double at(int p) {
        return at[p];
    }

    /** Every parameter's value, a copy. */
    public double[] at() {
        return at.clone();
    }

    /** ∂L/∂p of the regularised full-batch loss at the current weights. */
    public double gradient(int p) {
        return gradient[p];
    }

    /** The whole gradient, a copy. */
    public double[] gradient() {
        return gradient.clone();
    }

    /** The loss at {@code theta}, every parameter given, in {@link MLP#parameters()} order. */
    public double lossAt(double[] theta) {
        if (theta.length != at.length) {
            throw new IllegalArgumentException(theta.length + " values for " + at.length + " parameters");
        }
        for (int p = 0; p < at.length; p++) {
            params.get(p).data = theta[p];
        }
        double l = lossHere();
        restore();
        return l;
    }

    /**
     * The loss after the next step of plain SGD on the full batch: at θ − lr·g, each parameter
     * {@code p - lr * g} as {@link Optimizer.Sgd} computes it. For momentum or Adam, and for
     * mini-batches, it is still this plain-SGD full-batch forecast, not what the optimiser will do.
     * NaN when {@link #problem()} is set.
     */
    public double nextStepLoss() {
        if (problem != null) {
            return Double.NaN;
        }
        double[] theta = new double[at.length];
        for (int p = 0; p < at.length; p++) {
            theta[p] = at[p] - learningRate * gradient[p];
        }
        return lossAt(theta);
    }

    /**
     * Whether {@code trainer}'s weights or loss have moved since this landscape was taken: another
     * trainer, another loss or regularisation or rate, or a parameter whose data differs (compared
     * as bits, so NaN equals NaN and a diverged run is not remapped every frame). Cheap: one pass
     * over the parameters. A change of the training points alone is not seen: take a new landscape then.
     */
    public boolean stale(Trainer trainer) {
        if (trainer != source || trainer.loss != loss || trainer.l1 != l1 || trainer.l2 != l2
                || trainer.currentLearningRate() != learningRate || trainer.size() != xs.length) {
            return true;
        }
        List<Value> live = trainer.model.parameters();
        if (live.size() != at.length) {
            return true;
        }
        for (int p = 0; p < at.length; p++) {
            if (Double.compare(live.get(p).data, at[p]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The loss at the copy's weights as they are now. */
    double lossHere() {
        if (snapshot == null) {
            snapshot = model.snapshot();
        } else {
            snapshot.reload(model); // the copy's weights as placed: one snapshot for every loss of a sweep
        }
        snapshot.outputs(xs, scores);
        return loss.value(scores, ys) + Loss.penalty(params, l1, l2);
    }

    /** Puts the copy back at the current weights. */
    void restore() {
        for (int p = 0; p < at.length; p++) {
            params.get(p).data = at[p];
        }
    }
}

package scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;

/**
 * Compares the gradients {@code backward()} computes with central finite differences
 * {@code (L(p + h) - L(p - h)) / 2h}, parameter by parameter: the classic test that autograd is right.
 */
public final class GradientCheck {
    /** The step of the finite difference, relative to the parameter's size. */
    static final double H = 1e-5;

    /** What the check found, for every parameter in {@link MLP#parameters()} order. */
    public static final class Result {
        /** Gradients from the scalar {@link Value} graph's backward(). */
        public final double[] backward;
        /** Gradients from the batched tensor graph (the path training uses). */
        public final double[] batched;
        /** Central finite differences. */
        public final double[] numeric;
        /** The largest relative error of either backward path against the finite differences. */
        public final double maxRelativeError;
        /** Which parameter has it. */
        public final int worstParameter;

        Result(double[] backward, double[] batched, double[] numeric) {
            this.backward = backward;
            this.batched = batched;
            this.numeric = numeric;
            double worst = 0;
            int at = 0;
            for (int i = 0; i < numeric.length; i++) {
                double e = Math.max(relativeError(backward[i], numeric[i]), relativeError(batched[i], numeric[i]));
                if (e > worst) {
                    worst = e;
                    at = i;
                }
            }
            this.maxRelativeError = worst;
            this.worstParameter = at;
        }
    }

    /** |a - b| / max(|a| + |b|, 1e-8): 0 when equal, about 1 when unrelated, small for two near-zeros. */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), 1e-8);
    }

    /**
     * Checks the gradient of {@code loss} (plus {@code l2 · Σ p²}) over all of {@code data}. Leaves
     * the parameters' data as they were; overwrites their grad with the backward() gradients.
     */
    public static Result run(MLP model, Dataset data, Loss loss, double l2) {
        List<Value> params = model.parameters();
        double[][] xs = data.inputs();
        double[] ys = data.labels();
        int n = params.size();

        // backward() through the scalar graph
        List<Value> scores = new ArrayList<>();
        for (double[] x : xs) {
            scores.add(model.forward(x).get(0));
        }
        Value total = loss.of(scores, ys);
        if (l2 > 0) {
            total = total.add(Loss.l2(params, l2));
        }
        model.zeroGrad();
        total.backward();
        double[] backward = new double[n];
        for (int i = 0; i < n; i++) {
            backward[i] = params.get(i).grad;
        }

        // the batched tensor graph
        int[] all = new int[xs.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        BatchGraph graph = new BatchGraph(model, xs.length, loss, l2);
        graph.load(xs, ys, all);
        graph.total.forward();
        graph.total.zeroGrad();
        model.zeroGrad();
        graph.total.backward();
        graph.storeGradients();
        double[] batched = new double[n];
        for (int i = 0; i < n; i++) {
            batched[i] = params.get(i).grad;
            params.get(i).grad = backward[i];
        }

        // central differences, on plain numbers
        double[] numeric = new double[n];
        for (int i = 0; i < n; i++) {
            Value p = params.get(i);
            double saved = p.data;
            double h = H * Math.max(1, Math.abs(saved));
            p.data = saved + h;
            double plus = lossOnNumbers(model, xs, ys, loss, l2, params);
            p.data = saved - h;
            double minus = lossOnNumbers(model, xs, ys, loss, l2, params);
            p.data = saved;
            numeric[i] = (plus - minus) / (2 * h);
        }
        return new Result(backward, batched, numeric);
    }

    private static double lossOnNumbers(MLP model, double[][] xs, double[] ys, Loss loss, double l2, List<Value> params) {
        var snapshot = model.snapshot();
        double[] scores = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            scores[i] = snapshot.predict(xs[i])[0];
        }
        double total = loss.value(scores, ys);
        if (l2 > 0) {
            double squares = 0;
            for (Value p : params) {
                squares += p.data * p.data;
            }
            total += l2 * squares;
        }
        return total;
    }

    private GradientCheck() {
    }
}

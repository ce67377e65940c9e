package scratchnet.train;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
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
     * Checks the gradient of {@code loss} (plus {@code l2 · Σ p²}) over all of {@code data}, in one
     * go. Works on a copy: the model's data and grad are left as they were.
     */
    public static Result run(MLP model, Dataset data, Loss loss, double l2) {
        Job job = new Job(model, data, loss, l2);
        while (!job.advance()) {
            // each call takes the next parameters' finite differences
        }
        return job.result();
    }

    /**
     * A gradient check in slices, so a page can take one slice per frame and stay responsive: the
     * constructor runs both backward passes, each {@link #advance} then takes the finite differences
     * of the next parameters, about {@link #WORK_PER_SLICE} multiply-adds of them. The slices depend
     * only on the network's size and the number of points, never on the clock. Works on a copy of
     * the model taken at the start, so training may go on meanwhile.
     */
    public static final class Job {
        /** Multiply-adds per {@link #advance}: a few milliseconds in the browser. */
        public static final long WORK_PER_SLICE = 5_000_000;

        private final MLP model;
        private final List<Value> params;
        private final double[][] xs;
        private final double[] ys;
        private final Loss loss;
        private final double l1;
        private final double l2;
        private final double[] backward;
        private final double[] batched;
        private final double[] numeric;
        private final int perSlice;
        private int next;

        public Job(MLP model, Dataset data, Loss loss, double l2) {
            this(model, data, loss, 0, l2);
        }

        /** Checks the gradient of {@code loss} plus {@code l1 · Σ |p|} and {@code l2 · Σ p²}. */
        public Job(MLP model, Dataset data, Loss loss, double l1, double l2) {
            this(model, data, null, loss.targets(data), loss, l1, l2);
        }

        /**
         * Checks the gradient of {@code loss} (with {@code l1} and {@code l2}) for a network of raw
         * inputs on examples given as rows {@code xs}, with the loss's targets {@code ys}.
         */
        public Job(MLP model, double[][] xs, double[] ys, Loss loss, double l1, double l2) {
            this(model, null, xs, ys, loss, l1, l2);
            if (model.features != null) {
                throw new IllegalArgumentException("a network of the plane is checked on a dataset of points");
            }
        }

        // data: the points (their features are nodes of the scalar graph), or null for the raw rows xs
        private Job(MLP model, Dataset data, double[][] rows, double[] ys, Loss loss, double l1, double l2) {
            this.model = model.copy();
            this.params = this.model.parameters();
            this.xs = data != null ? this.model.inputs(data) : rows;
            this.ys = ys;
            this.loss = loss;
            this.l1 = l1;
            this.l2 = l2;
            int n = params.size();

            // backward() through the scalar graph, each point's from its x and y (raw rows: leaves)
            List<Value> outputs = new ArrayList<>();
            if (data == null) {
                for (double[] x : rows) {
                    outputs.addAll(this.model.forward(x));
                }
            } else {
                for (Point p : data.points) {
                    outputs.addAll(this.model.forward(p.x, p.y));
                }
            }
            Value total = loss.of(outputs, ys);
            if (l2 > 0) {
                total = total.add(Loss.l2(params, l2));
            }
            if (l1 > 0) {
                total = total.add(Loss.l1(params, l1));
            }
            this.model.zeroGrad();
            total.backward();
            backward = new double[n];
            for (int i = 0; i < n; i++) {
                backward[i] = params.get(i).grad;
            }

            // the batched tensor graph
            int[] all = new int[xs.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            BatchGraph graph = new BatchGraph(this.model, xs.length, loss, l1, l2);
            graph.load(xs, ys, all);
            graph.total.forward();
            graph.total.zeroGrad();
            this.model.zeroGrad();
            graph.total.backward();
            graph.storeGradients();
            batched = new double[n];
            for (int i = 0; i < n; i++) {
                batched[i] = params.get(i).grad;
            }

            numeric = new double[n];
            // A finite difference runs the network twice on every point, ~one multiply-add per parameter each.
            long perParameter = 2L * Math.max(1, xs.length) * Math.max(1, n);
            perSlice = (int) Math.max(1, Math.min(n, WORK_PER_SLICE / perParameter));
        }

        /** Central differences for the next slice of parameters; returns whether all are done. */
        public boolean advance() {
            int end = Math.min(numeric.length, next + perSlice);
            for (int i = next; i < end; i++) {
                Value p = params.get(i);
                double saved = p.data;
                double h = H * Math.max(1, Math.abs(saved));
                p.data = saved + h;
                double plus = lossOnNumbers(model, xs, ys, loss, l1, l2, params);
                p.data = saved - h;
                double minus = lossOnNumbers(model, xs, ys, loss, l1, l2, params);
                p.data = saved;
                numeric[i] = (plus - minus) / (2 * h);
            }
            next = end;
            return done();
        }

        public boolean done() {
            return next == numeric.length;
        }

        /** Parameters whose finite difference is taken so far. */
        public int checked() {
            return next;
        }

        public int parameters() {
            return numeric.length;
        }

        /** @throws IllegalStateException before {@link #done()} */
        public Result result() {
            if (!done()) {
                throw new IllegalStateException("the check has done " + next + " of " + numeric.length + " parameters");
            }
            return new Result(backward, batched, numeric);
        }
    }

    private static double lossOnNumbers(MLP model, double[][] xs, double[] ys, Loss loss, double l1, double l2,
                                        List<Value> params) {
        var snapshot = model.snapshot();
        double[] scores = new double[xs.length * model.nout()];
        snapshot.outputs(xs, scores);
        return loss.value(scores, ys) + Loss.penalty(params, l1, l2);
    }

    private GradientCheck() {
    }
}

package scratchnet.playground.inspect;

import scratchnet.data.Rng;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import scratchnet.playground.session.Readout;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

/**
 * The classic teaching example, micrograd's: four examples of three inputs, targets ±1, an
 * {@code MLP(3, [4, 4, 1])} of 41 parameters, and plain gradient descent on the sum of squared
 * errors over all four, built as the lesson builds it: each step makes every example's scalar
 * {@code Value} graph, the loss, zeroes the grads, calls {@code backward()} and moves each
 * parameter by {@code p.data -= 0.1 * p.grad} ({@link Trainer}'s scalar path, phase by phase if asked).
 */
public final class ClassicExample {
    public static final double[][] XS = {{2, 3, -1}, {3, -1, 0.5}, {0.5, 1, 1}, {1, 1, -1}};
    public static final double[] YS = {1, -1, -1, 1};
    public static final double LEARNING_RATE = 0.1;

    /** Weights drawn from {@link MLP#DEFAULT_SEED}: the same network every time. */
    public final MLP model = new MLP(3, new int[] {4, 4, 1});
    /** Trains {@link #model} on the four examples; full batch, so its random numbers are never drawn. */
    public final Trainer trainer = new Trainer(model, XS, YS, Loss.SUM_SQUARED, new Optimizer.Sgd(), new Rng(1));

    public ClassicExample() {
        trainer.learningRate = LEARNING_RATE;
        trainer.batched = false; // the lesson's own way: one scalar graph per example
    }

    /**
     * One step of gradient descent over all four examples: forward, loss, zero grads, backward,
     * update ({@code p.data -= 0.1 * p.grad}).
     *
     * @return the loss before the update
     */
    public double step() {
        return trainer.step().loss;
    }

    /** Σ (out - y)² over the four examples, with the current weights. */
    public double loss() {
        double[] scores = predictions();
        return Loss.SUM_SQUARED.value(scores, YS);
    }

    /** The network's output on each example. */
    public double[] predictions() {
        var s = model.snapshot();
        double[] out = new double[XS.length];
        for (int i = 0; i < XS.length; i++) {
            out[i] = s.predict(XS[i])[0];
        }
        return out;
    }

    /** Step, loss Σ (out − y)² and accuracy over the four examples (every step an epoch: full batch). */
    public Readout readout() {
        double[] out = predictions();
        return Readout.ofExamples(steps(), Loss.SUM_SQUARED.value(out, YS), Loss.accuracy(out, YS),
                model.parameters().size(), XS.length, trainer.currentLearningRate());
    }

    /**
     * Example {@code k} as the examples table shows it: its three inputs, its target, the network's
     * output and its share of the loss, (out − y)², e.g. {"2", "3", "-1", "+1", "0.4908", "0.2593"}.
     */
    public String[] row(int k) {
        double out = predictions()[k];
        double[] x = XS[k];
        return new String[] {input(x[0]), input(x[1]), input(x[2]), YS[k] > 0 ? "+1" : "-1",
                Format.fixed(out, 4), Format.fixed((out - YS[k]) * (out - YS[k]), 4)};
    }

    private static String input(double v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Format.number(v);
    }

    public int steps() {
        return trainer.steps();
    }

    /** Example {@code k}'s graph: its forward pass and its own squared error, after backward(). */
    public ComputationGraph graph(int k) {
        return ComputationGraph.of(model, XS[k], YS[k]);
    }
}

package scratchnet.playground.inspect;

import java.util.ArrayList;
import java.util.List;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;
import scratchnet.train.Loss;

/**
 * The classic teaching example, micrograd's: four examples of three inputs, targets ±1, an
 * {@code MLP(3, [4, 4, 1])} of 41 parameters, and plain gradient descent on the sum of squared
 * errors, one step at a time, so the page can show its graph change step by step.
 */
public final class ClassicExample {
    public static final double[][] XS = {{2, 3, -1}, {3, -1, 0.5}, {0.5, 1, 1}, {1, 1, -1}};
    public static final double[] YS = {1, -1, -1, 1};
    public static final double LEARNING_RATE = 0.1;

    /** Weights drawn from {@link MLP#DEFAULT_SEED}: the same network every time. */
    public final MLP model = new MLP(3, new int[] {4, 4, 1});
    private int steps;

    /**
     * One step of gradient descent over all four examples: forward, loss, zero grads, backward,
     * update ({@code p.data -= 0.1 * p.grad}).
     *
     * @return the loss before the update
     */
    public double step() {
        // forward
        List<Value> scores = new ArrayList<>();
        for (double[] x : XS) {
            scores.add(model.forward(x).get(0));
        }
        Value loss = Loss.SUM_SQUARED.of(scores, YS);
        // zero grads
        model.zeroGrad();
        // backward
        loss.backward();
        // update
        for (Value p : model.parameters()) {
            p.data -= LEARNING_RATE * p.grad;
        }
        steps++;
        return loss.data;
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

    public int steps() {
        return steps;
    }

    /** Example {@code k}'s graph: its forward pass and its own squared error, after backward(). */
    public ComputationGraph graph(int k) {
        return ComputationGraph.of(model, XS[k], YS[k]);
    }
}

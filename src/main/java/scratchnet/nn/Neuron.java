package scratchnet.nn;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Rng;
import scratchnet.engine.Value;

/** Computes {@code activation(w·x + b)}. */
public final class Neuron implements Module {
    public final List<Value> w;
    public final Value b;
    public final Activation activation;

    /**
     * Weights uniform in [-1, 1] scaled by 1/sqrt(nin), so the weighted sum of nin inputs keeps a
     * moderate size and tanh does not start saturated in wide layers; bias 0.
     */
    public Neuron(int nin, Activation activation, Rng rng) {
        this(nin, 1, activation, Init.UNIFORM, rng);
    }

    /** Weights drawn by {@code init} for a neuron of {@code nin} inputs in a layer of {@code nout}; bias 0. */
    public Neuron(int nin, int nout, Activation activation, Init init, Rng rng) {
        this.w = new ArrayList<>(nin);
        for (int i = 0; i < nin; i++) {
            w.add(new Value(init.weight(nin, nout, rng)));
        }
        this.b = new Value(0);
        this.activation = activation;
    }

    public Value forward(List<Value> x) {
        Value sum = b;
        for (int i = 0; i < w.size(); i++) {
            sum = sum.add(w.get(i).mul(x.get(i)));
        }
        return activation.apply(sum);
    }

    @Override
    public List<Value> parameters() {
        List<Value> params = new ArrayList<>(w);
        params.add(b);
        return params;
    }

    @Override
    public String toString() {
        return activation.label + "(" + w.size() + ")";
    }
}

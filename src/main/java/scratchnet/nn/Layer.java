package scratchnet.nn;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Rng;
import scratchnet.engine.Value;

/** {@code nout} neurons, each reading the same {@code nin} inputs. */
public final class Layer implements Module {
    public final List<Neuron> neurons;

    public Layer(int nin, int nout, Activation activation, Rng rng) {
        this(nin, nout, activation, Init.UNIFORM, rng);
    }

    /** {@code nout} neurons whose weights {@code init} draws, neuron by neuron. */
    public Layer(int nin, int nout, Activation activation, Init init, Rng rng) {
        this.neurons = new ArrayList<>(nout);
        for (int i = 0; i < nout; i++) {
            neurons.add(new Neuron(nin, nout, activation, init, rng));
        }
    }

    public List<Value> forward(List<Value> x) {
        List<Value> out = new ArrayList<>(neurons.size());
        for (Neuron n : neurons) {
            out.add(n.forward(x));
        }
        return out;
    }

    public int nin() {
        return neurons.get(0).w.size();
    }

    public int nout() {
        return neurons.size();
    }

    public Activation activation() {
        return neurons.get(0).activation;
    }

    @Override
    public List<Value> parameters() {
        List<Value> params = new ArrayList<>();
        for (Neuron n : neurons) {
            params.addAll(n.parameters());
        }
        return params;
    }

    @Override
    public String toString() {
        return "Layer of " + nout() + " × " + neurons.get(0);
    }
}

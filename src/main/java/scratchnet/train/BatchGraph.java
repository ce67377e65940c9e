package scratchnet.train;

import java.util.List;
import scratchnet.engine.Tensor;
import scratchnet.engine.Value;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;

/**
 * The loss of an MLP over a batch of fixed size, as one {@link Tensor} graph: built once, then
 * replayed every step with new numbers in its leaves. It computes the same loss and gradients as
 * the scalar graph of {@link MLP#forward} and {@link Loss#of(List, double[])}, hundreds of times
 * faster, and hands the gradients back to the model's {@link Value} parameters, so optimisers and
 * everything that reads {@code p.grad} work the same on either path. The inputs are the points'
 * features, computed once as numbers: no gradient flows into them, so they need no graph here.
 */
final class BatchGraph {
    final int size;
    final Loss loss;
    final double l1;
    final double l2;
    /** True: each hidden layer's outputs are multiplied by a mask leaf, refilled every step ({@link #loadMasks}). */
    final boolean dropout;
    private final Tensor[] masks; // masks[l] is size × nout of hidden layer l; empty without dropout
    final Tensor inputs;  // size × features
    final Tensor targets; // size × 1: the loss's targets (class indices for ce)
    final Tensor scores;  // size × outputs
    final Tensor total;
    /** {@code outputs[l]}: layer l's outputs (size × nout), after the activation and before any dropout mask. */
    final Tensor[] outputs;
    private final Tensor[] weights; // weights[l] is nin × nout: row i holds every neuron's weight for input i
    private final Tensor[] biases;  // 1 × nout
    // The model's parameters in the tensors' element order, looked up once rather than every step.
    private final Value[][] weightValues; // weightValues[l][i * nout + o] is neuron o's weight i
    private final Value[][] biasValues;   // biasValues[l][o]

    BatchGraph(MLP model, int size, Loss loss, double l1, double l2) {
        this(model, size, loss, l1, l2, false);
    }

    BatchGraph(MLP model, int size, Loss loss, double l1, double l2, boolean dropout) {
        this.size = size;
        this.dropout = dropout;
        this.loss = loss;
        this.l1 = l1;
        this.l2 = l2;
        int n = model.layers.size();
        weights = new Tensor[n];
        biases = new Tensor[n];
        weightValues = new Value[n][];
        biasValues = new Value[n][];
        masks = new Tensor[dropout ? n - 1 : 0];
        outputs = new Tensor[n];
        inputs = new Tensor(size, model.nin());
        targets = new Tensor(size, 1);
        Tensor x = inputs;
        for (int l = 0; l < n; l++) {
            Layer layer = model.layers.get(l);
            weights[l] = new Tensor(layer.nin(), layer.nout());
            biases[l] = new Tensor(1, layer.nout());
            x = layer.activation().apply(x.linear(weights[l], biases[l]));
            outputs[l] = x;
            if (dropout && l < n - 1) {
                masks[l] = new Tensor(size, layer.nout());
                x = x.mul(masks[l]);
            }
            int nout = layer.nout();
            weightValues[l] = new Value[layer.nin() * nout];
            biasValues[l] = new Value[nout];
            for (int o = 0; o < nout; o++) {
                List<Value> w = layer.neurons.get(o).w;
                for (int i = 0; i < w.size(); i++) {
                    weightValues[l][i * nout + o] = w.get(i);
                }
                biasValues[l][o] = layer.neurons.get(o).b;
            }
        }
        scores = x;
        Tensor t = loss.of(scores, targets);
        if (l2 > 0) {
            Tensor squares = null;
            for (int l = 0; l < n; l++) {
                Tensor layerSquares = weights[l].square().sum().add(biases[l].square().sum());
                squares = squares == null ? layerSquares : squares.add(layerSquares);
            }
            t = t.add(squares.mul(l2));
        }
        if (l1 > 0) {
            Tensor abs = null;
            for (int l = 0; l < n; l++) {
                Tensor layerAbs = weights[l].abs().sum().add(biases[l].abs().sum());
                abs = abs == null ? layerAbs : abs.add(layerAbs);
            }
            t = t.add(abs.mul(l1));
        }
        total = t;
    }

    /** Copies the examples {@code batch} and the model's current parameters into the leaves. */
    void load(double[][] xs, double[] ys, int[] batch) {
        int nin = inputs.cols;
        for (int r = 0; r < size; r++) {
            System.arraycopy(xs[batch[r]], 0, inputs.data, r * nin, nin);
            targets.data[r] = ys[batch[r]];
        }
        for (int l = 0; l < weights.length; l++) {
            copyData(weightValues[l], weights[l].data);
            copyData(biasValues[l], biases[l].data);
        }
    }

    /** Copies one step's dropout factors, {@code factors[l][r * nout + o]}, into the mask leaves. */
    void loadMasks(double[][] factors) {
        for (int l = 0; l < masks.length; l++) {
            System.arraycopy(factors[l], 0, masks[l].data, 0, masks[l].data.length);
        }
    }

    /** Adds the gradients of the last backward pass to the model's parameters' {@code grad}. */
    void storeGradients() {
        for (int l = 0; l < weights.length; l++) {
            addGrad(weights[l].grad, weightValues[l]);
            addGrad(biases[l].grad, biasValues[l]);
        }
    }

    private static void copyData(Value[] from, double[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i].data;
        }
    }

    private static void addGrad(double[] from, Value[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i].grad += from[i];
        }
    }
}

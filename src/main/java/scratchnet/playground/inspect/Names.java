package scratchnet.playground.inspect;

import scratchnet.nn.Layer;
import scratchnet.nn.MLP;

/**
 * What the page calls the inputs and parameters, the same in the graph, the diagram, the neuron
 * panel, the parameter table and the gradient check: {@code w[l][o][i]} is layer l's neuron o's
 * weight on input i, {@code b[l][o]} its bias (layers from 0, the first hidden layer).
 */
public final class Names {
    private Names() {
    }

    public static String weight(int layer, int neuron, int input) {
        return "w[" + layer + "][" + neuron + "][" + input + "]";
    }

    public static String bias(int layer, int neuron) {
        return "b[" + layer + "][" + neuron + "]";
    }

    /** Input i of {@code count}: "x" and "y" for points of the plane, x0, x1, ... otherwise. */
    public static String input(int i, int count) {
        return count == 2 ? (i == 0 ? "x" : "y") : "x" + i;
    }

    /**
     * The parameter count summed by layer, each layer's inputs·neurons + biases:
     * "2·8+8 + 8·8+8 + 8·1+1 = 105"; MLP(3, [4, 4, 1]) gives "3·4+4 + 4·4+4 + 4·1+1 = 41".
     */
    public static String parameterSum(MLP model) {
        StringBuilder s = new StringBuilder();
        int total = 0;
        for (Layer layer : model.layers) {
            if (s.length() > 0) {
                s.append(" + ");
            }
            s.append(layer.nin()).append('·').append(layer.nout()).append('+').append(layer.nout());
            total += layer.nin() * layer.nout() + layer.nout();
        }
        return s.append(" = ").append(total).toString();
    }

    /** Every parameter's name in {@link MLP#parameters()} order. */
    public static String[] parameters(MLP model) {
        String[] names = new String[model.parameters().size()];
        int k = 0;
        for (int l = 0; l < model.layers.size(); l++) {
            Layer layer = model.layers.get(l);
            for (int o = 0; o < layer.nout(); o++) {
                for (int i = 0; i < layer.nin(); i++) {
                    names[k++] = weight(l, o, i);
                }
                names[k++] = bias(l, o);
            }
        }
        return names;
    }
}

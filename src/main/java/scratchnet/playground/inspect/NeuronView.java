package scratchnet.playground.inspect;

import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.View;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;

/**
 * One neuron up close, as text and pixels: its title, its formula with the selected point's live
 * numbers, its bias and the bias's gradient, its weights' names, data and gradients, and its own
 * output over the plane as a {@link #MAP_SIDE}² heat map (only for networks on the plane's x, y).
 */
public final class NeuronView {
    public static final int MAP_SIDE = 48;

    public final int layer;
    public final int neuron;
    public final String title;
    public final String formula;
    /** The bias in full, as the bias field shows it. */
    public final String bias;
    public final String biasGrad;
    /** Per weight: name, data in full (as the bias, for its field), grad. */
    public final String[][] weights;
    /** {@code MAP_SIDE²} canvas pixels (see {@link HeatMap#paint}), or null if there is no map. */
    public final int[] map;

    NeuronView(MLP model, int layer, int neuron, double[] point, View view) {
        this.layer = layer;
        this.neuron = neuron;
        Neuron n = model.layers.get(layer).neurons.get(neuron);
        boolean output = layer == model.layers.size() - 1;
        title = output ? "the output neuron (layer " + layer + ")" : "layer " + layer + ", neuron " + neuron;
        formula = point == null ? "select a point to see the numbers" : Inspection.formula(model, layer, neuron, point);
        bias = Format.number(n.b.data); // exact, so that an unchanged field sets the same bias
        biasGrad = Format.compact(n.b.grad);
        weights = new String[n.w.size()][];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = new String[] {Names.weight(layer, neuron, i), Format.number(n.w.get(i).data), // exact, as the bias
                    Format.compact(n.w.get(i).grad)};
        }
        if (model.features != null) {
            double[] grid = new double[MAP_SIDE * MAP_SIDE];
            model.snapshot().grid(layer, neuron, view.xMin, view.xMax, view.yMin, view.yMax, MAP_SIDE, MAP_SIDE, grid);
            map = new int[grid.length];
            HeatMap.paint(grid, grid.length, HeatMap.bounded(n.activation), false, map);
        } else {
            map = null;
        }
    }
}

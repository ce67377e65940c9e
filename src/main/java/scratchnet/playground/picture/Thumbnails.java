package scratchnet.playground.picture;

import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;

/**
 * The network diagram's thumbnails: every neuron's output over the picture's view (the inputs'
 * features too) as a small heat map on the picture's colour scale, all from one pass over a
 * {@code side × side} grid ({@link Snapshot#gridAll}). The grid is as fine as {@link #BUDGET}
 * multiply-adds allow, between {@link #MIN_SIDE} and {@link #MAX_SIDE} cells a side. The page
 * blits {@link #pixels} and draws nothing else from the model.
 */
public final class Thumbnails {
    public static final int MAX_SIDE = 24;
    public static final int MIN_SIDE = 10;
    // Multiply-adds one set of thumbnails may cost: well under a millisecond, once every few frames.
    static final double BUDGET = 4e5;

    /** Cells per side of every thumbnail. */
    public final int side;
    /** Neurons per column: the inputs, then each layer. */
    public final int[] widths;
    /**
     * {@code values[c][o * side² + r * side + k]}: neuron o of column c (0 = the inputs) at row r
     * (0 at the top of the view), column k, each at its cell's centre.
     */
    public final double[][] values;
    /**
     * Every thumbnail's canvas pixels ({@link HeatMap#paint}'s 0xAABBGGRR), stacked: an image
     * {@code side} wide and {@code side × count} tall, neuron o of column c at the block numbered
     * by {@link #index}.
     */
    public final int[] pixels;

    public Thumbnails(MLP model, View view) {
        Snapshot s = model.snapshot();
        widths = s.widths();
        side = side(widths);
        int cells = side * side;
        values = new double[widths.length][];
        for (int c = 0; c < widths.length; c++) {
            values[c] = new double[widths[c] * cells];
        }
        s.gridAll(view.xMin, view.xMax, view.yMin, view.yMax, side, side, values);
        pixels = new int[index(widths.length, 0) * cells];
        int[] block = new int[cells];
        for (int c = 0; c < widths.length; c++) {
            for (int o = 0; o < widths[c]; o++) {
                boolean bounded = c > 0 && HeatMap.bounded(model.layers.get(c - 1).neurons.get(o).activation);
                double[] one = new double[cells];
                System.arraycopy(values[c], o * cells, one, 0, cells);
                HeatMap.paint(one, cells, bounded, false, block);
                System.arraycopy(block, 0, pixels, index(c, o) * cells, cells);
            }
        }
    }

    /** Thumbnails in all: every input and neuron. */
    public int count() {
        return index(widths.length, 0);
    }

    /** The block of neuron o of column c (0 = the inputs) among {@link #pixels}: columns in order. */
    public int index(int column, int neuron) {
        int k = neuron;
        for (int c = 0; c < column; c++) {
            k += widths[c];
        }
        return k;
    }

    /** Cells per side for a network of these widths: as many as the budget allows, within the bounds. */
    static int side(int[] widths) {
        long perPoint = 0;
        for (int c = 1; c < widths.length; c++) {
            perPoint += (long) widths[c - 1] * widths[c];
        }
        return HeatMap.side(perPoint, BUDGET, MIN_SIDE, MAX_SIDE);
    }
}

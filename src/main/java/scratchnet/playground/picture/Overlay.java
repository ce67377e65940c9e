package scratchnet.playground.picture;

import java.util.ArrayList;
import java.util.List;
import scratchnet.io.Format;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.nn.Scaling;

/** What the picture shows of the network besides its output: the first layer's lines, and how the inputs are scaled. */
public final class Overlay {
    private Overlay() {
    }

    /**
     * For a network reading x and y (standardised or not): each neuron of the first layer's line
     * w·x + b = 0 (where its sum changes sign) inside the view, 4 numbers a line ({x0, y0, x1, y1}
     * in the plane), lines that miss the view left out. For other networks none.
     */
    public static double[] firstLayerLines(MLP model, View v) {
        if (!Features.XY.equals(model.features)) {
            return new double[0];
        }
        List<double[]> found = new ArrayList<>();
        Scaling sc = model.scaling; // w0·(x − mx)/sx + w1·(y − my)/sy + b = 0 is a line of the plane too
        for (Neuron n : model.layers.get(0).neurons) {
            double a = n.w.get(0).data / sc.spreadX;
            double c = n.w.get(1).data / sc.spreadY;
            double[] line = v.clip(a, c, n.b.data - a * sc.meanX - c * sc.meanY);
            if (line != null) {
                found.add(line);
            }
        }
        double[] out = new double[4 * found.size()];
        for (int i = 0; i < found.size(); i++) {
            System.arraycopy(found.get(i), 0, out, 4 * i, 4);
        }
        return out;
    }

    /**
     * Where the inputs are standardised, how: e.g. "inputs standardised: x' = (x − 512.3) ÷ 288.1,
     * y' = (y − 0.5) ÷ 1" (the model's frozen scaling, 4 significant digits); null where they are not.
     */
    public static String scalingText(Scaling c) {
        if (c.isNone()) {
            return null;
        }
        return "inputs standardised: " + standardised("x", c.meanX, c.spreadX) + ", " + standardised("y", c.meanY, c.spreadY);
    }

    private static String standardised(String name, double mean, double spread) {
        String centred = mean < 0 ? name + " + " + Format.significant(-mean, 4) : name + " − " + Format.significant(mean, 4);
        return name + "' = (" + centred + ") ÷ " + Format.significant(spread, 4);
    }
}

package scratchnet.playground.inspect;

import java.util.List;
import scratchnet.data.Point;
import scratchnet.engine.Tanh;
import scratchnet.nn.Activation;
import scratchnet.nn.Snapshot;
import scratchnet.nn.Warp;
import scratchnet.playground.picture.HeatMap;

/**
 * One layer's picture for the Warp view ({@link WarpMap}): the plane's grid lines, the cells'
 * corners and decision colours, the training points, all as coordinates on the layer's axes, and
 * the frame they are drawn in (square in scale; it only ever widens, {@link #grown}).
 */
public final class WarpPicture {
    /** Grid lines each way over the plane's view. */
    static final int LINES = 13;
    /** Points along each line. */
    static final int SAMPLES = 41;
    /** Cells per side (their corners are grid points). */
    public static final int CELLS = 24;

    /** {@code lines[k]}: line k's samples as across, up pairs; the first half of the lines run across the plane, the rest up it. */
    public final double[][] lines;
    /** Cell corners, {@code corners[(r * (CELLS + 1) + c) * 2]} across and {@code + 1} up; row 0 at the plane's top. Empty for a small picture. */
    public final double[] corners;
    /** {@code cells[r * CELLS + c]}: the cell's colour, 0xRRGGBB: the network's decision at its centre. */
    public final int[] cells;
    /** The training points, across and up pairs, and each one's colour. */
    public final double[] points;
    public final int[] pointColours;
    /** The frame: {across low, across high, up low, up high}, square in scale. */
    public final double[] frame;

    WarpPicture(double[][] lines, double[] corners, int[] cells, double[] points, int[] pointColours, double[] frame) {
        this.lines = lines;
        this.corners = corners;
        this.cells = cells;
        this.points = points;
        this.pointColours = pointColours;
        this.frame = frame;
    }

    /** A coordinate across as a fraction of the frame's width. */
    public double fx(double across) {
        return (across - frame[0]) / (frame[1] - frame[0]);
    }

    /** A coordinate up as a fraction of the frame's height from its top. */
    public double fy(double up) {
        return (frame[3] - up) / (frame[3] - frame[2]);
    }

    /**
     * A square frame round the cloud's picture with a margin (it widens later if the picture
     * leaves it: {@link #grown}); for two neurons of tanh or sigmoid after the activation, their whole range ([−1, 1] or [0, 1]), which no training step leaves.
     */
    static double[] frame(Warp.Axes axes, double[][] cloud, Activation act, Warp.Stage stage) {
        if (!axes.principal() && stage == Warp.Stage.ACTIVATED && (act == Activation.TANH || act == Activation.SIGMOID)) {
            double low = act == Activation.TANH ? -1.05 : -0.05;
            return new double[] {low, 1.05, low, 1.05};
        }
        double aLow = Double.POSITIVE_INFINITY;
        double aHigh = Double.NEGATIVE_INFINITY;
        double uLow = Double.POSITIVE_INFINITY;
        double uHigh = Double.NEGATIVE_INFINITY;
        for (double[] p : cloud) {
            double a = axes.across(p);
            double u = axes.up(p);
            if (Double.isFinite(a) && Double.isFinite(u)) {
                aLow = Math.min(aLow, a);
                aHigh = Math.max(aHigh, a);
                uLow = Math.min(uLow, u);
                uHigh = Math.max(uHigh, u);
            }
        }
        if (!(aLow <= aHigh)) {
            return new double[] {-1, 1, -1, 1};
        }
        double half = Math.max(Math.max(aHigh - aLow, uHigh - uLow) * 0.55, 1e-9);
        double ca = (aLow + aHigh) / 2;
        double cu = (uLow + uHigh) / 2;
        return new double[] {ca - half, ca + half, cu - half, cu + half};
    }

    /** The chosen layer's picture: the grid's lines, the cells' corners and decision colours, the points. */
    static WarpPicture of(Warp warp, Snapshot net, int l, Warp.Stage s, Warp.Axes axes, double[] frame,
                                List<Point> points, int[] colours, double[] b) {
        int lineCount = LINES;
        int samples = SAMPLES;
        double[] v = new double[warp.width(l)];
        double[][] lines = new double[2 * lineCount][2 * samples];
        for (int k = 0; k < lineCount; k++) {
            double across = b[0] + (b[1] - b[0]) * k / (lineCount - 1);
            double up = b[3] - (b[3] - b[2]) * k / (lineCount - 1);
            for (int j = 0; j < samples; j++) {
                double t = (double) j / (samples - 1);
                warp.at(b[0] + (b[1] - b[0]) * t, up, l, s, v); // a line of constant y, left to right
                lines[k][2 * j] = axes.across(v);
                lines[k][2 * j + 1] = axes.up(v);
                warp.at(across, b[3] - (b[3] - b[2]) * t, l, s, v); // a line of constant x, top to bottom
                lines[lineCount + k][2 * j] = axes.across(v);
                lines[lineCount + k][2 * j + 1] = axes.up(v);
            }
        }
        int side = CELLS + 1;
        double[] corners = new double[side * side * 2];
        int[] fill = new int[CELLS * CELLS];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                warp.at(b[0] + (b[1] - b[0]) * c / CELLS, b[3] - (b[3] - b[2]) * r / CELLS, l, s, v);
                corners[(r * side + c) * 2] = axes.across(v);
                corners[(r * side + c) * 2 + 1] = axes.up(v);
            }
        }
        boolean bounded = HeatMap.bounded(warp.activation(warp.layers() - 1));
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < CELLS; c++) {
                double x = b[0] + (b[1] - b[0]) * (c + 0.5) / CELLS;
                double y = b[3] - (b[3] - b[2]) * (r + 0.5) / CELLS;
                fill[r * CELLS + c] = decision(net.predict(x, y), bounded);
            }
        }
        double[] at = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            warp.at(points.get(i).x, points.get(i).y, l, s, v);
            at[2 * i] = axes.across(v);
            at[2 * i + 1] = axes.up(v);
        }
        return new WarpPicture(lines, corners, fill, at, colours, grown(frame, at, lines));
    }

    /**
     * {@code frame}, or a larger square one if some point or line left it: the frame only ever
     * widens (a zoom out now and then), so the picture never jumps back and forth.
     */
    static double[] grown(double[] frame, double[] points, double[][] lines) {
        double[] e = {frame[0], frame[1], frame[2], frame[3]};
        extend(e, points);
        for (double[] line : lines) {
            extend(e, line);
        }
        if (e[0] >= frame[0] && e[1] <= frame[1] && e[2] >= frame[2] && e[3] <= frame[3]) {
            return frame;
        }
        double half = Math.max(e[1] - e[0], e[3] - e[2]) * 0.55;
        double ca = (e[0] + e[1]) / 2;
        double cu = (e[2] + e[3]) / 2;
        return new double[] {ca - half, ca + half, cu - half, cu + half};
    }

    private static void extend(double[] e, double[] pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (Double.isFinite(pairs[i]) && Double.isFinite(pairs[i + 1])) {
                e[0] = Math.min(e[0], pairs[i]);
                e[1] = Math.max(e[1], pairs[i]);
                e[2] = Math.min(e[2], pairs[i + 1]);
                e[3] = Math.max(e[3], pairs[i + 1]);
            }
        }
    }

    /** The colour the picture gives outputs {@code out}: one output's signed confidence, or K outputs' class, paler the less sure. */
    static int decision(double[] out, boolean bounded) {
        if (out.length == 1) {
            double o = out[0];
            double strength = Double.isNaN(o) ? 0 : Math.max(-1, Math.min(1, bounded ? o : Tanh.tanh(o)));
            return HeatMap.colour(strength);
        }
        int best = Snapshot.argmax(out, 0, out.length);
        double sum = 0;
        for (double o : out) {
            sum += Math.exp(o - out[best]);
        }
        double p = 1 / sum;
        double sure = Math.max(0, Math.min(1, (p - 1.0 / out.length) / (1 - 1.0 / out.length)));
        return HeatMap.mixed(HeatMap.CLASSES[Math.min(best, HeatMap.CLASSES.length - 1)], Double.isNaN(sure) ? 0 : sure);
    }
}

package scratchnet.playground.inspect;

import java.util.List;
import java.util.function.Supplier;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.engine.Tanh;
import scratchnet.io.Format;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.nn.Warp;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Marks;
import scratchnet.playground.picture.View;
import scratchnet.train.Trainer;

/**
 * The "Warp" view's numbers: the input plane's grid as one layer sees it ({@link Warp}), its cells
 * coloured by the network's decision, the training points on top; beside it a small picture per
 * hidden layer (its outputs on its principal axes), where a hovered or selected point is marked in
 * each. The axes and the frame are fitted once (a new network, another layer or stage, or "fit
 * again") and then held still while training moves the picture, so it does not jump.
 */
public final class WarpMap {
    /** Grid lines each way over the plane's view. */
    static final int LINES = 13;
    /** Points along each line. */
    static final int SAMPLES = 41;
    /** Cells per side (their corners are grid points). */
    public static final int CELLS = 24;
    /** The small pictures' lines each way and points along each. */
    static final int SMALL_LINES = 9;
    static final int SMALL_SAMPLES = 21;

    /** One layer's picture: coordinates in its axes, and the frame they are drawn in. */
    public static final class Picture {
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

        Picture(double[][] lines, double[] corners, int[] cells, double[] points, int[] pointColours, double[] frame) {
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
    }

    private final Supplier<Trainer> trainer;
    private final Supplier<View> view;
    private int asked = 0; // the layer asked for, 0-based
    private String axesKind = "pca";
    private int firstNeuron = 0;
    private int secondNeuron = 1;
    private Warp.Stage stage = Warp.Stage.ACTIVATED;
    private String fittedFor = ""; // the choice, network and data the axes were fitted for
    private int fittedStep;
    private int widenedStep = -1; // the step the frame last widened at, -1 for not since the fit
    private Warp.Axes axes;
    private double[] frame;
    private Warp.Axes[] smallAxes = new Warp.Axes[0];
    private double[][] smallFrames = new double[0][];
    private boolean refit = true;
    private double drawnWeights = Double.NaN;
    private Object drawnData;
    private Picture picture;
    private Picture[] small = new Picture[0];
    private int version;
    private String problem;
    private int sincePicture;
    private boolean pending;

    WarpMap(Supplier<Trainer> trainer, Supplier<View> view) {
        this.trainer = trainer;
        this.view = view;
    }

    /** The settings' choice: {@code layer} 1-based, {@code kind} "pca" or "neurons", neurons {@code x}, {@code y} 1-based. */
    public void choose(int layer, String kind, int x, int y, String stageLabel) {
        asked = Math.max(0, layer - 1);
        axesKind = kind;
        firstNeuron = Math.max(0, x - 1);
        secondNeuron = Math.max(0, y - 1);
        Warp.Stage s = Warp.Stage.byLabel(stageLabel);
        stage = s == null ? Warp.Stage.ACTIVATED : s;
    }

    /** Fits the axes and the frame again at the next {@link #advance} (the "fit again" button). */
    public void refit() {
        refit = true;
    }

    /** True if the last {@link #advance(boolean)} left a picture for later (while playing): another frame should follow. */
    public boolean pending() {
        return pending;
    }

    /** Changes each time the pictures change. */
    public int version() {
        return version;
    }

    /** Why there is no picture (a network of raw inputs, no hidden layer, no points, a diverged run), or null. */
    public String problem() {
        return problem;
    }

    /** The chosen layer's picture; null while there is a {@link #problem}. */
    public Picture picture() {
        return picture;
    }

    /** Every hidden layer's small picture (its outputs, principal axes). */
    public Picture[] small() {
        return small;
    }

    /** The layer shown, 0-based: the one asked for, or the network's last hidden layer. */
    public int layer() {
        MLP m = trainer.get().model;
        return Math.max(0, Math.min(asked, m.layers.size() - 2));
    }

    /**
     * Remakes the pictures if the weights or the data changed, fitting the axes first when the
     * network, the data or the choice did (or {@link #refit} was asked). True if they changed.
     */
    public boolean advance() {
        return advance(false);
    }

    /** {@link #advance()}, while {@code playing} only every {@link HealthReport#PLAYING_EVERY}th call (a picture costs some thousand forwards). */
    public boolean advance(boolean playing) {
        if (playing && ++sincePicture < HealthReport.PLAYING_EVERY && picture != null) {
            pending = true;
            return false;
        }
        sincePicture = 0;
        pending = false;
        Trainer t = trainer.get();
        MLP m = t.model;
        Dataset data = t.data();
        problem = data == null ? "The lesson's network reads three raw inputs, not a point of the plane: there is no plane to warp."
                : m.layers.size() < 2 ? "This network has no hidden layer: it draws its line on the plane as it is."
                : data.size() == 0 ? "No training points: add some to see where the layer puts them." : null;
        if (problem != null) {
            boolean had = picture != null;
            picture = null;
            small = new Picture[0];
            fittedFor = "";
            version += had ? 1 : 0;
            return had;
        }
        int l = layer();
        String key = System.identityHashCode(m) + ":" + System.identityHashCode(data) + ":" + l + ":" + axesKind + ":"
                + firstNeuron + ":" + secondNeuron + ":" + stage;
        double weights = HealthReport.fingerprint(m);
        if (!refit && key.equals(fittedFor) && Double.compare(weights, drawnWeights) == 0 && drawnData == data) {
            return false;
        }
        Warp warp = new Warp(m.snapshot());
        Snapshot net = m.snapshot();
        List<Point> points = data.points;
        if (refit || !key.equals(fittedFor)) {
            fit(warp, net, points, l);
            fittedFor = key;
            fittedStep = t.steps();
            widenedStep = -1;
            refit = false;
        }
        double[] viewBox = box();
        Marks marks = Marks.of(points, data.classes);
        int[] colours = new int[points.size()];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = marks.colours[marks.kind[i]];
        }
        picture = draw(warp, net, l, stage, axes, frame, points, colours, viewBox, LINES, SAMPLES, true);
        if (picture.frame != frame) {
            frame = picture.frame;
            widenedStep = t.steps();
        }
        int hidden = m.layers.size() - 1;
        small = new Picture[hidden];
        for (int k = 0; k < hidden; k++) {
            small[k] = draw(warp, net, k, Warp.Stage.ACTIVATED, smallAxes[k], smallFrames[k], points, colours, viewBox,
                    SMALL_LINES, SMALL_SAMPLES, false);
            smallFrames[k] = small[k].frame;
        }
        drawnWeights = weights;
        drawnData = data;
        version++;
        return true;
    }

    private double[] box() {
        View v = view.get();
        return new double[] {v.xMin, v.xMax, v.yMin, v.yMax};
    }

    /** The axes and frames for the weights now: the chosen layer's, and every hidden layer's small one. */
    private void fit(Warp warp, Snapshot net, List<Point> points, int l) {
        int width = warp.width(l);
        double[][] cloud = cloud(warp, l, stage, points);
        axes = axesKind.equals("neurons") ? Warp.Axes.neurons(width, firstNeuron, secondNeuron)
                : Warp.Axes.principal(cloud, width);
        frame = frame(axes, cloud, warp.activation(l), stage);
        int hidden = warp.layers() - 1;
        smallAxes = new Warp.Axes[hidden];
        smallFrames = new double[hidden][];
        for (int k = 0; k < hidden; k++) {
            double[][] c = cloud(warp, k, Warp.Stage.ACTIVATED, points);
            smallAxes[k] = Warp.Axes.principal(c, warp.width(k));
            smallFrames[k] = frame(smallAxes[k], c, warp.activation(k), Warp.Stage.ACTIVATED);
        }
    }

    /** Layer {@code l}'s values at {@code stage} over the training points and the plane's grid. */
    private double[][] cloud(Warp warp, int l, Warp.Stage s, List<Point> points) {
        double[] b = box();
        int grid = SMALL_LINES * SMALL_LINES;
        double[][] cloud = new double[points.size() + grid][];
        for (int i = 0; i < points.size(); i++) {
            cloud[i] = new double[warp.width(l)];
            warp.at(points.get(i).x, points.get(i).y, l, s, cloud[i]);
        }
        for (int g = 0; g < grid; g++) {
            double x = b[0] + (b[1] - b[0]) * (g % SMALL_LINES) / (SMALL_LINES - 1);
            double y = b[2] + (b[3] - b[2]) * (g / SMALL_LINES) / (SMALL_LINES - 1);
            double[] row = new double[warp.width(l)];
            warp.at(x, y, l, s, row);
            cloud[points.size() + g] = row;
        }
        return cloud;
    }

    /**
     * A square frame round the cloud's picture with a margin (it widens later if the picture leaves it: {@link #grown}); for two neurons of tanh or sigmoid
     * after the activation, their whole range ([−1, 1] or [0, 1]), which no training step leaves.
     */
    private static double[] frame(Warp.Axes axes, double[][] cloud, Activation act, Warp.Stage stage) {
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

    private static Picture draw(Warp warp, Snapshot net, int l, Warp.Stage s, Warp.Axes axes, double[] frame,
                                List<Point> points, int[] colours, double[] b, int lineCount, int samples, boolean cells) {
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
        double[] corners = new double[0];
        int[] fill = new int[0];
        if (cells) {
            int side = CELLS + 1;
            corners = new double[side * side * 2];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    warp.at(b[0] + (b[1] - b[0]) * c / CELLS, b[3] - (b[3] - b[2]) * r / CELLS, l, s, v);
                    corners[(r * side + c) * 2] = axes.across(v);
                    corners[(r * side + c) * 2 + 1] = axes.up(v);
                }
            }
            fill = new int[CELLS * CELLS];
            boolean bounded = HeatMap.bounded(warp.activation(warp.layers() - 1));
            for (int r = 0; r < CELLS; r++) {
                for (int c = 0; c < CELLS; c++) {
                    double x = b[0] + (b[1] - b[0]) * (c + 0.5) / CELLS;
                    double y = b[3] - (b[3] - b[2]) * (r + 0.5) / CELLS;
                    fill[r * CELLS + c] = decision(net.predict(x, y), bounded);
                }
            }
        }
        double[] at = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            warp.at(points.get(i).x, points.get(i).y, l, s, v);
            at[2 * i] = axes.across(v);
            at[2 * i + 1] = axes.up(v);
        }
        return new Picture(lines, corners, fill, at, colours, grown(frame, at, lines));
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

    /** The training point drawn nearest the chosen picture's fractions (fx, fy), within {@code reach}; -1 for none. */
    public int nearest(double fx, double fy, double reach) {
        if (picture == null) {
            return -1;
        }
        int best = -1;
        double bestD = reach * reach;
        for (int i = 0; i < picture.points.length / 2; i++) {
            double dx = picture.fx(picture.points[2 * i]) - fx;
            double dy = picture.fy(picture.points[2 * i + 1]) - fy;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Training point {@code i}'s place in the plane, {x, y}. */
    public double[] point(int i) {
        Point p = trainer.get().data().points.get(i);
        return new double[] {p.x, p.y};
    }

    /**
     * Where the plane's point (x, y) lands in the chosen picture and in each small one, as
     * {across, up} in each picture's own axes: {@code [0]} the chosen layer's, then layer 1's, ...
     */
    public double[][] landing(double x, double y) {
        MLP m = trainer.get().model;
        Warp warp = new Warp(m.snapshot());
        double[][] out = new double[1 + small.length][];
        double[] v = new double[warp.width(layer())];
        warp.at(x, y, layer(), stage, v);
        out[0] = new double[] {axes.across(v), axes.up(v)};
        for (int k = 0; k < small.length; k++) {
            double[] w = new double[warp.width(k)];
            warp.at(x, y, k, Warp.Stage.ACTIVATED, w);
            out[k + 1] = new double[] {smallAxes[k].across(w), smallAxes[k].up(w)};
        }
        return out;
    }

    /** The landing in words: "(0.52, −0.31) → layer 1 at (0.83, −0.12) → … → output 0.873", each layer on its own axes. */
    public String landingText(double x, double y) {
        double[][] at = landing(x, y);
        StringBuilder s = new StringBuilder("(" + Format.significant(x, 3) + ", " + Format.significant(y, 3) + ")");
        for (int k = 0; k < small.length; k++) {
            s.append(" → layer ").append(k + 1).append(" at (").append(Format.significant(at[k + 1][0], 3)).append(", ")
                    .append(Format.significant(at[k + 1][1], 3)).append(")");
        }
        double[] out = trainer.get().model.snapshot().predict(x, y);
        s.append(" → output ");
        if (out.length == 1) {
            s.append(Format.significant(out[0], 4));
        } else {
            s.append("class ").append(Snapshot.argmax(out, 0, out.length));
        }
        return s.toString();
    }

    /** What the picture shows, e.g. "layer 1 (8 tanh neurons) at act(w·x + b), on its first two principal components (91.2% of the spread); axes fixed since step 12". */
    public String axesText() {
        if (picture == null) {
            return "";
        }
        MLP m = trainer.get().model;
        int l = layer();
        int width = m.layers.get(l).nout();
        StringBuilder s = new StringBuilder("layer " + (l + 1) + " (" + width + " " + m.layers.get(l).activation().label
                + (width == 1 ? " neuron" : " neurons") + ") at " + stage.formula + ", ");
        if (axes.principal()) {
            s.append("on its first two principal components over the training points and the grid (")
                    .append(Format.percent(axes.explained)).append(" of the spread)");
        } else if (axes.second < 0) {
            s.append("neuron 1 across (one neuron: a line)");
        } else {
            s.append("neuron ").append(axes.first + 1).append(" across, neuron ").append(axes.second + 1).append(" up");
        }
        if (asked > l) {
            s.append("; layer ").append(asked + 1).append(" was asked for, the network has ").append(l + 1);
        }
        s.append("; axes fixed since step ").append(fittedStep);
        return (widenedStep >= 0 ? s.append(", the frame widened at step ").append(widenedStep) : s).toString();
    }
}

package scratchnet.playground.inspect;

import java.util.List;
import java.util.function.Supplier;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.nn.Warp;
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
    /** The small pictures' lines each way and points along each. */
    static final int SMALL_LINES = 9;
    static final int SMALL_SAMPLES = 21;

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
    private WarpPicture picture;
    private WarpPicture[] small = new WarpPicture[0];
    private int version;
    private String problem;
    private int sinceWarpPicture;
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
    public WarpPicture picture() {
        return picture;
    }

    /** Every hidden layer's small picture (its outputs, principal axes). */
    public WarpPicture[] small() {
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
        if (playing && ++sinceWarpPicture < HealthReport.PLAYING_EVERY && picture != null) {
            pending = true;
            return false;
        }
        sinceWarpPicture = 0;
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
            small = new WarpPicture[0];
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
        picture = WarpPicture.of(warp, net, l, stage, axes, frame, points, colours, viewBox);
        if (picture.frame != frame) {
            frame = picture.frame;
            widenedStep = t.steps();
        }
        small = smallWarpPictures(warp, points, colours, viewBox);
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
        frame = WarpPicture.frame(axes, cloud, warp.activation(l), stage);
        int hidden = warp.layers() - 1;
        smallAxes = new Warp.Axes[hidden];
        smallFrames = new double[hidden][];
        double[][][] clouds = everyLayerCloud(warp, points);
        for (int k = 0; k < hidden; k++) {
            smallAxes[k] = Warp.Axes.principal(clouds[k], warp.width(k));
            smallFrames[k] = WarpPicture.frame(smallAxes[k], clouds[k], warp.activation(k), Warp.Stage.ACTIVATED);
        }
    }

    /** Every hidden layer's outputs over the training points and the plane's grid, as {@link #cloud} has them, in one pass a point. */
    private double[][][] everyLayerCloud(Warp warp, List<Point> points) {
        double[] b = box();
        int hidden = warp.layers() - 1;
        int grid = SMALL_LINES * SMALL_LINES;
        double[][][] clouds = new double[hidden][points.size() + grid][];
        double[][] row = new double[hidden][];
        for (int i = 0; i < points.size() + grid; i++) {
            for (int k = 0; k < hidden; k++) {
                row[k] = clouds[k][i] = new double[warp.width(k)];
            }
            if (i < points.size()) {
                warp.everyLayer(points.get(i).x, points.get(i).y, row);
            } else {
                int g = i - points.size();
                warp.everyLayer(b[0] + (b[1] - b[0]) * (g % SMALL_LINES) / (SMALL_LINES - 1),
                        b[2] + (b[3] - b[2]) * (g / SMALL_LINES) / (SMALL_LINES - 1), row);
            }
        }
        return clouds;
    }

    /** Every hidden layer's small picture (its outputs on its held axes), each point carried through all of them at once. */
    private WarpPicture[] smallWarpPictures(Warp warp, List<Point> points, int[] colours, double[] b) {
        int hidden = warp.layers() - 1;
        double[][] v = new double[hidden][];
        for (int k = 0; k < hidden; k++) {
            v[k] = new double[warp.width(k)];
        }
        double[][][] lines = new double[hidden][2 * SMALL_LINES][2 * SMALL_SAMPLES];
        for (int n = 0; n < SMALL_LINES; n++) {
            double across = b[0] + (b[1] - b[0]) * n / (SMALL_LINES - 1);
            double up = b[3] - (b[3] - b[2]) * n / (SMALL_LINES - 1);
            for (int j = 0; j < SMALL_SAMPLES; j++) {
                double t = (double) j / (SMALL_SAMPLES - 1);
                warp.everyLayer(b[0] + (b[1] - b[0]) * t, up, v);
                place(v, lines, n, j);
                warp.everyLayer(across, b[3] - (b[3] - b[2]) * t, v);
                place(v, lines, SMALL_LINES + n, j);
            }
        }
        double[][] at = new double[hidden][points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            warp.everyLayer(points.get(i).x, points.get(i).y, v);
            for (int k = 0; k < hidden; k++) {
                at[k][2 * i] = smallAxes[k].across(v[k]);
                at[k][2 * i + 1] = smallAxes[k].up(v[k]);
            }
        }
        WarpPicture[] pictures = new WarpPicture[hidden];
        for (int k = 0; k < hidden; k++) {
            pictures[k] = new WarpPicture(lines[k], new double[0], new int[0], at[k], colours, WarpPicture.grown(smallFrames[k], at[k], lines[k]));
            smallFrames[k] = pictures[k].frame;
        }
        return pictures;
    }

    private void place(double[][] v, double[][][] lines, int line, int j) {
        for (int k = 0; k < v.length; k++) {
            lines[k][line][2 * j] = smallAxes[k].across(v[k]);
            lines[k][line][2 * j + 1] = smallAxes[k].up(v[k]);
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

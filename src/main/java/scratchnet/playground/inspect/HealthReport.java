package scratchnet.playground.inspect;

import java.util.ArrayList;
import java.util.List;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.train.Health;
import scratchnet.train.HealthHistory;
import scratchnet.train.Trainer;

/**
 * The "Health" view's numbers and words: each layer's histograms of outputs and of their gradients
 * over the training points ({@link Health}), its mean, spread, % saturated and % dead, what looks
 * wrong in plain words, and two charts along training ({@link HealthHistory}): the update:data ratio
 * with its 10⁻³ line and the gradient norm reaching each layer (log scales). The page draws bars and
 * lines at the fractions this hands it.
 */
public final class HealthReport {
    /** While playing, the layers are measured again at most once every this many frames (a measure costs a full-batch step). */
    static final int PLAYING_EVERY = 5;
    /**
     * Above this update:data ratio (log10) a step moves a layer's weights by a third of their spread
     * or more. (Karpathy's 10⁻³ is for large networks; the page's small ones learn well near 10⁻².)
     */
    static final double RATIO_HIGH = -0.5;
    /** An output layer whose outputs spread less than this over the points gives one answer to all of them. */
    static final double COLLAPSED = 1e-4;
    /** Below it a layer barely moves. */
    static final double RATIO_LOW = -5;

    private final Health health = new Health();
    private final HealthHistory history = new HealthHistory();
    private List<Health.Layer> layers = List.of();
    private Trainer measuredTrainer;
    private int measuredStep = -1;
    private int measuredSize = -1;
    private double measuredWeights = Double.NaN;
    private int sinceMeasure;
    private boolean pending; // the last refresh left a stale measure for later
    private int version;

    /** One histogram: bars at fractions of its width, heights as fractions of the tallest. */
    public static final class Histogram {
        public final int[] counts;
        public final int tallest;
        /** The range's ends as text, e.g. "−1" and "1". */
        public final String low;
        public final String high;
        /** Where the saturation thresholds fall, as fractions of the width (empty when none is drawn). */
        public final double[] marks;

        Histogram(int[] counts, double low, double high, double[] marks) {
            this.counts = counts;
            int most = 0;
            for (int c : counts) {
                most = Math.max(most, c);
            }
            this.tallest = most;
            this.low = Format.significant(low, 2);
            this.high = Format.significant(high, 2);
            this.marks = marks;
        }
    }

    /** One chart along training: a line per layer, in fractions of the chart (y from the bottom). */
    public static final class Chart {
        /** {@code xs[l][i]}, {@code ys[l][i]}: layer l's i-th point; NaN where a record has no value (the line breaks). */
        public final double[][] xs;
        public final double[][] ys;
        /** The y fractions of the labelled ticks and their labels, e.g. "1e-3". */
        public final double[] ticks;
        public final String[] tickLabels;
        /** The 10⁻³ line's y fraction; NaN for none. */
        public final double reference;
        /** The first and last steps recorded, as text; "" before the first. */
        public final String from;
        public final String to;

        Chart(double[][] xs, double[][] ys, double[] ticks, String[] tickLabels, double reference, String from, String to) {
            this.xs = xs;
            this.ys = ys;
            this.ticks = ticks;
            this.tickLabels = tickLabels;
            this.reference = reference;
            this.from = from;
            this.to = to;
        }
    }

    /** After each training step of the trainer shown: the charts' next record (cheap: no extra forward). */
    void afterStep(Trainer trainer) {
        history.record(trainer);
    }

    /**
     * Measures the layers again if the weights, the data or the network changed since the last
     * measure (while {@code playing}, only every {@link #PLAYING_EVERY}th call). Returns true if the
     * numbers changed.
     */
    public boolean refresh(Trainer trainer, boolean playing) {
        history.record(trainer); // a no-op for a step already recorded; a new network starts afresh
        double weights = fingerprint(trainer.model);
        boolean stale = trainer != measuredTrainer || trainer.steps() != measuredStep || trainer.size() != measuredSize
                || Double.compare(weights, measuredWeights) != 0;
        sinceMeasure++;
        pending = stale;
        if (!stale || playing && sinceMeasure < PLAYING_EVERY && measuredTrainer == trainer) {
            return false;
        }
        pending = false;
        layers = health.measure(trainer);
        measuredTrainer = trainer;
        measuredStep = trainer.steps();
        measuredSize = trainer.size();
        measuredWeights = weights;
        sinceMeasure = 0;
        version++;
        return true;
    }

    /** True if the last {@link #refresh} skipped a measure that is due (while playing): another frame should follow. */
    public boolean pending() {
        return pending;
    }

    /** Changes each time {@link #refresh} measures again. */
    public int version() {
        return version;
    }

    /** The layers as last measured, the output layer last. */
    public List<Health.Layer> layers() {
        return layers;
    }

    /** The step the numbers are for. */
    public int step() {
        return measuredStep;
    }

    /** Layers measured, the output layer last; 0 before the first measure. */
    public int layerCount() {
        return layers.size();
    }

    /** What the numbers are over: "Over all 200 training points at step 41: the training loss, without dropout or penalty." */
    public String scope() {
        int n = layers.isEmpty() ? 0 : layers.get(0).points;
        return "Over all " + n + " training points at step " + measuredStep
                + ": the training loss's forward and backward, without dropout or penalty.";
    }

    /** A sum of every parameter's data, weighted by place: any edit, step or reset changes it (the warp view's test too). */
    static double fingerprint(MLP model) {
        double sum = 0;
        int k = 0;
        for (Value p : model.parameters()) {
            sum += p.data * (1 + (k++ % 97) * 0.01);
        }
        return sum;
    }

    /** Layer {@code l}'s name: "layer 1 · tanh · 8 neurons", the last "output · sigmoid · 1 neuron". */
    public String title(int l) {
        Health.Layer h = layers.get(l);
        String name = l == layers.size() - 1 ? "output" : "layer " + (l + 1);
        return name + " · " + h.activation.label + " · " + h.width + (h.width == 1 ? " neuron" : " neurons");
    }

    /** Layer {@code l}'s numbers: "mean 0.0312 · spread 0.620 · saturated 12.4% · gradient spread 3.1e-3". */
    public String numbers(int l) {
        Health.Layer h = layers.get(l);
        StringBuilder s = new StringBuilder("mean ").append(Format.significant(h.mean, 3))
                .append(" · spread ").append(Format.significant(h.spread, 3));
        if (!Double.isNaN(h.saturated)) {
            s.append(" · saturated ").append(Format.percent(h.saturated));
        }
        if (!Double.isNaN(h.dead)) {
            s.append(" · dead ").append(count(h.deadNeurons)).append(" of ").append(h.width);
        }
        s.append(" · gradient norm ").append(Format.significant(Health.norm(h.grads), 3));
        return s.toString();
    }

    /** Layer {@code l}'s outputs' histogram, with tanh's or sigmoid's saturation thresholds marked. */
    public Histogram outputs(int l) {
        Health.Layer h = layers.get(l);
        double[] marks = new double[0];
        if (Health.saturates(h.activation)) {
            double edge = h.activation == Activation.TANH ? Health.SATURATED : (1 + Health.SATURATED) / 2;
            double other = h.activation == Activation.TANH ? -edge : 1 - edge;
            double span = h.outputHigh - h.outputLow;
            marks = new double[] {(other - h.outputLow) / span, (edge - h.outputLow) / span};
        }
        return new Histogram(h.outputCounts, h.outputLow, h.outputHigh, marks);
    }

    /** Layer {@code l}'s gradients' histogram, on ±the largest |gradient|. */
    public Histogram gradients(int l) {
        Health.Layer h = layers.get(l);
        return new Histogram(h.gradCounts, -h.gradReach, h.gradReach, new double[0]);
    }

    /** {@code dead()[l][o]}: neuron o of layer l is dead (ReLU at 0 on every training point); none before a measure. */
    public boolean[][] dead() {
        boolean[][] marks = new boolean[layers.size()][];
        for (int l = 0; l < marks.length; l++) {
            marks[l] = layers.get(l).deadNeurons;
        }
        return marks;
    }

    /** {@code saturated()[l][o]}: neuron o of layer l is saturated on every training point. */
    public boolean[][] saturated() {
        boolean[][] marks = new boolean[layers.size()][];
        for (int l = 0; l < marks.length; l++) {
            marks[l] = layers.get(l).saturatedNeurons;
        }
        return marks;
    }

    /**
     * What looks wrong, a sentence each, the worst first; one reassuring sentence if nothing does.
     * The thresholds are heuristics, said as such in the README.
     */
    public List<String> findings() {
        List<String> said = new ArrayList<>();
        if (layers.isEmpty() || layers.get(0).points == 0) {
            said.add("No training points: add some to measure the layers.");
            return said;
        }
        for (Health.Layer h : layers) {
            if (!h.finite) {
                said.add("The run has diverged: some outputs or gradients are not finite. Lower the learning rate and reset.");
                return said;
            }
        }
        int last = layers.size() - 1;
        Health.Layer output = layers.get(last);
        if (output.points > 1 && output.spread < COLLAPSED) {
            said.add("The output is the same on every point (mean " + Format.significant(output.mean, 3) + ", spread "
                    + Format.significant(output.spread, 3) + "): the network has collapsed to one answer"
                    + (output.saturated > 0.9 ? ", saturated, so almost no gradient passes back" : "")
                    + ". Reset, with a lower rate or another start.");
        }
        for (int l = 0; l < last; l++) {
            Health.Layer h = layers.get(l);
            if (identical(h)) {
                said.add(name(l) + "'s " + h.width + " neurons are identical on every point: a symmetric start (all weights"
                        + " equal, as zero init makes them) gives each the same gradient, so they stay one neuron.");
            }
        }
        for (int l = 0; l <= last; l++) {
            Health.Layer h = layers.get(l);
            int dead = count(h.deadNeurons);
            if (dead > 0) {
                said.add(name(l) + ": " + dead + " of " + h.width + " ReLU neurons are dead (0 on every training point);"
                        + " no gradient reaches their weights, so they stop learning.");
            }
            if (l < last && h.saturated > 0.25) { // a saturated output is a confident one, not a problem
                said.add(name(l) + " is " + Format.percent(h.saturated) + " saturated ("
                        + (h.activation == Activation.TANH ? "|t| > 0.97" : "σ within 0.015 of 0 or 1")
                        + "): little gradient passes back through it. A smaller start (glorot) or rate helps.");
            }
        }
        if (last >= 2) {
            double first = Health.norm(layers.get(0).grads);
            double out = Health.norm(layers.get(last).grads);
            if (out > 0 && first < out / 100) {
                double times = out / first;
                said.add("The gradient reaching layer 1 is " + (times < 1000 ? Format.significant(times, 2) : Format.scientific(times, 2)) + "× smaller than at the"
                        + " output: it vanishes on the way back, so the first layers barely learn.");
            }
        }
        int n = history.size();
        List<String> fast = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        double fastest = Double.NEGATIVE_INFINITY;
        double slowest = Double.POSITIVE_INFINITY;
        for (int l = 0; n > 0 && l <= last && l < history.layers(); l++) {
            double r = history.ratio(n - 1, l);
            if (r > RATIO_HIGH) {
                fast.add(l == last ? "the output layer" : "layer " + (l + 1));
                fastest = Math.max(fastest, r);
            } else if (r < RATIO_LOW) {
                slow.add(l == last ? "the output layer" : "layer " + (l + 1));
                slowest = Math.min(slowest, r);
            }
        }
        if (!fast.isEmpty()) {
            said.add("Each step moves the weights of " + list(fast) + " by a third of their spread or more (update:data ratio"
                    + " up to 10^" + Format.fixed(fastest, 1) + "); a lower rate steadies it.");
        }
        if (!slow.isEmpty()) {
            said.add("The weights of " + list(slow) + " barely move (update:data ratio down to 10^" + Format.fixed(slowest, 1)
                    + ").");
        }
        if (said.isEmpty()) {
            said.add("Nothing looks wrong: no layer is dead or much saturated, the gradient reaches layer 1, and the"
                    + " update:data ratio is in its usual range.");
        }
        return said;
    }

    /** "layer 1", "layer 1 and layer 2", "layer 1, layer 2 and the output layer". */
    private static String list(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            s.append(i == 0 ? "" : i == names.size() - 1 ? " and " : ", ").append(names.get(i));
        }
        return s.toString();
    }

    private String name(int l) {
        return l == layers.size() - 1 ? "The output layer" : "Layer " + (l + 1);
    }

    /** A layer of two or more neurons whose outputs are equal on every point. */
    private static boolean identical(Health.Layer h) {
        if (h.width < 2) {
            return false;
        }
        for (int r = 0; r < h.points; r++) {
            for (int o = 1; o < h.width; o++) {
                if (h.outputs[r * h.width + o] != h.outputs[r * h.width]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static int count(boolean[] marks) {
        int n = 0;
        for (boolean b : marks) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The update:data ratio, log10, per layer along training, with the 10⁻³ line; at least 10⁻⁵ .. 10⁻¹ shown. */
    public Chart ratioChart() {
        return chart(true);
    }

    /** The gradient norm reaching each layer along training, log10: a vanishing gradient is a staircase. */
    public Chart normChart() {
        return chart(false);
    }

    private Chart chart(boolean ratio) {
        int n = history.size();
        int layerCount = history.layers();
        double low = ratio ? -5 : Double.POSITIVE_INFINITY;
        double high = ratio ? -1 : Double.NEGATIVE_INFINITY;
        double[][] values = new double[layerCount][n];
        for (int l = 0; l < layerCount; l++) {
            for (int i = 0; i < n; i++) {
                double v = ratio ? history.ratio(i, l) : Math.log10(history.norm(i, l));
                values[l][i] = Double.isFinite(v) ? v : Double.NaN;
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!(low <= high)) { // no finite value yet
            low = -3;
            high = 0;
        }
        low = Math.max(-16, Math.floor(low));
        high = Math.min(8, Math.ceil(high));
        if (high <= low) {
            high = low + 1;
        }
        double[][] xs = new double[layerCount][n];
        double[][] ys = new double[layerCount][n];
        int first = n == 0 ? 0 : history.step(0);
        int lastStep = n == 0 ? 0 : history.step(n - 1);
        for (int l = 0; l < layerCount; l++) {
            for (int i = 0; i < n; i++) {
                xs[l][i] = lastStep == first ? 1 : (double) (history.step(i) - first) / (lastStep - first);
                double v = Math.max(low, Math.min(high, values[l][i]));
                ys[l][i] = Double.isNaN(values[l][i]) ? Double.NaN : (v - low) / (high - low);
            }
        }
        int decades = (int) (high - low);
        int every = decades <= 6 ? 1 : decades <= 12 ? 2 : 4;
        List<Double> at = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int e = (int) low; e <= high; e++) {
            if (e % every == 0) {
                at.add((e - low) / (high - low));
                labels.add(e == 0 ? "1" : "1e" + e);
            }
        }
        double[] ticks = new double[at.size()];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = at.get(i);
        }
        double reference = ratio ? (-3 - low) / (high - low) : Double.NaN;
        return new Chart(xs, ys, ticks, labels.toArray(new String[0]), reference,
                n == 0 ? "" : "step " + first, n == 0 ? "" : "step " + lastStep);
    }
}

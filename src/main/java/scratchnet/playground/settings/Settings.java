package scratchnet.playground.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import scratchnet.data.Point;
import scratchnet.data.Shape;
import scratchnet.io.Decimal;
import scratchnet.io.Format;
import scratchnet.nn.Activation;
import scratchnet.nn.Features;
import scratchnet.nn.Init;
import scratchnet.nn.Warp;
import scratchnet.train.Loss;
import scratchnet.train.Schedule;

/**
 * Everything a person can set on the playground. Each setting is declared once, in {@link #TABLE},
 * with its key, default, allowed range and what it affects; that one table drives the defaults,
 * the share link ({@link #toHash()}, {@link #fromHash(String)}), the clamping of values out of
 * range, the page's controls, and what a change rebuilds ({@link Affects}).
 *
 * <p>Reading never fails: a malformed, out-of-range or unknown part of a link is replaced by the
 * default (or the nearest allowed value) and described in {@link Parsed#notes}.
 */
public final class Settings {
    // The largest settings the page offers: one full-batch step stays a few milliseconds.
    public static final int MAX_POINTS = 1000;
    public static final int MAX_LAYERS = 6;
    public static final int MAX_NEURONS = 32;
    public static final int MAX_BATCH = MAX_POINTS;
    public static final int MAX_SPEED = 100;
    /** The largest step or epoch count a schedule or stop rule takes. */
    public static final int MAX_STEPS = 1_000_000;
    static final int MAX_SEED = 999_999_999;
    /**
     * The generator version's key. Links and files from before it lack it and read as version 1,
     * their points as they were; a page opened without a link gets the newest.
     */
    static final String GENERATOR_KEY = "gen";
    /** The views under the diagram, in the tabs' order. */
    public static final String[] VIEWS = {"neuron", "phases", "gradcheck", "nudge", "downhill", "health", "warp"};
    /** What the downhill view maps ({@link #surface}). */
    public static final String[] SURFACES = {"pair", "random", "path", "runs"};
    /** The warp view's axes ({@link #warpAxes}). */
    public static final String[] WARP_AXES = {"pca", "neurons"};
    /** The largest parameter index a link may name (the largest network has 5,569 parameters with every feature). */
    static final int MAX_PARAMETER = 9_999;

    public Shape data;
    /**
     * The datasets' generator version ({@link Shape#generator}): 1, noise in plane units (the
     * points every link and file made before versions had); 2, noise in each shape's own scale.
     */
    public int generator;
    /** Classes asked of the datasets that let you choose (spiral arms, Gaussian blobs); see {@link #classCount()}. */
    public int classes;
    public int points;
    public double noise;
    /** Percent of the points used for training; the rest are test data. */
    public int split;
    public int dataSeed;
    public int weightSeed;
    /** How the initial weights are drawn (the seed's uniform ±1/√fan-in unless a link says). */
    public Init initScheme;
    /** What the network reads from a point: x, y, x², y², xy, sin x, sin y. */
    public Features features;
    /** Standardise x and y before the features (mean 0, spread 1 over the training points; see {@link scratchnet.nn.Scaling}). */
    public boolean standardize;
    /** Neurons in each hidden layer; empty for no hidden layer (a straight boundary). */
    public int[] layers;
    /**
     * The hidden layers' activations, one per hidden layer once {@link #settle} has fitted them to
     * {@link #layers} (repeating the last, or dropping the extra); with no hidden layer, kept as
     * they were so that layers coming back get them again. See {@link #hiddenActivations()}.
     */
    public Activation[] activations;
    public Activation output;
    public Loss loss;
    public String optimizer;
    public double learningRate;
    /** Inverted dropout's probability of dropping each hidden neuron's output while training (0 = none). */
    public double dropout;
    public double decay;
    /** The learning-rate schedule ({@link Schedule}) and its parameters. */
    public Schedule.Kind schedule;
    public int every;
    public double factor;
    public int warmup;
    public double l1;
    public double l2;
    /** Examples per step; 0 = full batch. */
    public int batchSize;
    /** Stop rules ({@link scratchnet.train.StopRule}); 0 turns each off. */
    public int stopEpochs;
    public double stopLoss;
    public int patience;
    /** Training steps per animation frame. */
    public int speed;
    public boolean discretize;
    public boolean showTest;
    /** Draw the first layer's lines w·x + b = 0 on the picture. */
    public boolean showLines;
    /** The paint brush's and eraser's radius, in CSS pixels of the picture. */
    public int brush;
    /** Points the brush sprays per dab. */
    public int density;
    /** The page shows only the picture, play/step/reset and the readouts, for an iframe. */
    public boolean embed;
    /**
     * The lesson's example in every view: micrograd's {@code MLP(3, [4, 4, 1])} on its four
     * examples, trained by play and step in place of the data's network (see {@code ClassicExample}).
     */
    public boolean lesson;
    /** The view under the diagram: the neuron, one step phase by phase, the gradient check, the nudge, downhill. */
    public String view;
    /**
     * What the downhill view maps: the loss over two parameters ({@link #p1} across, {@link #p2}
     * up), or the whole network's on a plane of two random filter-normalised directions, of the
     * path's two principal directions, or through two compared runs' start and weights.
     */
    public String surface;
    /** The two parameters the downhill view maps, as indices into {@code MLP.parameters()} (kept inside the network shown). */
    public int p1;
    public int p2;
    /** The warp view's layer, 1 = the first hidden (the network's last hidden layer if it has fewer). */
    public int warpLayer;
    /** Its axes: the layer's first two principal components ("pca") or two of its neurons ("neurons": {@link #warpX}, {@link #warpY}). */
    public String warpAxes;
    /** The two neurons (1-based) the warp view puts across and up, with {@code warpAxes=neurons}. */
    public int warpX;
    public int warpY;
    /** Where in the layer the warp view stops: {@code w·x}, {@code w·x + b} or the activation ({@code Warp.Stage}). */
    public String warpStage;

    static final List<Setting> TABLE = List.of(
            Setting.choice("data", Affects.DATA, "moons", labels(Shape.values()), s -> s.data.label,
                    (s, v) -> s.data = Shape.byLabel(v)),
            Setting.integer("classes", Affects.DATA, 2, 2, Point.MAX_CLASSES, s -> s.classes, (s, v) -> s.classes = v),
            Setting.integer("points", Affects.DATA, 200, 2, MAX_POINTS, s -> s.points, (s, v) -> s.points = v),
            Setting.number("noise", Affects.DATA, 0.1, 0, 1, s -> s.noise, (s, v) -> s.noise = v),
            Setting.choice(GENERATOR_KEY, Affects.DATA, Integer.toString(Shape.VERSIONS), generatorVersions(),
                    s -> Integer.toString(s.generator), (s, v) -> s.generator = Integer.parseInt(v)),
            Setting.integer("split", Affects.DATA, 80, 10, 100, s -> s.split, (s, v) -> s.split = v),
            Setting.integer("seed", Affects.DATA, 1, 0, MAX_SEED, s -> s.dataSeed, (s, v) -> s.dataSeed = v),
            Setting.integer("init", Affects.MODEL, 1, 0, MAX_SEED, s -> s.weightSeed, (s, v) -> s.weightSeed = v),
            Setting.choice("initScheme", Affects.MODEL, "uniform", Init.labels(), s -> s.initScheme.label,
                    (s, v) -> s.initScheme = Init.byLabel(v)),
            Setting.features("features", Affects.MODEL, "x,y", s -> s.features, (s, v) -> s.features = v),
            Setting.flag("standardize", Affects.MODEL, false, s -> s.standardize, (s, v) -> s.standardize = v),
            Setting.layers("layers", Affects.MODEL, "8,8", s -> s.layers, (s, v) -> s.layers = v),
            Setting.activations("activation", Affects.MODEL, "tanh"),
            Setting.choice("output", Affects.MODEL, "tanh", new String[] {"tanh", "linear"}, s -> s.output.label,
                    (s, v) -> s.output = Activation.byLabel(v)),
            Setting.choice("loss", Affects.TRAINING, "mse", labels(Loss.values()), s -> s.loss.label,
                    (s, v) -> s.loss = Loss.byLabel(v)),
            Setting.choice("optimizer", Affects.TRAINING, "sgd", new String[] {"sgd", "momentum", "adam"}, s -> s.optimizer,
                    (s, v) -> s.optimizer = v),
            Setting.number("lr", Affects.TRAINING, 0.3, 0.00001, 10, s -> s.learningRate, (s, v) -> s.learningRate = v),
            Setting.number("decay", Affects.TRAINING, 0, 0, 1, s -> s.decay, (s, v) -> s.decay = v),
            Setting.choice("schedule", Affects.TRAINING, "constant", scheduleLabels(), s -> s.schedule.label,
                    (s, v) -> s.schedule = Schedule.Kind.byLabel(v)),
            Setting.integer("every", Affects.TRAINING, 100, 1, MAX_STEPS, s -> s.every, (s, v) -> s.every = v),
            Setting.number("factor", Affects.TRAINING, 0.5, 0, 1, s -> s.factor, (s, v) -> s.factor = v),
            Setting.integer("warmup", Affects.TRAINING, 0, 0, MAX_STEPS, s -> s.warmup, (s, v) -> s.warmup = v),
            Setting.number("l1", Affects.TRAINING, 0, 0, 1, s -> s.l1, (s, v) -> s.l1 = v),
            Setting.number("l2", Affects.TRAINING, 0, 0, 1, s -> s.l2, (s, v) -> s.l2 = v),
            Setting.number("dropout", Affects.TRAINING, 0, 0, 0.9, s -> s.dropout, (s, v) -> s.dropout = v),
            Setting.integer("batch", Affects.TRAINING, 0, 0, MAX_BATCH, s -> s.batchSize, (s, v) -> s.batchSize = v),
            Setting.integer("stopEpochs", Affects.TRAINING, 0, 0, MAX_STEPS, s -> s.stopEpochs, (s, v) -> s.stopEpochs = v),
            Setting.number("stopLoss", Affects.TRAINING, 0, 0, 10, s -> s.stopLoss, (s, v) -> s.stopLoss = v),
            Setting.integer("patience", Affects.TRAINING, 0, 0, MAX_STEPS, s -> s.patience, (s, v) -> s.patience = v),
            Setting.integer("speed", Affects.VIEW, 2, 1, MAX_SPEED, s -> s.speed, (s, v) -> s.speed = v),
            Setting.flag("discretize", Affects.VIEW, false, s -> s.discretize, (s, v) -> s.discretize = v),
            Setting.flag("test", Affects.VIEW, false, s -> s.showTest, (s, v) -> s.showTest = v),
            Setting.flag("lines", Affects.VIEW, false, s -> s.showLines, (s, v) -> s.showLines = v),
            Setting.integer("brush", Affects.VIEW, 20, 4, 80, s -> s.brush, (s, v) -> s.brush = v),
            Setting.integer("density", Affects.VIEW, 4, 1, 20, s -> s.density, (s, v) -> s.density = v),
            Setting.flag("embed", Affects.VIEW, false, s -> s.embed, (s, v) -> s.embed = v),
            Setting.flag("lesson", Affects.VIEW, false, s -> s.lesson, (s, v) -> s.lesson = v),
            Setting.choice("view", Affects.VIEW, "neuron", VIEWS, s -> s.view, (s, v) -> s.view = v),
            Setting.choice("surface", Affects.VIEW, "pair", SURFACES, s -> s.surface, (s, v) -> s.surface = v),
            Setting.integer("p1", Affects.VIEW, 0, 0, MAX_PARAMETER, s -> s.p1, (s, v) -> s.p1 = v),
            Setting.integer("p2", Affects.VIEW, 1, 0, MAX_PARAMETER, s -> s.p2, (s, v) -> s.p2 = v),
            Setting.integer("warpLayer", Affects.VIEW, 1, 1, MAX_LAYERS, s -> s.warpLayer, (s, v) -> s.warpLayer = v),
            Setting.choice("warpAxes", Affects.VIEW, "pca", WARP_AXES, s -> s.warpAxes, (s, v) -> s.warpAxes = v),
            Setting.integer("warpX", Affects.VIEW, 1, 1, MAX_NEURONS, s -> s.warpX, (s, v) -> s.warpX = v),
            Setting.integer("warpY", Affects.VIEW, 2, 1, MAX_NEURONS, s -> s.warpY, (s, v) -> s.warpY = v),
            Setting.choice("warpStage", Affects.VIEW, "activated", Warp.Stage.labels(), s -> s.warpStage,
                    (s, v) -> s.warpStage = v));

    /**
     * What a change of a setting rebuilds, from most to least: new data (and so a fresh model),
     * a fresh model on the same data, the trainer's settings from the next step (the weights learned
     * so far stay), or only how the page runs and paints.
     */
    public enum Affects { DATA, MODEL, TRAINING, VIEW }

    /** The defaults. */
    public Settings() {
        for (Setting setting : TABLE) {
            setting.set(this, setting.defaultText);
        }
    }

    public Settings copy() {
        Settings s = new Settings();
        for (Setting setting : TABLE) {
            setting.set(s, setting.format(this));
        }
        return s;
    }

    /** The table itself, in order: what a page needs to build and bind one control per setting. */
    public static List<Setting> table() {
        return TABLE;
    }

    /** The next seed after {@code seed}, for "new data" and "new weights": stays in range, wraps to 0. */
    public static int nextSeed(int seed) {
        return seed >= MAX_SEED ? 0 : seed + 1;
    }

    /**
     * The most that changes between these settings and {@code other}: {@link Affects#DATA} if any
     * data setting differs, and so on; null if they are the same.
     */
    public Affects difference(Settings other) {
        Affects most = null;
        for (Setting setting : TABLE) {
            if (!setting.format(this).equals(setting.format(other))
                    && (most == null || setting.affects.compareTo(most) < 0)) {
                most = setting.affects;
            }
        }
        return most;
    }

    // ---- the kind of problem ----

    /** The classes the data has: {@code classes} where the dataset lets you choose, its own number otherwise; 0 for regression. */
    public int classCount() {
        return data.classes(classes);
    }

    public boolean regression() {
        return data.isRegression();
    }

    /** The network's outputs: one per class for softmax cross-entropy (two for two classes), one otherwise. */
    public int outputs() {
        return loss == Loss.CROSS_ENTROPY ? Math.max(2, classCount()) : 1;
    }

    /**
     * Makes the loss and the output fit the kind of problem: regression trains one linear output
     * with mean (or summed) squared error; more than two classes train K linear logits with softmax
     * cross-entropy, which always reads linear logits.
     *
     * @param asked the keys a person or a link chose: a change of one of them is said in a note
     *              (a loss switched for more than two classes is always said)
     * @return notes on what was changed
     */
    public List<String> settle(java.util.Collection<String> asked) {
        List<String> notes = new ArrayList<>();
        if (layers.length > 0 && activations.length != layers.length) {
            // One activation means every layer, and when the layers change the list follows them;
            // a list of another length someone asked for is fitted the same way, and said.
            Activation[] fitted = hiddenActivations();
            if (activations.length > 1 && asked.contains("activation")) {
                notes.add("activation: " + activations.length + " activations for " + layers.length + " hidden layers, used "
                        + Setting.formatActivations(fitted));
            }
            activations = fitted;
        }
        if (regression()) {
            if (loss != Loss.MEAN_SQUARED && loss != Loss.SUM_SQUARED) {
                if (asked.contains("loss")) {
                    notes.add("loss: the data is a regression (real-valued targets), which trains with mse; used mse instead of "
                            + loss.label);
                }
                loss = Loss.MEAN_SQUARED;
            }
            if (output != Activation.LINEAR) {
                if (asked.contains("output")) {
                    notes.add("output: a regression's output is linear (any real number); used linear instead of "
                            + output.label);
                }
                output = Activation.LINEAR;
            }
            return notes;
        }
        if (classCount() > 2 && loss != Loss.CROSS_ENTROPY) {
            notes.add("loss: " + classCount() + " classes train with softmax cross-entropy over " + classCount()
                    + " outputs; used ce instead of " + loss.label);
            loss = Loss.CROSS_ENTROPY;
        }
        if (loss == Loss.CROSS_ENTROPY && output != Activation.LINEAR) {
            if (asked.contains("output")) {
                notes.add("output: ce reads the outputs as linear logits; used linear instead of " + output.label);
            }
            output = Activation.LINEAR;
        }
        return notes;
    }

    /** The activation of each hidden layer, as many as {@link #layers}: the list given, its last repeated or the extra dropped. */
    public Activation[] hiddenActivations() {
        Activation[] fitted = new Activation[layers.length];
        for (int l = 0; l < fitted.length; l++) {
            fitted[l] = activations[Math.min(l, activations.length - 1)];
        }
        return fitted;
    }

    /** The setting {@code key} as it appears in a link. */
    public String get(String key) {
        return find(key).format(this);
    }

    /**
     * Sets {@code key} from text, as a control on the page would.
     *
     * @return null if taken as given, otherwise a note of what was done instead (clamped, ignored)
     */
    public String set(String key, String text) {
        Setting setting = find(key);
        if (setting == null) {
            return "unknown setting '" + Format.clip(key) + "' ignored";
        }
        return setting.apply(this, text);
    }

    /** The share link's hash, without '#': every setting as {@code key=value}, joined by '&'. */
    public String toHash() {
        return write(new Hash.Writer()).toString();
    }

    /** Puts every setting into {@code link}, in the table's order. */
    public Hash.Writer write(Hash.Writer link) {
        for (Setting setting : TABLE) {
            link.put(setting.key, setting.format(this));
        }
        return link;
    }

    /** The part of a link that was read, and notes about everything that was not taken as given. */
    public static final class Parsed {
        public final Settings settings;
        public final List<String> notes;

        Parsed(Settings settings, List<String> notes) {
            this.settings = settings;
            this.notes = notes;
        }
    }

    /** {@link #read} of a hash with no keys but the settings' (others are unknown settings): for tests and files. */
    public static Parsed fromHash(String hash) {
        return read(Hash.read(hash), key -> false);
    }

    /**
     * The settings a link's pairs give. Never throws: whatever cannot be read keeps its default and
     * is described in the notes (the hash's own first). Keys for which {@code othersKey} is true
     * belong to another reader (weights, edits, a comparison) and are passed over. A hash with pairs
     * but no {@code gen} was written before generator versions: it reads as version 1, without a note.
     */
    public static Parsed read(Hash hash, Predicate<String> othersKey) {
        Settings s = new Settings();
        List<String> notes = new ArrayList<>(hash.notes);
        List<String> seen = new ArrayList<>();
        for (Hash.Pair pair : hash.pairs) {
            if (othersKey.test(pair.key)) {
                continue;
            }
            Setting setting = find(pair.key);
            if (setting == null) {
                notes.add("unknown setting '" + Format.clip(pair.key) + "' ignored");
            } else if (pair.value == null) {
                notes.add(pair.key + ": no value given, kept " + setting.defaultText);
            } else if (pair.repeated) {
                notes.add(pair.repeatNote());
            } else {
                seen.add(pair.key);
                String note = setting.apply(s, pair.value);
                if (note != null) {
                    notes.add(note);
                }
            }
        }
        if (!hash.pairs.isEmpty() && !hash.has(GENERATOR_KEY)) {
            s.generator = 1; // an old link or file: the points it always had
        }
        notes.addAll(s.settle(seen));
        return new Parsed(s, notes);
    }

    // ---- helpers ----

    /** The table's row for {@code key}, or null. */
    public static Setting find(String key) {
        for (Setting s : TABLE) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** A plain decimal number ({@link Decimal#isDecimal}: no hex, no "Infinity"), read exactly; NaN if it is not one. */
    public static double parseNumber(String text) {
        if (text == null || text.length() > 40 || !Decimal.isDecimal(text)) {
            return Double.NaN;
        }
        double v = Decimal.parse(text);
        return Double.isInfinite(v) ? (v > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE) : v;
    }

    /** Hidden layer widths as the link writes them: "8,4", or "0" for none. */
    public static String formatLayers(int[] widths) {
        if (widths.length == 0) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        for (int w : widths) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(w);
        }
        return s.toString();
    }

    /** "1" to "{@link Shape#VERSIONS}": a choice, shown as a select. */
    private static String[] generatorVersions() {
        String[] versions = new String[Shape.VERSIONS];
        for (int v = 1; v <= versions.length; v++) {
            versions[v - 1] = Integer.toString(v);
        }
        return versions;
    }

    private static String[] scheduleLabels() {
        String[] labels = new String[Schedule.Kind.values().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Schedule.Kind.values()[i].label;
        }
        return labels;
    }

    /** The schedule these settings ask for. */
    public Schedule learningRateSchedule() {
        return new Schedule(schedule, every, factor, warmup);
    }

    static String[] labels(Enum<?>[] values) {
        String[] labels = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            labels[i] = v instanceof Shape ? ((Shape) v).label : v instanceof Activation ? ((Activation) v).label
                    : ((Loss) v).label;
        }
        return labels;
    }
}

package scratchnet.playground.export;

import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.io.Decimal;
import scratchnet.nn.Feature;
import scratchnet.nn.Features;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.train.Schedule;
import scratchnet.nn.Scaling;
import scratchnet.train.Loss;
import scratchnet.train.Schedule;

/**
 * The session's network as a program that runs on its own, in micrograd's style: a scalar
 * {@code Value} with its backward pass, {@code Neuron}, {@code Layer}, {@code MLP}, the trained
 * weights, the training points, and a training loop with the page's loss, optimiser, learning
 * rate, decay and L2. {@link #python} needs only Python 3's standard library; {@link #java} is one
 * file for {@code java Model.java} (Java 11 or later).
 *
 * <p>Every kind of problem the core trains is exported: the network's input features (x, y, x²,
 * y², xy, sin x, sin y), computed in the graph from the point's x and y as {@code nn/Feature}
 * does; two classes (labels ±1) with sse, mse or hinge on one output; K classes (or two) with
 * softmax cross-entropy over K logits, the targets class indices; regression with sse or mse, the
 * targets real numbers.
 *
 * <p>A network of raw inputs (micrograd's classic {@code MLP(3, [4, 4, 1])} on four examples of
 * three numbers) is exported with its examples through {@link RawExamples}: its inputs are named
 * x1, x2, ... and go to the first layer as they are, no features computed.
 *
 * <p>Run, either program first recomputes the training loss at the exported weights, as
 * {@link Session#readout()} computes it (no L2, every training point), and compares it with the
 * exact number the page showed, embedded in the file: it prints both and exits with status 1 if
 * they differ by more than 1e-9, relative. Then it trains {@link #STEPS} steps on the whole
 * training set, printing each step's loss (L2 included, as the trainer reports it) and, for
 * classes, the accuracy (as the trainer reports it: before the step's update).
 *
 * <p>This class reads its {@link Parts} once into plain numbers (what is exported); {@link PythonCode}
 * and {@link JavaCode} write them in their language, each from small pieces chosen by name: a
 * feature's expression in each writer's {@code feature}, a loss as a case of each writer's
 * {@code loss}, the accuracy by the sign of one output or the largest of K. A point's row is
 * {x, y, target} (an example's {x1, ..., xn, target}), the target what the loss compares the outputs with.
 */
public final class CodeExport {
    /** The files' names, as the page offers them for download. */
    public static final String PYTHON_NAME = "scratchnet_model.py";
    public static final String JAVA_NAME = "Model.java";
    /**
     * Each input feature in the three words the files use: as the header names it (ASCII), and as
     * the Python and the Java program compute it from the point's {@code Value}s x and y. A new
     * feature is one row here.
     */
    static final Map<Feature, String[]> FEATURES = new EnumMap<>(Feature.class);

    static {
        FEATURES.put(Feature.X, new String[] {"x", "x", "x"});
        FEATURES.put(Feature.Y, new String[] {"y", "y", "y"});
        FEATURES.put(Feature.X2, new String[] {"x^2", "x * x", "x.mul(x)"});
        FEATURES.put(Feature.Y2, new String[] {"y^2", "y * y", "y.mul(y)"});
        FEATURES.put(Feature.XY, new String[] {"x*y", "x * y", "x.mul(y)"});
        FEATURES.put(Feature.SINX, new String[] {"sin(x)", "x.sin()", "x.sin()"});
        FEATURES.put(Feature.SINY, new String[] {"sin(y)", "y.sin()", "y.sin()"});
    }

    /** Training steps after the check (a constant near the top of each file, there to edit). */
    static final int STEPS = 10;

    /** The session as a Python 3 program that uses only the standard library. */
    public static String python(Session s) {
        return python(Parts.of(s));
    }

    /** The session as one Java source file, {@value #JAVA_NAME}, run with {@code java Model.java}. */
    public static String java(Session s) {
        return java(Parts.of(s));
    }

    /**
     * {@link #python(Session)} from its parts: any network of the plane, training points and loss
     * the core's trainer takes.
     *
     * @throws IllegalArgumentException if the network reads raw inputs rather than a point (x, y),
     *     or the loss does not fit the data and the outputs (ce: one output per class; sse, mse,
     *     hinge: one output and at most two classes; hinge: not regression)
     */
    static String python(Parts p) {
        return PythonCode.write(new CodeExport(p));
    }

    /** {@link #java(Session)} from its parts; throws as {@link #python(Parts)}. */
    static String java(Parts p) {
        return JavaCode.write(new CodeExport(p));
    }

    /** A network of raw inputs with its examples as a Python 3 program, as {@link #python(Session)}. */
    public static String python(RawExamples examples) {
        return PythonCode.write(examples.export);
    }

    /** A network of raw inputs with its examples as one Java source file, as {@link #java(Session)}. */
    public static String java(RawExamples examples) {
        return JavaCode.write(examples.export);
    }

    /** What {@link #python(Parts)} and {@link #java(Parts)} write, read from the parts now; throws as they do. */
    static CodeExport of(Parts p) {
        return new CodeExport(p);
    }

    /**
     * What an export reads, as plain fields: the network, its training points, how the page trains
     * it, and what the page showed. {@link #of(Session)} reads them from a session; a test fills
     * them in to export any network, dataset and loss the core can train.
     */
    static final class Parts {
        MLP model;
        /** The training points, every one of which the file trains on; null for raw {@link #inputs}. */
        Dataset train;
        /**
         * For a network of raw inputs instead of {@link #train}: one row per example, as long as the
         * network's inputs, given to its first layer as they are (no features, no scaling).
         */
        double[][] inputs;
        /** With {@link #inputs}: each example's target, what the loss compares its outputs with. */
        double[] targets;
        Loss loss;
        /** "sgd", "momentum" or "adam". */
        String optimizer = "sgd";
        double learningRate;
        double decay;
        /** The learning-rate schedule; constant by default. */
        Schedule schedule = Schedule.CONSTANT;
        double l1;
        double l2;
        /** Examples per step on the page, 0 for all: only the header mentions it (the file trains on all). */
        int batchSize;
        /** The page's dropout rate, 0 for none: only the header mentions it (the file trains without). */
        double dropout;
        /** Steps taken: the file goes on from the next one. */
        int step;
        /** The training loss the page showed, computed as {@link Session#readout()} does. */
        double pageLoss;
        /** Where the points come from, for the header, e.g. "moons, edited by hand"; "" says nothing. */
        String source = "";
        /** The page's settings as a link's hash, for the header; null for none. */
        String settingsHash;

        static Parts of(Session s) {
            Settings settings = s.settings();
            Parts p = new Parts();
            p.model = s.model();
            p.train = s.train();
            p.loss = settings.loss;
            p.optimizer = settings.optimizer;
            p.learningRate = settings.learningRate;
            p.decay = settings.decay;
            p.schedule = settings.learningRateSchedule();
            p.l1 = settings.l1;
            p.l2 = settings.l2;
            p.batchSize = settings.batchSize;
            p.dropout = settings.dropout;
            p.step = s.trainer().steps();
            p.pageLoss = s.readout().trainLoss;
            p.source = settings.data.label
                    + (s.fromFile() ? " from an imported file" : s.edits().isEmpty() ? "" : ", edited by hand");
            p.settingsHash = settings.toHash();
            return p;
        }
    }

    /** The network's inputs, in order, each computed from a point's x and y; null for raw inputs. */
    final List<Feature> features;
    /** How x and y are standardised before the features ({@link Scaling#NONE}: not at all, as for raw inputs). */
    final Scaling scaling;
    /** The names of a row's numbers before its target: x and y, or a raw network's x1, x2, ... */
    final String[] columns;
    /** What a row is, in the files' words: "point" (of the plane) or "example" (of raw inputs). */
    final String noun;
    /** Per layer: its activation's label, {@code weights[l][o][i]}, {@code biases[l][o]}. */
    final String[] activations;
    final double[][][] weights;
    final double[][] biases;
    /**
     * The training points, one row {x, y, target} each ({x1, ..., xn, target} for raw inputs): the
     * target is what the loss compares the outputs with, {@link Loss#targets}: the label -1 or +1,
     * the class index 0 .. K-1 for ce (two classes: -1 is 0, +1 is 1), or the real number of a
     * regression point.
     */
    final double[][] points;
    /** 2 for two classes, K for K classes, {@link Dataset#REGRESSION} for real-valued targets. */
    final int classes;
    final Loss loss;
    /** "sgd", "momentum" or "adam". */
    final String optimizer;
    final double learningRate;
    final double decay;
    final Schedule schedule;
    final double l1;
    final double l2;
    /** Steps the page has taken: training goes on from the next one (the decay counts them). */
    final int step;
    /** The training loss the page showed: {@link Readout#trainLoss}. */
    final double pageLoss;
    // For the header: the network's shape, where the points come from, the settings as a link.
    private final String network;
    private final String data;
    private final String settingsHash;
    private final int batchSize;
    private final double dropout;

    private CodeExport(Parts p) {
        MLP model = p.model;
        boolean raw = p.inputs != null;
        if (raw) {
            features = null;
            scaling = Scaling.NONE;
            columns = new String[model.nin()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = "x" + (i + 1);
            }
            noun = "example";
        } else {
            features = (model.features != null ? model.features : Features.XY).list();
            if (model.nin() != features.size()) {
                throw new IllegalArgumentException("the network takes " + model.nin() + " raw inputs, not a point (x, y) of"
                        + " the plane: export it with its examples (RawExamples)");
            }
            scaling = model.scaling;
            columns = new String[] {"x", "y"};
            noun = "point";
        }
        int n = model.layers.size();
        activations = new String[n];
        weights = new double[n][][];
        biases = new double[n][];
        for (int l = 0; l < n; l++) {
            Layer layer = model.layers.get(l);
            activations[l] = layer.activation().label;
            weights[l] = new double[layer.nout()][layer.nin()];
            biases[l] = new double[layer.nout()];
            for (int o = 0; o < layer.nout(); o++) {
                Neuron neuron = layer.neurons.get(o);
                for (int i = 0; i < layer.nin(); i++) {
                    weights[l][o][i] = neuron.w.get(i).data;
                }
                biases[l][o] = neuron.b.data;
            }
        }
        loss = p.loss;
        classes = raw ? rawClasses(p.loss, p.targets, model.nout()) : p.train.classes;
        if (!fits(loss, classes, model.nout())) {
            throw new IllegalArgumentException("the loss " + loss.label + " does not fit " + kindText(classes)
                    + " and a network of " + model.nout() + (model.nout() == 1 ? " output" : " outputs")
                    + ": ce needs one output per class, the others one output and at most two classes");
        }
        points = raw ? rows(p.inputs, p.targets, model.nin(), logits() ? classes : 0) : rows(p.train, loss);
        optimizer = p.optimizer;
        learningRate = p.learningRate;
        decay = p.decay;
        schedule = p.schedule;
        l1 = p.l1;
        l2 = p.l2;
        step = p.step;
        pageLoss = p.pageLoss;
        StringBuilder net = new StringBuilder(model.nin() + (model.nin() == 1 ? " input" : " inputs"));
        for (Layer layer : model.layers) {
            net.append(" -> ").append(layer.nout()).append(' ').append(layer.activation().label);
        }
        network = net + ", " + model.parameters().size() + " parameters";
        data = points.length + " training " + noun + "s" + (p.source.isEmpty() ? "" : ": " + p.source);
        settingsHash = p.settingsHash;
        batchSize = p.batchSize;
        dropout = p.dropout;
    }

    /** The training points' rows {x, y, target}, the target as {@code loss} reads it. */
    private static double[][] rows(Dataset train, Loss loss) {
        double[] targets = loss.targets(train);
        double[][] rows = new double[train.size()][];
        for (int k = 0; k < rows.length; k++) {
            Point point = train.points.get(k);
            rows[k] = new double[] {point.x, point.y, targets[k]};
        }
        return rows;
    }

    /**
     * Raw examples' rows {x1, ..., xn, target}, copied; for {@code classes} K > 0 (loss ce) each
     * target must be a class index 0 .. K-1.
     */
    private static double[][] rows(double[][] inputs, double[] targets, int nin, int classes) {
        if (inputs.length != targets.length) {
            throw new IllegalArgumentException(inputs.length + " rows of inputs and " + targets.length + " targets: one each per example");
        }
        double[][] rows = new double[inputs.length][];
        for (int k = 0; k < rows.length; k++) {
            if (inputs[k].length != nin) {
                throw new IllegalArgumentException("example " + k + " has " + inputs[k].length + " inputs, the network reads " + nin);
            }
            double t = targets[k];
            if (classes > 0 && !(t == Math.rint(t) && t >= 0 && t < classes)) {
                throw new IllegalArgumentException("example " + k + "'s target " + t + " is not a class index 0 to " + (classes - 1)
                        + ", as ce reads it");
            }
            rows[k] = Arrays.copyOf(inputs[k], nin + 1);
            rows[k][nin] = t;
        }
        return rows;
    }

    /**
     * What raw examples' targets are: for ce one class per output (at least two); else two classes
     * if every target is -1 or +1, a regression if not.
     */
    private static int rawClasses(Loss loss, double[] targets, int outputs) {
        if (loss == Loss.CROSS_ENTROPY) {
            return Math.max(2, outputs);
        }
        for (double t : targets) {
            if (t != -1 && t != 1) {
                return Dataset.REGRESSION;
            }
        }
        return 2;
    }

    /** Whether the trainer takes this loss for these data and outputs (as {@code Trainer} checks). */
    private static boolean fits(Loss loss, int classes, int outputs) {
        if (loss == Loss.CROSS_ENTROPY) {
            return classes != Dataset.REGRESSION && outputs == classes;
        }
        return outputs == 1 && classes <= 2 && !(loss == Loss.HINGE && classes == Dataset.REGRESSION);
    }

    /** Whether the network's outputs are logits, one per class, and the targets class indices (loss ce). */
    boolean logits() {
        return loss == Loss.CROSS_ENTROPY;
    }

    /** Whether the points' targets are classes, so the file reports accuracy. */
    boolean classification() {
        return classes != Dataset.REGRESSION;
    }

    /** What the third number of a point's row is, for a comment: e.g. "the class (0 to 2)". */
    String targetText() {
        if (!classification()) {
            return "the target (a real number)";
        }
        return logits() ? "the class (0 to " + (classes - 1) + ")" : "the label (-1 or +1)";
    }

    /** The comment over the rows: e.g. "The training points: x, y and the label (-1 or +1)". */
    String rowsText() {
        return "The training " + noun + "s: " + String.join(", ", columns) + " and " + targetText();
    }

    /** What the files' {@code forward} does, in a sentence for its comment. */
    String forwardText() {
        return features == null
                ? "Every training example's outputs: its graph from the Values " + String.join(", ", columns)
                        + ", its raw inputs, through the layers."
                : "Every training point's outputs: its graph from the Values x and y, through the features and the layers.";
    }

    /**
     * A point's target as a literal of both languages: an integer for a class index (it indexes the
     * logits), else {@link #decimal}.
     */
    String target(double t) {
        return logits() ? Integer.toString((int) t) : decimal(t);
    }

    /**
     * What the file is, how to run it ({@code run}, e.g. "java Model.java"), and the page's
     * settings, as lines for a comment. ASCII only: Java before 18 reads a source file in the
     * platform's charset, which may be ASCII.
     */
    List<String> header(String run) {
        List<String> h = new ArrayList<>();
        h.add("ScratchNet model, exported from the playground at step " + step + ". Run it with");
        h.add("");
        h.add("    " + run);
        h.add("");
        h.add("A neural network from scratch in the style of micrograd (github.com/karpathy/micrograd):");
        h.add("a scalar Value that remembers how it was computed, Neuron, Layer and MLP, with the page's");
        h.add("trained weights, its " + points.length + " training " + noun + "s and its training settings.");
        h.add("");
        h.add("It first recomputes the training loss at these weights (no L2, every training " + noun + ") and");
        h.add("checks it against the loss the page showed, to 1e-9 relative, printing both; it exits");
        h.add("with status 1 if they disagree. Then it trains STEPS more steps as the page would, on all");
        h.add("the training " + noun + "s at once, printing each step's loss (with L1 and L2, as the page's trainer).");
        if (classification()) {
            h.add("Both times it prints the accuracy too: the fraction of training " + noun + "s classified right.");
        }
        h.add("Each step builds the graph of every " + noun + ", the micrograd way: big networks are slow.");
        h.add("");
        h.add("Network:  " + network);
        h.add("Inputs:   " + (features == null ? String.join(", ", columns) + ", each example's raw inputs (no features computed)"
                : inputsText() + ", computed from the point (x, y) in the graph"));
        h.add("Problem:  " + problemText());
        h.add("Loss:     " + loss.label + ", " + lossText(loss));
        h.add("Training: " + optimizer + ", learning rate " + decimal(learningRate)
                + (decay > 0 ? " / (1 + " + decimal(decay) + " * step)" : "") + ", L2 " + decimal(l2)
                + (l1 > 0 ? ", L1 " + decimal(l1) : ""));
        if (schedule.kind != Schedule.Kind.CONSTANT || schedule.warmup > 0) {
            h.add("Schedule: " + scheduleText() + "; the learning-rate function below computes it");
        }
        h.add("Data:     " + data);
        if (settingsHash != null) {
            h.add("Settings: #" + settingsHash);
        }
        if (batchSize > 0 && batchSize < points.length) {
            h.add("");
            h.add("The page trains on mini-batches of " + batchSize + " points; this file trains on all "
                    + points.length + " at every step.");
        }
        if (dropout > 0) {
            h.add("");
            h.add("The page trains with dropout " + decimal(dropout) + " (each hidden output kept with probability "
                    + decimal(1 - dropout) + ", scaled by 1/" + decimal(1 - dropout) + ");");
            h.add("this file trains without dropout, so its losses part from the page's after the first step.");
        }
        if (features == null) {
            h.add("");
            h.add("The page trains this network with plain gradient descent, p.data -= lr * p.grad, on all");
            h.add("its examples at every step; so does this file.");
        }
        if (!optimizer.equals("sgd")) {
            h.add("");
            h.add("The optimizer's memory (" + (optimizer.equals("adam") ? "Adam's moment estimates" : "the velocity")
                    + ") starts afresh here, as on the page after an import.");
        }
        return h;
    }

    /** E.g. "8 tanh neurons, 2 inputs each" or "1 linear neuron, 8 inputs". */
    String layerText(int l) {
        int nout = weights[l].length;
        int nin = weights[l][0].length;
        return nout == 1 ? "1 " + activations[l] + " neuron, " + nin + (nin == 1 ? " input" : " inputs")
                : nout + " " + activations[l] + " neurons, " + nin + (nin == 1 ? " input each" : " inputs each");
    }

    private String problemText() {
        if (!classification()) {
            return "regression: each " + noun + "'s target is a real number, the output its prediction";
        }
        if (!logits()) {
            return "two classes, labels -1 and +1; the output's sign is the class";
        }
        String labels = classes == 2 && features != null ? "two classes, -1 and +1 on the page, here 0 and 1 (their index)"
                : classes + " classes, labels 0 to " + (classes - 1);
        return labels + "; the largest of the " + classes + " outputs is the class";
    }

    private static String kindText(int classes) {
        return classes == Dataset.REGRESSION ? "regression data" : classes == 2 ? "two classes" : classes + " classes";
    }

    /** The features in ASCII, e.g. "x, y, x^2, sin(x)". */
    private String inputsText() {
        StringBuilder s = new StringBuilder();
        for (Feature f : features) {
            s.append(s.length() > 0 ? ", " : "").append(FEATURES.get(f)[0]);
        }
        return s.toString();
    }

    private static String lossText(Loss loss) {
        switch (loss) {
            case SUM_SQUARED: return "sum of squares: sum of (output - target)^2";
            case MEAN_SQUARED: return "mean squared error: sum of (output - target)^2 / n";
            case HINGE: return "max-margin hinge: sum of max(0, 1 - label * output) / n";
            case CROSS_ENTROPY: return "mean softmax cross-entropy: sum of -log softmax(outputs)[class] / n";
            default: throw new IllegalArgumentException("no description of the loss " + loss);
        }
    }

    /**
     * {@code v} as text that both Python and Java read back to the same double, for a finite
     * {@code v}: {@link Decimal#text}'s, exact on every platform (TeaVM's {@code Double.toString}
     * now and then drops a digit), always with a '.' or an exponent so that it is a float in both:
     * "2.0", "-0.0", "0.1", "1.0E-5", "6.0282600563365873E-2". An integer from 10^7 on is written
     * as {@code Double.toString} writes it on the JVM, "1.0E7", "1.23456789012E11", so the file is
     * the same wherever it is exported.
     */
    static String decimal(double v) {
        String s = Decimal.text(v);
        if (s.indexOf('.') >= 0 || s.indexOf('E') >= 0 || s.indexOf('e') >= 0) {
            return s;
        }
        int sign = s.startsWith("-") ? 1 : 0; // an integer: "2", "-0", "123456789012"
        int digits = s.length() - sign;
        if (digits <= 7) {
            return s + ".0";
        }
        int last = s.length();
        while (s.charAt(last - 1) == '0') {
            last--;
        }
        String fraction = last > sign + 1 ? s.substring(sign + 1, last) : "0";
        return s.substring(0, sign + 1) + "." + fraction + "E" + (digits - 1);
    }

    /**
     * The numbers, each written by {@code literal}, separated by ", " and broken after every
     * {@value #PER_LINE} onto a new line starting with {@code indent}; no brackets.
     */
    static String list(double[] values, DoubleFunction<String> literal, String indent) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(i % PER_LINE == 0 ? ",\n" + indent : ", ");
            }
            s.append(literal.apply(values[i]));
        }
        return s.toString();
    }

    private static final int PER_LINE = 4;

    /** Each name between {@code before} and {@code after}: e.g. {"Value(x)", "Value(y)"}. */
    static String[] each(String[] names, String before, String after) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = before + names[i] + after;
        }
        return out;
    }

    /** The schedule in words, ASCII only: e.g. "step: times 0.5 every 100 steps, linear warm-up over 10 steps". */
    String scheduleText() {
        String t;
        switch (schedule.kind) {
            case STEP:
                t = "step: times " + decimal(schedule.factor) + " every " + schedule.every + " steps";
                break;
            case EXP:
                t = "exp: times " + decimal(schedule.factor) + " per " + schedule.every + " steps, smoothly";
                break;
            case COSINE:
                t = "cosine: from the learning rate to " + decimal(schedule.factor) + " of it over " + schedule.every
                        + " steps";
                break;
            case MICROGRAD:
                t = "micrograd's demo: 1.0 - 0.9 * k / 100 (k the step from 0, kept at 0.1 from 100 on)";
                break;
            default:
                t = "constant";
        }
        return schedule.warmup > 0 ? t + ", linear warm-up over " + schedule.warmup + " steps" : t;
    }
}

package scratchnet.playground.share;

import scratchnet.playground.session.PointEdits;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.io.Csv;
import scratchnet.io.Format;
import scratchnet.io.Json;
import scratchnet.nn.Activation;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.nn.Scaling;

/**
 * A model and its data as a JSON file, to export and import back exactly.
 *
 * <pre>{
 *   "format": "scratchnet-model", "version": 3,
 *   "settings": "data=moons&amp;points=200&amp;...",          the share link's hash (its features too)
 *   "classes": 2,                                            2 (labels ±1), 3 to 6 (labels 0 .. K−1), 0 regression
 *   "names": ["cat", "dog", "bird"],                         optional: the classes' names, from an imported CSV
 *   "step": 120,
 *   "scaling": {"mean": [mx, my], "spread": [sx, sy]},       version 3, with standardize on: x' = (x − mx) / sx, ...
 *   "layers": [{"activation": "tanh",                        each layer its own (tanh, ..., gelu, ..., linear)
 *               "weights": [[w00, w01], ...],               one row per neuron, one number per input
 *               "biases": [b0, ...]}, ...],
 *   "train": [[x, y, label], ...], "test": [[x, y, label], ...],   a regression's label is its target
 *   "add": "x,y,label;...", "del": "i,j,..."                 optional: the hand edits of the
 * }</pre>                                                      generated data, as in a share link
 *
 * The data is stored in full; {@code add} and {@code del} only tell an importer how it was made,
 * so that a link can reproduce it when regenerating the settings' data with those edits gives
 * exactly the stored points.
 *
 * Version 1 (two classes, inputs x and y, no "classes") and version 2 (no "scaling") still read
 * exactly as they were written: without "scaling" a model reads x and y as they are, unless its
 * settings ask for standardize, when it takes its training points' own. Settings without
 * {@code gen} (every file from before the datasets' generator versions, or none at all) read as
 * generator version 1, so they regenerate the points they were saved with.
 * Files of every version read each hidden layer's activation from its own layer (those written
 * when all hidden layers shared one simply say the same in each), and that list becomes the
 * settings' {@code activation}, whatever the stored link says.
 *
 * Reading trusts nothing: every field is checked and the first problem is reported precisely, by
 * its place in the file; a file that fails leaves nothing half-loaded.
 */
public final class ModelFile {
    public static final String FORMAT = "scratchnet-model";
    public static final int VERSION = 3;
    /** Larger files are refused before parsing (the largest valid model and data take ~200 KB). */
    public static final int MAX_CHARS = 2_000_000;
    /** Training plus test points. */
    public static final int MAX_FILE_POINTS = 2 * Settings.MAX_POINTS;
    /** Coordinates and targets beyond this are refused: the playground holds none (see {@link PointEdits#MAX_COORDINATE}). */
    static final double MAX_COORDINATE = PointEdits.MAX_COORDINATE;

    /** Thrown when a file cannot be imported; the message says exactly what is wrong and where. */
    public static final class InvalidModel extends Exception {
        public InvalidModel(String message) {
            super(message);
        }
    }

    /** A file's contents, checked. */
    public static final class Contents {
        public final Settings settings;
        /** What of the embedded settings link was not taken as given. */
        public final List<String> notes;
        public final MLP model;
        public final Dataset train;
        public final Dataset test;
        public final int step;
        /** The link's {@code add} and {@code del} values the file was saved with, "" if none; unchecked. */
        public final String addText;
        public final String delText;
        /** The classes' names in class order (an imported CSV's), or empty for the usual ones. */
        public final List<String> classNames;

        Contents(Settings settings, List<String> notes, MLP model, Dataset train, Dataset test, int step,
                 String addText, String delText, List<String> classNames) {
            this.settings = settings;
            this.notes = notes;
            this.model = model;
            this.train = train;
            this.test = test;
            this.step = step;
            this.addText = addText;
            this.delText = delText;
            this.classNames = classNames;
        }
    }

    /** The file for a model trained {@code step} steps on {@code train}, made from the settings' data with {@code edits}. */
    /** {@code session} as a model file: its settings, hand edits (none for a file's data), weights, points and step. */
    public static String write(Session session) {
        return write(session.settings(), session.fromFile() ? new PointEdits() : session.edits(), session.model(),
                session.train(), session.test(), session.trainer().steps(), session.classNames());
    }

    /**
     * Puts a read file into {@code session} exactly: settings, data, weights and step.
     *
     * @return notes on what was not taken as given (the embedded link's, then the data's)
     */
    public static List<String> load(Contents file, Session session) {
        List<String> notes = new ArrayList<>(file.notes);
        notes.addAll(session.load(file.settings, file.addText, file.delText, file.train, file.test, file.classNames,
                file.model, file.step));
        return notes;
    }

    public static String write(Settings settings, PointEdits edits, MLP model, Dataset train, Dataset test, int step) {
        return write(settings, edits, model, train, test, step, List.of());
    }

    /** {@link #write(Settings, PointEdits, MLP, Dataset, Dataset, int)} with the classes' names, if not the usual ones. */
    public static String write(Settings settings, PointEdits edits, MLP model, Dataset train, Dataset test, int step,
                        List<String> classNames) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("version", VERSION);
        file.put("settings", settings.toHash());
        file.put("step", step);
        file.put("classes", train.classes);
        if (!classNames.isEmpty()) {
            file.put("names", classNames);
        }
        if (!model.scaling.isNone()) {
            Map<String, Object> scaling = new LinkedHashMap<>();
            scaling.put("mean", new double[] {model.scaling.meanX, model.scaling.meanY});
            scaling.put("spread", new double[] {model.scaling.spreadX, model.scaling.spreadY});
            file.put("scaling", scaling);
        }
        List<Object> layers = new ArrayList<>();
        for (Layer layer : model.layers) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("activation", layer.activation().label);
            List<Object> weights = new ArrayList<>();
            double[] biases = new double[layer.nout()];
            for (int o = 0; o < layer.nout(); o++) {
                Neuron n = layer.neurons.get(o);
                double[] row = new double[n.w.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = n.w.get(i).data;
                }
                weights.add(row);
                biases[o] = n.b.data;
            }
            l.put("weights", weights);
            l.put("biases", biases);
            layers.add(l);
        }
        file.put("layers", layers);
        file.put("train", points(train));
        file.put("test", points(test));
        if (!edits.addedText().isEmpty()) {
            file.put("add", edits.addedText());
        }
        if (!edits.removedText().isEmpty()) {
            file.put("del", edits.removedText());
        }
        return Json.write(file);
    }

    private static List<Object> points(Dataset d) {
        List<Object> list = new ArrayList<>();
        for (Point p : d.points) {
            list.add(new double[] {p.x, p.y, d.isRegression() ? p.target : p.label});
        }
        return list;
    }

    /** Reads and checks a model file. */
    public static Contents read(String text) throws InvalidModel {
        if (text == null || text.isEmpty()) {
            throw new InvalidModel("the file is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new InvalidModel("the file is too large: " + text.length() + " characters, at most " + MAX_CHARS);
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new InvalidModel("not valid JSON: " + e.getMessage());
        }
        Map<?, ?> file = object(root, "the file");
        Object format = file.get("format");
        if (!FORMAT.equals(format)) {
            throw new InvalidModel("not a ScratchNet model: \"format\" must be \"" + FORMAT + "\"");
        }
        int version = integer(file.get("version"), "version", 1, Integer.MAX_VALUE);
        if (version > VERSION) {
            throw new InvalidModel("version " + version + " is not supported; this page reads versions 1 to " + VERSION);
        }
        Object link = file.get("settings");
        if (link != null && !(link instanceof String)) {
            throw new InvalidModel("\"settings\" must be a string (a share link's hash)");
        }
        Settings.Parsed parsed = Settings.fromHash(link == null ? "" : (String) link);
        Settings settings = parsed.settings;
        if (link == null || ((String) link).isEmpty()) {
            settings.generator = 1; // no stored settings at all: as old as any without "gen"
        }
        int step = file.containsKey("step") ? integer(file.get("step"), "step", 0, Integer.MAX_VALUE) : 0;
        int classes = version >= 2 ? integer(file.get("classes"), "classes", 0, Point.MAX_CLASSES) : 2;
        if (classes != settings.classCount()) {
            throw new InvalidModel("\"classes\" is " + classes + ", but the settings' data (" + settings.data.label + ") has "
                    + (settings.regression() ? "real-valued targets (0)" : settings.classCount()));
        }
        int outputs = settings.outputs();

        List<?> layers = list(file.get("layers"), "layers");
        if (layers.isEmpty() || layers.size() > Settings.MAX_LAYERS + 1) {
            throw new InvalidModel("\"layers\" must hold 1 to " + (Settings.MAX_LAYERS + 1) + " layers, it has " + layers.size());
        }
        int[] sizes = new int[layers.size()];
        Activation[] activations = new Activation[layers.size()];
        double[][][] weights = new double[layers.size()][][];
        double[][] biases = new double[layers.size()][];
        int nin = settings.features.size();
        for (int l = 0; l < layers.size(); l++) {
            String where = "layers[" + l + "]";
            boolean last = l == layers.size() - 1;
            Map<?, ?> layer = object(layers.get(l), where);
            Object act = layer.get("activation");
            activations[l] = act instanceof String ? Activation.byLabel((String) act) : null;
            if (activations[l] == null) {
                throw new InvalidModel(where + ".activation must be one of " + activationNames());
            }
            List<?> rows = list(layer.get("weights"), where + ".weights");
            int nout = rows.size();
            int maxOut = last ? outputs : Settings.MAX_NEURONS;
            if (nout < 1 || nout > maxOut || last && nout != outputs) {
                throw new InvalidModel(where + " has " + nout + " neurons; " + (last
                        ? "the output layer must have exactly " + outputs + (outputs > 1 ? ", one per class" : "")
                        : "a hidden layer has 1 to " + maxOut));
            }
            weights[l] = new double[nout][];
            for (int o = 0; o < nout; o++) {
                weights[l][o] = numbers(rows.get(o), where + ".weights[" + o + "]", nin,
                        l == 0 ? (settings.features.key().equals("x,y") ? "the 2 inputs x and y" : "the " + nin + " input features "
                                + settings.features.key()) : "layers[" + (l - 1) + "]'s " + nin + " neurons");
            }
            biases[l] = numbers(layer.get("biases"), where + ".biases", nout, "this layer's " + nout + " neurons");
            sizes[l] = nout;
            nin = nout;
        }
        Activation output = activations[layers.size() - 1];
        if (output != Activation.TANH && output != Activation.LINEAR) {
            throw new InvalidModel("the output layer's activation must be tanh or linear, not " + output.label);
        }

        Dataset train = dataset(file.get("train"), "train", classes);
        Dataset test = dataset(file.get("test"), "test", classes);
        if (train.size() + test.size() > MAX_FILE_POINTS) {
            throw new InvalidModel("too many points: " + (train.size() + test.size()) + ", at most " + MAX_FILE_POINTS);
        }

        String addText = optionalString(file.get("add"), "add");
        String delText = optionalString(file.get("del"), "del");
        List<String> classNames = classNames(file.get("names"), classes);
        Scaling scaling = version >= 3 && file.containsKey("scaling") ? scaling(file.get("scaling"))
                : settings.standardize ? Scaling.of(train.points) : Scaling.NONE;
        if (!scaling.isNone()) {
            settings.standardize = true;
        }

        // Everything checked: build.
        // Each hidden layer's own activation (files before per-layer activations had one for all).
        Activation[] hidden = java.util.Arrays.copyOf(activations, activations.length - 1);
        MLP model = MLP.withWeights(settings.features, weights, biases, hidden, output).withScaling(scaling);
        settings.layers = java.util.Arrays.copyOf(sizes, sizes.length - 1);
        if (hidden.length > 0) {
            settings.activations = hidden;
        }
        settings.output = output;
        return new Contents(settings, parsed.notes, model, train, test, step, addText, delText, classNames);
    }

    private static String activationNames() {
        StringBuilder s = new StringBuilder();
        for (Activation a : Activation.values()) {
            s.append(s.length() > 0 ? ", " : "").append(a.label);
        }
        return s.toString();
    }

    /** The "scaling": a mean and a positive spread for x and for y. */
    private static Scaling scaling(Object value) throws InvalidModel {
        Map<?, ?> scaling = object(value, "\"scaling\"");
        double[] mean = numbers(scaling.get("mean"), "scaling.mean", 2, "x and y");
        double[] spread = numbers(scaling.get("spread"), "scaling.spread", 2, "x and y");
        if (!(spread[0] > 0 && spread[1] > 0)) {
            throw new InvalidModel("scaling.spread must be positive");
        }
        return new Scaling(mean[0], spread[0], mean[1], spread[1]);
    }

    /** The optional "names": one per class, as a CSV of the data can write them ({@link Csv#checkClassNames}). */
    private static List<String> classNames(Object value, int classes) throws InvalidModel {
        if (value == null) {
            return List.of();
        }
        List<?> list = list(value, "names");
        List<String> names = new ArrayList<>();
        for (Object name : list) {
            if (!(name instanceof String)) {
                throw new InvalidModel("\"names\" must be a list of strings");
            }
            names.add((String) name);
        }
        if (classes == Dataset.REGRESSION || names.size() != classes) {
            throw new InvalidModel("\"names\" has " + names.size() + " names; the data has "
                    + (classes == Dataset.REGRESSION ? "no classes (a regression)" : classes + " classes"));
        }
        try {
            Csv.checkClassNames(names);
        } catch (IllegalArgumentException e) {
            throw new InvalidModel("\"names\": " + e.getMessage());
        }
        return List.copyOf(names);
    }

    private static String optionalString(Object value, String name) throws InvalidModel {
        if (value != null && !(value instanceof String)) {
            throw new InvalidModel("\"" + name + "\" must be a string (as in a share link)");
        }
        return value == null ? "" : (String) value;
    }

    private static Dataset dataset(Object value, String name, int classes) throws InvalidModel {
        if (value == null) {
            return new Dataset(List.of(), classes);
        }
        List<?> rows = list(value, name);
        if (rows.size() > MAX_FILE_POINTS) {
            throw new InvalidModel("\"" + name + "\" has " + rows.size() + " points, at most " + MAX_FILE_POINTS);
        }
        List<Point> points = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String where = name + "[" + i + "]";
            double[] p = numbers(rows.get(i), where, 3, "x, y and a label");
            if (Math.abs(p[0]) > MAX_COORDINATE || Math.abs(p[1]) > MAX_COORDINATE) {
                throw new InvalidModel(where + " lies too far out (|x| and |y| at most " + Format.scientific(MAX_COORDINATE, 1) + ")");
            }
            if (classes == Dataset.REGRESSION) {
                if (Math.abs(p[2]) > MAX_COORDINATE) {
                    throw new InvalidModel(where + "'s target is too large (at most " + Format.scientific(MAX_COORDINATE, 1) + ")");
                }
                points.add(Point.ofTarget(p[0], p[1], p[2]));
            } else if (classes == 2) {
                if (p[2] != 1 && p[2] != -1) {
                    throw new InvalidModel(where + "'s label must be -1 or 1, not " + p[2]);
                }
                points.add(new Point(p[0], p[1], (int) p[2]));
            } else {
                if (p[2] != Math.rint(p[2]) || p[2] < 0 || p[2] >= classes) {
                    throw new InvalidModel(where + "'s label must be a class from 0 to " + (classes - 1) + ", not " + p[2]);
                }
                points.add(Point.ofClass(p[0], p[1], (int) p[2]));
            }
        }
        return new Dataset(points, classes);
    }

    private static Map<?, ?> object(Object value, String where) throws InvalidModel {
        if (!(value instanceof Map)) {
            throw new InvalidModel(where + " must be a JSON object");
        }
        return (Map<?, ?>) value;
    }

    private static List<?> list(Object value, String where) throws InvalidModel {
        if (!(value instanceof List)) {
            throw new InvalidModel("\"" + where + "\" must be a list" + (value == null ? ", and is missing" : ""));
        }
        return (List<?>) value;
    }

    private static double[] numbers(Object value, String where, int count, String what) throws InvalidModel {
        List<?> list = list(value, where);
        if (list.size() != count) {
            throw new InvalidModel(where + " has " + list.size() + " numbers; it needs " + count + ", one for each of " + what);
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            Object v = list.get(i);
            if (!(v instanceof Double) || !Double.isFinite((Double) v)) {
                throw new InvalidModel(where + "[" + i + "] must be a finite number");
            }
            out[i] = (Double) v;
        }
        return out;
    }

    private static int integer(Object value, String name, int min, int max) throws InvalidModel {
        if (!(value instanceof Double)) {
            throw new InvalidModel("\"" + name + "\" must be a whole number" + (value == null ? ", and is missing" : ""));
        }
        double v = (Double) value;
        if (v != Math.rint(v) || v < min || v > max) {
            throw new InvalidModel("\"" + name + "\" must be a whole number from " + min + " to " + max);
        }
        return (int) v;
    }

    private ModelFile() {
    }
}

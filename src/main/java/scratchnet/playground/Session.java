package scratchnet.playground;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

/**
 * What the playground shows, computed: the data (from the settings' data seed), the model (from
 * its weight seed) and its trainer, plus the numbers the page reads out and paints. The page
 * only draws what this hands it. The same settings always give the same data, weights and
 * training run.
 *
 * <p>The data is the base points (generated from the settings, or an imported file's) split into
 * training and test points, with the hand edits on top: base points removed by their index in the
 * base (so the others keep their side of the split) and added points, which train. Edits survive
 * changes of everything but the data settings; the model keeps training on the edited data.
 */
public final class Session {
    /** Link keys besides the settings' own, for {@link Settings#fromHash(String, String...)}. */
    public static final String[] LINK_KEYS = {"add", "del", "w", "src"};

    private Settings settings;
    private Dataset base;      // the generated (or imported) points, in their order, before the split
    private Dataset baseTrain; // base's training and test parts
    private Dataset baseTest;
    private boolean fromFile;  // base came from an imported file, not from the settings
    private PointEdits edits = new PointEdits();
    private Dataset train;
    private Dataset test;
    private MLP model;
    private Trainer trainer;
    private double[] baseView;
    private double[] view; // xMin, xMax, yMin, yMax of the plane shown

    public Session(Settings settings) {
        this.settings = settings.copy();
        makeData();
        makeModel();
    }

    /** A copy of the settings in force. */
    public Settings settings() {
        return settings.copy();
    }

    /** What {@link #apply} had to rebuild. */
    public enum Change { NOTHING, TRAINING, MODEL, DATA }

    /**
     * Takes new settings, rebuilding only what they change: new data (and a fresh model) when a
     * data setting changed; a fresh model when the network changed; otherwise the training
     * settings take effect from the next step, keeping the weights learned so far.
     */
    public Change apply(Settings next) {
        Settings before = settings;
        settings = next.copy();
        if (differ(before, DATA_KEYS)) {
            makeData();
            makeModel();
            return Change.DATA;
        }
        if (differ(before, "layers", "activation", "output", "init")) {
            makeModel();
            return Change.MODEL;
        }
        if (differ(before, "loss", "optimizer", "lr", "decay", "l2", "batch")) {
            configureTrainer();
            return Change.TRAINING;
        }
        return Change.NOTHING;
    }

    private static final String[] DATA_KEYS = {"data", "points", "noise", "split", "seed"};

    /** Whether going from these settings to {@code next} makes new data, dropping hand edits and imported data. */
    public boolean changesData(Settings next) {
        for (String key : DATA_KEYS) {
            if (!settings.get(key).equals(next.get(key))) {
                return true;
            }
        }
        return false;
    }

    private boolean differ(Settings before, String... keys) {
        for (String key : keys) {
            if (!before.get(key).equals(settings.get(key))) {
                return true;
            }
        }
        return false;
    }

    /** Back to step 0 with the initial weights of the current seed. */
    public void reset() {
        makeModel();
    }

    /** The settings' data, without edits. */
    private void makeData() {
        Rng rng = new Rng(settings.dataSeed);
        base = Dataset.generate(settings.data, settings.points, settings.noise, rng);
        Dataset[] parts = base.split(settings.split / 100.0, rng);
        baseTrain = parts[0];
        baseTest = parts[1];
        baseView = viewOf(base);
        fromFile = false;
        edits = new PointEdits();
        applyEdits();
    }

    /** Training and test data from the base and the edits; the same edits always give the same data. */
    private void applyEdits() {
        Map<Point, Boolean> removed = new IdentityHashMap<>();
        for (int i = 0; i < base.size(); i++) {
            if (edits.isRemoved(i)) {
                removed.put(base.points.get(i), true);
            }
        }
        List<Point> kept = new ArrayList<>();
        for (Point p : baseTrain.points) {
            if (!removed.containsKey(p)) {
                kept.add(p);
            }
        }
        List<Point> added = edits.added();
        kept.addAll(added);
        train = new Dataset(kept);
        kept = new ArrayList<>();
        for (Point p : baseTest.points) {
            if (!removed.containsKey(p)) {
                kept.add(p);
            }
        }
        test = new Dataset(kept);
        // The picture stays put while points are edited; it only grows for added points outside it.
        view = baseView;
        for (Point p : added) {
            if (!(p.x > view[0] && p.x < view[1] && p.y > view[2] && p.y < view[3])) {
                List<Point> all = new ArrayList<>(base.points);
                all.addAll(added);
                view = viewOf(new Dataset(all));
                break;
            }
        }
        if (trainer != null) {
            trainer.setData(train);
        }
    }

    private void makeModel() {
        int[] sizes = Arrays.copyOf(settings.layers, settings.layers.length + 1);
        sizes[sizes.length - 1] = 1;
        Rng rng = new Rng(settings.weightSeed);
        model = new MLP(2, sizes, settings.activation, settings.output, rng);
        trainer = new Trainer(model, train, settings.loss, optimizer(), rng);
        configureTrainer();
    }

    private Optimizer optimizer() {
        Optimizer o = Optimizer.byLabel(settings.optimizer);
        return o != null ? o : new Optimizer.Sgd();
    }

    private void configureTrainer() {
        trainer.loss = settings.loss;
        if (!trainer.optimizer.label().equals(settings.optimizer)) {
            trainer.optimizer = optimizer();
        }
        trainer.learningRate = settings.learningRate;
        trainer.decay = settings.decay;
        trainer.l2 = settings.l2;
        trainer.batchSize = settings.batchSize;
    }

    /** A square around the data with a margin, so every point is well inside the picture. */
    static double[] viewOf(Dataset data) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (var p : data.points) {
            xMin = Math.min(xMin, p.x);
            xMax = Math.max(xMax, p.x);
            yMin = Math.min(yMin, p.y);
            yMax = Math.max(yMax, p.y);
        }
        if (data.size() == 0) {
            return new double[] {-1.5, 1.5, -1.5, 1.5};
        }
        double cx = (xMin + xMax) / 2, cy = (yMin + yMax) / 2;
        double half = Math.max(1, Math.max(xMax - xMin, yMax - yMin) / 2 * 1.15);
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }

    // ---- points by hand ----

    /** The hand edits in force (a copy). */
    public PointEdits edits() {
        return new PointEdits(edits);
    }

    /** True while the data is an imported file's, which a link cannot reproduce. */
    public boolean fromFile() {
        return fromFile;
    }

    /**
     * Adds a training point (coordinates rounded to 3 decimals, as links keep them); the model
     * keeps its weights and trains on it from the next step.
     *
     * @throws IllegalArgumentException as {@link PointEdits#add}
     */
    public void addPoint(double x, double y, int label) {
        edits.add(x, y, label);
        applyEdits();
    }

    /**
     * Removes the point nearest to (x, y) within {@code radius}: a training point, or also a test
     * point if {@code includeTest}. Returns false if there is none that close.
     */
    public boolean removeNearest(double x, double y, double radius, boolean includeTest) {
        Point nearest = null;
        double best = radius * radius;
        List<Point> candidates = new ArrayList<>(train.points);
        if (includeTest) {
            candidates.addAll(test.points);
        }
        for (Point p : candidates) {
            double d = (p.x - x) * (p.x - x) + (p.y - y) * (p.y - y);
            if (d <= best) {
                best = d;
                nearest = p;
            }
        }
        if (nearest == null) {
            return false;
        }
        List<Point> added = edits.added();
        for (int i = 0; i < added.size(); i++) {
            if (added.get(i) == nearest) {
                edits.removeAdded(i);
                applyEdits();
                return true;
            }
        }
        edits.removeGenerated(base.points.indexOf(nearest)); // Point keeps identity equality
        applyEdits();
        return true;
    }

    /** Removes every point, generated and added, so a person can draw their own dataset. */
    public void clearPoints() {
        edits.clear();
        for (int i = 0; i < base.size(); i++) {
            edits.removeGenerated(i);
        }
        applyEdits();
    }

    // ---- the share link and model files ----

    /**
     * What the link carries beyond the settings, each part starting with '&amp;': the hand edits
     * ({@code add}, {@code del}), the weights ({@code w}) if asked for and the model is small
     * enough, and {@code src=file} when the data came from a file the link cannot reproduce.
     */
    public String linkExtras(boolean withWeights) {
        StringBuilder s = new StringBuilder();
        if (fromFile) {
            s.append("&src=file");
        } else {
            if (!edits.addedText().isEmpty()) {
                s.append("&add=").append(edits.addedText());
            }
            if (!edits.removedText().isEmpty()) {
                s.append("&del=").append(edits.removedText());
            }
        }
        String w = withWeights ? WeightsLink.encode(model.parameters()) : null;
        if (w != null) {
            s.append("&w=").append(w);
        }
        return s.toString();
    }

    /**
     * Takes a link's extra keys ({@link #LINK_KEYS}, from {@link Settings.Parsed#extra}) on top of
     * a session made from its settings: the hand edits, then the weights. Never throws.
     *
     * @return notes on what could not be used as given
     */
    public List<String> applyLink(Map<String, String> extra) {
        List<String> notes = new ArrayList<>();
        if (extra.containsKey("add") || extra.containsKey("del")) {
            edits = PointEdits.parse(extra.get("add"), extra.get("del"), base.size(), notes);
            applyEdits();
        }
        if ("file".equals(extra.get("src"))) {
            notes.add("this link was made from an imported model file; its data is only in that file, so this shows"
                    + " the settings' generated data instead");
        }
        if (extra.containsKey("w")) {
            String note = WeightsLink.decode(extra.get("w"), model.parameters());
            if (note != null) {
                notes.add(note);
            }
        }
        return notes;
    }

    /**
     * Starts over from a link: its settings' data and weights, then its extra keys (see
     * {@link #applyLink}). Hand edits and imported data in force before are dropped.
     *
     * @return the link's notes and those of its extra keys
     */
    public List<String> open(Settings.Parsed link) {
        settings = link.settings.copy();
        makeData();
        makeModel();
        List<String> notes = new ArrayList<>(link.notes);
        notes.addAll(applyLink(link.extra));
        return notes;
    }

    /** This session as a model file (see {@link ModelFile}). */
    public String toFile() {
        return ModelFile.write(settings, fromFile ? new PointEdits() : edits, model, train, test, trainer.steps());
    }

    /**
     * Takes an imported file's settings, model, data and step count exactly. If the file's
     * settings and edits regenerate exactly its data, the data counts as generated (a link
     * reproduces it); otherwise it is the file's own, and the notes say a link cannot carry it.
     *
     * @return notes on what was not taken as given
     */
    public List<String> load(ModelFile.Contents file) {
        List<String> notes = new ArrayList<>(file.notes);
        settings = file.settings.copy();
        makeData();
        List<String> editNotes = new ArrayList<>();
        edits = PointEdits.parse(file.addText, file.delText, base.size(), editNotes);
        applyEdits();
        if (!editNotes.isEmpty() || !same(train, file.train) || !same(test, file.test)) {
            List<Point> all = new ArrayList<>(file.train.points);
            all.addAll(file.test.points);
            base = new Dataset(all);
            baseTrain = file.train;
            baseTest = file.test;
            baseView = viewOf(base);
            fromFile = true;
            edits = new PointEdits();
            applyEdits();
            notes.add("the imported data is not the settings' generated data, so it lives only in the file:"
                    + " a link to this page gives the settings and weights, not these points");
        }
        model = file.model;
        trainer = new Trainer(model, train, settings.loss, optimizer(), new Rng(settings.weightSeed));
        configureTrainer();
        trainer.resumeAt(file.step);
        return notes;
    }

    private static boolean same(Dataset a, Dataset b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Point p = a.points.get(i), q = b.points.get(i);
            if (p.x != q.x || p.y != q.y || p.label != q.label) {
                return false;
            }
        }
        return true;
    }

    // ---- training ----

    /** Takes one training step. */
    public Trainer.Result step() {
        return trainer.step();
    }

    public Trainer trainer() {
        return trainer;
    }

    public MLP model() {
        return model;
    }

    public Dataset train() {
        return train;
    }

    public Dataset test() {
        return test;
    }

    /** {xMin, xMax, yMin, yMax} of the plane the page shows. */
    public double[] view() {
        return view.clone();
    }

    // ---- readouts ----

    /** Loss (without regularisation) and accuracy of the current model on the training and test sets. */
    public static final class Readout {
        public final int step;
        public final int epoch;
        public final double trainLoss;
        public final double trainAccuracy;
        public final double testLoss;
        public final double testAccuracy;
        public final int parameters;

        Readout(int step, int epoch, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
                int parameters) {
            this.step = step;
            this.epoch = epoch;
            this.trainLoss = trainLoss;
            this.trainAccuracy = trainAccuracy;
            this.testLoss = testLoss;
            this.testAccuracy = testAccuracy;
            this.parameters = parameters;
        }

        /**
         * {@code v} with {@code decimals} digits after the point, e.g. {@code "0.2500"}; "—" if it is
         * not finite. No locale and no String.format, so every platform prints the same text.
         */
        public static String fixed(double v, int decimals) {
            if (!Double.isFinite(v)) {
                return "—";
            }
            if (Math.abs(v) >= 1e12) {
                return Double.toString(v);
            }
            long scale = 1;
            for (int i = 0; i < decimals; i++) {
                scale *= 10;
            }
            long units = Math.round(Math.abs(v) * scale);
            String digits = Long.toString(units % scale + scale).substring(1); // zero-padded
            return (v < 0 && units != 0 ? "-" : "") + units / scale + (decimals > 0 ? "." + digits : "");
        }

        /** A fraction as a percentage with one decimal: 0.975 is {@code "97.5%"}. */
        public static String percent(double fraction) {
            return Double.isFinite(fraction) ? fixed(100 * fraction, 1) + "%" : "—";
        }
    }

    public Readout readout() {
        Snapshot s = model.snapshot();
        double[] trainScores = scores(s, train);
        double[] testScores = scores(s, test);
        Loss loss = settings.loss;
        return new Readout(trainer.steps(), trainer.epochs(),
                loss.value(trainScores, train.labels()), Loss.accuracy(trainScores, train.labels()),
                loss.value(testScores, test.labels()), Loss.accuracy(testScores, test.labels()),
                model.parameters().size());
    }

    private static double[] scores(Snapshot s, Dataset d) {
        double[][] xs = d.inputs();
        double[] out = new double[xs.length];
        s.outputs(xs, out);
        return out;
    }

    /** Heat-map cells per side for small networks, and the fewest for the biggest. */
    public static final int MAX_GRID = 100;
    public static final int MIN_GRID = 40;
    // Multiply-adds one heat map may cost: a few milliseconds, so a frame also has room to train.
    static final double GRID_BUDGET = 3.2e6;

    /**
     * Heat-map cells per side for the current network: {@link #MAX_GRID} up to 16-16 hidden
     * layers, fewer for bigger ones (never under {@link #MIN_GRID}), so that painting the
     * boundary of the largest network offered still leaves the page responsive.
     */
    public int gridSide() {
        long perPoint = 0;
        for (var layer : model.layers) {
            perPoint += (long) layer.nin() * layer.nout();
        }
        int side = (int) Math.sqrt(GRID_BUDGET / perPoint);
        return Math.max(MIN_GRID, Math.min(MAX_GRID, side));
    }

    /**
     * The model's output over the view as a {@code cols × rows} grid (row 0 at the top), for the
     * heat map; see {@link Snapshot#grid}.
     */
    public void grid(int cols, int rows, double[] out) {
        model.snapshot().grid(view[0], view[1], view[2], view[3], cols, rows, out);
    }

    /** The range of the model's output: [-1, 1] for tanh, the scores' own range for a linear output. */
    public boolean boundedOutput() {
        return settings.output != Activation.LINEAR;
    }
}

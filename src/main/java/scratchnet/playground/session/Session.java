package scratchnet.playground.session;

import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.View;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.nn.MLP;
import scratchnet.nn.Scaling;
import scratchnet.nn.Snapshot;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.StopRule;
import scratchnet.train.Trainer;

/**
 * One playground session: the settings in force, the {@link Data} made from them, the model (from
 * the weight seed) and its trainer. The same settings always give the same data, weights and
 * training run. Hand edits of the data survive changes of everything but the data settings; the
 * model keeps training on the edited data.
 */
public final class Session {
    private Settings settings;
    private Data data;
    private MLP model;
    private Trainer trainer;
    private Rng batches; // the trainer's mini-batch draws: a fork starts from a copy of it

    public Session(Settings settings) {
        this.settings = settings.copy();
        data = Data.generate(this.settings);
        makeModel();
    }

    private Settings shared; // a copy of the settings for readers, made again after each change

    /** A copy of the settings in force. */
    public Settings settings() {
        return settings.copy();
    }

    /**
     * The settings in force, one copy shared by every reader until they change: read it, never
     * change it (take {@link #settings()} for a copy of one's own). Cheap enough for every frame.
     */
    public Settings current() {
        if (shared == null) {
            shared = settings.copy();
        }
        return shared;
    }

    /** The settings in force as link text, without copying them. */
    public String settingsText() {
        return settings.toHash();
    }

    /**
     * Takes new settings, rebuilding only what they change (see {@link Settings.Affects}): new data
     * and a fresh model, a fresh model, or the trainer's settings from the next step, keeping the
     * weights learned so far.
     *
     * @return the most that changed, or null if nothing did
     */
    public Settings.Affects apply(Settings next) {
        Settings.Affects change = settings.difference(next);
        settings = next.copy();
        shared = null;
        if (change == Settings.Affects.DATA) {
            data = Data.generate(settings);
            makeModel();
        } else if (change == Settings.Affects.MODEL) {
            makeModel();
        } else if (change == Settings.Affects.TRAINING) {
            configureTrainer();
        }
        return change;
    }

    /** Whether going from these settings to {@code next} makes new data, dropping hand edits and imported data. */
    public boolean changesData(Settings next) {
        return settings.difference(next) == Settings.Affects.DATA;
    }

    /** Back to step 0 with the initial weights of the current seed. */
    public void reset() {
        makeModel();
    }

    private void makeModel() {
        makeModel(freshScaling());
    }

    /** The scaling a model made now freezes with its fresh weights: points added later do not move it. */
    private Scaling freshScaling() {
        return settings.standardize ? Scaling.of(data.train().points) : Scaling.NONE;
    }

    private void makeModel(Scaling scaling) {
        int[] sizes = Arrays.copyOf(settings.layers, settings.layers.length + 1);
        sizes[sizes.length - 1] = settings.outputs();
        Rng rng = new Rng(settings.weightSeed);
        model = new MLP(settings.features, sizes, settings.hiddenActivations(), settings.output, scaling,
                settings.initScheme, rng);
        batches = rng;
        trainer = new Trainer(model, data.train(), settings.loss, optimizer(), rng);
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
        trainer.schedule = settings.learningRateSchedule();
        trainer.l1 = settings.l1;
        trainer.l2 = settings.l2;
        trainer.dropout = settings.dropout;
        trainer.batchSize = settings.batchSize;
    }

    // ---- comparing two runs ----

    private Session(Settings settings, Data data) {
        this.settings = settings.copy();
        this.data = data;
        makeModel();
    }

    /**
     * Run B of a comparison ({@link Comparison}): a session with {@code other} settings (which keep
     * the parameter shapes) on this very data, starting from this model's weights at this step,
     * its mini-batches drawn from a copy of this trainer's random state. This session's trainer
     * starts afresh too (optimiser state and batch order), so both runs start alike: with the same
     * settings they stay bit-identical.
     */
    Session fork(Settings other) {
        Session b = new Session(other, data);
        List<scratchnet.engine.Value> from = model.parameters();
        List<scratchnet.engine.Value> to = b.model.parameters();
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("run B must keep the parameter shapes: " + to.size() + " parameters, not "
                    + from.size());
        }
        for (int i = 0; i < from.size(); i++) {
            to.get(i).data = from.get(i).data;
        }
        b.model = b.model.withScaling(model.scaling); // A's, frozen when its model was made (the trainer below reads it)
        int step = trainer.steps();
        Rng start = batches.copy();
        restartTrainer(start.copy(), step);
        b.restartTrainer(start, step);
        return b;
    }

    /** A fresh trainer (optimiser state, batch order) on the same weights, resuming the step count. */
    private void restartTrainer(Rng rng, int step) {
        batches = rng;
        trainer = new Trainer(model, data.train(), settings.loss, optimizer(), rng);
        configureTrainer();
        trainer.resumeAt(step);
    }

    /** Takes {@code weights} (in {@link MLP#parameters()} order) and continues at {@code step}, as a loaded file does. */
    public void takeWeights(List<scratchnet.engine.Value> weights, int step) {
        List<scratchnet.engine.Value> to = model.parameters();
        for (int i = 0; i < to.size(); i++) {
            to.get(i).data = weights.get(i).data;
        }
        trainer.resumeAt(step);
    }

    /**
     * "Keep B": takes run {@code b}'s settings, model and step on this very data, as a model file
     * of B would load: a fresh trainer (optimiser state and batch order) resuming at B's step.
     */
    void takeOver(Session b) {
        settings = b.settings.copy();
        shared = null;
        model = b.model;
        batches = new Rng(settings.weightSeed);
        trainer = new Trainer(model, data.train(), settings.loss, optimizer(), batches);
        configureTrainer();
        trainer.resumeAt(b.trainer.steps());
    }

    /** Run B shares run A's data: after A's points changed by hand, B trains on them from its next step. */
    public void follow(Session a) {
        data = a.data;
        if (trainer.data() != data.train()) {
            trainer.setData(data.train());
        }
    }

    // ---- points by hand ----

    /** The hand edits in force (a copy). */
    public PointEdits edits() {
        return data.edits();
    }

    /** How many points were added by hand. */
    public int addedCount() {
        return data.addedCount();
    }

    /** True while the data is an imported file's, which a link cannot reproduce. */
    public boolean fromFile() {
        return data.fromFile;
    }

    /**
     * Adds a training point (coordinates rounded to 3 decimals, as links keep them): {@code value}
     * is its label ±1, class index, or regression target. The model keeps its weights and trains on
     * it from the next step.
     *
     * @throws IllegalArgumentException as {@link PointEdits#add}
     */
    public void addPoint(double x, double y, double value) {
        data.addPoint(x, y, value);
        trainer.setData(data.train());
    }

    /**
     * Removes the point nearest to (x, y) within {@code radius}: a training point, or also a test
     * point if {@code includeTest}. Returns false if there is none that close.
     */
    public boolean removeNearest(double x, double y, double radius, boolean includeTest) {
        if (!data.removeNearest(x, y, radius, includeTest)) {
            return false;
        }
        trainer.setData(data.train());
        return true;
    }

    /** Removes every point within {@code radius} of (x, y), as {@link #removeNearest}; returns how many. */
    public int removeWithin(double x, double y, double radius, boolean includeTest) {
        int removed = data.removeWithin(x, y, radius, includeTest);
        if (removed > 0) {
            trainer.setData(data.train());
        }
        return removed;
    }

    /** Puts back hand edits made on the same base data (undo and redo); the model trains on. */
    public void setEdits(PointEdits edits) {
        data.setEdits(edits);
        trainer.setData(data.train());
    }

    /** Removes every point, generated and added, so a person can draw their own dataset. */
    public void clearPoints() {
        data.clearPoints();
        trainer.setData(data.train());
    }

    // ---- starting from a link or a file ----

    /** How a link fills a session it starts: edits the fresh data, and says what scaling the model reads. */
    public interface Start {
        /**
         * @param data  the settings' generated data, to edit in place
         * @param fresh the scaling a model made on the unedited data would read (none when standardize is off)
         * @return the scaling the model reads
         */
        Scaling onData(Data data, Scaling fresh);
    }

    /**
     * Starts over from {@code settings}: their generated data, edited by {@code start}, then a fresh
     * model from the weight seed reading the scaling {@code start} says. Hand edits and imported
     * data in force before are dropped.
     */
    public void start(Settings settings, Start start) {
        this.settings = settings.copy();
        shared = null;
        data = Data.generate(this.settings);
        makeModel(start.onData(data, freshScaling()));
    }

    /**
     * Takes a saved session's settings, model, data and step count exactly. If the settings and
     * the edits ({@code addText}, {@code delText}) regenerate exactly {@code train} and {@code test},
     * the data counts as generated (a link reproduces it); otherwise it is the file's own, and the
     * notes say a link cannot carry it.
     *
     * @return notes on what was not taken as given
     */
    public List<String> load(Settings settings, String addText, String delText, Dataset train, Dataset test,
            List<String> classNames, MLP model, int step) {
        List<String> notes = new ArrayList<>();
        this.settings = settings.copy();
        shared = null;
        data = Data.generate(this.settings);
        List<String> editNotes = new ArrayList<>();
        data.setEdits(PointEdits.parse(addText, delText, data.baseSize(), data.classes(), editNotes));
        if (!editNotes.isEmpty() || !Data.same(data.train(), train) || !Data.same(data.test(), test)) {
            data = Data.of(train, test, classNames);
            notes.add("the imported data is not the settings' generated data, so it lives only in the file:"
                    + " a link to this page gives the settings and weights, not these points");
        }
        this.model = model;
        batches = new Rng(this.settings.weightSeed);
        trainer = new Trainer(model, data.train(), this.settings.loss, optimizer(), batches);
        configureTrainer();
        trainer.resumeAt(step);
        return notes;
    }

    // ---- imported points ----

    /**
     * Takes imported points (a CSV's) as the data, with {@code next}, settings that fit their kind
     * of problem: they are split by its split and data seed, and a fresh model is made from its
     * weight seed. {@code classNames}: the classes' names in class order, empty for the usual ones.
     * Hand edits and imported data in force before are dropped.
     */
    public void importPoints(Settings next, Dataset points, List<String> classNames) {
        settings = next.copy();
        shared = null;
        data = Data.imported(points, settings, classNames);
        makeModel();
    }

    /** Every point, training and test, the edits applied, in the data's own order (see {@link Data#points()}). */
    public List<Point> points() {
        return data.points();
    }

    /** The classes' names as an imported file gave them, in class order; empty for the usual names. */
    public List<String> classNames() {
        return data.classNames;
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
        return data.train();
    }

    public Dataset test() {
        return data.test();
    }

    /** The part of the plane the page shows. */
    public View view() {
        return data.view();
    }

    // ---- readouts and the picture ----

    /** Loss (without regularisation) and accuracy on the training and test sets, now. */
    public Readout readout() {
        Snapshot s = model.snapshot();
        Dataset train = data.train();
        Dataset test = data.test();
        Loss loss = settings.loss;
        double[] trainScores = scores(s, train);
        double[] testScores = scores(s, test);
        double[] trainTargets = loss.targets(train);
        double[] testTargets = loss.targets(test);
        boolean regression = train.isRegression();
        return new Readout(trainer.steps(), trainer.epochs(),
                loss.value(trainScores, trainTargets), regression ? Double.NaN : Loss.accuracy(trainScores, trainTargets),
                loss.value(testScores, testTargets), regression ? Double.NaN : Loss.accuracy(testScores, testTargets),
                model.parameters().size(), train.size(), test.size(), trainer.currentLearningRate());
    }

    /**
     * Checks {@code rule} after a step against these settings' stop rules ({@code stopEpochs},
     * {@code stopLoss}, {@code patience}): what fired, or null (always, when they are off).
     */
    public StopRule.Stop checkStop(StopRule rule) {
        rule.epochs = settings.stopEpochs;
        rule.belowLoss = settings.stopLoss;
        rule.patience = settings.patience;
        if (!rule.any()) {
            return null;
        }
        return rule.check(trainer.steps(), trainer.epochs(), this::trainLoss, data.test().size() > 0, this::testLoss);
    }

    /** The training loss now, without regularisation: the readout's, alone. */
    public double trainLoss() {
        return lossOn(data.train());
    }

    /** The test loss now (NaN without test points): the readout's, alone. */
    public double testLoss() {
        return data.test().size() == 0 ? Double.NaN : lossOn(data.test());
    }

    private double lossOn(Dataset d) {
        return settings.loss.value(scores(model.snapshot(), d), settings.loss.targets(d));
    }

    /** The model's outputs on every point of {@code d}: {@link MLP#nout()} per point. */
    private double[] scores(Snapshot s, Dataset d) {
        double[] out = new double[d.size() * model.nout()];
        s.outputs(model.inputs(d), out);
        return out;
    }

    /** The kind of problem: 2 (labels ±1), K classes (indices 0 .. K−1), or {@link Dataset#REGRESSION} (0). */
    public int classes() {
        return data.classes();
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
        return HeatMap.side(perPoint, GRID_BUDGET, MIN_GRID, MAX_GRID);
    }

    /**
     * The model's output over the view as a {@code cols × rows} grid (row 0 at the top), for the
     * heat map; see {@link Snapshot#grid}.
     */
    public void grid(int cols, int rows, double[] out) {
        View v = data.view();
        model.snapshot().grid(v.xMin, v.xMax, v.yMin, v.yMax, cols, rows, out);
    }

    /**
     * Neuron {@code neuron} of layer {@code layer} (−1: an input feature) over the view as a
     * {@code side × side} grid (row 0 at the top); see {@link Snapshot#grid(int, int, double, double, double, double, int, int, double[])}.
     */
    public void neuronGrid(int layer, int neuron, int side, double[] out) {
        View v = data.view();
        model.snapshot().grid(layer, neuron, v.xMin, v.xMax, v.yMin, v.yMax, side, side, out);
    }

    /**
     * For softmax networks: each cell's class and that class's probability over the view, as a
     * {@code cols × rows} grid (row 0 at the top); see {@link Snapshot#classGrid}.
     */
    public void classGrid(int cols, int rows, int[] classes, double[] confidence) {
        View v = data.view();
        model.snapshot().classGrid(v.xMin, v.xMax, v.yMin, v.yMax, cols, rows, classes, confidence);
    }
}

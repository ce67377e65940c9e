package scratchnet.playground;

import scratchnet.playground.export.CodeExport;
import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Marks;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.Comparison;
import scratchnet.playground.session.FrameMeter;
import scratchnet.playground.session.History;
import scratchnet.playground.session.LossCurve;
import scratchnet.playground.session.PointEdits;
import scratchnet.playground.session.Readout;
import scratchnet.playground.session.Session;
import scratchnet.playground.session.TrainingText;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.Autosave;
import scratchnet.playground.share.DataCsv;
import scratchnet.playground.share.Link;
import scratchnet.playground.share.ModelFile;
import scratchnet.playground.share.WeightsLink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.io.Format;
import scratchnet.io.PointTable;
import scratchnet.train.StopRule;
import scratchnet.nn.Scaling;
import scratchnet.nn.Features;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.train.Trainer;

/**
 * The playground as the page sees it: the one door from the page into the core. It owns the
 * settings and the {@link Session}, takes the page's commands (a setting's new text, play a
 * frame, step, reset, a click on the picture, a link, a file...) and hands back what to show,
 * as numbers and text: readouts, the heat map's pixels, the points, the chart's samples, the
 * footer, and the inspector's views ({@link #inspector()}).
 *
 * <p>Commands that may not be taken as given return {@link Notes} for the page to show.
 */
public final class Playground {
    /** Training stops for the frame after this long, so the page keeps answering at any speed. */
    public static final double FRAME_BUDGET_MS = 12;
    public static final int CHART_SAMPLES = 400;

    /** What to tell a person after a command: a title and its lines (none: nothing to say). */
    public static final class Notes {
        public final String title;
        public final List<String> lines;

        Notes(String title, List<String> lines) {
            this.title = title;
            this.lines = List.copyOf(lines);
        }
    }

    static final String LINK_NOTES = "Some of the link's settings were not used as given:";
    static final String SETTING_NOTES = "Note:";
    static final String FILE_NOTES = "About the imported file:";

    // A click removes the nearest point within this many CSS pixels.
    static final double REMOVE_RADIUS_PX = 12;

    private Settings settings;
    private final Session session;
    private final Inspector inspector;
    private final LossCurve curve = new LossCurve(CHART_SAMPLES);
    private final FrameMeter meter = new FrameMeter();
    private final History history = new History();
    private Tool tool = Tool.INSPECT;
    private double paintValue = 1; // the label, class index or target that add and brush make
    private boolean stroking;
    private double[] lastDab; // where the brush last sprayed, in pixels
    private final Rng spray = new Rng(1); // the brush's scatter: any spread will do, but the same each run
    private boolean weightsAsked;
    private int[] hiddenLayers = new Settings().layers; // brought back by the hidden-layer toggle
    private String diverged; // why training stopped, or null
    private final StopRule stopRule = new StopRule();
    private final StopRule stopRuleB = new StopRule(); // run B's, while comparing
    private String stopped; // why a stop rule ended play, or null
    private double[] grid = new double[0];

    /** Opens the page's link (its hash, with or without '#'; empty for the defaults). */
    public Playground(String hash) {
        session = new Session(new Settings());
        inspector = new Inspector(session);
        notes = open(hash);
    }

    private Notes notes;

    /** The notes on the link the page opened with. */
    public Notes openingNotes() {
        return notes;
    }

    // ---- settings and the link ----

    /** A copy of the settings in force. */
    public Settings settings() {
        return settings.copy();
    }

    /** The settings in force as link text: cheap to compare every frame (no copy). */
    public String settingsText() {
        return settings.toHash();
    }

    /** A person changed one setting: take it (or the nearest allowed value), then rebuild what it affects. */
    public Notes set(String key, String text) {
        Settings.Setting row = Settings.find(key);
        if (comparison != null && editingB && row != null && Comparison.mayDiffer(row)) {
            return setForB(key, text);
        }
        Settings next = settings.copy();
        String note = next.set(key, text);
        List<String> said = new ArrayList<>();
        if (note != null) {
            said.add(note);
        }
        said.addAll(next.settle(List.of(key)));
        if (session.changesData(next) && (session.fromFile() || !session.edits().isEmpty())) {
            said.add(session.fromFile() ? "the imported data was replaced: new data settings make new data"
                    : "the points added or removed by hand were dropped: new data settings make new data");
        }
        if (session.changesData(next)) {
            history.record(History.State.session("new data", session.toFile()));
        }
        settings = next;
        Settings.Affects change = session.apply(settings);
        if (change == Settings.Affects.DATA || change == Settings.Affects.MODEL) {
            restarted();
            said.addAll(forkNotes);
        } else if (comparison != null) {
            followA(said);
        }
        if (key.equals("patience") || key.equals("split") || change == Settings.Affects.DATA) {
            addPatienceNote(said);
        }
        return new Notes(SETTING_NOTES, said);
    }

    /** "new weights": the next weight seed. */
    public Notes newWeights() {
        return set("init", Integer.toString(Settings.nextSeed(settings.weightSeed)));
    }

    /** "new data": the next data seed. */
    public Notes newData() {
        return set("seed", Integer.toString(Settings.nextSeed(settings.dataSeed)));
    }

    /** Starts over from a link's hash (one pasted into the address bar, say); a comparison's link starts one. */
    public Notes open(String hash) {
        if (settings != null) { // not the page's first link
            history.record(History.State.session("open a link", session.toFile()));
        }
        Comparison.Split split = Comparison.split(hash);
        List<String> said = session.open(split.rest);
        settings = session.settings();
        weightsAsked = Session.linkHasWeights(split.rest);
        comparison = null;
        restarted();
        said.addAll(split.notes);
        if (split.on) {
            startComparing(Comparison.read(settings, split.rows, said));
        }
        addPatienceNote(said);
        return new Notes(LINK_NOTES, said);
    }

    /** The share link for the address bar, with '#'; a comparison's carries B's differing settings. */
    public String link() {
        String link = "#" + session.link(includeWeights());
        return comparison == null ? link : link + Comparison.linkPart(settings, comparison.settings());
    }

    /**
     * What the link leaves out, or null: points added by hand beyond {@link Link#MAX_LINK_POINTS},
     * or data from a file, which only a model file carries.
     */
    public String linkNote() {
        int added = session.addedCount();
        if (session.fromFile()) {
            return "This data came from a file: the link carries the settings (and weights), not the points —"
                    + " share it with “Export model + data”.";
        }
        return added > Link.MAX_LINK_POINTS ? "The link carries up to " + Link.MAX_LINK_POINTS + " points added by hand;"
                + " these are " + added + ", so it gives the settings (and weights), not your points — share them with"
                + " “Export model + data”." : null;
    }

    /** "include weights in link". */
    public void askForWeights(boolean on) {
        weightsAsked = on;
    }

    public boolean weightsAsked() {
        return weightsAsked;
    }

    /** True if the link can carry this model's weights. */
    public boolean weightsFit() {
        return session.model().parameters().size() <= WeightsLink.MAX_PARAMETERS;
    }

    /** True if the link carries the weights: asked for, and the model is small enough. */
    public boolean includeWeights() {
        return weightsAsked && weightsFit();
    }

    /** What the weights option does, or why it is off for this model. */
    public String weightsNote() {
        int parameters = session.model().parameters().size();
        return weightsFit()
                ? "The link then reproduces this model's predictions exactly (updated when training pauses)."
                : "Only for models of at most " + WeightsLink.MAX_PARAMETERS + " parameters; this one has "
                        + parameters + ", so use Export for its weights.";
    }

    // ---- the hidden-layer toggle ----

    /** "Why hidden layers matter": no hidden layer (a straight boundary), or back to the layers there were. */
    public Notes toggleHidden() {
        if (settings.layers.length > 0) {
            hiddenLayers = settings.layers.clone();
            return set("layers", "0");
        }
        return set("layers", Settings.formatLayers(hiddenLayers));
    }

    /** What the toggle's next click does. */
    public String hiddenToggleText() {
        return settings.layers.length > 0 ? "Remove hidden layers (straight line)"
                : "Bring back the hidden layers " + Settings.formatLayers(hiddenLayers);
    }

    /** True while there is no hidden layer. */
    public boolean hiddenLayersRemoved() {
        return settings.layers.length == 0;
    }

    // ---- model files ----

    /** The model, its data and settings as a JSON file ({@link ModelFile}). */
    public String exportFile() {
        return session.toFile();
    }

    public String exportName() {
        return "scratchnet-model-step" + steps() + ".json";
    }

    /** The network, its weights, data and training as a runnable Python file ({@link CodeExport}). */
    public String exportPython() {
        return CodeExport.python(session);
    }

    /** The same as one Java file, run with {@code java Model.java}. */
    public String exportJava() {
        return CodeExport.java(session);
    }

    /**
     * Imports a model file: its settings, data, weights and step count replace ours. A bad file
     * changes nothing.
     *
     * @throws ModelFile.InvalidModel saying what is wrong and where
     */
    public Notes importFile(String text) throws ModelFile.InvalidModel {
        ModelFile.Contents contents = ModelFile.read(text);
        history.record(History.State.session("import", session.toFile()));
        List<String> said = new ArrayList<>(session.load(contents));
        settings = session.settings();
        restarted();
        said.addAll(forkNotes); // what run B could not keep, when comparing
        return new Notes(FILE_NOTES, said);
    }

    // ---- CSV ----

    public static final String CSV_NOTES = "About the imported points:";

    /**
     * What importing {@code text} as points of {@code kind} ("auto", "classes" or "regression")
     * would take: the points' summary, or why it cannot (naming the line and column). Changes nothing.
     */
    public DataCsv.Preview previewCsv(String text, String kind) {
        try {
            return new DataCsv.Preview(true, DataCsv.read(text, kind).summary);
        } catch (DataCsv.Invalid e) {
            return new DataCsv.Preview(false, e.getMessage());
        }
    }

    /**
     * Imports CSV or TSV points ({@link DataCsv}) as the data: split into training and test points
     * by the split and data seed, the settings made to fit their kind of problem, a fresh model.
     * Undoable; a link cannot carry the points ({@code src=file}). Bad text changes nothing.
     *
     * @throws DataCsv.Invalid as {@link #previewCsv} says
     */
    public Notes importCsv(String text, String kind) throws DataCsv.Invalid {
        PointTable table = DataCsv.read(text, kind);
        Dataset points = DataCsv.dataset(table);
        List<String> said = new ArrayList<>();
        Settings next = DataCsv.settingsFor(settings, points.classes, said);
        history.record(History.State.session("import points", session.toFile()));
        session.importPoints(next, points, DataCsv.names(table));
        settings = session.settings();
        restarted();
        said.add(0, table.summary + ": " + session.train().size() + " training and " + session.test().size()
                + " test points (split " + settings.split + "%, data seed " + settings.dataSeed + ")");
        said.add("a link cannot carry imported points: it opens the settings' dataset (" + settings.data.label
                + (settings.regression() ? "" : ", " + settings.classCount() + " classes")
                + ") instead; keep them with “Export points (CSV)” or “Export model + data”");
        said.addAll(forkNotes); // what run B could not keep, when comparing
        return new Notes(CSV_NOTES, said);
    }

    /**
     * Every point, training and test, with the hand edits, as CSV ({@link DataCsv#write}): class
     * names as imported (usually "-1" and "+1", or "0" to "K−1"), or regression targets.
     */
    public String exportCsv() {
        return DataCsv.write(session.points(), session.classes(), session.classNames());
    }

    /** Class {@code c}'s name as imported (clipped) for the legend and the paint picker, or {@code usual}. */
    private String named(int c, String usual) {
        List<String> names = session.classNames();
        return names.isEmpty() ? usual : Format.clip(names.get(c));
    }

    // ---- kept in the browser ----

    /** The session as the browser keeps it between visits ({@link Autosave}): link, weights option, model file. */
    public String saveText() {
        return Autosave.write(link(), weightsAsked, session.toFile(), comparison == null ? null : comparison.b.toFile());
    }

    /**
     * Whether a saved session is the one to resume when the page opens at {@code hash}: the page
     * was opened without a link, or with the saved session's own link (a reload). A different link
     * is someone's share and wins.
     */
    public static boolean resumes(String saved, String hash) {
        String h = hash == null || hash.startsWith("#") ? hash : "#" + hash;
        if (h == null || h.length() <= 1) {
            return true;
        }
        try {
            return Autosave.read(saved).link.equals(h);
        } catch (ModelFile.InvalidModel e) {
            return false;
        }
    }

    /**
     * Takes a saved session back exactly (settings, data, edits, weights, step). A damaged one
     * changes nothing and the notes say so.
     */
    public Notes restore(String saved) {
        try {
            Autosave.Saved s = Autosave.read(saved);
            ModelFile.Contents runB = null;
            String lostB = null; // run A is the person's; a damaged run B must not cost it
            try {
                runB = s.runB == null ? null : ModelFile.read(s.runB);
            } catch (ModelFile.InvalidModel e) {
                lostB = e.getMessage();
            }
            List<String> said = new ArrayList<>(session.load(ModelFile.read(s.model)));
            settings = session.settings();
            weightsAsked = s.weights;
            comparison = null;
            restarted();
            Comparison.Split split = Comparison.split(s.link);
            if (split.on) {
                startComparing(Comparison.read(settings, split.rows, said));
                if (runB != null && runB.model.parameters().size() == comparison.b.model().parameters().size()) {
                    comparison.b.takeWeights(runB.model.parameters(), runB.step);
                } else if (lostB != null) {
                    said.add("run B could not be read (" + lostB + "), so it starts again from run A's weights");
                }
            }
            said.add(0, "restored your last session from this browser, at step " + steps()
                    + " — “start fresh” leaves it for the link's settings");
            return new Notes(RESTORED_NOTES, said);
        } catch (ModelFile.InvalidModel e) {
            return new Notes(RESTORED_NOTES, List.of("the session this browser kept could not be read (" + e.getMessage()
                    + "), so the page starts from the link"));
        }
    }

    static final String RESTORED_NOTES = "Welcome back:";

    /** The link's notes and a line saying the session this browser kept was put aside, not lost. */
    public Notes previousKept(Notes opening) {
        List<String> lines = new ArrayList<>(opening.lines);
        lines.add("this browser kept your last session; the link opened instead — “Restore my last session” brings it"
                + " back");
        return new Notes(opening.lines.isEmpty() ? RESTORED_NOTES : opening.title, lines);
    }

    /** What to say, once, when the browser will not keep the session ({@code why}: its reason). */
    public Notes storageRefused(String why) {
        String reason = why.contains("Quota") ? "its storage is full" : "it does not allow storage here (" + why + ")";
        return new Notes(SETTING_NOTES, List.of("this browser will not keep your session between visits: " + reason
                + "; use “Export model + data” to keep your work"));
    }

    // ---- training ----

    static final String NO_POINTS = "no training points — click the picture to add some";

    /** True if there is something to train on; otherwise play and step say so ({@link #trainingNote()}). */
    public boolean canTrain() {
        boolean can = session.train().size() > 0;
        if (!can) {
            askedToTrain = true;
        }
        return can;
    }

    private boolean askedToTrain; // play or step was pressed with nothing to train on

    /** Why play and step do nothing, once one was pressed in vain: no training points. Null when they work. */
    public String trainingNote() {
        if (session.train().size() > 0) {
            askedToTrain = false;
        }
        return askedToTrain ? NO_POINTS : null;
    }

    /**
     * One animation frame's training: up to "steps / frame" steps, but none after
     * {@link #FRAME_BUDGET_MS} (at least one), stopping at a diverged step.
     *
     * @param now the clock, in milliseconds
     * @return the steps taken (none without training points)
     */
    public int train(DoubleSupplier now) {
        if (!canTrain()) {
            return 0;
        }
        double start = now.getAsDouble();
        int steps = 0;
        do {
            steps++;
            if (!stepBoth() || stops()) {
                break;
            }
        } while (steps < settings.speed && now.getAsDouble() - start < FRAME_BUDGET_MS);
        return steps;
    }

    /** One training step (of both runs when comparing); false if there was nothing to train on, it diverged
     * (see {@link #diverged()}) or a stop rule fired ({@link #stopped()}). */
    public boolean step() {
        return canTrain() && stepBoth() && !stops();
    }

    /** A step of run A and, when comparing, of run B on the same data: the frame's budget covers both. */
    private boolean stepBoth() {
        boolean a = check(session.step(), "");
        return a && (comparison == null || stepB()); // a diverged A takes no step, so B waits too
    }

    private boolean stepB() {
        comparison.b.follow(session);
        return check(comparison.b.step(), "Run B: ");
    }

    /** Runs the next phase of a step by hand (see {@link Inspector#phaseNext()}); false if it could not or diverged. */
    public boolean runPhase() {
        if (!canTrain()) {
            return false;
        }
        Trainer.Result r = inspector.runPhase();
        if (r == null) {
            return true;
        }
        return check(r, "") && (comparison == null || stepB()); // B keeps pace with A's steps
    }

    /** Back to step 0 with the same initial weights (both runs, when comparing). */
    public void reset() {
        session.reset();
        restarted();
    }

    public int steps() {
        return session.trainer().steps();
    }

    /** Why training stopped (a loss or gradient that is not finite), or null while it may go on. */
    public String diverged() {
        return diverged;
    }

    /**
     * Why a stop rule ended play (e.g. "stopped: train loss 0.0098 fell below 0.01 at step 341"), or
     * null. Play goes on from there, until a rule newly fires ({@link StopRule}).
     */
    public String stopped() {
        return stopped;
    }

    /** Play was pressed: a stop for divergence or by a stop rule is forgotten (the weights are the last good ones). */
    public void resume() {
        diverged = null;
        stopped = null;
    }

    /**
     * Checks the stop rules after a step, each run by its own settings (B's may differ); true (and
     * {@link #stopped()} says why, "Run B: ..." for B) if one fired.
     */
    private boolean stops() {
        String why = stops(stopRule, settings, session);
        if (why == null && comparison != null) {
            why = stops(stopRuleB, comparison.settings(), comparison.b);
            if (why != null) {
                why = "Run B: " + why;
            }
        }
        if (why != null) {
            stopped = why;
        }
        return why != null;
    }

    private static String stops(StopRule rule, Settings settings, Session run) {
        rule.epochs = settings.stopEpochs;
        rule.belowLoss = settings.stopLoss;
        rule.patience = settings.patience;
        if (!rule.any()) {
            return null;
        }
        Trainer t = run.trainer();
        StopRule.Stop stop = rule.check(t.steps(), t.epochs(), run::trainLoss, run.test().size() > 0, run::testLoss);
        return stop == null ? null : TrainingText.stopped(stop);
    }

    /** Patience watches the test loss: with no test points it cannot fire, and the page says so. */
    private void addPatienceNote(List<String> said) {
        if (settings.patience > 0 && session.test().size() == 0) {
            said.add("patience: there are no test points (split " + settings.split + "%), so it never stops training;"
                    + " a split below 100 keeps some");
        }
    }

    private boolean check(Trainer.Result result, String run) {
        if (!result.diverged) {
            return true;
        }
        diverged = run + "Training diverged (loss is NaN/∞) after step " + result.step
                + ". Try a smaller learning rate, then reset.";
        return false;
    }

    /**
     * Step 0 again (reset, new weights, new data, new network, a file): the chart and any alarm
     * start over, and a comparison forks run B afresh from A, keeping what B may still differ in.
     */
    private void restarted() {
        curve.clear();
        diverged = null;
        stopped = null;
        stopRule.restart();
        stopRuleB.restart();
        forkNotes = new ArrayList<>();
        if (comparison != null) {
            startComparing(Comparison.overlay(settings, comparison.settings(), forkNotes));
        }
    }

    private List<String> forkNotes = new ArrayList<>(); // what the last fork could not keep of run B

    // ---- comparing two runs ----

    private Comparison comparison; // null: one run
    private boolean editingB; // the training controls edit run B

    /**
     * "Compare": forks run B from this run now (same data, same weights; both optimisers start
     * afresh; both curves start at the fork), with A's settings until B's are changed. Off: back
     * to run A alone.
     */
    public void compare(boolean on) {
        if (on == (comparison != null)) {
            return;
        }
        if (on) {
            startComparing(settings.copy());
        } else {
            comparison = null;
            editingB = false;
        }
    }

    private void startComparing(Settings b) {
        comparison = new Comparison(session, b);
        curve.clear();
        diverged = null;
        stopped = null;
        stopRule.restart();
        stopRuleB.restart();
    }

    public boolean comparing() {
        return comparison != null;
    }

    /** "Keep B": ends the comparison with run B as the one run (its settings, weights and step); undoable. */
    public void keepB() {
        if (comparison == null) {
            return;
        }
        history.record(History.State.session("keep run B", session.toFile())); // undo brings run A back
        try {
            session.load(ModelFile.read(comparison.b.toFile()));
        } catch (ModelFile.InvalidModel e) {
            throw new IllegalStateException("run B did not read back: " + e.getMessage(), e);
        }
        settings = session.settings();
        comparison = null;
        editingB = false;
        restarted();
    }

    /** Which run the training controls edit: B (true) or A; only while comparing. */
    public void editB(boolean b) {
        editingB = b && comparison != null;
    }

    public boolean editingB() {
        return editingB;
    }

    /** The settings the controls show: run B's while they edit B, otherwise A's (a copy). */
    public Settings shownSettings() {
        return editingB ? comparison.settings() : settings();
    }

    /**
     * The comparison as text, cheap to compare every frame: "" for one run, else its link part
     * and which run the controls edit. The controls change only when this or {@link #settingsText()} does.
     */
    public String comparisonText() {
        return comparison == null ? "" : Comparison.linkPart(settings, comparison.settings()) + (editingB ? "&edit=b" : "");
    }

    /** The keys where run B's settings differ from A's (none when not comparing). */
    public List<String> differing() {
        return comparison == null ? List.of() : Comparison.differing(settings, comparison.settings());
    }

    /** E.g. "B: lr 0.1 (A 0.3); optimizer adam (A sgd)"; "" when not comparing. */
    public String comparisonSummary() {
        return comparison == null ? "" : Comparison.summary(settings, comparison.settings());
    }

    /** A person set one of B's rows while the controls edit B. */
    private Notes setForB(String key, String text) {
        List<String> said = new ArrayList<>();
        Settings before = comparison.settings();
        Settings next = Comparison.setForB(settings, before, key, text, said);
        if (next != null) {
            Settings.Affects change = before.difference(next);
            if (change == Settings.Affects.MODEL || change == Settings.Affects.DATA) {
                boolean underWay = steps() > 0;
                startComparing(next); // a new activation: the race starts again from A's weights now
                if (underWay) {
                    said.add("run B's activation changed: both runs start again from A's weights now");
                }
            } else {
                comparison.b.apply(next);
            }
        }
        return new Notes(SETTING_NOTES, said);
    }

    /** A's training or view settings changed: B takes the same, except in the rows where it differs. */
    private void followA(List<String> said) {
        Settings before = comparison.settings();
        Settings next = Comparison.overlay(settings, before, said);
        Settings.Affects change = before.difference(next);
        if (change == Settings.Affects.MODEL || change == Settings.Affects.DATA) {
            startComparing(next);
        } else {
            comparison.b.apply(next);
        }
    }

    /** Run B's readouts now; each call also records them for B's curve. */
    public Readout readoutB() {
        comparison.b.follow(session);
        Readout r = comparison.b.readout();
        comparison.curve.record(r);
        return r;
    }

    /** Run B's chart samples, or null when not comparing. */
    public LossCurve curveB() {
        return comparison == null ? null : comparison.curve;
    }

    /** Run B's heat map, as {@link #heatMap}. */
    public void heatMapB(int side, int[] pixels) {
        comparison.b.follow(session);
        heatMap(comparison.b, side, pixels);
    }

    /** Run B, for tests that compare the page with the JVM. */
    public Session sessionB() {
        return comparison == null ? null : comparison.b;
    }

    // ---- the picture's tools ----

    /** What a press (and drag) on the picture does. */
    public enum Tool {
        INSPECT("inspect"), ADD("add"), REMOVE("remove"), BRUSH("brush"), ERASE("erase");

        /** The page's name for it. */
        public final String label;

        Tool(String label) {
            this.label = label;
        }
    }

    /** From now on a press on the picture uses this tool: a {@link Tool#label}; unknown ones mean inspect. */
    public void setTool(String label) {
        tool = Tool.INSPECT;
        for (Tool t : Tool.values()) {
            if (t.label.equals(label)) {
                tool = t;
            }
        }
    }

    public Tool tool() {
        return tool;
    }

    /** What add and brush make, one of {@link #paintClasses()}'s values (a label, class index or target). */
    public void setPaintValue(String value) {
        for (String[] c : paintClasses()) {
            if (c[0].equals(value)) {
                paintValue = Settings.parseNumber(value);
            }
        }
    }

    /** The value add and brush make now, as {@link #paintClasses()} writes it. */
    public String paintValue() {
        String[][] choices = paintClasses();
        for (String[] c : choices) {
            if (Settings.parseNumber(c[0]) == paintValue) {
                return c[0];
            }
        }
        paintValue = Settings.parseNumber(choices[choices.length > 2 ? 0 : 1][0]); // the problem changed
        return paintValue();
    }

    /**
     * What a point can be painted as, in the picker's order, as {value, name}: -1 and +1 for two
     * classes, the class indices for more, a few targets from -1 to +1 for a regression.
     */
    public String[][] paintClasses() {
        int k = session.classes();
        if (k == 2) {
            return new String[][] {{"-1", named(0, "orange") + " (−1)"}, {"1", named(1, "blue") + " (+1)"}};
        }
        if (k == Dataset.REGRESSION) {
            return new String[][] {{"-1", "target −1"}, {"-0.5", "target −0.5"}, {"0", "target 0"},
                {"0.5", "target 0.5"}, {"1", "target +1"}};
        }
        String[][] classes = new String[k][];
        for (int c = 0; c < k; c++) {
            classes[c] = new String[] {Integer.toString(c), named(c, "class " + c) + " (" + CLASS_NAMES[c] + ")"};
        }
        return classes;
    }

    static final String[] CLASS_NAMES = {"orange", "blue", "wine", "sand", "indigo", "purple"};

    /** The picture's legend: {colour as CSS, text} for each class, or the ends and middle of a regression's scale. */
    public String[][] legend() {
        int k = session.classes();
        if (k == Dataset.REGRESSION) {
            return new String[][] {{HeatMap.css(HeatMap.targetColour(-1)), "−1"}, {HeatMap.css(HeatMap.NEUTRAL), "0"},
                {HeatMap.css(HeatMap.targetColour(1)), "+1 (target and prediction)"}};
        }
        if (k == 2) {
            return new String[][] {{HeatMap.css(HeatMap.NEGATIVE), named(0, "−1")}, {HeatMap.css(HeatMap.POSITIVE), named(1, "+1")}};
        }
        String[][] legend = new String[k][];
        for (int c = 0; c < k; c++) {
            legend[c] = new String[] {HeatMap.css(HeatMap.CLASSES[c]), named(c, "class " + c)};
        }
        return legend;
    }

    /**
     * A press at pixel (px, py) of the picture, {@code width} × {@code height} pixels: selects the
     * nearest point for the inspector, adds a point, removes the nearest, or starts a brush or
     * eraser stroke (one undo step however long).
     *
     * @return what to tell the person ("" for nothing)
     */
    public String press(double px, double py, double width, double height) {
        View v = session.view();
        double x = v.planeX(px, width);
        double y = v.planeY(py, height);
        PointEdits before = session.edits();
        String said = "";
        switch (tool) {
            case INSPECT:
                inspector.selectNear(x, y);
                return "";
            case REMOVE:
                if (!session.removeNearest(x, y, v.planeLength(REMOVE_RADIUS_PX, width), settings.showTest)) {
                    return "No point there to remove.";
                }
                history.record(History.State.edits("remove a point", before));
                return "";
            case ADD:
                try {
                    session.addPoint(x, y, paintValue);
                } catch (IllegalArgumentException tooMany) {
                    return tooMany.getMessage();
                }
                history.record(History.State.edits("add a point", before));
                return "";
            default:
                history.record(History.State.edits(tool == Tool.BRUSH ? "paint" : "erase", before));
                stroking = true;
                lastDab = null;
                return drag(px, py, width, height);
        }
    }

    /**
     * The pointer moved to (px, py) while pressed: the brush sprays {@code density} points of the
     * paint class in a disc of {@code brush} pixels wherever the pointer has moved half a radius
     * since the last dab; the eraser removes every point in the disc.
     */
    public String drag(double px, double py, double width, double height) {
        if (!stroking) {
            return "";
        }
        if (lastDab != null && Math.hypot(px - lastDab[0], py - lastDab[1]) < settings.brush / 2.0) {
            return "";
        }
        lastDab = new double[] {px, py};
        View v = session.view();
        double x = v.planeX(px, width);
        double y = v.planeY(py, height);
        double radius = v.planeLength(settings.brush, width);
        if (tool == Tool.ERASE) {
            session.removeWithin(x, y, radius, settings.showTest);
            return "";
        }
        for (int i = 0; i < settings.density; i++) {
            // Uniform in the disc: the square root spreads points evenly over its area.
            double r = radius * Math.sqrt(spray.nextDouble());
            double angle = 2 * Math.PI * spray.nextDouble();
            try {
                session.addPoint(x + r * Math.cos(angle), y + r * Math.sin(angle), paintValue);
            } catch (IllegalArgumentException full) {
                return full.getMessage();
            }
        }
        return "";
    }

    /** The pointer was released: a stroke ends. */
    public void release() {
        stroking = false;
    }

    /** "clear points": removes every point so a person can draw a dataset. */
    public String clearPoints() {
        history.record(History.State.edits("clear", session.edits()));
        session.clearPoints();
        return "All points removed: pick “add” or “brush” above and click the picture to draw your own.";
    }

    // ---- undo and redo ----

    /** Undoes the last change to the data; false if there is none. */
    public boolean undo() {
        return restore(history.undo(this::now));
    }

    /** Redoes the last undone change; false if there is none. */
    public boolean redo() {
        return restore(history.redo(this::now));
    }

    /** E.g. "Undo add a point", or null when there is nothing to undo. */
    public String undoText() {
        String what = history.nextUndo();
        return what == null ? null : "Undo " + what;
    }

    public String redoText() {
        String what = history.nextRedo();
        return what == null ? null : "Redo " + what;
    }

    /** The current state, in the same form as {@code like}. */
    private History.State now(History.State like) {
        return like.edits != null ? History.State.edits(like.what, session.edits())
                : History.State.session(like.what, session.toFile());
    }

    private boolean restore(History.State state) {
        if (state == null) {
            return false;
        }
        if (state.edits != null) {
            session.setEdits(state.edits);
            return true;
        }
        try {
            session.load(ModelFile.read(state.file));
        } catch (ModelFile.InvalidModel e) {
            throw new IllegalStateException("a saved state did not read back: " + e.getMessage(), e);
        }
        settings = session.settings();
        restarted();
        return true;
    }

    // ---- what the page shows ----

    /** The readouts now; each call also records them for the chart. */
    public Readout readout() {
        Readout r = session.readout();
        curve.record(r);
        return r;
    }

    /** The chart's samples. */
    public LossCurve curve() {
        return curve;
    }

    public FrameMeter meter() {
        return meter;
    }

    public View view() {
        return session.view();
    }

    /**
     * Where the inputs are standardised, how: e.g. "inputs standardised: x' = (x − 512.3) ÷ 288.1,
     * y' = (y − 0.5) ÷ 1" (the model's frozen scaling, 4 significant digits); null where they are not.
     */
    public String scalingText() {
        Scaling c = session.model().scaling;
        if (c.isNone()) {
            return null;
        }
        return "inputs standardised: " + standardised("x", c.meanX, c.spreadX) + ", " + standardised("y", c.meanY, c.spreadY);
    }

    private static String standardised(String name, double mean, double spread) {
        String centred = mean < 0 ? name + " + " + Format.significant(-mean, 4) : name + " − " + Format.significant(mean, 4);
        return name + "' = (" + centred + ") ÷ " + Format.significant(spread, 4);
    }

    /** Heat-map cells per side for the current network. */
    public int gridSide() {
        return session.gridSide();
    }

    /**
     * The heat map: the model's output over the view as {@code side × side} canvas pixels (row 0
     * at the top), coloured by {@link HeatMap#paint}; or, while the inspector previews a neuron
     * ({@link Inspector#preview}), that neuron's output, as its thumbnail colours it.
     */
    public void heatMap(int side, int[] pixels) {
        heatMap(session, side, pixels);
    }

    private void heatMap(Session session, int side, int[] pixels) {
        if (grid.length != side * side) {
            grid = new double[side * side];
            cells = new int[side * side];
        }
        int outputs = session.model().nout();
        int[] neuron = inspector.previewed();
        if (neuron != null) {
            session.neuronGrid(neuron[0], neuron[1], side, grid);
            boolean bounded = neuron[0] >= 0
                    && HeatMap.bounded(session.model().layers.get(neuron[0]).neurons.get(neuron[1]).activation);
            HeatMap.paint(grid, grid.length, bounded, false, pixels);
        } else if (outputs > 1) {
            session.classGrid(side, side, cells, grid);
            HeatMap.paintClasses(cells, grid, grid.length, outputs, settings.discretize, pixels);
        } else {
            session.grid(side, side, grid);
            // A regression's targets lie in [-1, 1]: its output is painted on that scale, not squashed.
            boolean bounded = session.boundedOutput() || session.classes() == Dataset.REGRESSION;
            HeatMap.paint(grid, grid.length, bounded, settings.discretize, pixels);
        }
    }

    private int[] cells = new int[0];

    /**
     * With {@code lines} on and a network reading x and y (standardised or not): each neuron of the first
     * layer's line w·x + b = 0 (where its sum changes sign) inside the view, 4 numbers a line
     * ({x0, y0, x1, y1} in the plane), lines that miss the view left out. Otherwise none.
     */
    public double[] firstLayerLines() {
        MLP model = session.model();
        if (!settings.showLines || !Features.XY.equals(model.features)) {
            return new double[0];
        }
        View v = session.view();
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

    /** What the picture shows if not the model's output, e.g. "layer 0, neuron 3: tanh(w·x + b)"; "" when it is. */
    public String pictureCaption() {
        return inspector.previewCaption();
    }

    public Marks trainMarks() {
        return Marks.of(session.train().points, session.classes());
    }

    /** The test points, or null when they are not shown. */
    public Marks testMarks() {
        return settings.showTest ? Marks.of(session.test().points, session.classes()) : null;
    }

    public Inspector inspector() {
        return inspector;
    }

    /** The session behind the page, for tests that compare the page with the JVM. */
    public Session session() {
        return session;
    }
}

package scratchnet.playground;

import scratchnet.playground.export.CodeExport;
import scratchnet.playground.export.RawExamples;
import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.session.Comparison;
import scratchnet.playground.session.DatasetPictures;
import scratchnet.playground.session.FrameMeter;
import scratchnet.playground.session.History;
import scratchnet.playground.session.LossCurve;
import scratchnet.playground.session.PointTools;
import scratchnet.playground.session.Readout;
import scratchnet.playground.session.Runs;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Setting;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.CompareLink;
import scratchnet.playground.share.Link;
import scratchnet.playground.share.ModelFile;
import scratchnet.playground.share.WeightsLink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import scratchnet.train.Trainer;

/**
 * The playground as the page sees it: the one door from the page into the rooms. It owns the
 * {@link Session} (run A), the comparison's run B ({@link Runs}), the undo history and the
 * inspector; it takes the page's commands (a setting's new text, play a frame, step, reset, a press
 * on the picture, a link, a file...) and hands back what to show, as numbers and text. The files
 * and the browser's kept session are {@link Keeping}'s part of the door.
 *
 * <p>Commands that may not be taken as given return {@link Notes} for the page to show.
 */
public final class Playground {
    final Session session;
    final Runs runs;
    final History history = new History();
    private final Inspector inspector;
    private final FrameMeter meter = new FrameMeter();
    private final Keeping keeping = new Keeping(this);
    private final Picture picture;
    private final TwoRuns twoRuns;
    private boolean weightsAsked;
    private int[] hiddenLayers = new Settings().layers; // brought back by the hidden-layer toggle
    private boolean askedToTrain; // play or step was pressed with nothing to train on
    private final Notes notes;
    private DatasetPictures datasetPictures; // redrawn only when what they show changes
    private final LossCurve lessonCurve = new LossCurve(scratchnet.playground.session.Run.CHART_SAMPLES);

    /** Opens the page's link (its hash, with or without '#'; empty for the defaults). */
    public Playground(String hash) {
        session = new Session(new Settings());
        runs = new Runs(session);
        inspector = new Inspector(session);
        runs.afterEachStep(inspector::afterStep);
        inspector.comparedWith(() -> runs.comparing() ? runs.b().session.trainer() : null);
        picture = new Picture(session, inspector, new PointTools(session, history));
        twoRuns = new TwoRuns(this);
        notes = open(hash, false);
    }

    /** The notes on the link the page opened with. */
    public Notes openingNotes() {
        return notes;
    }

    // ---- settings and the link ----

    /** A copy of the settings in force. */
    public Settings settings() {
        return session.settings();
    }

    /** One setting's value now, as a link writes it (the page reads a view's choice from it each frame). */
    public String setting(String key) {
        return current().get(key);
    }

    private Settings current() {
        return session.current();
    }

    /** The settings in force as link text: cheap to compare every frame. */
    public String settingsText() {
        return session.settingsText();
    }

    /** The datasets as small pictures, drawn as the settings would draw them; the same object until those settings change. */
    public DatasetPictures datasetPictures() {
        datasetPictures = DatasetPictures.of(current(), datasetPictures);
        return datasetPictures;
    }

    /** "your points" when the data came from a file or a CSV (the settings' dataset did not make it), else null. */
    public String yourPoints() {
        return session.fromFile() ? YOUR_POINTS : null;
    }

    /** The name the dataset control shows for data that came from a file or a CSV. */
    public static final String YOUR_POINTS = "your points";

    /** The current data as a small picture, as {@link #datasetPictures()} draws each dataset. */
    public int[] dataPicture() {
        return DatasetPictures.draw(session.points(), session.train().isRegression());
    }

    /** A person changed one setting: take it (or the nearest allowed value), then rebuild what it affects. */
    public Notes set(String key, String text) {
        Setting row = Settings.find(key);
        if (runs.editingB() && row != null && Comparison.mayDiffer(row)) {
            return new Notes(Notes.SETTING, runs.setForB(key, text));
        }
        Settings next = current().copy();
        String note = next.set(key, text);
        List<String> said = new ArrayList<>();
        if (note != null) {
            said.add(note);
        }
        said.addAll(next.settle(List.of(key)));
        if (session.changesData(next)) {
            if (session.fromFile() || !session.edits().isEmpty()) {
                said.add(session.fromFile() ? "the imported data was replaced: new data settings make new data"
                        : "the points added or removed by hand were dropped: new data settings make new data");
            }
            history.record(History.State.session("new data", ModelFile.write(session)));
        }
        Settings.Affects change = session.apply(next);
        if (change == Settings.Affects.DATA || change == Settings.Affects.MODEL) {
            said.addAll(runs.restarted());
        } else if (runs.comparing()) {
            runs.followA(said);
        }
        if (key.equals("patience") || key.equals("split") || change == Settings.Affects.DATA) {
            addPatienceNote(said);
        }
        return new Notes(Notes.SETTING, said);
    }

    /** "new weights": the next weight seed. */
    public Notes newWeights() {
        return set("init", Integer.toString(Settings.nextSeed(current().weightSeed)));
    }

    /** "new data": the next data seed. */
    public Notes newData() {
        return set("seed", Integer.toString(Settings.nextSeed(current().dataSeed)));
    }

    /** Starts over from a link's hash (one pasted into the address bar, say); a comparison's link starts one. */
    public Notes open(String hash) {
        return open(hash, true);
    }

    private Notes open(String text, boolean undoable) {
        if (undoable) {
            history.record(History.State.session("open a link", ModelFile.write(session)));
        }
        Hash hash = Hash.read(text);
        List<String> said = opened(hash, Link.open(hash, session));
        weightsAsked = Link.hasWeights(hash);
        addPatienceNote(said);
        return new Notes(Notes.LINK, said);
    }

    /** The session was just started from {@code hash} ({@code said} its notes): run B too, if the link compares. */
    List<String> opened(Hash hash, List<String> said) {
        runs.stopComparing();
        runs.restarted();
        Settings b = CompareLink.read(hash, current(), said);
        if (b != null) {
            runs.fork(b);
        }
        return said;
    }

    /** The share link for the address bar, with '#'; a comparison's carries B's differing settings. */
    public String link() {
        return link(current());
    }

    /** The link to open this page in full, from an embedded one: the same, with {@code embed=0}. */
    public String fullPageLink() {
        Settings full = current().copy();
        full.embed = false;
        return link(full);
    }

    private String link(Settings shown) {
        Hash.Writer link = Link.putExtras(shown.write(new Hash.Writer()), session, includeWeights());
        return "#" + (runs.comparing() ? CompareLink.put(link, current(), runs.b().session.current()) : link);
    }

    /** What the link leaves out, or null: points beyond {@link Link#MAX_LINK_POINTS}, or a file's data. */
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
        return weightsFit()
                ? "The link then reproduces this model's predictions exactly (updated when training pauses)."
                : "Only for models of at most " + WeightsLink.MAX_PARAMETERS + " parameters; this one has "
                        + session.model().parameters().size() + ", so use Export for its weights.";
    }

    /** "Why hidden layers matter": no hidden layer (a straight boundary), or back to the layers there were. */
    public Notes toggleHidden() {
        if (current().layers.length > 0) {
            hiddenLayers = current().layers.clone();
            return set("layers", "0");
        }
        return set("layers", Settings.formatLayers(hiddenLayers));
    }

    /** What the toggle's next click does. */
    public String hiddenToggleText() {
        return hiddenLayersRemoved() ? "Bring back the hidden layers " + Settings.formatLayers(hiddenLayers)
                : "Remove hidden layers (straight line)";
    }

    /** True while there is no hidden layer. */
    public boolean hiddenLayersRemoved() {
        return current().layers.length == 0;
    }

    /** Files in and out, and the session the browser keeps. */
    public Keeping keeping() {
        return keeping;
    }

    /** The network, its weights, data and training as a runnable Python file. */
    public String exportPython() {
        return lesson() ? CodeExport.python(lessonExport()) : CodeExport.python(session);
    }

    /** The same as one Java file, run with {@code java Model.java}. */
    public String exportJava() {
        return lesson() ? CodeExport.java(lessonExport()) : CodeExport.java(session);
    }

    /** The lesson's network, its four examples and its training as they are now, for the exported programs. */
    private RawExamples lessonExport() {
        Trainer t = inspector.trainer();
        return new RawExamples(t.model, t.inputs(), t.targets(t.loss), t.loss, t.learningRate, t.steps(),
                readout().trainLoss, "the lesson's example, micrograd's four");
    }

    // ---- training ----

    /** True if there is something to train on; otherwise play and step say so ({@link #trainingNote()}). */
    public boolean canTrain() {
        if (lesson()) {
            return true; // its four examples
        }
        boolean can = session.train().size() > 0;
        askedToTrain |= !can;
        return can;
    }

    /** Why play and step do nothing, once one was pressed in vain: no training points. Null when they work. */
    public String trainingNote() {
        askedToTrain &= session.train().size() == 0 && !lesson();
        return askedToTrain ? "no training points — click the picture to add some" : null;
    }

    /**
     * One animation frame's training: up to "steps / frame" steps of each run, but none after
     * {@link Runs#FRAME_BUDGET_MS} (at least one), stopping at a diverged step or a stop rule.
     *
     * @param now the clock, in milliseconds
     * @return the steps taken (none without training points)
     */
    public int train(DoubleSupplier now) {
        if (lesson()) { // four examples, 41 parameters: "steps / frame" steps fit any frame
            int speed = current().speed;
            for (int i = 0; i < speed; i++) {
                inspector.classic().step();
                inspector.afterStep();
            }
            return speed;
        }
        return canTrain() ? runs.train(current().speed, now) : 0;
    }

    /**
     * True while the lesson's example is shown ({@code lesson=1}): micrograd's MLP(3, [4, 4, 1]) on
     * its four examples is then what play, step, reset and every view of the network work on, with
     * the lesson's loss Σ (out − y)² and rate 0.1; the data's network waits as it was.
     */
    public boolean lesson() {
        return inspector.showsClassic();
    }

    /** One training step (of both runs when comparing); false if there was nothing to train on, it diverged
     * (see {@link #diverged()}) or a stop rule fired ({@link #stopped()}). */
    public boolean step() {
        if (lesson()) {
            inspector.classic().step();
            inspector.afterStep();
            return true;
        }
        return canTrain() && runs.step();
    }

    /** Runs the next phase of a step by hand (see {@link Inspector#phaseNext()}); false if it could not or diverged. */
    public boolean runPhase() {
        if (!canTrain()) {
            return false;
        }
        Trainer.Result r = inspector.runPhase();
        if (r != null && lesson()) {
            inspector.afterStep();
        }
        return r == null || lesson() || runs.stepped(r);
    }

    /** Back to step 0 with the same initial weights (both runs, when comparing). */
    public void reset() {
        if (lesson()) {
            inspector.classicReset();
            return;
        }
        session.reset();
        runs.restarted();
    }

    public int steps() {
        return inspector.trainer().steps();
    }

    /** Why training stopped (a loss or gradient that is not finite), or null while it may go on. */
    public String diverged() {
        return lesson() ? null : runs.diverged();
    }

    /** Why the training loss no longer moves though nothing diverged ("stalled: ..."), or null; training goes on. */
    public String stalled() {
        return lesson() ? null : runs.stalled();
    }

    /** Why a stop rule ended play (e.g. "stopped: train loss 0.0098 fell below 0.01 at step 341"), or null. */
    public String stopped() {
        return lesson() ? null : runs.stopped();
    }

    /** Play was pressed: a stop for divergence or by a stop rule is forgotten (the weights are the last good ones). */
    public void resume() {
        runs.resume();
    }

    /** Patience watches the test loss: with no test points it cannot fire, and the page says so. */
    void addPatienceNote(List<String> said) {
        if (current().patience > 0 && session.test().size() == 0) {
            said.add("patience: there are no test points (split " + current().split + "%), so it never stops training;"
                    + " a split below 100 keeps some");
        }
    }

    /** Two runs compared: run B's commands and what the page shows of it. */
    public TwoRuns twoRuns() {
        return twoRuns;
    }

    // ---- the picture ----

    /** Undoes the last change to the data; false if there is none. */
    public boolean undo() {
        return keeping.restore(history.undo(keeping::now));
    }

    /** Redoes the last undone change; false if there is none. */
    public boolean redo() {
        return keeping.restore(history.redo(keeping::now));
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

    // ---- what the page shows ----

    /** The readouts now; each call also records them for the chart. */
    public Readout readout() {
        if (lesson()) {
            Readout r = inspector.classic().readout();
            lessonCurve.record(r);
            return r;
        }
        return runs.a.readout();
    }

    /** The data's points, e.g. "160 training points, 40 test" (the session's, the lesson shown or not). */
    public String pointsText() {
        return Readout.pointsText(session.train().size(), session.test().size());
    }

    /** The chart's samples (the lesson's, while it is shown). */
    public LossCurve curve() {
        return lesson() ? lessonCurve : runs.a.curve;
    }

    public FrameMeter meter() {
        return meter;
    }

    /** The picture: its heat map, view, marks, lines and captions. */
    public Picture picture() {
        return picture;
    }

    public Inspector inspector() {
        return inspector;
    }

    /** The session behind the page, for tests that compare the page with the JVM. */
    public Session session() {
        return session;
    }
}

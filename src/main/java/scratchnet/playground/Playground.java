package scratchnet.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
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
    static final int CHART_SAMPLES = 400;

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

    /** What a click on the picture does. */
    public enum ClickMode {
        INSPECT("inspect"), ADD_NEGATIVE("add-neg"), ADD_POSITIVE("add-pos"), REMOVE("remove");

        /** The page's name for it. */
        public final String label;

        ClickMode(String label) {
            this.label = label;
        }
    }

    // A click removes the nearest point within this many CSS pixels.
    static final double REMOVE_RADIUS_PX = 12;

    private Settings settings;
    private final Session session;
    private final Inspector inspector;
    private final LossCurve curve = new LossCurve(CHART_SAMPLES);
    private final FrameMeter meter = new FrameMeter();
    private ClickMode clickMode = ClickMode.INSPECT;
    private boolean weightsAsked;
    private int[] hiddenLayers = new Settings().layers; // brought back by the hidden-layer toggle
    private String diverged; // why training stopped, or null
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

    /** A person changed one setting: take it (or the nearest allowed value), then rebuild what it affects. */
    public Notes set(String key, String text) {
        Settings next = settings.copy();
        String note = next.set(key, text);
        List<String> said = new ArrayList<>();
        if (note != null) {
            said.add(note);
        }
        if (session.changesData(next) && (session.fromFile() || !session.edits().isEmpty())) {
            said.add(session.fromFile() ? "the imported data was replaced: new data settings make new data"
                    : "the points added or removed by hand were dropped: new data settings make new data");
        }
        settings = next;
        Settings.Affects change = session.apply(settings);
        if (change == Settings.Affects.DATA || change == Settings.Affects.MODEL) {
            restarted();
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

    /** Starts over from a link's hash (one pasted into the address bar, say). */
    public Notes open(String hash) {
        List<String> said = session.open(hash);
        settings = session.settings();
        weightsAsked = Session.linkHasWeights(hash);
        restarted();
        return new Notes(LINK_NOTES, said);
    }

    /** The share link for the address bar, with '#'. */
    public String link() {
        return "#" + session.link(includeWeights());
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

    /**
     * Imports a model file: its settings, data, weights and step count replace ours. A bad file
     * changes nothing.
     *
     * @throws ModelFile.InvalidModel saying what is wrong and where
     */
    public Notes importFile(String text) throws ModelFile.InvalidModel {
        ModelFile.Contents contents = ModelFile.read(text);
        List<String> said = session.load(contents);
        settings = session.settings();
        restarted();
        return new Notes(FILE_NOTES, said);
    }

    // ---- training ----

    /**
     * One animation frame's training: up to "steps / frame" steps, but none after
     * {@link #FRAME_BUDGET_MS} (at least one), stopping at a diverged step.
     *
     * @param now the clock, in milliseconds
     * @return the steps taken
     */
    public int train(DoubleSupplier now) {
        double start = now.getAsDouble();
        int steps = 0;
        do {
            steps++;
            if (!check(session.step())) {
                break;
            }
        } while (steps < settings.speed && now.getAsDouble() - start < FRAME_BUDGET_MS);
        return steps;
    }

    /** One training step; false if it diverged (see {@link #diverged()}). */
    public boolean step() {
        return check(session.step());
    }

    /** Runs the next phase of a step by hand (see {@link Inspector#phaseNext()}); false if its update diverged. */
    public boolean runPhase() {
        Trainer.Result r = inspector.runPhase();
        return r == null || check(r);
    }

    /** Back to step 0 with the same initial weights. */
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

    /** Play was pressed: a stop for divergence is forgotten (the weights are the last good ones). */
    public void resume() {
        diverged = null;
    }

    private boolean check(Trainer.Result result) {
        if (!result.diverged) {
            return true;
        }
        diverged = "Training diverged (loss is NaN/∞) after step " + result.step
                + ". Try a smaller learning rate, then reset.";
        return false;
    }

    /** Step 0 again (reset, new weights, new data, new network): the chart and any alarm start over. */
    private void restarted() {
        curve.clear();
        diverged = null;
    }

    // ---- clicks on the picture ----

    /** What a click on the picture does from now on: a {@link ClickMode#label}; unknown ones mean inspect. */
    public void setClickMode(String label) {
        clickMode = ClickMode.INSPECT;
        for (ClickMode m : ClickMode.values()) {
            if (m.label.equals(label)) {
                clickMode = m;
            }
        }
    }

    public ClickMode clickMode() {
        return clickMode;
    }

    /**
     * A click at pixel (px, py) of the picture, {@code width} × {@code height} pixels: selects the
     * nearest point for the inspector, adds a point, or removes the nearest.
     *
     * @return what to tell the person ("" for nothing)
     */
    public String click(double px, double py, double width, double height) {
        View v = session.view();
        double x = v.planeX(px, width);
        double y = v.planeY(py, height);
        switch (clickMode) {
            case INSPECT:
                inspector.selectNear(x, y);
                return "";
            case REMOVE:
                double radius = v.planeLength(REMOVE_RADIUS_PX, width);
                return session.removeNearest(x, y, radius, settings.showTest) ? "" : "No point there to remove.";
            default:
                try {
                    session.addPoint(x, y, clickMode == ClickMode.ADD_POSITIVE ? 1 : -1);
                    return "";
                } catch (IllegalArgumentException tooMany) {
                    return tooMany.getMessage();
                }
        }
    }

    /** "clear points": removes every point so a person can draw a dataset. */
    public String clearPoints() {
        session.clearPoints();
        return "All points removed: pick “add” above and click the picture to draw your own.";
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

    /** Heat-map cells per side for the current network. */
    public int gridSide() {
        return session.gridSide();
    }

    /**
     * The heat map: the model's output over the view as {@code side × side} canvas pixels (row 0
     * at the top), coloured by {@link HeatMap#paint}.
     */
    public void heatMap(int side, int[] pixels) {
        if (grid.length != side * side) {
            grid = new double[side * side];
        }
        session.grid(side, side, grid);
        HeatMap.paint(grid, grid.length, session.boundedOutput(), settings.discretize, pixels);
    }

    public Marks trainMarks() {
        return Marks.of(session.train().points);
    }

    /** The test points, or null when they are not shown. */
    public Marks testMarks() {
        return settings.showTest ? Marks.of(session.test().points) : null;
    }

    public Inspector inspector() {
        return inspector;
    }

    /** The session behind the page, for tests that compare the page with the JVM. */
    Session session() {
        return session;
    }
}

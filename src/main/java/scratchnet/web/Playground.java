package scratchnet.web;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.playground.HeatMap;
import scratchnet.playground.LossCurve;
import scratchnet.playground.ModelFile;
import scratchnet.playground.Session;
import scratchnet.playground.Settings;
import scratchnet.train.Trainer;

/**
 * The browser playground: reads the settings from the link, wires the controls to a
 * {@link Session}, and runs the frame loop that trains and paints. Compiled by TeaVM to both
 * JavaScript and Wasm GC; webapp/loader.js calls {@code main(new String[] {engine})} with engine
 * {@code "wasm"} or {@code "js"}. When wiring is done {@code #status} says "ready".
 *
 * <p>One frame: up to {@code speed} training steps within {@link #FRAME_BUDGET_MS} (at least one),
 * then the readouts, the heat map and the chart. Frames are only requested while playing or
 * when something changed, so an idle page costs nothing.
 */
public final class Playground {
    // Training stops for the frame after this long, so the page keeps answering at any speed.
    private static final double FRAME_BUDGET_MS = 12;
    private static final int CHART_SAMPLES = 400;

    private final HTMLDocument document = HTMLDocument.current();
    private final Window window = Window.current();
    private final Controls controls;
    private final LayerEditor layers;
    private final BoundaryPainter boundary;
    private final ChartPainter chart;
    private final HiddenLayerToggle hiddenToggle;
    private DataEditor dataEditor;
    private ModelTransfer transfer;
    private final LossCurve curve = new LossCurve(CHART_SAMPLES);
    // The heat map's cells, Session.gridSide() per side: reallocated when the network changes size.
    private double[] grid = new double[0];
    private int[] heat = new int[0];

    // Looked up once.
    private final HTMLElement play = element("play");
    private final HTMLElement stepCount = element("step-count");
    private final HTMLElement epochCount = element("epoch-count");
    private final HTMLElement trainLoss = element("train-loss");
    private final HTMLElement trainAccuracy = element("train-accuracy");
    private final HTMLElement testLoss = element("test-loss");
    private final HTMLElement testAccuracy = element("test-accuracy");
    private final HTMLElement paramCount = element("param-count");
    private final HTMLElement dataCounts = element("data-counts");
    private final HTMLElement notes = element("notes");
    private final HTMLElement notesTitle = element("notes-title");
    private final HTMLElement notesList = element("notes-list");
    private final HTMLElement diverged = element("diverged");
    private final HTMLElement divergedMessage = element("diverged-message");
    private final HTMLElement perf = element("perf");

    private Settings settings;
    private Session session;
    private Inspector inspector;
    private boolean playing;
    private boolean frameRequested;
    private String shownLink = ""; // the settings the controls show, as a link
    private String writtenHash = ""; // the address bar's hash as this page last wrote it
    // Measured, for the footer: an average of frame intervals while playing, and the last frame's costs.
    private double lastFrameAt;
    private double frameInterval;
    private double trainMs;
    private double paintMs;
    private int stepsLastFrame;

    public static void main(String[] args) {
        HTMLDocument document = HTMLDocument.current();
        document.getElementById("engine").setTextContent(args.length > 0 ? args[0] : "unknown");
        HTMLElement status = document.getElementById("status");
        try {
            new Playground().start();
            status.setTextContent("ready");
        } catch (RuntimeException e) {
            status.setTextContent("error: " + e.getMessage());
            status.setClassName("error");
            throw e;
        }
    }

    private Playground() {
        controls = new Controls(document, this::edited);
        layers = new LayerEditor(document, this::edited);
        boundary = new BoundaryPainter(document, (HTMLCanvasElement) element("boundary"));
        chart = new ChartPainter((HTMLCanvasElement) element("chart"));
        hiddenToggle = new HiddenLayerToggle(document, this::edited);
        new Tour(document);
    }

    private void start() {
        Settings.Parsed link = Settings.fromHash(window.getLocation().getHash(), Session.LINK_KEYS);
        settings = link.settings;
        session = new Session(settings);
        List<String> linkNotes = new ArrayList<>(link.notes);
        linkNotes.addAll(session.applyLink(link.extra));
        dataEditor = new DataEditor(document, (HTMLCanvasElement) element("boundary"), session, this::pointsEdited);
        transfer = new ModelTransfer(document, session, new ModelTransfer.Listener() {
            @Override
            public void imported(ModelFile.Contents contents) {
                importModel(contents);
            }

            @Override
            public void linkOptionChanged() {
                writeLink();
            }
        });
        transfer.setIncludeWeights(link.extra.containsKey("w"));
        showNotes(LINK_NOTES, linkNotes);
        writeLink();
        inspector = new Inspector(document, session, (HTMLCanvasElement) element("boundary"), new Inspector.Host() {
            public void changed() {
                Playground.this.changed();
            }

            public void pause() {
                setPlaying(false);
            }

            public void stepped(Trainer.Result result) {
                check(result);
                Playground.this.changed();
            }
        });

        play.addEventListener("click", e -> setPlaying(!playing));
        element("step").addEventListener("click", e -> stepOnce());
        element("reset").addEventListener("click", e -> reset());
        element("diverged-reset").addEventListener("click", e -> reset());
        element("new-weights").addEventListener("click", e -> edited("init", next(settings.weightSeed)));
        element("new-data").addEventListener("click", e -> edited("seed", next(settings.dataSeed)));
        document.addEventListener("keydown", e -> key((KeyboardEvent) e));
        // A link pasted into the address bar of an open page.
        window.addEventListener("hashchange", e -> readLink());
        window.addEventListener("resize", e -> {
            boundary.fit();
            chart.fit();
            changed();
        });
        paint(); // the readouts are filled in before the page says "ready"
    }

    // ---- settings and the link ----

    /** A person changed one setting: take it (or the nearest allowed value), then rebuild what it affects. */
    private void edited(String key, String text) {
        String note = settings.set(key, text);
        List<String> said = new ArrayList<>();
        if (note != null) {
            said.add(note);
        }
        if (session.changesData(settings) && (session.fromFile() || !session.edits().isEmpty())) {
            said.add(session.fromFile() ? "the imported data was replaced: new data settings make new data"
                    : "the points added or removed by hand were dropped: new data settings make new data");
        }
        showNotes(SETTING_NOTES, said);
        Session.Change change = session.apply(settings);
        if (change == Session.Change.DATA || change == Session.Change.MODEL) {
            restarted();
        }
        writeLink();
        changed();
    }

    private void readLink() {
        if (writtenHash.equals(window.getLocation().getHash())) {
            return; // our own link
        }
        Settings.Parsed link = Settings.fromHash(window.getLocation().getHash(), Session.LINK_KEYS);
        setPlaying(false);
        List<String> linkNotes = session.open(link);
        settings = session.settings();
        transfer.setIncludeWeights(link.extra.containsKey("w"));
        showNotes(LINK_NOTES, linkNotes);
        restarted();
        writeLink();
        changed();
    }

    /**
     * Every setting, the hand edits and (if asked for) the weights into the address bar, without a
     * history entry per change. Not while playing: the weights change every step.
     */
    private void writeLink() {
        String hash = "#" + settings.toHash() + session.linkExtras(transfer.includeWeights());
        if (!hash.equals(writtenHash)) {
            window.getHistory().replaceState(null, "", hash);
            writtenHash = hash;
        }
    }

    /** Points were added, removed or cleared: the model trains on, the link and picture follow. */
    private void pointsEdited() {
        writeLink();
        changed();
    }

    /** A model file passed every check: its settings, data, weights and step count replace ours. */
    private void importModel(ModelFile.Contents contents) {
        setPlaying(false);
        List<String> said = session.load(contents);
        settings = session.settings();
        showNotes(FILE_NOTES, said);
        restarted();
        writeLink();
        changed();
    }

    private static String next(int seed) {
        return Integer.toString(Settings.nextSeed(seed));
    }

    private static final String LINK_NOTES = "Some of the link's settings were not used as given:";
    private static final String SETTING_NOTES = "Note:";
    private static final String FILE_NOTES = "About the imported file:";

    /** Notes about settings not taken as given; untrusted text, so only ever as text content. */
    private void showNotes(String title, List<String> lines) {
        notesTitle.setTextContent(title);
        while (notesList.getFirstChild() != null) {
            notesList.removeChild(notesList.getFirstChild());
        }
        for (String line : lines) {
            HTMLElement item = document.createElement("li");
            item.setTextContent(line);
            notesList.appendChild(item);
        }
        show(notes, !lines.isEmpty());
    }

    // ---- training ----

    private void setPlaying(boolean on) {
        playing = on;
        play.setTextContent(on ? "❚❚ Pause" : "▶ Play");
        play.setAttribute("aria-pressed", on ? "true" : "false");
        lastFrameAt = 0;
        if (on) {
            show(diverged, false);
            requestFrame();
        }
    }

    private void stepOnce() {
        setPlaying(false);
        check(session.step());
        changed();
    }

    private void reset() {
        setPlaying(false);
        session.reset();
        restarted();
        changed();
    }

    /** Step 0 again (reset, new weights, new data, new network): the chart and any alarm start over. */
    private void restarted() {
        curve.clear();
        show(diverged, false);
    }

    /** Stops at a step whose loss or gradient is not finite; the weights are still the last good ones. */
    private boolean check(Trainer.Result result) {
        if (!result.diverged) {
            return true;
        }
        setPlaying(false);
        divergedMessage.setTextContent("Training diverged (loss is NaN/∞) after step " + result.step
                + ". Try a smaller learning rate, then reset.");
        show(diverged, true);
        return false;
    }

    private void key(KeyboardEvent e) {
        HTMLElement target = (HTMLElement) e.getTarget();
        String tag = target.getTagName();
        if (tag.equals("INPUT") || tag.equals("SELECT") || tag.equals("TEXTAREA") || e.isCtrlKey()
                || e.isMetaKey() || e.isAltKey()) {
            return; // typing, or a browser shortcut
        }
        if (e.getKey().equals(" ")) {
            e.preventDefault(); // not a page scroll, nor a click on the focused button
            setPlaying(!playing);
        } else if (e.getKey().equals("s")) {
            e.preventDefault();
            stepOnce();
        }
    }

    // ---- frames ----

    /** Something on screen is out of date: paint it in the next frame. */
    private void changed() {
        requestFrame();
    }

    private void requestFrame() {
        if (!frameRequested) {
            frameRequested = true;
            Window.requestAnimationFrame(this::frame);
        }
    }

    private void frame(double timestamp) {
        frameRequested = false;
        double start = Performance.now();
        stepsLastFrame = 0;
        if (playing) {
            if (lastFrameAt > 0) {
                double interval = start - lastFrameAt;
                frameInterval = frameInterval == 0 ? interval : 0.9 * frameInterval + 0.1 * interval;
            }
            lastFrameAt = start;
            do {
                stepsLastFrame++;
                if (!check(session.step())) {
                    break;
                }
            } while (stepsLastFrame < settings.speed && Performance.now() - start < FRAME_BUDGET_MS);
        }
        double trained = Performance.now();
        paint();
        double painted = Performance.now();
        trainMs = trained - start;
        paintMs = painted - trained;
        showPerf();
        if (playing) {
            requestFrame();
        } else {
            writeLink(); // the weights, if the link carries them, once training pauses
        }
    }

    private void paint() {
        Session.Readout r = session.readout();
        curve.record(r);
        boolean hasTest = session.test().size() > 0;
        Dom.text(stepCount, Integer.toString(r.step));
        Dom.text(epochCount, Integer.toString(r.epoch));
        Dom.text(trainLoss, Session.Readout.fixed(r.trainLoss, 4));
        Dom.text(trainAccuracy, Session.Readout.percent(r.trainAccuracy));
        Dom.text(testLoss, hasTest ? Session.Readout.fixed(r.testLoss, 4) : "—");
        Dom.text(testAccuracy, hasTest ? Session.Readout.percent(r.testAccuracy) : "—");
        Dom.text(paramCount, Integer.toString(r.parameters));
        Dom.text(dataCounts, session.train().size() + " training points, " + session.test().size() + " test");
        String link = settings.toHash();
        if (!link.equals(shownLink)) { // the controls only change with the settings, not every frame
            controls.show(settings, focusedId());
            layers.show(settings.layers);
            hiddenToggle.show(settings.layers);
            shownLink = link;
        }
        transfer.show(r.parameters);

        int side = session.gridSide();
        if (grid.length != side * side) {
            grid = new double[side * side];
            heat = new int[side * side];
        }
        session.grid(side, side, grid);
        HeatMap.paint(grid, grid.length, session.boundedOutput(), settings.discretize, heat);
        boundary.paint(heat, side, session.view(), session.train(), session.test(), settings.showTest);
        chart.paint(curve);
        inspector.paint(playing);
    }

    private void showPerf() {
        String text = "last frame: " + stepsLastFrame + " steps in " + Session.Readout.fixed(trainMs, 1)
                + " ms, painting " + Session.Readout.fixed(paintMs, 1) + " ms";
        if (playing && frameInterval > 0) {
            text += " · " + Session.Readout.fixed(1000 / frameInterval, 0) + " fps";
        }
        perf.setTextContent(text);
    }

    // ---- helpers ----

    private String focusedId() {
        HTMLElement active = document.getActiveElement();
        return active == null ? null : active.getAttribute("id");
    }

    private HTMLElement element(String id) {
        return Dom.element(document, id);
    }

    private static void show(HTMLElement e, boolean visible) {
        Dom.show(e, visible);
    }
}

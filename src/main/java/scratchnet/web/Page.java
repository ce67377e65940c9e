package scratchnet.web;

import scratchnet.playground.Keeping;
import scratchnet.playground.Notes;
import scratchnet.playground.Playground;
import scratchnet.playground.picture.Tool;
import scratchnet.playground.session.Readout;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import scratchnet.web.inspector.InspectorPanel;

/**
 * The browser page: binds its elements to a {@link Playground} and runs the frame loop that trains
 * and paints. Compiled by TeaVM to both JavaScript and Wasm GC; webapp/loader.js calls
 * {@code main(new String[] {engine})} with engine {@code "wasm"} or {@code "js"}. When wiring is
 * done {@code #status} says "ready".
 *
 * <p>One frame: the playground's training for the frame, then the readouts, the heat map, the
 * chart and the inspector. Frames are only requested while playing or when something changed, so
 * an idle page costs nothing.
 */
public final class Page {
    private final HTMLDocument document = HTMLDocument.current();
    private final Window window = Window.current();
    private final Playground playground;
    private final Controls controls;
    private final LayerEditor layers;
    private final DatasetPicker datasets;
    private final BoundaryPainter boundary;
    private final BoundaryPainter boundaryB; // run B's picture while two runs are compared
    private final CompareBar compareBar;
    private final LessonPanel lesson;
    private final ChartPainter chart;
    private final ModelTransfer transfer;
    private final InspectorPanel inspector;
    private final HTMLCanvasElement picture = (HTMLCanvasElement) element("boundary");
    private final HTMLElement pictureCaption = element("picture-caption");

    // Looked up once.
    private final HTMLElement play = element("play");
    private final HTMLElement stepCount = element("step-count");
    private final HTMLElement epochCount = element("epoch-count");
    private final HTMLElement trainLoss = element("train-loss");
    private final HTMLElement trainAccuracy = element("train-accuracy");
    private final HTMLElement testLoss = element("test-loss");
    private final HTMLElement testAccuracy = element("test-accuracy");
    private final HTMLElement trainLossB = element("b-train-loss");
    private final HTMLElement trainAccuracyB = element("b-train-accuracy");
    private final HTMLElement testLossB = element("b-test-loss");
    private final HTMLElement testAccuracyB = element("b-test-accuracy");
    private final HTMLElement paramCount = element("param-count");
    private final HTMLElement dataCounts = element("data-counts");
    private final HTMLElement notes = element("notes");
    private final HTMLElement notesTitle = element("notes-title");
    private final HTMLElement notesList = element("notes-list");
    private final HTMLElement diverged = element("diverged");
    private final HTMLElement divergedMessage = element("diverged-message");
    private final HTMLElement perf = element("perf");
    private final HTMLElement trainNote = element("train-note");
    private final HTMLElement stopped = element("stopped");
    private final HTMLElement stalled = element("stalled");
    private final HTMLElement currentLr = element("current-lr");
    private final HTMLElement lrLegend = element("lr-legend");
    private final HTMLElement scalingNote = element("scaling-note");
    private final HTMLElement pictureAxes = element("picture-axes");
    private final HTMLElement linkNote = element("link-note");
    private final HTMLElement hiddenToggle = element("toggle-hidden");
    private final HTMLSelectElement clickMode = (HTMLSelectElement) element("click-mode");
    private final HTMLElement clickMessage = element("click-message");
    private final HTMLSelectElement paintClass = (HTMLSelectElement) element("paint-class");
    private final HTMLElement legend = element("picture-legend");
    private final HTMLElement undo = element("undo");
    private final HTMLElement redo = element("redo");
    private boolean pressed; // a press on the picture, until released
    private final HTMLElement startFresh = element("start-fresh");
    private final HTMLElement restorePrevious = element("restore-previous");
    // Autosave: the session kept in localStorage, and the one a shared link displaced.
    private static final double SAVE_EVERY_MS = 2000; // while playing
    private double savedAt;
    private SessionsPanel sessions;
    private boolean sessionsStale; // another tab changed what is kept: list again at the next save

    private boolean playing;
    private boolean diagramDrawn; // the network diagram and the datasets' pictures: drawn once near the screen (warmUp)
    private boolean datasetsDrawn;
    private boolean frameRequested;
    private String shownSettings = ""; // the settings the controls show, as a link
    private String writtenHash = ""; // the address bar's hash as this page last wrote it

    public static void main(String[] args) {
        HTMLDocument document = HTMLDocument.current();
        Dom.element(document, "engine").setTextContent(args.length > 0 ? args[0] : "unknown");
        HTMLElement status = Dom.element(document, "status");
        try {
            Page page = new Page();
            page.start();
            status.setTextContent("ready");
            page.warmUp(status);
        } catch (RuntimeException e) {
            failed(status, e);
        }
    }

    private static void failed(HTMLElement status, RuntimeException e) {
        status.setTextContent("error: " + e.getMessage());
        status.setClassName("error");
        throw e;
    }

    /**
     * The start-up's first paint has the toolbar, the picture and the readouts; the network diagram
     * and the datasets' pictures are drawn in tasks of their own once they come near the screen (on
     * a phone they lie below the fold), so no one task blocks the page long (Lighthouse's total
     * blocking time). {@code <html data-drawn="1">} says when both are drawn.
     */
    private void warmUp(HTMLElement status) {
        WhenSeen.run(element("network"), () -> guarded(status, () -> {
            diagramDrawn = true;
            inspector.paint(playing);
            drawn();
        }));
        WhenSeen.run(element("dataset-pictures"), () -> guarded(status, () -> {
            datasetsDrawn = true;
            datasets.show(playground);
            drawn();
        }));
    }

    private void drawn() {
        if (diagramDrawn && datasetsDrawn) {
            document.getDocumentElement().setAttribute("data-drawn", "1"); // tests wait for it
        }
    }

    private static void guarded(HTMLElement status, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            failed(status, e);
        }
    }

    private Page() {
        playground = new Playground(window.getLocation().getHash());
        controls = new Controls(document, this::edited);
        layers = new LayerEditor(document, this::edited);
        datasets = new DatasetPicker(document, this::edited);
        boundary = new BoundaryPainter(document, picture);
        boundaryB = new BoundaryPainter(document, (HTMLCanvasElement) element("boundary-b"));
        lesson = new LessonPanel(document, playground, this::changed);
        compareBar = new CompareBar(document, playground, () -> {
            writeLink();
            changed();
        });
        chart = new ChartPainter((HTMLCanvasElement) element("chart"));
        transfer = new ModelTransfer(document, playground, new ModelTransfer.Listener() {
            @Override
            public void imported(Notes said) {
                setPlaying(false);
                showNotes(said);
                writeLink();
                changed();
            }

            @Override
            public void linkOptionChanged() {
                writeLink();
            }
        });
        new CsvTransfer(document, playground, transfer, this::pointsImported);
        inspector = new InspectorPanel(document, playground.inspector(), new InspectorPanel.Host() {
            @Override
            public void changed() {
                Page.this.changed();
            }

            @Override
            public void runPhase() {
                setPlaying(false);
                playground.runPhase();
                Page.this.changed();
            }

            @Override
            public void lesson(boolean on) {
                setPlaying(false);
                took(playground.set("lesson", on ? "1" : "0"));
            }

            @Override
            public void step() {
                stepOnce();
            }

            @Override
            public void reset() {
                Page.this.reset();
            }

            @Override
            public void set(String key, String text) {
                took(playground.set(key, text));
            }

            @Override
            public String setting(String key) {
                return playground.setting(key);
            }
        });
        new Tour(document, new LiveTour(playground, inspector, () -> setPlaying(false), this::changed));
    }

    private void start() {
        showNotes(playground.openingNotes());
        resume();
        writeLink();
        play.addEventListener("click", e -> setPlaying(!playing));
        element("step").addEventListener("click", e -> stepOnce());
        element("reset").addEventListener("click", e -> reset());
        element("diverged-reset").addEventListener("click", e -> reset());
        element("new-weights").addEventListener("click", e -> took(playground.newWeights()));
        element("new-data").addEventListener("click", e -> took(playground.newData()));
        hiddenToggle.addEventListener("click", e -> took(playground.toggleHidden()));
        clickMode.addEventListener("change", e -> {
            playground.picture().setTool(clickMode.getValue());
            picture.setAttribute("data-mode", clickMode.getValue()); // the cursor, in style.css
            clickMessage.setTextContent("");
            boolean paints = clickMode.getValue().equals("add") || clickMode.getValue().equals("brush");
            Dom.show(paintClass, paints); // the class matters only to a tool that makes points
            Dom.show(element("paint-class-label"), paints);
        });
        paintClass.addEventListener("change", e -> playground.picture().setPaintValue(paintClass.getValue()));
        // The picture's one set of pointer listeners: the playground decides what a press and a drag mean.
        picture.addEventListener("pointerdown", e -> {
            MouseEvent m = (MouseEvent) e;
            pressed = true;
            pictureSaid(playground.picture().press(m.getOffsetX(), m.getOffsetY(), picture.getClientWidth(),
                    picture.getClientHeight()));
        });
        picture.addEventListener("pointermove", e -> {
            if (pressed) {
                MouseEvent m = (MouseEvent) e;
                pictureSaid(playground.picture().drag(m.getOffsetX(), m.getOffsetY(), picture.getClientWidth(),
                        picture.getClientHeight()));
            }
        });
        picture.addEventListener("pointerup", e -> released());
        picture.addEventListener("pointerleave", e -> released());
        element("clear-points").addEventListener("click", e -> pictureSaid(playground.picture().clearPoints()));
        undo.addEventListener("click", e -> undoOrRedo(false));
        redo.addEventListener("click", e -> undoOrRedo(true));
        document.addEventListener("keydown", e -> key((KeyboardEvent) e));
        window.addEventListener("pagehide", e -> { // closing or leaving mid-training: kept, and no longer open
            save();
            playground.keeping().leave();
        });
        // A link pasted into the address bar of an open page.
        window.addEventListener("hashchange", e -> readLink());
        window.addEventListener("resize", e -> {
            boundary.fit();
            boundaryB.fit();
            chart.fit();
            inspector.refresh();
            changed();
        });
        paint(); // the readouts are filled in before the page says "ready"
    }

    // ---- kept in the browser ----

    /**
     * The session this browser kept: resumed when the page opens without a link or with its own
     * (a reload), with a note and "start fresh"; a shared link wins, and the kept session waits
     * behind "restore my last session".
     */
    private void resume() {
        Keeping keeping = playground.keeping();
        LocalStore.tab(keeping.keepIn(LocalStore.STORE, LocalStore.tab(), LocalStore.freshTab(), LocalStore::now));
        sessions = new SessionsPanel(document, keeping, key -> {
            setPlaying(false);
            showNotes(keeping.restoreKept(key));
            afterRestore();
        });
        window.addEventListener("storage", e -> { // another tab saved, took or deleted one (not its heartbeats)
            sessionsStale |= LocalStore.key(e).startsWith("scratchnet.session");
        });
        Window.setInterval(keeping::beat, 3000); // open, idle or not
        startFresh.addEventListener("click", e -> {
            setPlaying(false);
            showNotes(keeping.startFresh());
            Dom.show(startFresh, false);
            afterRestore();
        });
        restorePrevious.addEventListener("click", e -> {
            setPlaying(false);
            showNotes(keeping.restorePrevious());
            Dom.show(restorePrevious, false);
            afterRestore();
        });
        Notes said = keeping.resumeAtOpen(window.getLocation().getHash());
        if (said != null) {
            showNotes(said);
        }
        Dom.show(startFresh, keeping.resumed());
        Dom.show(restorePrevious, keeping.previousWaiting());
        if (keeping.resumed()) {
            afterRestore();
        }
        save();
        sessions.refresh();
    }

    private void afterRestore() {
        sessionsStale = true; // listed afresh at the next save
        shownSettings = "";
        transfer.showWeightsOption();
        writeLink();
        changed();
    }

    /** Keeps this tab's session if it changed (and says it is open); says what was dropped for room, or once that it cannot be kept. */
    private void save() {
        savedAt = Performance.now();
        Notes said = playground.keeping().keep();
        if (said != null) {
            showNotes(said);
            sessionsStale = true;
        }
        sessionsStale |= !playing && playground.keeping().wrote(); // this tab's row says its step (not every 2 s while playing)
        if (sessionsStale && sessions != null) {
            sessionsStale = false;
            sessions.refresh();
        }
    }

    // ---- CSV ----

    /** Imported points: new data and settings; the legend and paint picker too, even if the settings read the same. */
    private void pointsImported(Notes said) {
        setPlaying(false);
        showNotes(said);
        shownSettings = ""; // showProblem runs on the next paint
        transfer.showWeightsOption();
        writeLink();
        changed();
    }

    // ---- the picture's tools ----

    /** After a press or drag on the picture: its message, and the data may have changed. */
    private void pictureSaid(String said) {
        if (playground.picture().tool() != Tool.INSPECT) {
            clickMessage.setTextContent(said);
        }
        changed();
    }

    private void released() {
        if (pressed) {
            pressed = false;
            playground.picture().release();
            writeLink();
        }
    }

    private void undoOrRedo(boolean forward) {
        if (forward ? playground.redo() : playground.undo()) {
            clickMessage.setTextContent("");
            shownSettings = ""; // an undone import or new data may bring other settings
            transfer.showWeightsOption();
            writeLink();
            changed();
        }
    }

    // ---- settings and the link ----

    /** A person changed one setting. */
    private void edited(String key, String text) {
        shownSettings = ""; // the controls show what was taken, even when it was refused (run B's loss, say)
        took(playground.set(key, text));
    }

    /** A setting or button changed the settings: say what was not taken as given, follow in the link. */
    private void took(Notes said) {
        showNotes(said);
        writeLink();
        changed();
    }

    private void readLink() {
        if (writtenHash.equals(window.getLocation().getHash())) {
            return; // our own link
        }
        setPlaying(false);
        showNotes(playground.open(window.getLocation().getHash()));
        transfer.showWeightsOption();
        writeLink();
        changed();
    }

    /** The link into the address bar, without a history entry per change. Not while playing: the weights change every step. */
    private void writeLink() {
        String hash = playground.link();
        if (!hash.equals(writtenHash)) {
            window.getHistory().replaceState(null, "", hash);
            writtenHash = hash;
        }
    }

    /** Notes about what was not taken as given; untrusted text, so only ever as text content. */
    private void showNotes(Notes said) {
        notesTitle.setTextContent(said.title);
        Dom.clear(notesList);
        for (String line : said.lines) {
            HTMLElement item = document.createElement("li");
            item.setTextContent(line);
            notesList.appendChild(item);
        }
        Dom.show(notes, !said.lines.isEmpty());
    }

    // ---- training ----

    private void setPlaying(boolean on) {
        if (on && !playground.canTrain()) {
            on = false; // the note says why
            changed();
        }
        playing = on;
        play.setTextContent(on ? "❚❚ Pause" : "▶ Play");
        play.setAttribute("aria-pressed", on ? "true" : "false");
        playground.meter().restart();
        if (on) {
            playground.resume();
            requestFrame();
        }
    }

    private void stepOnce() {
        setPlaying(false);
        playground.step();
        changed();
    }

    private void reset() {
        setPlaying(false);
        playground.reset();
        changed();
    }

    private void key(KeyboardEvent e) {
        HTMLElement target = (HTMLElement) e.getTarget();
        String tag = target.getTagName();
        if (tag.equals("INPUT") || tag.equals("SELECT") || tag.equals("TEXTAREA")) {
            return; // typing: the field's own keys, its own undo
        }
        String k = e.getKey().toLowerCase();
        if ((e.isCtrlKey() || e.isMetaKey()) && !e.isAltKey() && (k.equals("z") || k.equals("y"))) {
            e.preventDefault();
            undoOrRedo(k.equals("y") || e.isShiftKey());
            return;
        }
        if (e.isCtrlKey() || e.isMetaKey() || e.isAltKey()) {
            return; // a browser shortcut
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
        int steps = 0;
        if (playing) {
            steps = playground.train(Performance::now);
            if (playground.diverged() != null || playground.stopped() != null || steps == 0) {
                setPlaying(false);
            }
        }
        double trained = Performance.now();
        paint();
        playground.meter().frame(playing, start, steps, trained, Performance.now());
        perf.setTextContent(playground.meter().text());
        if (playing) {
            if (Performance.now() - savedAt > SAVE_EVERY_MS) {
                save();
            }
            requestFrame();
        } else {
            writeLink(); // the weights, if the link carries them, once training pauses
            save();
        }
    }

    private void paint() {
        Readout r = playground.readout();
        Dom.text(stepCount, Integer.toString(r.step));
        Dom.text(epochCount, Integer.toString(r.epoch));
        Dom.text(trainLoss, r.trainLossText());
        Dom.text(trainAccuracy, r.trainAccuracyText());
        Dom.text(testLoss, r.testLossText());
        Dom.text(testAccuracy, r.testAccuracyText());
        Dom.text(paramCount, Integer.toString(r.parameters));
        Dom.text(dataCounts, playground.pointsText());
        Dom.text(currentLr, r.learningRateText());
        String why = playground.diverged();
        if (why != null) {
            Dom.text(divergedMessage, why);
        }
        Dom.show(diverged, why != null);
        String stop = playground.stopped();
        Dom.note(stopped, stop == null ? null : stop + " — ▶ Play goes on");
        Dom.note(stalled, playground.stalled());
        Dom.note(trainNote, playground.trainingNote());
        Dom.note(scalingNote, playground.picture().scalingText());
        Dom.text(pictureAxes, playground.picture().view().axesText()); // the marks the picture draws, as text
        if (playground.twoRuns().comparing()) {
            Readout b = playground.twoRuns().readoutB();
            Dom.text(trainLossB, b.trainLossText());
            Dom.text(trainAccuracyB, b.trainAccuracyText());
            Dom.text(testLossB, b.testLossText());
            Dom.text(testAccuracyB, b.testAccuracyText());
        }
        String settings = playground.settingsText() + playground.twoRuns().comparisonText();
        if (!settings.equals(shownSettings)) { // the controls only change with the settings, not every frame
            controls.show(playground.twoRuns().shownSettings(), focusedId());
            controls.mark(playground.twoRuns().editingB() ? playground.twoRuns().differing() : java.util.List.of());
            compareBar.show();
            boundary.fit(); // a comparison halves the pictures' width, stopping it doubles it
            boundaryB.fit();
            layers.show(playground.settings().layers, playground.settings().get("activation"));
            if (datasetsDrawn) {
                datasets.show(playground);
            }
            Dom.text(hiddenToggle, playground.hiddenToggleText());
            hiddenToggle.setAttribute("aria-pressed", playground.hiddenLayersRemoved() ? "true" : "false");
            transfer.showWeightsOption();
            showProblem();
            showEmbed();
            shownSettings = settings;
        }
        Dom.note(linkNote, playground.linkNote());
        showUndo(undo, playground.undoText(), "↶");
        showUndo(redo, playground.redoText(), "↷");
        lesson.show();
        if (!playground.lesson()) { // the lesson has no plane: its examples' table stands in the picture's place
            boundary.paint(playground);
        }
        if (playground.twoRuns().comparing() && !playground.lesson()) {
            boundaryB.paint(playground, true);
        }
        String caption = playground.picture().caption(); // a neuron previewed from the network diagram
        Dom.note(pictureCaption, caption.isEmpty() ? null : caption);
        chart.paint(playground.curve(), playground.twoRuns().curveB());
        Dom.show(lrLegend, playground.curve().learningRateVaries()
                || (playground.twoRuns().comparing() && playground.twoRuns().curveB().learningRateVaries()));
        if (diagramDrawn) {
            inspector.paint(playing);
        }
        boundary.ring(playground.inspector().selectedPoint(), playground.picture().view());
    }

    /** An undo or redo button: enabled with what it would do as its title, or disabled. */
    private static void showUndo(HTMLElement button, String what, String text) {
        Dom.text(button, text);
        if (what == null) {
            Dom.attribute(button, "disabled", "");
        } else {
            if (button.hasAttribute("disabled")) {
                button.removeAttribute("disabled");
            }
            Dom.attribute(button, "title", what);
        }
    }

    /** Embed mode: a class on the document that style.css reads, and the way out to the full page. */
    private void showEmbed() {
        HTMLElement html = document.getDocumentElement();
        boolean embed = playground.settings().embed;
        if (embed) { // only this class: others (before-paint.js's tour-dismissed) stay
            html.getClassList().add("embed");
        } else {
            html.getClassList().remove("embed");
        }
        ((org.teavm.jso.dom.html.HTMLAnchorElement) element("embed-full")).setHref("index.html"
                + playground.fullPageLink());
    }

    /** What depends on the kind of problem: the paint picker's choices and the picture's legend. */
    private void showProblem() {
        Dom.clear(paintClass);
        for (String[] c : playground.picture().paintClasses()) {
            HTMLElement option = document.createElement("option");
            option.setAttribute("value", c[0]);
            option.setTextContent(c[1]);
            paintClass.appendChild(option);
        }
        paintClass.setValue(playground.picture().paintValue());
        Dom.clear(legend);
        for (String[] item : playground.picture().legend()) {
            HTMLElement swatch = document.createElement("span");
            swatch.setClassName("swatch class-swatch");
            swatch.getStyle().setProperty("background", item[0]); // the style object: allowed by the policy
            legend.appendChild(swatch);
            HTMLElement text = document.createElement("span");
            text.setTextContent(item[1]);
            legend.appendChild(text);
        }
    }

    // ---- helpers ----

    private String focusedId() {
        HTMLElement active = document.getActiveElement();
        return active == null ? null : active.getAttribute("id");
    }

    private HTMLElement element(String id) {
        return Dom.element(document, id);
    }
}

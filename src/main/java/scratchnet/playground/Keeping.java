package scratchnet.playground;

import scratchnet.playground.export.CodeExport;
import scratchnet.playground.session.DatasetPictures;
import scratchnet.playground.session.History;
import scratchnet.playground.session.Run;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.Autosave;
import scratchnet.playground.share.DataCsv;
import scratchnet.playground.share.ModelFile;
import scratchnet.playground.share.Shelf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import scratchnet.data.Dataset;
import scratchnet.io.PointTable;

/**
 * The door's part for what is kept: model files and CSV points in and out, the session the
 * browser keeps between visits, and the whole-session states of undo. Whatever it reads is
 * checked first: a bad file or a damaged saved session changes nothing.
 */
public final class Keeping {
    /** A file or text that was refused, saying what is wrong and where; nothing was changed. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** What a CSV import would take: whether it can, and the points' summary or what is wrong. */
    public static final class Preview {
        /** True if the text can be imported as it is. */
        public final boolean ok;
        /** E.g. "412 points, 3 classes (cat: 140, dog: 136, bird: 136), x in [-2.31, 4.50], y in [0, 1000]"; or the error. */
        public final String text;

        Preview(boolean ok, String text) {
            this.ok = ok;
            this.text = text;
        }
    }

    /** The longest model file and CSV text read, in characters (a file of more is refused by its size first). */
    public static final int MAX_FILE_CHARS = ModelFile.MAX_CHARS;
    public static final int MAX_CSV_CHARS = DataCsv.MAX_CHARS;
    /** The CSV format in a sentence, and the names of the files offered for download. */
    public static final String CSV_FORMAT = DataCsv.FORMAT;
    public static final String CSV_NAME = DataCsv.NAME;
    public static final String PYTHON_NAME = CodeExport.PYTHON_NAME;
    public static final String JAVA_NAME = CodeExport.JAVA_NAME;

    private final Playground door;

    Keeping(Playground door) {
        this.door = door;
    }

    private Session session() {
        return door.session;
    }

    // ---- model files ----

    /** The model, its data and settings as a JSON file ({@link ModelFile}). */
    public String exportFile() {
        return ModelFile.write(session());
    }

    public String exportName() {
        return "scratchnet-model-step" + door.steps() + ".json";
    }

    /** Imports a model file: its settings, data, weights and step count replace ours (undoable). */
    public Notes importFile(String text) throws Refused {
        ModelFile.Contents contents = read(text);
        door.history.record(History.State.session("import", exportFile()));
        List<String> said = ModelFile.load(contents, session());
        said.addAll(door.runs.restarted()); // what run B could not keep, when comparing
        return new Notes(Notes.FILE, said);
    }

    private static ModelFile.Contents read(String text) throws Refused {
        try {
            return ModelFile.read(text);
        } catch (ModelFile.InvalidModel e) {
            throw new Refused(e.getMessage());
        }
    }

    // ---- CSV ----

    /**
     * What importing {@code text} as points of {@code kind} ("auto", "classes" or "regression")
     * would take: the points' summary, or why it cannot (naming the line and column). Changes nothing.
     */
    public Preview previewCsv(String text, String kind) {
        try {
            return new Preview(true, DataCsv.read(text, kind).summary);
        } catch (DataCsv.Invalid e) {
            return new Preview(false, e.getMessage());
        }
    }

    /**
     * Imports CSV or TSV points ({@link DataCsv}) as the data: split into training and test points
     * by the split and data seed, the settings made to fit their kind of problem, a fresh model.
     * Undoable; a link cannot carry the points ({@code src=file}).
     *
     * @throws Refused as {@link #previewCsv} says
     */
    public Notes importCsv(String text, String kind) throws Refused {
        PointTable table;
        try {
            table = DataCsv.read(text, kind);
        } catch (DataCsv.Invalid e) {
            throw new Refused(e.getMessage());
        }
        Dataset points = DataCsv.dataset(table);
        List<String> said = new ArrayList<>();
        Settings next = DataCsv.settingsFor(session().current(), points.classes, said);
        door.history.record(History.State.session("import points", exportFile()));
        session().importPoints(next, points, DataCsv.names(table));
        List<String> fork = door.runs.restarted();
        Settings s = session().current();
        said.add(0, table.summary + ": " + session().train().size() + " training and " + session().test().size()
                + " test points (split " + s.split + "%, data seed " + s.dataSeed + ")");
        said.add("a link cannot carry imported points: it opens the settings' dataset (" + s.data.label
                + (s.regression() ? "" : ", " + s.classCount() + " classes")
                + ") instead; keep them with “Export points (CSV)” or “Export model + data”");
        said.addAll(fork); // what run B could not keep, when comparing
        return new Notes(Notes.CSV, said);
    }

    /** Every point, training and test, with the hand edits, as CSV ({@link DataCsv#write}). */
    public String exportCsv() {
        return DataCsv.write(session().points(), session().classes(), session().classNames());
    }

    // ---- kept in the browser ----

    /** The session as the browser keeps it between visits ({@link Autosave}): link, weights option, model file(s). */
    public String saveText() {
        return saveText(Double.NaN);
    }

    private String saveText(double time) {
        Run b = door.runs.b();
        return Autosave.write(door.link(), door.weightsAsked(), exportFile(), b == null ? null : ModelFile.write(b.session),
                time, summary());
    }

    /** The session in a line, for the list: "moons · 8, 8 tanh · step 340". */
    String summary() {
        Settings s = session().current();
        String layers = s.get("layers");
        return s.get("data") + " · " + (layers.isEmpty() ? "no hidden layer" : layers.replace(",", ", ") + " "
                + s.get("activation").replace(",", ", ")) + " · step " + door.steps();
    }

    // ---- every session kept (Shelf) ----

    /** Where the sessions are kept: the page hands over the browser's localStorage. */
    public interface Store extends Shelf.Store {
    }

    /** One row of the list of kept sessions ({@code #sessions}). */
    public static final class KeptRow {
        /** Its key, for {@link #restoreKept} and {@link #deleteKept}. */
        public final String key;
        /** "moons · 8, 8 tanh · step 340 · 5 min ago · this tab". */
        public final String words;
        /** Its picture, {@code side} × {@code side} canvas pixels; null for one this page cannot read. */
        public final int[] picture;
        public final int side;
        /** It can be restored here (not this tab's own, not saved by a newer page). */
        public final boolean restorable;
        /** It can be deleted (not this tab's own). */
        public final boolean deletable;

        KeptRow(String key, String words, int[] picture, int side, boolean restorable, boolean deletable) {
            this.key = key;
            this.words = words;
            this.picture = picture;
            this.side = side;
            this.restorable = restorable;
            this.deletable = deletable;
        }
    }

    private Shelf shelf;
    private DoubleSupplier clock;
    private String lastKept = "";
    private boolean refusedSaid;
    private String setAside; // the session a shared link put aside, for "Restore my last session"
    private boolean resumed;
    private boolean wrote;
    private final Map<String, int[]> pictures = new HashMap<>();

    /**
     * Keeps the sessions in {@code store} from now on, this tab's under the id this returns (to
     * be kept in sessionStorage): {@code storedTab} unless another open tab uses it, else {@code freshTab}.
     */
    public String keepIn(Store store, String storedTab, String freshTab, DoubleSupplier clock) {
        String tab = Shelf.tabId(store, storedTab, freshTab, clock);
        shelf = new Shelf(store, tab, clock);
        this.clock = clock;
        return tab;
    }

    /**
     * When the page opens at {@code hash}: without a link, the most recent session comes back
     * (this tab's own after a reload, else the most recent closed one, which this tab takes on);
     * with this tab's own link, its session; another link wins and this tab's session is put
     * aside, listed and restorable. Null when there is nothing to say.
     */
    public Notes resumeAtOpen(String hash) {
        List<Shelf.Kept> kept = shelf.list();
        List<String> skipped = shelf.skipped();
        Shelf.Kept mine = null;
        for (Shelf.Kept k : kept) {
            mine = k.mine ? k : mine;
        }
        Notes said = null;
        if (Hash.read(hash).isEmpty() || mine != null && resumes(mine.text, hash)) {
            Shelf.Kept k = mine != null ? mine : shelf.resumable();
            if (k != null) {
                String note = shelf.take(k);
                said = restore(k.text);
                resumed = said.lines.size() > 0 && said.lines.get(0).startsWith("restored your last session");
                if (note != null) {
                    said = said.with(note);
                }
            }
        } else if (mine != null) {
            setAside = shelf.setAside();
            said = previousKept(door.openingNotes());
        }
        for (String why : skipped) {
            String line = "a session this browser kept could not be read (" + why + "), so it was skipped; the others are"
                    + " listed under “Your sessions”";
            said = said == null ? new Notes(Notes.RESTORED, List.of(line)) : said.with(line);
        }
        return said;
    }

    /** True if {@link #resumeAtOpen} brought a kept session back ("Start fresh" is offered then). */
    public boolean resumed() {
        return resumed;
    }

    /** True while a session a shared link put aside waits for "Restore my last session". */
    public boolean previousWaiting() {
        return setAside != null && shelf.find(setAside) != null;
    }

    /** "Restore my last session": the session the shared link put aside. */
    public Notes restorePrevious() {
        String key = setAside;
        setAside = null;
        return restoreKept(key);
    }

    /** "Start fresh": this tab's session is put aside (still listed) and the page opens at the defaults. */
    public Notes startFresh() {
        shelf.setAside();
        lastKept = "";
        return door.open("");
    }

    /**
     * Keeps this tab's session if it changed since the last call (and renews the tab's
     * heartbeat); null, or what to say: sessions dropped for room, or, once, that the browser will
     * not keep it.
     */
    public Notes keep() {
        String now = saveText(Double.NaN);
        wrote = false;
        if (now.equals(lastKept) || untouched()) { // a page opened and left as it came is not a session worth a slot
            shelf.beat();
            return null;
        }
        lastKept = now;
        wrote = true;
        List<String> said = new ArrayList<>();
        for (String line : shelf.save(saveText(clock.getAsDouble()))) {
            boolean refused = line.startsWith(Shelf.REFUSED);
            if (!refused || !refusedSaid) {
                said.add(line);
            }
            refusedSaid |= refused;
        }
        return said.isEmpty() ? null : new Notes(Notes.SETTING, said);
    }

    /** The page as a first visit opens it: the default settings, no edits, no step, no comparison. */
    private boolean untouched() {
        return door.steps() == 0 && door.link().equals("#" + new Settings().toHash());
    }

    /** True if the last {@link #keep} wrote this tab's session (it had changed). */
    public boolean wrote() {
        return wrote;
    }

    /** Renews this tab's heartbeat (the page does every few seconds, idle or not), so other tabs see it open. */
    public void beat() {
        shelf.beat();
    }

    /** This tab is closing: its session counts as closed at once (another tab may take it on). */
    public void leave() {
        shelf.leave();
    }

    /** The sessions kept, the most recent first, each with its words and picture. */
    public List<KeptRow> kept() {
        List<KeptRow> rows = new ArrayList<>();
        double now = clock.getAsDouble();
        for (Shelf.Kept k : shelf.list()) {
            String when = Shelf.ago(k.time, now);
            String words = (k.newer ? "saved by a newer version of this page: open it there" : k.summary.isEmpty()
                    ? "a session kept by an earlier version of this page" : k.summary)
                    + (when.isEmpty() ? "" : " · " + when) + (k.mine ? " · this tab" : k.open ? " · open in another tab" : "");
            rows.add(new KeptRow(k.key, words, k.newer ? null : picture(k), DatasetPictures.SIDE, !k.newer && !k.mine, !k.mine));
        }
        return rows;
    }

    private int[] picture(Shelf.Kept k) {
        String id = k.key + "@" + k.time + "@" + k.text.length();
        int[] p = pictures.get(id);
        if (p == null) {
            try {
                p = Autosave.picture(k.text);
            } catch (ModelFile.InvalidModel e) {
                return null;
            }
            if (pictures.size() > 40) {
                pictures.clear();
            }
            pictures.put(id, p);
        }
        return p;
    }

    /** Restores the kept session under {@code key} in this tab: this tab's own session is put aside first (listed, not lost). */
    public Notes restoreKept(String key) {
        Shelf.Kept k = shelf.find(key);
        if (k == null || k.newer || k.mine) {
            return new Notes(Notes.RESTORED, List.of("that session is no longer kept in this browser (another tab may have"
                    + " taken it on or deleted it)"));
        }
        shelf.save(saveText(clock.getAsDouble())); // this tab's latest first, so putting it aside loses nothing
        shelf.setAside();
        String note = shelf.take(k);
        lastKept = "";
        Notes said = restore(k.text);
        return note == null ? said : said.with(note);
    }

    /** Forgets the kept session under {@code key} (not this tab's own). */
    public void deleteKept(String key) {
        shelf.delete(key);
    }

    /**
     * Whether a saved session is the one to resume when the page opens at {@code hash}: the page
     * was opened without a link, or with the saved session's own link (a reload). A different link
     * is someone's share and wins.
     */
    public static boolean resumes(String saved, String hash) {
        if (Hash.read(hash).isEmpty()) {
            return true;
        }
        try {
            return Autosave.read(saved).link.equals(hash.startsWith("#") ? hash : "#" + hash);
        } catch (ModelFile.InvalidModel e) {
            return false;
        }
    }

    /**
     * Takes a saved session back exactly (settings, data, edits, weights, step; run B too). A
     * damaged one changes nothing and the notes say so; a damaged run B costs nothing of run A.
     */
    public Notes restore(String saved) {
        try {
            Autosave.Saved s = Autosave.read(saved);
            ModelFile.Contents runB = null;
            String lostB = null;
            try {
                runB = s.runB == null ? null : ModelFile.read(s.runB);
            } catch (ModelFile.InvalidModel e) {
                lostB = e.getMessage();
            }
            List<String> said = door.opened(Hash.read(s.link), ModelFile.load(ModelFile.read(s.model), session()));
            door.askForWeights(s.weights);
            Run b = door.runs.b();
            if (b != null && runB != null && runB.model.parameters().size() == b.session.model().parameters().size()) {
                b.session.takeWeights(runB.model.parameters(), runB.step);
            } else if (b != null && lostB != null) {
                said.add("run B could not be read (" + lostB + "), so it starts again from run A's weights");
            }
            said.add(0, "restored your last session from this browser, at step " + door.steps()
                    + " — “start fresh” leaves it for the link's settings");
            return new Notes(Notes.RESTORED, said);
        } catch (ModelFile.InvalidModel e) {
            return new Notes(Notes.RESTORED, List.of("the session this browser kept could not be read (" + e.getMessage()
                    + "), so the page starts from the link"));
        }
    }

    /** The link's notes and a line saying the session this browser kept was put aside, not lost. */
    public Notes previousKept(Notes opening) {
        List<String> lines = new ArrayList<>(opening.lines);
        lines.add("this browser kept your last session; the link opened instead — “Restore my last session” brings it"
                + " back");
        return new Notes(opening.lines.isEmpty() ? Notes.RESTORED : opening.title, lines);
    }

    // ---- undo's whole-session states ----

    /** The current state, in the same form as {@code like}. */
    History.State now(History.State like) {
        return like.edits != null ? History.State.edits(like.what, session().edits())
                : History.State.session(like.what, exportFile());
    }

    /** Goes back (or forward) to {@code state}; false if there is none. */
    boolean restore(History.State state) {
        if (state == null) {
            return false;
        }
        if (state.edits != null) {
            session().setEdits(state.edits);
            return true;
        }
        try {
            ModelFile.load(ModelFile.read(state.file), session());
        } catch (ModelFile.InvalidModel e) {
            throw new IllegalStateException("a saved state did not read back: " + e.getMessage(), e);
        }
        door.runs.restarted();
        return true;
    }
}

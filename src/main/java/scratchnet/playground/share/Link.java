package scratchnet.playground.share;

import scratchnet.playground.session.Data;
import scratchnet.playground.session.PointEdits;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scratchnet.nn.MLP;
import scratchnet.nn.Scaling;

/**
 * The share link's hash: every setting ({@link Settings#toHash()}), then what the link carries
 * beyond the settings: the hand edits ({@code add}, {@code del}), the weights ({@code w}) if asked
 * for and the model is small enough, and {@code src=file} when the data came from a file the link
 * cannot reproduce; with standardize on, the model's input scaling ({@code sc}: its four numbers
 * exact, as the weights; a link without it takes the training points' own, after the edits).
 * Reading never fails: what cannot be used is described in notes.
 */
public final class Link {
    /**
     * The most hand-added points a link carries (about 15 characters each: x and y to 3 decimals,
     * and the label), so links stay under ~5 KB; beyond, the data is shared by file.
     */
    public static final int MAX_LINK_POINTS = 300;

    /** True if a link can carry this data: generated (with at most {@link #MAX_LINK_POINTS} added points). */
    static boolean carries(Data data) {
        return !data.fromFile && data.addedCount() <= MAX_LINK_POINTS;
    }

    /** Keys besides the settings' own, read by {@link #applyData} and {@link #applyWeights}. */
    static final String[] EXTRA_KEYS = {"add", "del", "w", "src", "sc"};

    private Link() {
    }

    /** Reads a hash (with or without '#'): its settings, notes, and the extra keys raw. */
    public static Settings.Parsed read(String hash) {
        return Settings.fromHash(hash, EXTRA_KEYS);
    }

    /** The hash, without '#', for these settings, data and model. */
    public static String write(Settings settings, Data data, MLP model, boolean withWeights) {
        StringBuilder s = new StringBuilder(settings.toHash());
        if (!model.scaling.isNone() && carries(data)) {
            // The model's scaling, exact: it was frozen when the model was made, perhaps before hand edits.
            // (Not for a file's data: the link opens generated data, which gets its own.)
            Scaling c = model.scaling;
            s.append("&sc=").append(WeightsLink.encodeNumbers(new double[] {c.meanX, c.spreadX, c.meanY, c.spreadY}));
        }
        if (!carries(data)) {
            s.append("&src=file");
        } else {
            PointEdits edits = data.edits();
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
     * Takes a link's hand edits into data made from its settings, and says which input scaling the
     * model made for it reads: none if {@code fresh} (the scaling a model made from the settings'
     * data would read) is none; otherwise the link's own ({@code sc}), or the edited training
     * points'. Never throws; {@code notes} gets what could not be used as given.
     */
    public static Scaling applyData(Map<String, String> extra, Data data, Scaling fresh, List<String> notes) {
        if (extra.containsKey("add") || extra.containsKey("del")) {
            data.setEdits(PointEdits.parse(extra.get("add"), extra.get("del"), data.baseSize(), data.classes(), notes));
        }
        Scaling scaling = Scaling.NONE;
        if (!fresh.isNone()) {
            // A link from imported data opens generated data instead: the file's scaling would not fit it.
            scaling = scaling("file".equals(extra.get("src")) ? null : extra.get("sc"), data, notes);
        } else if (extra.containsKey("sc")) {
            notes.add("sc: the link's input scaling is not used, as standardize is off");
        }
        if ("file".equals(extra.get("src"))) {
            notes.add("this link was made from an imported model file; its data is only in that file, so this shows"
                    + " the settings' generated data instead");
        }
        return scaling;
    }

    /** Takes a link's weights ({@code w}) into a model made from its settings, after {@link #applyData}. Never throws. */
    public static void applyWeights(Map<String, String> extra, MLP model, List<String> notes) {
        if (extra.containsKey("w")) {
            String note = WeightsLink.decode(extra.get("w"), model.parameters());
            if (note != null) {
                notes.add(note);
            }
        }
    }

    /** The link's scaling ({@code sc}: mean x, spread x, mean y, spread y), or without one, that of the training points. */
    private static Scaling scaling(String text, Data data, List<String> notes) {
        Scaling computed = Scaling.of(data.train().points);
        if (text == null) {
            return computed;
        }
        double[] c = WeightsLink.decodeNumbers(text, 4);
        try {
            if (c != null) {
                return new Scaling(c[0], c[1], c[2], c[3]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the note
        }
        notes.add("sc: the link's input scaling is damaged, so the training points' own is used");
        return computed;
    }
}

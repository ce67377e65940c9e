package scratchnet.playground.share;

import scratchnet.playground.session.Data;
import scratchnet.playground.session.PointEdits;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
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

    /** True if a link can carry this session's data: generated (with at most {@link #MAX_LINK_POINTS} added points). */
    static boolean carries(Session session) {
        return !session.fromFile() && session.addedCount() <= MAX_LINK_POINTS;
    }

    /** Keys besides the settings' own: read by {@link #open}, or by the comparison ({@link CompareLink}). */
    private static final List<String> EXTRA_KEYS = List.of("add", "del", "w", "src", "sc");

    private Link() {
    }

    /** True for a key of the link that is not a setting: this class's, or the comparison's. */
    static boolean notASetting(String key) {
        return EXTRA_KEYS.contains(key) || CompareLink.owns(key);
    }

    /**
     * Starts {@code session} over from a link: its settings' data and weights, then its hand edits,
     * input scaling and weights. Never throws.
     *
     * @return notes on what of the link was not used as given
     */
    public static List<String> open(Hash hash, Session session) {
        Settings.Parsed link = Settings.read(hash, Link::notASetting);
        List<String> notes = new ArrayList<>(link.notes);
        for (Hash.Pair p : hash.pairs) {
            if (p.repeated && EXTRA_KEYS.contains(p.key)) {
                notes.add(p.repeatNote());
            }
        }
        session.start(link.settings, (data, fresh) -> applyData(hash, data, fresh, notes));
        applyWeights(hash, session.model(), notes);
        return notes;
    }

    /** True if the link carries weights ({@code w=}). */
    public static boolean hasWeights(Hash hash) {
        return hash.has("w");
    }

    /**
     * Puts what the link carries beyond the settings into {@code link}: the scaling, the edits (or
     * {@code src=file}) and, if {@code withWeights}, the weights.
     */
    public static Hash.Writer putExtras(Hash.Writer link, Session session, boolean withWeights) {
        MLP model = session.model();
        if (!model.scaling.isNone() && carries(session)) {
            // The model's scaling, exact: it was frozen when the model was made, perhaps before hand edits.
            // (Not for a file's data: the link opens generated data, which gets its own.)
            Scaling c = model.scaling;
            link.put("sc", WeightsLink.encodeNumbers(new double[] {c.meanX, c.spreadX, c.meanY, c.spreadY}));
        }
        if (!carries(session)) {
            link.put("src", "file");
        } else {
            PointEdits edits = session.edits();
            if (!edits.addedText().isEmpty()) {
                link.put("add", edits.addedText());
            }
            if (!edits.removedText().isEmpty()) {
                link.put("del", edits.removedText());
            }
        }
        String w = withWeights ? WeightsLink.encode(model.parameters()) : null;
        if (w != null) {
            link.put("w", w);
        }
        return link;
    }

    /** The session's link without '#' and without a comparison: its settings, then {@link #putExtras}. */
    public static String write(Session session, boolean withWeights) {
        Hash.Writer link = new Hash.Writer();
        session.settings().write(link);
        return putExtras(link, session, withWeights).toString();
    }

    /**
     * Takes a link's hand edits into data made from its settings, and says which input scaling the
     * model made for it reads: none if {@code fresh} (the scaling a model made from the settings'
     * data would read) is none; otherwise the link's own ({@code sc}), or the edited training
     * points'. Never throws; {@code notes} gets what could not be used as given.
     */
    private static Scaling applyData(Hash extra, Data data, Scaling fresh, List<String> notes) {
        if (extra.has("add") || extra.has("del")) {
            data.setEdits(PointEdits.parse(extra.get("add"), extra.get("del"), data.baseSize(), data.classes(), notes));
        }
        Scaling scaling = Scaling.NONE;
        if (!fresh.isNone()) {
            // A link from imported data opens generated data instead: the file's scaling would not fit it.
            scaling = scaling("file".equals(extra.get("src")) ? null : extra.get("sc"), data, notes);
        } else if (extra.has("sc")) {
            notes.add("sc: the link's input scaling is not used, as standardize is off");
        }
        if ("file".equals(extra.get("src"))) {
            notes.add("this link was made from an imported model file; its data is only in that file, so this shows"
                    + " the settings' generated data instead");
        }
        return scaling;
    }

    /** Takes a link's weights ({@code w}) into a model made from its settings, after {@link #applyData}. Never throws. */
    private static void applyWeights(Hash extra, MLP model, List<String> notes) {
        if (extra.has("w")) {
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

package scratchnet.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import scratchnet.nn.MLP;

/**
 * The share link's hash: every setting ({@link Settings#toHash()}), then what the link carries
 * beyond the settings: the hand edits ({@code add}, {@code del}), the weights ({@code w}) if asked
 * for and the model is small enough, and {@code src=file} when the data came from a file the link
 * cannot reproduce. Reading never fails: what cannot be used is described in notes.
 */
final class Link {
    /**
     * The most hand-added points a link carries (about 15 characters each: x and y to 3 decimals,
     * and the label), so links stay under ~5 KB; beyond, the data is shared by file.
     */
    static final int MAX_LINK_POINTS = 300;

    /** True if a link can carry this data: generated (with at most {@link #MAX_LINK_POINTS} added points). */
    static boolean carries(Data data) {
        return !data.fromFile && data.addedCount() <= MAX_LINK_POINTS;
    }

    /** Keys besides the settings' own, read by {@link #applyExtras}. */
    static final String[] EXTRA_KEYS = {"add", "del", "w", "src"};

    private Link() {
    }

    /** Reads a hash (with or without '#'): its settings, notes, and the extra keys raw. */
    static Settings.Parsed read(String hash) {
        return Settings.fromHash(hash, EXTRA_KEYS);
    }

    /** The hash, without '#', for these settings, data and model. */
    static String write(Settings settings, Data data, MLP model, boolean withWeights) {
        StringBuilder s = new StringBuilder(settings.toHash());
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
     * Takes a link's extra keys on top of data and a model made from its settings: the hand edits,
     * then the weights. Never throws.
     *
     * @return notes on what could not be used as given
     */
    static List<String> applyExtras(Map<String, String> extra, Data data, MLP model) {
        List<String> notes = new ArrayList<>();
        if (extra.containsKey("add") || extra.containsKey("del")) {
            data.setEdits(PointEdits.parse(extra.get("add"), extra.get("del"), data.baseSize(), data.classes(), notes));
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
}

package scratchnet.playground.share;

import java.util.LinkedHashMap;
import java.util.Map;
import scratchnet.io.Json;

/**
 * The session as the browser keeps it between visits, so that nothing a person made is lost: the
 * link it had, whether the link carries the weights, and the whole session as a model file (its
 * settings, data with the hand edits, weights and step); when it was saved and what it is in a
 * line, for the list of sessions ({@link Shelf}; older pages wrote neither, and ignore them).
 *
 * <pre>{"format": "scratchnet-session", "version": 1, "link": "#data=...", "weights": false,
 *  "model": "{...the model file's text...}", "time": 1796000000000, "summary": "moons · 8, 8 tanh · step 340"}</pre>
 *
 * <p>While two runs are compared, {@code "b"} holds run B's model file too (B's settings are in the link).
 */
public final class Autosave {
    static final String FORMAT = "scratchnet-session";
    static final int VERSION = 1;

    /** What was read back: the model file's text, the link and the weights option. */
    public static final class Saved {
        public final String model;
        public final String link;
        public final boolean weights;
        /** Run B's model file while comparing (its settings are in the link), or null. */
        public final String runB;
        /** When it was saved (ms since 1970), NaN if it does not say. */
        public final double time;
        /** What it is, in a line; "" if it does not say. */
        public final String summary;

        Saved(String model, String link, boolean weights, String runB, double time, String summary) {
            this.model = model;
            this.link = link;
            this.weights = weights;
            this.runB = runB;
            this.time = time;
            this.summary = summary;
        }
    }

    private Autosave() {
    }

    /** {@link #write(String, boolean, String, String, double, String)} without a time or summary. */
    public static String write(String link, boolean weights, String modelFile, String runB) {
        return write(link, weights, modelFile, runB, Double.NaN, "");
    }

    /**
     * {@code runB}: run B's model file while comparing, or null (no key then: older readers are
     * unaffected); {@code time} (ms since 1970, NaN for none) and {@code summary} for the list.
     */
    public static String write(String link, boolean weights, String modelFile, String runB, double time, String summary) {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("format", FORMAT);
        saved.put("version", VERSION);
        saved.put("link", link);
        saved.put("weights", weights);
        saved.put("model", modelFile);
        if (runB != null) {
            saved.put("b", runB);
        }
        if (!Double.isNaN(time)) {
            saved.put("time", (double) (long) time);
        }
        if (!summary.isEmpty()) {
            saved.put("summary", summary);
        }
        return Json.write(saved);
    }

    /** @throws ModelFile.InvalidModel if the text is not a saved session (the model itself is checked on load) */
    public static Saved read(String text) throws ModelFile.InvalidModel {
        if (text == null || text.length() > 3 * ModelFile.MAX_CHARS) {
            throw new ModelFile.InvalidModel(text == null ? "nothing saved" : "too large");
        }
        Object root;
        try {
            root = Json.parse(text);
        } catch (Json.JsonException e) {
            throw new ModelFile.InvalidModel("not valid JSON: " + e.getMessage());
        }
        if (!(root instanceof Map) || !FORMAT.equals(((Map<?, ?>) root).get("format"))) {
            throw new ModelFile.InvalidModel("not a saved session");
        }
        Map<?, ?> saved = (Map<?, ?>) root;
        Object version = saved.get("version");
        if (!(version instanceof Double) || (Double) version != VERSION) {
            throw new ModelFile.InvalidModel("saved by another version (" + version + ")");
        }
        Object model = saved.get("model");
        Object link = saved.get("link");
        if (!(model instanceof String) || !(link instanceof String)) {
            throw new ModelFile.InvalidModel("the model or the link is missing");
        }
        Object runB = saved.get("b");
        Object time = saved.get("time");
        Object summary = saved.get("summary");
        return new Saved((String) model, (String) link, Boolean.TRUE.equals(saved.get("weights")),
                runB instanceof String ? (String) runB : null, time instanceof Double ? (Double) time : Double.NaN,
                summary instanceof String ? clip((String) summary) : "");
    }

    /** A saved session's small picture: its network's decision over its training points, the points on top ({@link KeptPicture}). */
    public static int[] picture(String text) throws ModelFile.InvalidModel {
        return KeptPicture.of(ModelFile.read(read(text).model));
    }

    /** A summary as the list shows it: at most 120 characters of what a file says. */
    private static String clip(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    /** The version a saved session says it was written in (its format's), or -1 if it is not one. */
    static int version(String text) {
        Object v = head(text, "version");
        return v instanceof Double && (Double) v == Math.floor((Double) v) && Math.abs((Double) v) < 1e6 ? (int) (double) (Double) v : -1;
    }

    /** The time a saved session says it was saved, or NaN. */
    static double time(String text) {
        Object t = head(text, "time");
        return t instanceof Double ? (Double) t : Double.NaN;
    }

    private static Object head(String text, String key) {
        if (text == null || text.length() > 3 * ModelFile.MAX_CHARS) {
            return null;
        }
        try {
            Object root = Json.parse(text);
            return root instanceof Map && FORMAT.equals(((Map<?, ?>) root).get("format")) ? ((Map<?, ?>) root).get(key) : null;
        } catch (Json.JsonException e) {
            return null;
        }
    }
}

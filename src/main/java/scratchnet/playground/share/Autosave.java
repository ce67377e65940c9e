package scratchnet.playground.share;

import java.util.LinkedHashMap;
import java.util.Map;
import scratchnet.io.Json;

/**
 * The session as the browser keeps it between visits, so that nothing a person made is lost: the
 * link it had, whether the link carries the weights, and the whole session as a model file (its
 * settings, data with the hand edits, weights and step).
 *
 * <pre>{"format": "scratchnet-session", "version": 1, "link": "#data=...", "weights": false,
 *  "model": "{...the model file's text...}"}</pre>
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

        Saved(String model, String link, boolean weights, String runB) {
            this.model = model;
            this.link = link;
            this.weights = weights;
            this.runB = runB;
        }
    }

    private Autosave() {
    }

    /** {@code runB}: run B's model file while comparing, or null (no key then: older readers are unaffected). */
    public static String write(String link, boolean weights, String modelFile, String runB) {
        Map<String, Object> saved = new LinkedHashMap<>();
        saved.put("format", FORMAT);
        saved.put("version", VERSION);
        saved.put("link", link);
        saved.put("weights", weights);
        saved.put("model", modelFile);
        if (runB != null) {
            saved.put("b", runB);
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
        return new Saved((String) model, (String) link, Boolean.TRUE.equals(saved.get("weights")),
                runB instanceof String ? (String) runB : null);
    }
}

package scratchnet.playground.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import scratchnet.io.Format;
import scratchnet.nn.Activation;
import scratchnet.nn.Feature;
import scratchnet.nn.Features;

/**
 * One row of the table: how to read, check and write one setting, and what a control for it
 * needs to know (its kind, the choices, the range).
 */
public final class Setting {
    private static final String[] NO_OPTIONS = {};


    /** What kind of value a setting holds, which is what kind of control shows it. */
    public enum Kind { CHOICE, INTEGER, NUMBER, FLAG, LAYERS, FEATURES, ACTIVATIONS }

    public final String key;
    public final Settings.Affects affects;
    public final String defaultText;
    public final Kind kind;
    /** The allowed values of a {@link Kind#CHOICE}, {@link Kind#FEATURES} or {@link Kind#ACTIVATIONS}, in order; empty for other kinds. */
    public final List<String> options;
    /** How the page names each option (e.g. "x²" for "x2"). */
    public final List<String> optionLabels;
    /** The range of an {@link Kind#INTEGER} or {@link Kind#NUMBER}; 0 for other kinds. */
    public final double min;
    public final double max;
    final Function<Settings, String> format;
    /** Sets the value from text; returns null, or a note if it had to clamp or ignore. */
    final Reader reader;

    Setting(String key, Settings.Affects affects, String defaultText, Kind kind, String[] options, double min, double max,
            Function<Settings, String> format, Reader reader) {
        this.key = key;
        this.affects = affects;
        this.defaultText = defaultText;
        this.kind = kind;
        this.options = List.of(options);
        String[] names = options.clone();
        for (int i = 0; i < names.length; i++) {
            Feature f = kind == Kind.FEATURES ? Feature.byKey(names[i]) : null;
            names[i] = f != null ? f.label : names[i];
        }
        this.optionLabels = List.of(names);
        this.min = min;
        this.max = max;
        this.format = format;
        this.reader = reader;
    }

    String format(Settings s) {
        return format.apply(s);
    }

    /** {@link #min} as an attribute's text (whole numbers without ".0"). */
    public String minText() {
        return Format.number(min);
    }

    /** {@link #max} as an attribute's text. */
    public String maxText() {
        return Format.number(max);
    }

    /** A range control's step: 1 for whole numbers, a hundredth of the span for others. */
    public String rangeStep() {
        return kind == Kind.INTEGER ? "1" : Format.number((max - min) / 100);
    }

    void set(Settings s, String text) {
        reader.read(s, text);
    }

    String apply(Settings s, String text) {
        String note = reader.read(s, text);
        if (note != null && note.startsWith("!")) {
            reader.read(s, defaultText); // unreadable: fall back to the default
            return key + ": " + note.substring(1) + ", kept " + defaultText;
        }
        return note == null ? null : key + ": " + note;
    }

    interface Reader {
        /** Returns null when taken as given; "!reason" when unreadable; otherwise what was done. */
        String read(Settings s, String text);
    }

    static Setting choice(String key, Settings.Affects affects, String def, String[] allowed, Function<Settings, String> get,
                          BiConsumer<Settings, String> set) {
        return new Setting(key, affects, def, Kind.CHOICE, allowed, 0, 0, get, (s, text) -> {
            if (!Arrays.asList(allowed).contains(text)) {
                return "!'" + Format.clip(text) + "' is not one of " + String.join(", ", allowed);
            }
            set.accept(s, text);
            return null;
        });
    }

    static Setting integer(String key, Settings.Affects affects, int def, int min, int max, Function<Settings, Integer> get,
                           BiConsumer<Settings, Integer> set) {
        return new Setting(key, affects, Integer.toString(def), Kind.INTEGER, NO_OPTIONS, min, max,
                s -> Integer.toString(get.apply(s)), (s, text) -> {
            double v = Settings.parseNumber(text);
            if (Double.isNaN(v) || v != Math.rint(v) && Math.abs(v) < 1e15) {
                return "!'" + Format.clip(text) + "' is not a whole number";
            }
            int clamped = (int) Math.max(min, Math.min(max, v));
            set.accept(s, clamped);
            return clamped != v ? Format.clip(text) + " is outside " + min + "–" + max + ", used " + clamped : null;
        });
    }

    static Setting number(String key, Settings.Affects affects, double def, double min, double max, Function<Settings, Double> get,
                          BiConsumer<Settings, Double> set) {
        return new Setting(key, affects, Format.number(def), Kind.NUMBER, NO_OPTIONS, min, max,
                s -> Format.number(get.apply(s)), (s, text) -> {
            double v = Settings.parseNumber(text);
            if (Double.isNaN(v)) {
                return "!'" + Format.clip(text) + "' is not a number";
            }
            double clamped = Math.max(min, Math.min(max, v));
            set.accept(s, clamped);
            return clamped != v ? Format.clip(text) + " is outside " + Format.number(min) + "–" + Format.number(max)
                    + ", used " + Format.number(clamped) : null;
        });
    }

    static Setting flag(String key, Settings.Affects affects, boolean def, Function<Settings, Boolean> get, BiConsumer<Settings, Boolean> set) {
        return new Setting(key, affects, def ? "1" : "0", Kind.FLAG, NO_OPTIONS, 0, 0, s -> get.apply(s) ? "1" : "0", (s, text) -> {
            if (!text.equals("0") && !text.equals("1")) {
                return "!'" + Format.clip(text) + "' is not 0 or 1";
            }
            set.accept(s, text.equals("1"));
            return null;
        });
    }

    /** Input features, e.g. "x,y,x2": each at most once, in the order given; at least one. */
    static Setting features(String key, Settings.Affects affects, String def, Function<Settings, Features> get,
                            BiConsumer<Settings, Features> set) {
        String[] all = new String[Feature.values().length];
        for (int i = 0; i < all.length; i++) {
            all[i] = Feature.values()[i].key;
        }
        return new Setting(key, affects, def, Kind.FEATURES, all, 0, 0, s -> get.apply(s).key(), (s, text) -> {
            try {
                set.accept(s, Features.parse(text));
                return null;
            } catch (IllegalArgumentException e) {
                return "!" + Format.clip(e.getMessage());
            }
        });
    }

    /**
     * The hidden layers' activations, e.g. "tanh" (every layer) or "tanh,relu" (one per layer, fitted
     * to the layers by {@link #settle}). Written as one name when every hidden layer has the same, so
     * links from before per-layer activations read and write as they did.
     */
    static Setting activations(String key, Settings.Affects affects, String def) {
        String[] allowed = Settings.labels(Activation.values());
        return new Setting(key, affects, def, Kind.ACTIVATIONS, allowed, 0, 0,
                s -> formatActivations(s.layers.length > 0 ? s.hiddenActivations() : s.activations), (s, text) -> {
            String[] parts = text.split(",", -1);
            Activation[] read = new Activation[Math.min(parts.length, Settings.MAX_LAYERS)];
            for (int i = 0; i < read.length; i++) {
                read[i] = Activation.byLabel(parts[i]);
                if (read[i] == null) {
                    return "!'" + Format.clip(parts[i]) + "' is not one of " + String.join(", ", allowed);
                }
            }
            s.activations = read;
            return parts.length > Settings.MAX_LAYERS ? "more than " + Settings.MAX_LAYERS + " activations, kept the first " + Settings.MAX_LAYERS : null;
        });
    }

    /** Activations as the link writes them: one name if they are all the same, else "tanh,relu". */
    public static String formatActivations(Activation[] activations) {
        StringBuilder s = new StringBuilder();
        boolean same = true;
        for (Activation a : activations) {
            same &= a == activations[0];
            s.append(s.length() > 0 ? "," : "").append(a.label);
        }
        return same && activations.length > 0 ? activations[0].label : s.toString();
    }

    /** Hidden layer widths, e.g. "8,8"; "" or "0" for none. */
    static Setting layers(String key, Settings.Affects affects, String def, Function<Settings, int[]> get, BiConsumer<Settings, int[]> set) {
        return new Setting(key, affects, def, Kind.LAYERS, NO_OPTIONS, 0, 0, s -> Settings.formatLayers(get.apply(s)), (s, text) -> {
            if (text.isEmpty() || text.equals("0")) {
                set.accept(s, new int[0]);
                return null;
            }
            String[] parts = text.split(",", -1);
            List<String> changes = new ArrayList<>();
            int n = Math.min(parts.length, Settings.MAX_LAYERS);
            if (parts.length > Settings.MAX_LAYERS) {
                changes.add("more than " + Settings.MAX_LAYERS + " hidden layers, kept the first " + Settings.MAX_LAYERS);
            }
            int[] widths = new int[n];
            for (int i = 0; i < n; i++) {
                double v = Settings.parseNumber(parts[i]);
                if (Double.isNaN(v) || v != Math.rint(v) && Math.abs(v) < 1e15) {
                    return "!'" + Format.clip(text) + "' is not a list of whole numbers like 8,8";
                }
                widths[i] = (int) Math.max(1, Math.min(Settings.MAX_NEURONS, v));
                if (widths[i] != v) {
                    changes.add(Format.clip(parts[i]) + " neurons is outside 1–" + Settings.MAX_NEURONS + ", used " + widths[i]);
                }
            }
            set.accept(s, widths);
            return changes.isEmpty() ? null : String.join("; ", changes);
        });
    }

}

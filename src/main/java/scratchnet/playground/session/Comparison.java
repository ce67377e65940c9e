package scratchnet.playground.session;

import scratchnet.playground.settings.Setting;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import scratchnet.io.Format;

/**
 * The rules of two runs racing from the same start: run A is the playground's own {@link Run}; run B
 * is a fork of it ({@link Run#fork}) on the same data, from the same weights, drawing its mini-batches from
 * a copy of A's random state. B's settings may differ from A's only in the rows that keep the data
 * and the parameter shapes ({@link #mayDiffer}): every training row, and the activation. With the
 * same settings both runs stay bit-identical.
 */
public final class Comparison {
    private Comparison() {
    }

    /** True for a row run B may set apart from A: a training row, or the hidden layers' activation. */
    public static boolean mayDiffer(Setting row) {
        return row.affects == Settings.Affects.TRAINING || row.key.startsWith("activation");
    }

    /**
     * Whether a run with settings {@code b} can race one with {@code a}: they differ only in rows
     * B may set, and the network has the same outputs (a loss like ce may ask for more).
     */
    public static boolean keepsShapes(Settings a, Settings b) {
        for (Setting row : Settings.table()) {
            if (!mayDiffer(row) && !a.get(row.key).equals(b.get(row.key))) {
                return false;
            }
        }
        return a.outputs() == b.outputs();
    }

    /**
     * Run B's settings when A's are {@code a}: A's, with each of {@code wanted}'s rows that B may
     * set and that still keeps the shapes. A row that no longer fits is dropped, with a note.
     */
    public static Settings overlay(Settings a, Settings wanted, List<String> notes) {
        Settings result = a.copy();
        for (Setting row : Settings.table()) {
            String value = wanted.get(row.key);
            if (!mayDiffer(row) || value.equals(result.get(row.key))) {
                continue;
            }
            Settings next = result.copy();
            next.set(row.key, value);
            next.settle(List.of(row.key));
            if (keepsShapes(a, next)) {
                result = next;
                if (!value.equals(next.get(row.key))) { // settled to fit the problem (e.g. ce for 3 classes)
                    notes.add("run B: " + row.key + " " + value + " no longer fits this problem, so B uses "
                            + next.get(row.key));
                }
            } else {
                notes.add("run B: " + row.key + " " + value + " no longer fits this network, so B uses A's "
                        + result.get(row.key));
            }
        }
        return result;
    }

    /**
     * Run B's settings after a person set {@code key} to {@code text} for B alone, or null if it
     * cannot differ from A's there; the notes say what was not taken as given.
     */
    public static Settings setForB(Settings a, Settings b, String key, String text, List<String> notes) {
        Setting row = Settings.find(key);
        if (row == null) {
            notes.add("run B: unknown setting '" + Format.clip(key) + "' ignored");
            return null;
        }
        if (!mayDiffer(row)) {
            notes.add("run B: " + Format.clip(key) + " is the same for both runs (only training settings and the"
                    + " activation may differ)");
            return null;
        }
        Settings next = b.copy();
        String note = next.set(key, text);
        if (note != null) {
            notes.add("run B: " + note);
        }
        next.settle(List.of(key));
        if (!keepsShapes(a, next)) {
            notes.add("run B: " + key + " " + next.get(key) + " would change the network's outputs; choose it for both"
                    + " runs (the controls edit A)");
            return null;
        }
        return next;
    }

    /** E.g. "B: lr 0.1 (A 0.3); optimizer adam (A sgd)", or that they are the same. */
    public static String summary(Settings a, Settings b) {
        List<String> parts = new ArrayList<>();
        for (String key : differing(a, b)) {
            parts.add(key + " " + b.get(key) + " (A " + a.get(key) + ")");
        }
        return parts.isEmpty() ? "B: the same settings as A (the runs stay identical)" : "B: " + String.join("; ", parts);
    }

    /** The keys of the rows where B's settings differ from A's, in the table's order. */
    public static List<String> differing(Settings a, Settings b) {
        List<String> keys = new ArrayList<>();
        for (Setting row : Settings.table()) {
            if (!a.get(row.key).equals(b.get(row.key))) {
                keys.add(row.key);
            }
        }
        return keys;
    }
}

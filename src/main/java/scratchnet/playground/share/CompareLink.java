package scratchnet.playground.share;

import scratchnet.playground.session.Comparison;
import scratchnet.playground.settings.Hash;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import scratchnet.io.Format;

/**
 * A comparison in the link: {@code compare=1}, then run B's rows that differ from A's, each with a
 * {@code b.} prefix: {@code ...&compare=1&b.lr=0.1&b.optimizer=adam}. What B may set is
 * {@link Comparison}'s rule; this class only reads and writes it.
 */
public final class CompareLink {
    static final String ON_KEY = "compare";
    static final String PREFIX = "b.";

    private CompareLink() {
    }

    /** True for the comparison's keys ({@code compare}, {@code b.*}), which are not A's settings. */
    static boolean owns(String key) {
        return key.equals(ON_KEY) || key.startsWith(PREFIX);
    }

    /** Puts the comparison into {@code link}: "compare=1" and B's rows that differ from A's as "b.key=value". */
    public static Hash.Writer put(Hash.Writer link, Settings a, Settings b) {
        link.put(ON_KEY, "1");
        for (String key : Comparison.differing(a, b)) {
            link.put(PREFIX + key, b.get(key));
        }
        return link;
    }

    /**
     * Run B's settings from a link's {@code b.*} rows on top of A's ({@code a}), or null if the link
     * does not compare; whatever cannot be taken is a note. Never throws.
     */
    public static Settings read(Hash hash, Settings a, List<String> notes) {
        boolean on = false;
        List<Hash.Pair> rows = new ArrayList<>();
        for (Hash.Pair p : hash.pairs) {
            if (p.key.equals(ON_KEY)) {
                if (p.repeated) {
                    notes.add(p.repeatNote());
                    continue;
                }
                on = "1".equals(p.value);
                if (!on && !"0".equals(p.value)) {
                    notes.add(p.value == null ? "compare: no value given, so no comparison"
                            : "compare: '" + Format.clip(p.value) + "' is not 0 or 1, so no comparison");
                }
            } else if (p.key.startsWith(PREFIX)) {
                if (p.value == null) {
                    notes.add(Format.clip(p.key) + ": no value given, ignored");
                } else if (p.repeated) {
                    notes.add(p.repeatNote());
                } else {
                    rows.add(p);
                }
            }
        }
        if (!on) {
            if (!rows.isEmpty()) {
                notes.add("run B's settings (b.…) without compare=1 were ignored");
            }
            return null;
        }
        Settings b = a.copy();
        for (Hash.Pair row : rows) {
            Settings next = Comparison.setForB(a, b, row.key.substring(PREFIX.length()), row.value, notes);
            if (next != null) {
                b = next;
            }
        }
        return b;
    }
}

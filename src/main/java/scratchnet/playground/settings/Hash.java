package scratchnet.playground.settings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import scratchnet.io.Format;

/**
 * The share link's hash, the one codec for it: read once into ordered {@code key=value} pairs
 * (percent-decoded, never throwing), and written by one {@link Writer}. The settings, the
 * comparison's {@code b.} rows, the weights, the scaling and the hand edits all read their keys from
 * the same pairs, so the length limit, the decoding and "given twice" are decided here alone.
 */
public final class Hash {
    /** A longer hash is not read at all (a note says so): every reader then sees no pairs. */
    public static final int MAX_CHARS = 100_000;

    /** One {@code key=value} part as given: {@code value} null when it had no '='. */
    public static final class Pair {
        public final String key;
        public final String value;
        /** True if an earlier pair had the same key: readers keep the first. */
        public final boolean repeated;

        Pair(String key, String value, boolean repeated) {
            this.key = key;
            this.value = value;
            this.repeated = repeated;
        }

        /** What to tell a person about a repeated pair. */
        public String repeatNote() {
            return Format.clip(key) + ": given twice, the first kept";
        }
    }

    public final List<Pair> pairs;
    /** What was wrong with the hash as a whole (too long); the pairs' own notes are their readers'. */
    public final List<String> notes;

    private Hash(List<Pair> pairs, List<String> notes) {
        this.pairs = List.copyOf(pairs);
        this.notes = List.copyOf(notes);
    }

    /** Reads a hash with or without its '#'; null or empty gives no pairs. Never throws. */
    public static Hash read(String hash) {
        List<Pair> pairs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String h = hash == null ? "" : hash.startsWith("#") ? hash.substring(1) : hash;
        if (h.length() > MAX_CHARS) {
            notes.add("link too long (" + h.length() + " characters): ignored");
            return new Hash(pairs, notes);
        }
        Set<String> seen = new HashSet<>();
        for (String part : h.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? null : decode(part.substring(eq + 1));
            pairs.add(new Pair(key, value, !seen.add(key)));
        }
        return new Hash(pairs, notes);
    }

    /** True if the hash has no pairs (the page opened without a link). */
    public boolean isEmpty() {
        return pairs.isEmpty() && notes.isEmpty();
    }

    /** The first value given for {@code key}, "" for a key given without '=', or null if it is absent. */
    public String get(String key) {
        for (Pair p : pairs) {
            if (p.key.equals(key)) {
                return p.value == null ? "" : p.value;
            }
        }
        return null;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    /** Writes a hash, without '#': {@code key=value} parts joined by '&', in the order put. */
    public static final class Writer {
        private final StringBuilder s = new StringBuilder();

        public Writer put(String key, String value) {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(key).append('=').append(value);
            return this;
        }

        @Override
        public String toString() {
            return s.toString();
        }
    }

    /** Percent-decoding that never throws: a malformed escape is kept as it is; '+' is a space. */
    static String decode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        byte[] pending = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                pending[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
                continue;
            }
            if (n > 0) {
                out.append(new String(pending, 0, n, StandardCharsets.UTF_8));
                n = 0;
            }
            out.append(c == '+' ? ' ' : c);
        }
        if (n > 0) {
            out.append(new String(pending, 0, n, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}

package scratchnet.playground.share;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Every session this browser keeps, one slot per tab: each tab writes only its own slot
 * ({@link #SLOT} + its id), so two tabs never overwrite each other. A tab says it is open by a
 * heartbeat ({@link #ALIVE} + its id, the time, renewed while it saves); a slot whose tab beat
 * within {@link #LIVE_MS} is open elsewhere. Reopening without a link resumes this tab's own slot
 * (a reload) or takes over the most recent closed one; any listed session can be restored or
 * deleted. When storage is full the oldest closed sessions go first, with a note. A slot this
 * page cannot read is skipped, never deleted; one saved by a newer version of the page is listed
 * but neither restored nor dropped. The store is the browser's localStorage behind {@link Store}.
 */
public final class Shelf {
    /** Key-value storage: localStorage on the page, a map in tests. */
    public interface Store {
        /** The value under {@code key}, or null. */
        String get(String key);

        /** Keeps {@code value} under {@code key}: null, or why it could not (e.g. "QuotaExceededError"). */
        String set(String key, String value);

        void remove(String key);

        /** Every key kept now. */
        List<String> keys();
    }

    /** A tab's slot: this and the tab's id. */
    public static final String SLOT = "scratchnet.session.";
    /** The one slot of pages before there were many, and the session a link displaced: listed and taken over like the others. */
    static final String[] LEGACY = {"scratchnet.session", "scratchnet.previous"};
    /** A tab's heartbeat: this and the tab's id, its value the time. */
    public static final String ALIVE = "scratchnet.alive.";
    /** How a note that this session could not be kept begins. */
    public static final String REFUSED = "this browser will not keep your session between visits: ";
    /** Sessions kept at most: the oldest closed ones go when there are more. */
    public static final int KEEP = 10;
    /** A tab that beat within this many milliseconds is open. */
    public static final double LIVE_MS = 10_000;

    /** One kept session, as the list shows it. */
    public static final class Kept {
        /** Its key in the store. */
        public final String key;
        /** When it was saved, ms since 1970; NaN if it does not say (an older page saved it). */
        public final double time;
        /** "moons · 8, 8 tanh · step 340"; "" if it does not say. */
        public final String summary;
        /** Saved by a newer version of the page: listed, never restored or dropped here. */
        public final boolean newer;
        /** Its tab is open now (not this one). */
        public final boolean open;
        /** This tab's own slot. */
        public final boolean mine;
        /** The saved text, for {@code Keeping.restore}; null for a newer one. */
        public final String text;

        Kept(String key, double time, String summary, boolean newer, boolean open, boolean mine, String text) {
            this.key = key;
            this.time = time;
            this.summary = summary;
            this.newer = newer;
            this.open = open;
            this.mine = mine;
            this.text = text;
        }
    }

    private final Store store;
    private final String tab;
    private final DoubleSupplier clock;
    private final List<String> skipped = new ArrayList<>();
    private double beaten = Double.NEGATIVE_INFINITY;

    /** @param tab this tab's id (kept in sessionStorage, so a reload keeps it); @param clock ms since 1970 */
    public Shelf(Store store, String tab, DoubleSupplier clock) {
        this.store = store;
        this.tab = tab;
        this.clock = clock;
    }

    /** This tab's slot's key. */
    public String mine() {
        return SLOT + tab;
    }

    /** Every session kept, the most recent first (those that do not say when, last). Damaged slots are left out ({@link #skipped}). */
    public List<Kept> list() {
        skipped.clear();
        List<Kept> all = new ArrayList<>();
        for (String key : store.keys()) {
            boolean legacy = key.equals(LEGACY[0]) || key.equals(LEGACY[1]);
            if (!legacy && !key.startsWith(SLOT)) {
                continue;
            }
            String text = store.get(key);
            if (text == null) {
                continue;
            }
            String id = legacy ? "" : key.substring(SLOT.length());
            boolean open = !legacy && !id.equals(tab) && open(id);
            try {
                Autosave.Saved s = Autosave.read(text);
                all.add(new Kept(key, s.time, s.summary, false, open, key.equals(mine()), text));
            } catch (ModelFile.InvalidModel e) {
                if (Autosave.version(text) > Autosave.VERSION) {
                    all.add(new Kept(key, Autosave.time(text), "", true, open, false, null));
                } else {
                    skipped.add(e.getMessage());
                }
            }
        }
        // newest first, an insertion sort (no recursion, few items); no time counts as oldest
        for (int i = 1; i < all.size(); i++) {
            Kept k = all.get(i);
            int j = i - 1;
            while (j >= 0 && later(k, all.get(j))) {
                all.set(j + 1, all.get(j));
                j--;
            }
            all.set(j + 1, k);
        }
        return all;
    }

    private static boolean later(Kept a, Kept b) {
        double ta = Double.isNaN(a.time) ? Double.NEGATIVE_INFINITY : a.time;
        double tb = Double.isNaN(b.time) ? Double.NEGATIVE_INFINITY : b.time;
        return ta > tb;
    }

    /** Why each damaged slot the last {@link #list} met could not be read. */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    /** The tab with this id beat within {@link #LIVE_MS}. */
    private boolean open(String id) {
        String beat = store.get(ALIVE + id);
        if (beat == null) {
            return false;
        }
        try {
            return clock.getAsDouble() - Long.parseLong(beat) < LIVE_MS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The session to resume when the page opens without a link: this tab's own (a reload), else the most recent closed one; null for none. */
    public Kept resumable() {
        Kept best = null;
        for (Kept k : list()) {
            if (k.mine) {
                return k;
            }
            if (best == null && !k.newer && !k.open) {
                best = k;
            }
        }
        return best;
    }

    /**
     * This tab takes {@code k} on: its text goes into this tab's slot. A closed session moves (its
     * old slot is removed, so it is listed once); one open in another tab is copied, and both go
     * on separately. Returns what to say, or null.
     */
    public String take(Kept k) {
        if (k.mine || k.text == null) {
            return null;
        }
        String why = store.set(mine(), k.text);
        if (why != null) {
            return "this tab could not keep its copy (" + why + ")";
        }
        if (k.open) {
            return "this session is open in another tab too: this tab keeps its own copy from now on, so neither"
                    + " overwrites the other";
        }
        store.remove(k.key);
        return null;
    }

    /**
     * Moves this tab's slot aside to a key of its own (a closed session, listed like any other),
     * before the tab takes on another session; returns that key, or null if there was none.
     */
    public String setAside() {
        String text = store.get(mine());
        if (text == null) {
            return null;
        }
        String base = SLOT + "kept-" + (long) clock.getAsDouble() + "-" + tab;
        String key = base;
        for (int n = 2; store.get(key) != null; n++) {
            key = base + "-" + n; // set aside twice in one millisecond: never over the first
        }
        if (store.set(key, text) != null) {
            return null; // no room for a copy: the slot stays as it is
        }
        store.remove(mine());
        return key;
    }

    /** The kept session under {@code key}, or null. */
    public Kept find(String key) {
        for (Kept k : list()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The id this tab goes by: {@code stored} (sessionStorage's, so a reload keeps its slot)
     * unless another open tab beats under it (a duplicated tab copies sessionStorage), else
     * {@code fresh}.
     */
    public static String tabId(Store store, String stored, String fresh, DoubleSupplier clock) {
        if (stored == null || stored.isEmpty()) {
            return fresh;
        }
        return new Shelf(store, fresh, clock).open(stored) ? fresh : stored;
    }

    /** Forgets a kept session (never this tab's own while it is open: that one is saved again at once). */
    public void delete(String key) {
        if (!key.equals(mine())) {
            store.remove(key);
        }
    }

    /** Renews this tab's heartbeat, at most every two seconds. */
    public void beat() {
        double now = clock.getAsDouble();
        if (now - beaten >= 2000) {
            beaten = now;
            store.set(ALIVE + tab, Long.toString((long) now));
        }
    }

    /** This tab is closing: its heartbeat goes, so its session counts as closed at once. */
    public void leave() {
        store.remove(ALIVE + tab);
    }

    /**
     * Keeps {@code text} in this tab's slot. With more than {@link #KEEP} sessions, or when
     * storage is full, the oldest closed ones go first (never one open in another tab, this tab's,
     * or one saved by a newer version). Returns what to say: each session dropped, or why this
     * one could not be kept (empty when all went well).
     */
    public List<String> save(String text) {
        beat();
        List<String> said = new ArrayList<>();
        int slots = 0;
        for (String key : store.keys()) {
            slots += key.startsWith(SLOT) && !key.equals(mine()) || key.equals(LEGACY[0]) || key.equals(LEGACY[1]) ? 1 : 0;
        }
        if (slots < KEEP && store.set(mine(), text) == null) {
            return said; // the usual case: no slot read, nothing parsed
        }
        List<Kept> kept = list();
        int others = 0;
        for (Kept k : kept) {
            others += k.mine ? 0 : 1;
        }
        while (others >= KEEP) {
            Kept old = oldest(kept);
            if (old == null) {
                break;
            }
            drop(old, kept, said, "more than " + KEEP + " sessions");
            others--;
        }
        String why = store.set(mine(), text);
        while (why != null) {
            Kept old = oldest(kept);
            if (old == null) {
                String reason = why.contains("Quota") ? "its storage is full" : "it does not allow storage here (" + why + ")";
                said.add(REFUSED + reason + "; use “Export model + data” to keep your work");
                return said;
            }
            drop(old, kept, said, "storage is full");
            why = store.set(mine(), text);
        }
        return said;
    }

    private void drop(Kept old, List<Kept> kept, List<String> said, String because) {
        store.remove(old.key);
        kept.remove(old);
        said.add(because + ": dropped the oldest kept session" + (old.summary.isEmpty() ? "" : " (" + old.summary + ")"));
    }

    private static Kept oldest(List<Kept> kept) {
        for (int i = kept.size() - 1; i >= 0; i--) {
            Kept k = kept.get(i);
            if (!k.mine && !k.open && !k.newer) {
                return k;
            }
        }
        return null;
    }

    /** "just now", "5 min ago", "3 h ago", "2 days ago"; "" without a time. */
    public static String ago(double time, double now) {
        if (Double.isNaN(time)) {
            return "";
        }
        double s = Math.max(0, (now - time) / 1000);
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return (long) (s / 60) + " min ago";
        }
        if (s < 86_400 * 2) {
            return (long) (s / 3600) + " h ago";
        }
        return (long) (s / 86_400) + " days ago";
    }
}

package scratchnet.playground.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every session kept, a slot a tab: listed, resumed, taken on, dropped oldest first, never destroyed by mistake. */
public class ShelfTest {
    /** localStorage as a map, with a size limit in characters (keys and values), as browsers have. */
    public static class MapStore implements Shelf.Store {
        public final Map<String, String> map = new LinkedHashMap<>();
        int capacity = Integer.MAX_VALUE;

        @Override
        public String get(String key) {
            return map.get(key);
        }

        @Override
        public String set(String key, String value) {
            int used = 0;
            for (Map.Entry<String, String> e : map.entrySet()) {
                used += e.getKey().equals(key) ? 0 : e.getKey().length() + e.getValue().length();
            }
            if (used + key.length() + value.length() > capacity) {
                return "QuotaExceededError";
            }
            map.put(key, value);
            return null;
        }

        @Override
        public void remove(String key) {
            map.remove(key);
        }

        @Override
        public List<String> keys() {
            return new ArrayList<>(map.keySet());
        }
    }

    private static final double[] NOW = {1_800_000_000_000.0};

    private static Shelf shelf(MapStore store, String tab) {
        return new Shelf(store, tab, () -> NOW[0]);
    }

    private static String saved(String summary) {
        return Autosave.write("#data=" + summary, false, "{\"model\": \"" + summary + "\"}", null, NOW[0], summary);
    }

    @Test
    void twoTabsKeepTwoSessionsAndTheNewestComesBackFirst() {
        MapStore store = new MapStore();
        Shelf spiral = shelf(store, "a");
        spiral.save(saved("spiral"));
        NOW[0] += 60_000;
        Shelf xor = shelf(store, "b");
        xor.save(saved("xor"));
        assertEquals(2, store.keys().stream().filter(k -> k.startsWith(Shelf.SLOT)).count(), "a slot each");
        List<Shelf.Kept> kept = xor.list();
        assertEquals("xor", kept.get(0).summary);
        assertEquals("spiral", kept.get(1).summary);
        assertTrue(kept.get(0).mine);
        assertFalse(kept.get(1).open, "tab a last beat a minute ago: closed");
        spiral.beat();
        assertTrue(xor.list().get(1).open, "tab a beats again: open");
    }

    @Test
    void aClosedSessionIsTakenOnAndAnOpenOneIsCopied() {
        MapStore store = new MapStore();
        Shelf a = shelf(store, "a");
        a.save(saved("spiral"));
        a.leave(); // tab a closed
        Shelf b = shelf(store, "b");
        Shelf.Kept k = b.resumable();
        assertEquals("spiral", k.summary);
        assertFalse(k.open);
        assertNull(b.take(k));
        assertEquals(List.of(Shelf.SLOT + "b"), b.list().stream().map(x -> x.key).toList(), "moved: listed once");

        Shelf c = shelf(store, "c");
        Shelf.Kept open = c.find(Shelf.SLOT + "b");
        b.beat();
        open = c.find(Shelf.SLOT + "b");
        assertTrue(open.open, "tab b is open");
        assertNull(c.resumable(), "an open tab's session is not resumed elsewhere");
        String note = c.take(open);
        assertTrue(note.startsWith("this session is open in another tab too"), note);
        assertEquals(2, c.list().size(), "copied: both go on");
    }

    @Test
    void aReloadKeepsItsIdAndADuplicatedTabGetsANewOne() {
        MapStore store = new MapStore();
        Shelf a = shelf(store, "a");
        a.save(saved("moons"));
        assertEquals("fresh", Shelf.tabId(store, "a", "fresh", () -> NOW[0]), "tab a still beats: a copy of its id is a duplicate");
        a.leave();
        assertEquals("a", Shelf.tabId(store, "a", "fresh", () -> NOW[0]), "after pagehide: a reload");
        assertEquals("fresh", Shelf.tabId(store, null, "fresh", () -> NOW[0]));
        assertTrue(shelf(store, "a").resumable().mine);
    }

    @Test
    void theOldestClosedGoesFirstWhenStorageIsFullWithANote() {
        MapStore store = new MapStore();
        for (String s : new String[] {"one", "two", "three"}) {
            Shelf t = shelf(store, s);
            t.save(saved(s));
            t.leave();
            NOW[0] += 1000;
        }
        Shelf newer = shelf(store, "newer"); // a slot a newer page wrote: never dropped here
        store.map.put(Shelf.SLOT + "newer", "{\"format\": \"scratchnet-session\", \"version\": 2, \"time\": 1}");
        int used = 0;
        for (Map.Entry<String, String> e : store.map.entrySet()) {
            used += e.getKey().length() + e.getValue().length();
        }
        store.capacity = used + 40; // room for a heartbeat, not for another session
        Shelf four = shelf(store, "four");
        List<String> said = four.save(saved("four"));
        assertEquals(List.of("storage is full: dropped the oldest kept session (one)"), said);
        assertNull(store.get(Shelf.SLOT + "one"));
        assertNotNull(store.get(Shelf.SLOT + "two"));
        assertNotNull(store.get(Shelf.SLOT + "newer"));
        assertNotNull(store.get(Shelf.SLOT + "four"));
        store.capacity = 0;
        List<String> refused = shelf(store, "five").save(saved("five"));
        assertTrue(refused.get(refused.size() - 1).startsWith(Shelf.REFUSED + "its storage is full"), refused.toString());
        assertNotNull(store.get(Shelf.SLOT + "newer"), "still not dropped");
        assertTrue(newer.list().stream().anyMatch(k -> k.newer && k.text == null), "listed, not restorable");
    }

    @Test
    void moreThanTenKeepsTheTenMostRecent() {
        MapStore store = new MapStore();
        for (int i = 0; i < Shelf.KEEP + 2; i++) {
            Shelf t = shelf(store, "t" + i);
            List<String> said = t.save(saved("s" + i));
            t.leave();
            NOW[0] += 1000;
            assertEquals(i < Shelf.KEEP ? 0 : 1, said.size(), said.toString());
        }
        List<Shelf.Kept> kept = shelf(store, "x").list();
        assertEquals(Shelf.KEEP, kept.size());
        assertEquals("s11", kept.get(0).summary);
        assertEquals("s2", kept.get(Shelf.KEEP - 1).summary);
    }

    @Test
    void aDamagedSlotIsSkippedWithItsReasonAndNeverDeleted() {
        MapStore store = new MapStore();
        shelf(store, "a").save(saved("moons"));
        store.map.put(Shelf.SLOT + "bad", "{\"format\": \"scratchnet-session\", \"version\": 1, \"li");
        Shelf b = shelf(store, "b");
        List<Shelf.Kept> kept = b.list();
        assertEquals(1, kept.size());
        assertEquals(1, b.skipped().size());
        assertTrue(b.skipped().get(0).startsWith("not valid JSON"), b.skipped().get(0));
        b.save(saved("xor"));
        assertNotNull(store.get(Shelf.SLOT + "bad"), "kept as it was");
    }

    @Test
    void anOlderPagesOneSlotIsListedAndTakenOn() {
        MapStore store = new MapStore();
        store.map.put("scratchnet.session", Autosave.write("#data=spiral", false, "{}", null));
        Shelf t = shelf(store, "t");
        Shelf.Kept k = t.resumable();
        assertNotNull(k, "the old slot is found");
        assertTrue(Double.isNaN(k.time));
        assertNull(t.take(k));
        assertNull(store.get("scratchnet.session"), "moved into this tab's slot");
        assertNotNull(store.get(Shelf.SLOT + "t"));
    }

    @Test
    void settingAsideKeepsThisTabsSessionUnderAKeyOfItsOwn() {
        MapStore store = new MapStore();
        Shelf t = shelf(store, "t");
        t.save(saved("moons"));
        String key = t.setAside();
        assertTrue(key.startsWith(Shelf.SLOT + "kept-"), key);
        assertNull(store.get(t.mine()));
        assertEquals("moons", t.find(key).summary);
        assertFalse(t.find(key).open, "no tab beats for it: closed");
        t.save(saved("xor"));
        String second = t.setAside(); // in the same millisecond
        assertFalse(second.equals(key), second);
        assertEquals("moons", t.find(key).summary, "the first is not overwritten");
        assertEquals("xor", t.find(second).summary);
    }

    @Test
    void agoInWords() {
        double now = 1e12;
        assertEquals("just now", Shelf.ago(now - 5_000, now));
        assertEquals("5 min ago", Shelf.ago(now - 300_000, now));
        assertEquals("3 h ago", Shelf.ago(now - 3 * 3_600_000, now));
        assertEquals("4 days ago", Shelf.ago(now - 4 * 86_400_000.0, now));
        assertEquals("", Shelf.ago(Double.NaN, now));
    }
}

package scratchnet.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scratchnet.playground.session.DatasetPictures;
import scratchnet.playground.share.ShelfTest;

/** The door's part of every session kept: two tabs, a reopened page, a shared link, start fresh. */
class KeptSessionsTest {
    /** The share tests' map store, as the page's store. */
    static final class Store extends ShelfTest.MapStore implements Keeping.Store {
    }

    private final double[] now = {1_800_000_000_000.0};

    /** A tab opening the page at {@code hash} over {@code store}. */
    private Playground tab(Store store, String id, String hash) {
        Playground p = new Playground(hash);
        p.keeping().keepIn(store, id, id, () -> now[0]);
        p.keeping().resumeAtOpen(hash);
        return p;
    }

    @Test
    void twoTabsSessionsAreBothListedAndRestorable() {
        Store store = new Store();
        Playground spiral = tab(store, "a", "data=spiral");
        for (int k = 0; k < 3; k++) {
            spiral.step();
        }
        assertNull(spiral.keeping().keep());
        now[0] += 1000;
        Playground xor = tab(store, "b", "data=xor");
        xor.step();
        xor.keeping().keep();
        spiral.keeping().leave();
        xor.keeping().leave();
        now[0] += 60_000;

        Playground again = tab(store, "c", ""); // a new tab, no link: the most recent comes back
        assertEquals("xor", again.setting("data"));
        assertEquals(1, again.steps());
        assertTrue(again.keeping().resumed());
        List<Keeping.KeptRow> rows = again.keeping().kept();
        assertEquals(2, rows.size(), "xor now this tab's, spiral waiting");
        assertTrue(rows.get(0).words.startsWith("xor · 8, 8 tanh · step 1 · 1 min ago · this tab"), rows.get(0).words);
        assertFalse(rows.get(0).restorable);
        assertTrue(rows.get(1).words.startsWith("spiral · 8, 8 tanh · step 3"), rows.get(1).words);
        assertTrue(rows.get(1).restorable);
        assertEquals(DatasetPictures.SIDE * DatasetPictures.SIDE, rows.get(1).picture.length);

        Notes said = again.keeping().restoreKept(rows.get(1).key);
        assertTrue(said.lines.get(0).startsWith("restored your last session from this browser, at step 3"), said.lines.get(0));
        assertEquals("spiral", again.setting("data"));
        assertEquals(3, again.steps());
        List<Keeping.KeptRow> after = again.keeping().kept();
        assertEquals(2, after.size(), "the xor session this tab had is kept too, not lost");
        assertTrue(after.stream().anyMatch(r -> r.words.startsWith("xor · 8, 8 tanh · step 1") && r.restorable),
                after.get(0).words + " / " + after.get(1).words);
    }

    @Test
    void aSharedLinkPutsThisTabsSessionAsideAndItComesBack() {
        Store store = new Store();
        Playground p = tab(store, "a", "layers=3");
        p.step();
        p.step();
        p.keeping().keep();
        Playground shared = tab(store, "a", "data=xor"); // the same tab, someone's link
        assertEquals("xor", shared.setting("data"));
        assertTrue(shared.keeping().previousWaiting());
        shared.keeping().keep();
        Notes back = shared.keeping().restorePrevious();
        assertTrue(back.lines.get(0).startsWith("restored your last session from this browser, at step 2"), back.lines.get(0));
        assertEquals("3", shared.setting("layers"));
        assertTrue(shared.keeping().kept().stream().anyMatch(r -> r.words.startsWith("xor")), "the link's session is kept too");
    }

    @Test
    void startFreshKeepsTheSessionItLeavesAndAnUntouchedPageTakesNoSlot() {
        Store store = new Store();
        Playground p = tab(store, "a", "");
        p.keeping().keep();
        assertTrue(store.keys().stream().noneMatch(k -> k.startsWith("scratchnet.session.")), "nothing worth a slot yet");
        p.step();
        p.keeping().keep();
        p.keeping().startFresh();
        assertEquals(0, p.steps());
        List<Keeping.KeptRow> rows = p.keeping().kept();
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).words.startsWith("moons · 8, 8 tanh · step 1"), rows.get(0).words);
        assertTrue(rows.get(0).restorable, "set aside, not lost");
    }

    @Test
    void aDamagedSlotIsSkippedWithANoteAndTheOthersStay() {
        Store store = new Store();
        Playground p = tab(store, "a", "data=spiral");
        p.step();
        p.keeping().keep();
        p.keeping().leave();
        store.map.put("scratchnet.session.broken", "{\"format\": \"scratchnet-session\", \"version\": 1}");
        now[0] += 60_000;
        Playground q = new Playground("");
        q.keeping().keepIn(store, "b", "b", () -> now[0]);
        Notes said = q.keeping().resumeAtOpen("");
        assertEquals("spiral", q.setting("data"), "the readable one came back");
        assertTrue(said.lines.stream().anyMatch(l -> l.startsWith("a session this browser kept could not be read (the model"
                + " or the link is missing), so it was skipped")), said.lines.toString());
        assertNotNull(store.get("scratchnet.session.broken"), "left as it was");
    }
}

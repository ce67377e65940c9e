package scratchnet.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import scratchnet.playground.Playground;

/**
 * Every session kept, in both engines: two tabs' sessions are both listed and restorable after
 * both close; the oldest goes first when storage is full, with a note; a damaged slot is skipped
 * with a note and the others stay.
 */
class SessionsIT extends PageTest {

    private static List<String> rows() {
        List<String> all = new ArrayList<>();
        for (WebElement e : driver().findElements(By.cssSelector("#sessions .session-words"))) {
            all.add(e.getText());
        }
        return all;
    }

    private static String slot(String key) {
        return (String) js("return localStorage.getItem(arguments[0]);", key);
    }

    /** A kept session as a page would write it, saved at {@code time}: the JVM's playground at {@code hash} after one step. */
    private static String kept(String hash, long time) {
        Playground p = new Playground(hash);
        p.step();
        return p.keeping().saveText().replace("{\"format\"", "{\"time\": " + time + ", \"format\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void twoTabsSessionsAreBothListedAndRestorable(String engine) {
        String first = driver().getWindowHandle();
        open(engine, "data=spiral");
        steps(3);
        driver().switchTo().newWindow(WindowType.TAB);
        String second = driver().getWindowHandle();
        browser.openPageAsReturningVisitor(engine, "data=xor");
        steps(1);
        await("both listed in the second tab", () -> rows().size() == 2);
        assertTrue(rows().stream().anyMatch(r -> r.startsWith("spiral · 8, 8 tanh · step 3") && r.endsWith("open in another tab")),
                rows().toString());
        driver().switchTo().newWindow(WindowType.TAB);
        String third = driver().getWindowHandle();
        browser.open("style.css");
        for (String h : new String[] {first, second}) { // both close
            driver().switchTo().window(h);
            driver().close();
        }
        driver().switchTo().window(third);
        browser.openPageAsReturningVisitor(engine, "");
        awaitText("step-count", "1");
        assertEquals("xor", driver().findElement(By.id("set-data")).getAttribute("value"), "the most recent came back");
        assertTrue(text("notes").contains("restored your last session from this browser, at step 1"), text("notes"));
        await("two listed", () -> rows().size() == 2);
        assertTrue(rows().get(0).startsWith("xor · 8, 8 tanh · step 1") && rows().get(0).endsWith("this tab"), rows().toString());
        assertTrue(rows().get(1).startsWith("spiral · 8, 8 tanh · step 3"), rows().toString());
        assertEquals(2, driver().findElements(By.cssSelector("#sessions li")).get(1).findElements(By.tagName("button")).size(),
                "restore and delete");
        driver().findElements(By.cssSelector("#sessions li")).get(1).findElement(By.tagName("button")).click();
        awaitText("step-count", "3");
        assertEquals("spiral", driver().findElement(By.id("set-data")).getAttribute("value"));
        await("xor kept too", () -> rows().stream().anyMatch(r -> r.startsWith("xor · 8, 8 tanh · step 1")));
        long pictures = (Long) js("var n = 0; for (const c of document.querySelectorAll('#sessions canvas')) {"
                + " var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (var i = 0; i < d.length; i += 4) if (d[i + 3] > 0) { n++; break; } } return n;");
        assertEquals(2L, pictures, "each row has its picture");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void theOldestGoesFirstWhenStorageIsFull(String engine) {
        browser.forgetSession();
        js("localStorage.setItem('scratchnet.session.old', arguments[0]); localStorage.setItem('scratchnet.session.newer', arguments[1]);",
                kept("data=circles&points=1000", 1_000_000_000_000L), kept("data=gaussians", 1_700_000_000_000L));
        browser.openPageAsReturningVisitor(engine, "data=xor"); // a link: the kept ones wait in the list
        await("both listed, and this tab's", () -> rows().size() == 3);
        js("localStorage.removeItem('scratchnet.session.' + sessionStorage.getItem('scratchnet.tab'));" // its next save must find room
                + "let size = 1 << 20, i = 0;"
                + "while (size >= 16) { try { localStorage.setItem('filler' + i++, 'x'.repeat(size)); }"
                + " catch (e) { size = size >> 1; } }");
        try {
            steps(1);
            await("the note", () -> text("notes").contains("storage is full: dropped the oldest kept session (circles · 8, 8 tanh · step 1)"));
            assertNull(slot("scratchnet.session.old"), "the oldest went");
            assertNotNull(slot("scratchnet.session.newer"), "the other stayed");
            assertTrue((Boolean) js("return Object.keys(localStorage).some(k => k.startsWith('scratchnet.session.')"
                    + " && localStorage.getItem(k).indexOf('data=xor') >= 0);"), "this tab's session is kept");
        } finally {
            js("for (const k of Object.keys(localStorage)) { if (k.startsWith('filler')) localStorage.removeItem(k); }");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wasm", "js"})
    void aDamagedSlotIsSkippedWithANoteAndTheOthersStay(String engine) {
        browser.forgetSession();
        js("localStorage.setItem('scratchnet.session.good', arguments[0]);"
                + " localStorage.setItem('scratchnet.session.bad', '{\"format\": \"scratchnet-session\", \"version\": 1, \"li');",
                kept("data=spiral", 1_700_000_000_000L));
        browser.openPageAsReturningVisitor(engine, "");
        awaitText("step-count", "1");
        assertEquals("spiral", driver().findElement(By.id("set-data")).getAttribute("value"));
        assertTrue(text("notes").contains("a session this browser kept could not be read (not valid JSON"), text("notes"));
        assertNotNull(slot("scratchnet.session.bad"), "left as it was");
        assertFalse(rows().isEmpty());
    }
}

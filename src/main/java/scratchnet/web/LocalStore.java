package scratchnet.web;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import scratchnet.playground.Keeping;

/**
 * The browser's localStorage, where it can be used: reading gives null and writing says why when
 * storage is disabled (private modes, blocked cookies) or full. The try/catch stays in JS, the
 * same for both engines. {@link #STORE} hands it to the playground's list of kept sessions; this
 * tab's id lives in sessionStorage, so a reload keeps it.
 */
final class LocalStore {
    private LocalStore() {
    }

    /** localStorage as the kept sessions' store. */
    static final Keeping.Store STORE = new Keeping.Store() {
        @Override
        public String get(String key) {
            return LocalStore.get(key);
        }

        @Override
        public String set(String key, String value) {
            return LocalStore.set(key, value);
        }

        @Override
        public void remove(String key) {
            LocalStore.remove(key);
        }

        @Override
        public List<String> keys() {
            List<String> keys = new ArrayList<>();
            for (String k : allKeys().split("\n")) {
                if (!k.isEmpty()) {
                    keys.add(k);
                }
            }
            return keys;
        }
    };

    /** The value kept under {@code key}, or null if there is none or storage cannot be read. */
    @JSBody(params = "key", script = "try { return window.localStorage.getItem(key); } catch (e) { return null; }")
    static native String get(String key);

    /** Keeps {@code value} under {@code key}; returns null, or the browser's reason it could not. */
    @JSBody(params = {"key", "value"}, script = "try { window.localStorage.setItem(key, value); return null; }"
            + " catch (e) { return String(e && e.name || e); }")
    static native String set(String key, String value);

    /** Forgets {@code key}, if storage can be used. */
    @JSBody(params = "key", script = "try { window.localStorage.removeItem(key); } catch (e) { }")
    static native void remove(String key);

    /** Every key kept, one a line ("" when storage cannot be read). */
    @JSBody(script = "try { var s = window.localStorage, k = []; for (var i = 0; i < s.length; i++) { k.push(s.key(i)); }"
            + " return k.join('\\n'); } catch (e) { return ''; }")
    private static native String allKeys();

    /** This tab's id as sessionStorage keeps it, or null. */
    @JSBody(script = "try { return window.sessionStorage.getItem('scratchnet.tab'); } catch (e) { return null; }")
    static native String tab();

    /** Keeps this tab's id in sessionStorage. */
    @JSBody(params = "id", script = "try { window.sessionStorage.setItem('scratchnet.tab', id); } catch (e) { }")
    static native void tab(String id);

    /** A new tab id: the time and a random part (no training uses it). */
    @JSBody(script = "return Date.now().toString(36) + Math.random().toString(36).slice(2, 8);")
    static native String freshTab();

    /** A storage event's key ("" for a clear). */
    @JSBody(params = "e", script = "return e.key == null ? '' : String(e.key);")
    static native String key(org.teavm.jso.dom.events.Event e);

    /** The wall-clock time, ms since 1970. */
    @JSBody(script = "return Date.now();")
    static native double now();
}

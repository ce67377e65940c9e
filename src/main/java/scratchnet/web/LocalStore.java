package scratchnet.web;

import org.teavm.jso.JSBody;

/**
 * The browser's localStorage, where it can be used: reading gives null and writing says why when
 * storage is disabled (private modes, blocked cookies) or full. The try/catch stays in JS, the
 * same for both engines.
 */
final class LocalStore {
    private LocalStore() {
    }

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
}

package scratchnet.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Runs something once, when an element first comes near the screen: the start-up
 * draws what is below a phone's fold (the network diagram, the datasets' pictures) only when it is
 * scrolled near, so the first screen is ready sooner. Where the browser has no
 * IntersectionObserver it runs at once.
 */
final class WhenSeen {
    private WhenSeen() {
    }

    @JSFunctor
    interface Action extends JSObject {
        void run();
    }

    /** Calls {@code action} once, the first time {@code element} is within a quarter of a viewport's height of the screen. */
    static void run(HTMLElement element, Action action) {
        observe(element, action);
    }

    @JSBody(params = {"element", "action"}, script = "if (!('IntersectionObserver' in window)) { action(); return; }"
            + " const o = new IntersectionObserver(es => { if (es.some(e => e.isIntersecting)) { o.disconnect(); action(); } },"
            + " {rootMargin: '25% 0px'}); o.observe(element);")
    private static native void observe(HTMLElement element, Action action);
}

package scratchnet.web;

import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/** The DOM chores every part of the page needs. */
final class Dom {
    /** The element with this id; a page missing one is a bug, reported by name. */
    static HTMLElement element(HTMLDocument document, String id) {
        HTMLElement e = document.getElementById(id);
        if (e == null) {
            throw new IllegalStateException("the page has no #" + id);
        }
        return e;
    }

    static void show(HTMLElement e, boolean visible) {
        if (visible) {
            e.removeAttribute("hidden");
        } else {
            e.setAttribute("hidden", "");
        }
    }

    /**
     * Sets the element's text only if it differs: writing even the same text makes the browser lay
     * the page out again, which with the inspector open costs milliseconds per frame.
     */
    static void text(HTMLElement e, String text) {
        if (!text.equals(e.getTextContent())) {
            e.setTextContent(text);
        }
    }

    /** Matches a canvas's pixels to its size on screen (device pixels); leaves a hidden one alone. */
    static void fitCanvas(HTMLCanvasElement canvas) {
        double ratio = Window.current().getDevicePixelRatio();
        int w = (int) Math.round(canvas.getClientWidth() * ratio);
        int h = (int) Math.round(canvas.getClientHeight() * ratio);
        if (w > 0 && (canvas.getWidth() != w || canvas.getHeight() != h)) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
    }

    private Dom() {
    }
}

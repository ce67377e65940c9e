package scratchnet.web;

import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/** The DOM chores every part of the page needs: the one way to find elements, show, write text, size canvases, dash lines. */
public final class Dom {
    /** The element with this id; a page missing one is a bug, reported by name. */
    public static HTMLElement element(HTMLDocument document, String id) {
        HTMLElement e = document.getElementById(id);
        if (e == null) {
            throw new IllegalStateException("the page has no #" + id);
        }
        return e;
    }

    /** The element with this id, or null where the page may leave it out. */
    public static HTMLElement optional(HTMLDocument document, String id) {
        return document.getElementById(id);
    }

    /** Removes every child of {@code e}. */
    public static void clear(HTMLElement e) {
        while (e.getFirstChild() != null) {
            e.removeChild(e.getFirstChild());
        }
    }

    public static void show(HTMLElement e, boolean visible) {
        if (visible) {
            e.removeAttribute("hidden");
        } else {
            e.setAttribute("hidden", "");
        }
    }

    /** Shows the element with {@code text}, or hides it (keeping its last text) when there is none. */
    public static void note(HTMLElement e, String text) {
        if (text != null) {
            text(e, text);
        }
        show(e, text != null);
    }

    /**
     * Sets the element's text only if it differs: writing even the same text makes the browser lay
     * the page out again, which with the inspector open costs milliseconds per frame.
     */
    public static void text(HTMLElement e, String text) {
        if (!text.equals(e.getTextContent())) {
            e.setTextContent(text);
        }
    }

    /** Sets an attribute only if it differs (see {@link #text}). */
    public static void attribute(HTMLElement e, String name, String value) {
        if (!value.equals(e.getAttribute(name))) {
            e.setAttribute(name, value);
        }
    }

    /**
     * Matches a canvas's pixels to its size on screen (device pixels, at least {@code minWidth} ×
     * {@code minHeight} CSS pixels); leaves a hidden one (width 0) alone when the minimum is 0.
     */
    public static void fitCanvas(HTMLCanvasElement canvas, double minWidth, double minHeight) {
        double ratio = Window.current().getDevicePixelRatio();
        int w = (int) Math.round(Math.max(minWidth, canvas.getClientWidth()) * ratio);
        int h = (int) Math.round(Math.max(minHeight, canvas.getClientHeight()) * ratio);
        if (w > 0 && (canvas.getWidth() != w || canvas.getHeight() != h)) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
    }

    /** {@link #fitCanvas(HTMLCanvasElement, double, double)} with no minimum. */
    public static void fitCanvas(HTMLCanvasElement canvas) {
        fitCanvas(canvas, 0, 0);
    }

    /** A canvas line dash: {@code on} drawn, {@code off} left, in canvas pixels; {@code JSArray.create()} is a solid line. */
    public static JSArray<JSObject> dash(double on, double off) {
        JSArray<JSObject> dash = JSArray.create();
        dash.push(JSNumber.valueOf(on));
        dash.push(JSNumber.valueOf(off));
        return dash;
    }

    /** Names a select's options in order by {@code labels} (their values stay the settings' words), touching only those that differ. */
    public static void labels(HTMLSelectElement select, String[] labels) {
        for (int i = 0; i < select.getOptions().getLength() && i < labels.length; i++) {
            HTMLElement o = (HTMLElement) select.getOptions().get(i);
            if (!labels[i].equals(o.getTextContent())) {
                o.setTextContent(labels[i]);
            }
        }
    }

    private Dom() {
    }
}

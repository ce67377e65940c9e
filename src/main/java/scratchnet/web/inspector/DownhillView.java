package scratchnet.web.inspector;

import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.playground.inspect.Downhill;
import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.inspect.NetworkPlane;
import scratchnet.web.Dom;

/**
 * The "Downhill" view under the diagram. The map: the loss over two chosen parameters (or the whole
 * network's on a plane) as colour and contour lines, the current weights as a dot, the gradient
 * (uphill, white) and the next step (downhill, black) as arrows, the path taken. Beside it the loss
 * along −g with the learning rate marked, and in {@code #downhill-next} the train loss the next
 * step will give. It draws what {@link Downhill} and {@link NetworkPlane} compute, a slice a frame
 * while the view is open.
 */
final class DownhillView {
    private static final String[] SURFACE_LABELS = {"two parameters", "network: random plane",
        "network: its path's plane", "network: two runs' plane"};

    private static final String PAIR_LEGEND = "Dot: the weights now. White arrow: the gradient, uphill (a third of the map long)."
            + " Black arrow: the next step −lr · grad, to scale. Line: the path so far.";
    private static final String PLANE_LEGEND = "Dot: the weights now, every parameter. Line: the path so far, as it projects"
            + " onto this plane (the text says how far off it the path lies).";
    private static final String RUNS_LEGEND = "Dark dot and white line: run A now and its path; orange: run B's. Both start"
            + " at the line's common end.";

    private final Inspector inspector;
    private final HTMLSelectElement surface;
    private final HTMLSelectElement first;
    private final HTMLSelectElement second;
    private final HTMLElement pairControls;
    private final HTMLCanvasElement map;
    private final CanvasRenderingContext2D context;
    private final HTMLCanvasElement cells;
    private final CanvasRenderingContext2D cellsContext;
    private ImageData image;
    private Int32Array pixels;
    private final HTMLCanvasElement lineCanvas;
    private final CanvasRenderingContext2D line;
    private final HTMLElement next;
    private final HTMLElement axes;
    private final HTMLElement problem;
    private final HTMLElement legend;
    private String[] listed; // the names the selects list: a new array means a new model
    private String drawn = "";
    private String worded = "";
    private int frames; // what the texts and the line were last written for // what the map shows: the surface, and for the pair its two parameters

    DownhillView(HTMLDocument document, Inspector inspector) {
        this.inspector = inspector;
        surface = (HTMLSelectElement) Dom.element(document, "set-surface");
        first = (HTMLSelectElement) Dom.element(document, "set-p1");
        second = (HTMLSelectElement) Dom.element(document, "set-p2");
        pairControls = (HTMLElement) first.getParentNode();
        map = (HTMLCanvasElement) Dom.element(document, "downhill-map");
        context = (CanvasRenderingContext2D) map.getContext("2d");
        cells = (HTMLCanvasElement) document.createElement("canvas");
        cellsContext = (CanvasRenderingContext2D) cells.getContext("2d");
        lineCanvas = (HTMLCanvasElement) Dom.element(document, "downhill-line");
        line = (CanvasRenderingContext2D) lineCanvas.getContext("2d");
        next = Dom.element(document, "downhill-next");
        axes = Dom.element(document, "downhill-axes");
        problem = Dom.element(document, "downhill-problem");
        legend = Dom.element(document, "downhill-legend");
    }

    /**
     * One frame while the view is shown: the next slice of the map chosen by the {@code surface}
     * setting, then whatever it changed. Returns true while work remains.
     */
    boolean paint(String surfaceKind) {
        Dom.labels(surface, SURFACE_LABELS);
        Downhill d = inspector.downhill();
        String[] names = inspector.parameterNames();
        if (names != listed) {
            listed = names;
            fill(first, names);
            fill(second, names);
        }
        int[] pair = d.pair();
        first.setValue(Integer.toString(pair[0]));
        second.setValue(Integer.toString(pair[1]));
        boolean pairMap = surfaceKind.equals("pair");
        Dom.show(pairControls, pairMap);
        NetworkPlane plane = inspector.plane();
        if (!pairMap) {
            plane.kind(NetworkPlane.Kind.of(surfaceKind));
        }
        boolean moved;
        if (pairMap) {
            moved = d.advance(true);
        } else { // the plane's slice every frame; the forecast and the line (remade at each step while playing) every other
            moved = plane.advance();
            if (!moved || (frames++ & 1) == 0) {
                moved |= d.advance(false);
            }
        }
        String now = surfaceKind + ":" + pair[0] + ":" + pair[1];
        if (moved || !now.equals(drawn)) {
            drawn = now;
            if (pairMap) {
                drawPair(d);
            } else {
                drawPlane(plane);
            }
        }
        String words = now + ":" + d.version() + ":" + plane.version(); // the texts change only with these
        if (!words.equals(worded)) {
            worded = words;
            drawLine(d);
            Dom.text(next, d.nextText());
            Dom.text(legend, pairMap ? PAIR_LEGEND : surfaceKind.equals("runs") ? RUNS_LEGEND : PLANE_LEGEND);
            String why = d.problem() != null ? d.problem() : pairMap ? null : plane.problem();
            Dom.note(problem, why);
            Dom.text(axes, pairMap ? d.axesText() : sentences(plane.text(), plane.problem() == null ? plane.offPlaneText() : ""));
        }
        return !d.done(pairMap) || !pairMap && !plane.done();
    }

    /** Texts as sentences: each capitalised and ended with a full stop. */
    private static String sentences(String... texts) {
        StringBuilder out = new StringBuilder();
        for (String t : texts) {
            if (t == null || t.isEmpty()) {
                continue;
            }
            out.append(out.length() > 0 ? " " : "").append(Character.toUpperCase(t.charAt(0))).append(t, 1, t.length());
            if (!t.endsWith(".")) {
                out.append('.');
            }
        }
        return out.toString();
    }

    private static void fill(HTMLSelectElement select, String[] names) {
        Dom.clear(select);
        for (int i = 0; i < names.length; i++) {
            HTMLElement o = Window.current().getDocument().createElement("option");
            o.setAttribute("value", Integer.toString(i));
            o.setTextContent(names[i]);
            select.appendChild(o);
        }
    }

    /** The cells into the map, scaled up from a canvas of one pixel per cell. */
    private void drawCells(int side, int[] values) {
        if (image == null || cells.getWidth() != side) {
            cells.setWidth(side);
            cells.setHeight(side);
            image = cellsContext.createImageData(side, side);
            pixels = Int32Array.create(image.getData().getBuffer());
        }
        Dom.fitCanvas(map);
        pixels.set(values);
        cellsContext.putImageData(image, 0, 0);
        context.clearRect(0, 0, map.getWidth(), map.getHeight());
        context.drawImage(cells, 0, 0, map.getWidth(), map.getHeight());
    }

    private void drawPair(Downhill d) {
        drawCells(d.side(), d.pixels());
        double unit = map.getWidth() / 240.0;
        drawContours(d.contours(), unit);
        drawPath(d.pathPoints(), "rgba(255, 255, 255, 0.9)", unit);
        double[] dot = d.dot();
        double[] up = d.uphill();
        double[] step = d.step();
        if (up != null) {
            arrow(dot, up, "#ffffff", unit);
        }
        if (step != null) {
            arrow(dot, step, "#202124", unit);
        }
        if (d.problem() == null) {
            drawDot(dot, "#202124", unit);
        }
    }

    private void drawPlane(NetworkPlane plane) {
        drawCells(plane.side(), plane.pixels());
        double unit = map.getWidth() / 240.0;
        drawContours(plane.contours(), unit);
        double[][] paths = plane.paths();
        String[] colours = {"rgba(255, 255, 255, 0.9)", "rgba(255, 140, 0, 0.95)"};
        for (int k = 0; k < paths.length; k++) {
            drawPath(paths[k], colours[Math.min(k, 1)], unit);
            int n = paths[k].length;
            if (k > 0 && n >= 2) { // run B's weights now: the end of its path
                drawDot(new double[] {paths[k][n - 2], paths[k][n - 1]}, "#e8710a", unit);
            }
        }
        double[] dot = plane.dot(); // null before the first map, or with a problem
        if (dot != null) {
            drawDot(dot, "#202124", unit);
        }
    }

    private void drawContours(double[] segments, double unit) {
        if (segments.length == 0) {
            return;
        }
        double w = map.getWidth();
        double h = map.getHeight();
        context.setStrokeStyle("rgba(255, 255, 255, 0.45)");
        context.setLineWidth(0.8 * unit);
        context.beginPath();
        for (int i = 0; i + 3 < segments.length; i += 4) {
            context.moveTo(segments[i] * w, segments[i + 1] * h);
            context.lineTo(segments[i + 2] * w, segments[i + 3] * h);
        }
        context.stroke();
    }

    private void drawPath(double[] path, String colour, double unit) {
        if (path.length < 4) {
            return;
        }
        double w = map.getWidth();
        double h = map.getHeight();
        context.setStrokeStyle(colour);
        context.setLineWidth(1.5 * unit);
        context.beginPath();
        context.moveTo(path[0] * w, path[1] * h);
        for (int i = 2; i + 1 < path.length; i += 2) {
            context.lineTo(path[i] * w, path[i + 1] * h);
        }
        context.stroke();
    }

    private void drawDot(double[] dot, String colour, double unit) {
        context.setFillStyle(colour);
        context.setStrokeStyle("#ffffff");
        context.setLineWidth(1.5 * unit);
        context.beginPath();
        context.arc(dot[0] * map.getWidth(), dot[1] * map.getHeight(), 4 * unit, 0, 2 * Math.PI);
        context.fill();
        context.stroke();
    }

    private void arrow(double[] from, double[] to, String colour, double unit) {
        double w = map.getWidth();
        double h = map.getHeight();
        double x0 = from[0] * w;
        double y0 = from[1] * h;
        double x1 = to[0] * w;
        double y1 = to[1] * h;
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len < 1) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double head = Math.min(9 * unit, len / 2);
        context.setStrokeStyle(colour);
        context.setFillStyle(colour);
        context.setLineWidth(2.2 * unit);
        context.beginPath();
        context.moveTo(x0, y0);
        context.lineTo(x1 - ux * head * 0.8, y1 - uy * head * 0.8);
        context.stroke();
        context.beginPath();
        context.moveTo(x1, y1);
        context.lineTo(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5);
        context.lineTo(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5);
        context.fill();
    }

    /** The loss along −g: step sizes 0 to 3·lr across, the loss up (its own range), this rate's step marked. */
    private void drawLine(Downhill d) {
        Dom.fitCanvas(lineCanvas);
        double w = lineCanvas.getWidth();
        double h = lineCanvas.getHeight();
        line.clearRect(0, 0, w, h);
        double[] v = d.lineValues();
        if (v == null) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            if (Double.isFinite(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(hi >= lo)) {
            return;
        }
        double unit = w / Math.max(1, lineCanvas.getClientWidth()); // the device's pixels per CSS pixel
        double span = hi > lo ? hi - lo : 1;
        double left = 6 * unit;
        double right = w - 6 * unit;
        double top = 6 * unit;
        double bottom = h - 16 * unit; // room for the axis' words
        int rate = d.lineRateSample();
        double xr = left + (right - left) * rate / (v.length - 1);
        line.setStrokeStyle("#0877bd");
        line.setLineWidth(1.5 * unit);
        line.beginPath();
        line.moveTo(xr, top);
        line.lineTo(xr, bottom);
        line.stroke();
        line.setStrokeStyle("#202124");
        line.beginPath();
        boolean started = false;
        for (int k = 0; k < v.length; k++) {
            if (!Double.isFinite(v[k])) {
                started = false;
                continue;
            }
            double x = left + (right - left) * k / (v.length - 1);
            double y = top + (bottom - top) * (1 - (v[k] - lo) / span);
            if (started) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                started = true;
            }
        }
        line.stroke();
        line.setFillStyle("#5f6368");
        line.setFont(Math.round(10 * unit) + "px system-ui, sans-serif");
        line.setTextBaseline("bottom");
        line.setTextAlign("left");
        line.fillText("0", left, h - unit);
        line.setTextAlign("center");
        line.fillText("lr", xr, h - unit);
        line.setTextAlign("right");
        line.fillText("3·lr", right, h - unit);
    }
}

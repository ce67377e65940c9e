package scratchnet.web.inspector;

import scratchnet.playground.inspect.Diagram;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Thumbnails;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArray;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.web.Dom;

/**
 * The network as a picture ({@link Diagram}'s numbers): the inputs on the left, a column per
 * layer, the output on the right. Every weight is a line, as wide as its size and coloured by its
 * sign (blue +, orange −); every neuron shows its thumbnail (its output over the plane, the
 * selected point marked on it in the colour of the neuron's output there) and its bias beside it.
 *
 * <p>Over each neuron lies a transparent button named for what it computes: the neurons can be
 * reached by keyboard (one tab stop, arrow keys between neurons), hovered, focused or tapped. Hover
 * and focus preview the neuron on the main picture, leaving and blur and Escape end it, a second
 * tap on a touch screen too; a click (or Enter) selects it.
 */
final class NetworkDiagram {
    interface Listener {
        /** A neuron was clicked: layer 0 = the first hidden. */
        void picked(int layer, int neuron);

        /** Show this neuron on the picture (layer −1: an input). */
        void preview(int layer, int neuron);

        /** Show the model's output on the picture again. */
        void endPreview();

        /** A weight's line was clicked: layer {@code layer}'s neuron {@code neuron}, its weight on input {@code input}. */
        void pickedWeight(int layer, int neuron, int input);
    }

    private static final String POSITIVE = HeatMap.css(HeatMap.POSITIVE);
    private static final String NEGATIVE = HeatMap.css(HeatMap.NEGATIVE);

    private final HTMLDocument document;
    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private final HTMLElement overlay; // the neurons' buttons
    private final HTMLElement layerControls; // each hidden layer's +/− and activation, placed over its column (LayerEditor fills it)
    private final Listener listener;
    private final HTMLCanvasElement atlas; // every thumbnail, stacked (Thumbnails.pixels)
    private final CanvasRenderingContext2D atlasContext;
    private ImageData atlasImage;
    private Int32Array atlasPixels; // atlasImage's RGBA bytes, one int per pixel
    private Thumbnails blitted; // the thumbnails in the atlas
    private int[] widths = new int[0]; // widths[0] = inputs, then each layer
    private int[] inputRows = new int[0]; // each input's row in the input column
    private int inputSlots = 1; // the input column's rows (every feature, see Diagram.FEATURE_ROWS)
    private double[][][] weights = new double[0][][];
    private boolean gradients; // the lines show each weight's grad instead of the weight
    private double radius;
    private final List<HTMLElement[]> buttons = new ArrayList<>(); // per column, per neuron
    private String laidOut = ""; // the buttons' geometry: widths and size on screen
    private int focusColumn = 1; // the neuron that takes the tab stop
    private int focusRow;
    private boolean touched; // the coming click is a tap
    private boolean tappedFocused; // ... on the neuron already focused (and previewed)

    NetworkDiagram(HTMLDocument document, HTMLCanvasElement canvas, HTMLElement overlay, HTMLElement layerControls,
                   Listener listener) {
        this.document = document;
        this.canvas = canvas;
        this.overlay = overlay;
        this.layerControls = layerControls;
        canvas.addEventListener("click", e -> {
            org.teavm.jso.dom.events.MouseEvent m = (org.teavm.jso.dom.events.MouseEvent) e;
            int[] w = weightAt(m.getOffsetX(), m.getOffsetY());
            if (w != null) {
                listener.pickedWeight(w[0], w[1], w[2]);
            }
        });
        this.listener = listener;
        context = (CanvasRenderingContext2D) canvas.getContext("2d");
        atlas = (HTMLCanvasElement) document.createElement("canvas");
        atlasContext = (CanvasRenderingContext2D) atlas.getContext("2d");
    }

    // The inputs at the left edge, beside the features' labels; room on the right for the output's bias.
    private double x(int column) {
        double w = canvas.getClientWidth();
        double left = radius + 3;
        double right = w - radius - 50; // room for the output's bias label
        return left + (right - left) * column / Math.max(1, widths.length - 1);
    }

    // Rows evenly spread, 8 px in at the top and bottom; the inputs in their features' rows, as
    // style.css's .features lists every feature beside them.
    private double y(int column, int row) {
        double h = canvas.getClientHeight();
        int rows = column == 0 ? inputSlots : widths[column];
        int at = column == 0 ? inputRows[row] : row;
        double step = (h - 16) / rows;
        return 8 + step * (at + 0.5);
    }

    /** The distance between two neurons' centres in column {@code column}. */
    private double rowStep(int column) {
        return (canvas.getClientHeight() - 16) / (column == 0 ? inputSlots : widths[column]);
    }

    /** The weight whose line passes within 4 CSS pixels of (px, py), as {layer, neuron, input}; null for none. */
    private int[] weightAt(double px, double py) {
        int[] best = null;
        double bestDistance = 4;
        for (int l = 0; l < weights.length; l++) {
            for (int o = 0; o < weights[l].length; o++) {
                for (int i = 0; i < weights[l][o].length; i++) {
                    double d = distance(px, py, x(l) + radius, y(l, i), x(l + 1) - radius, y(l + 1, o));
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = new int[] {l, o, i};
                    }
                }
            }
        }
        return best;
    }

    private static double distance(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / Math.max(1e-9, dx * dx + dy * dy)));
        double ex = ax + t * dx - px;
        double ey = ay + t * dy - py;
        return Math.sqrt(ex * ex + ey * ey);
    }

    private final JSArray<JSObject> solid = JSArray.create();
    private final JSArray<JSObject> nearZeroDash = Dom.dash(2, 3);

    /** The lines show each weight's grad (colour its sign, width its size) instead of the weight, or the weights again. */
    void showGradients(boolean on) {
        gradients = on;
    }

    /**
     * Marks the neurons the health view found dead (a red ✕) or saturated on every training point
     * (a purple ring), {@code [layer][neuron]}; null for no marks.
     */
    void marks(boolean[][] dead, boolean[][] saturated) {
        this.dead = dead;
        this.saturated = saturated;
    }

    private boolean[][] dead;
    private boolean[][] saturated;

    private static boolean marked(boolean[][] marks, int layer, int neuron) {
        return marks != null && layer < marks.length && neuron < marks[layer].length && marks[layer][neuron];
    }

    /** @param selectedLayer the selected neuron's layer (0 = first hidden) */
    void paint(Diagram d, int selectedLayer, int selectedNeuron) {
        Dom.fitCanvas(canvas);
        double ratio = Window.current().getDevicePixelRatio();
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        widths = d.widths;
        inputRows = d.inputRows;
        inputSlots = d.inputSlots;
        weights = d.weights;
        int tallest = inputSlots;
        for (int w : widths) {
            tallest = Math.max(tallest, w);
        }
        // Thumbnails up to 28 CSS pixels a side, smaller when a column is crowded.
        radius = Math.max(3, Math.min(14, (canvas.getClientHeight() - 16) / tallest * 0.4));
        layOutButtons(d);

        // The weights: positive and negative each in four width classes, one path per class; near
        // zero (class 0, where L1 drives many) a faint dashed hairline, so they read as "off".
        for (int sign = -1; sign <= 1; sign += 2) {
            context.setStrokeStyle(sign > 0 ? POSITIVE : NEGATIVE);
            for (int width = 0; width <= 4; width++) {
                context.setLineWidth(width == 0 ? 0.5 : width == 1 ? 0.6 : width * 1.1 - 0.6);
                context.setGlobalAlpha(width == 0 ? 0.3 : width == 1 ? 0.45 : 0.8);
                context.setLineDash(width == 0 ? nearZeroDash : solid);
                context.beginPath();
                double[][][] lines = gradients ? d.grads : d.weights;
                for (int l = 0; l < lines.length; l++) {
                    for (int o = 0; o < lines[l].length; o++) {
                        double[] row = lines[l][o];
                        for (int i = 0; i < row.length; i++) {
                            int w = gradients ? d.gradWidthClass(row[i]) : d.widthClass(row[i]);
                            if ((row[i] >= 0) != (sign > 0) || w != width) {
                                continue;
                            }
                            context.moveTo(x(l) + radius, y(l, i));
                            context.lineTo(x(l + 1) - radius, y(l + 1, o));
                        }
                    }
                }
                context.stroke();
            }
        }
        context.setGlobalAlpha(1);
        context.setLineDash(solid);

        Thumbnails t = d.thumbnails;
        if (t != null && t != blitted) {
            blit(t);
        }
        // The neurons: each its thumbnail (the inputs square, the others round), or filled by its
        // output on the selected point where there are no thumbnails.
        context.setFont("10px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace");
        context.setTextBaseline("middle");
        for (int c = 0; c < widths.length; c++) {
            for (int o = 0; o < widths[c]; o++) {
                double cx = x(c);
                double cy = y(c, o);
                boolean picked = c - 1 == selectedLayer && o == selectedNeuron;
                context.beginPath();
                if (c == 0) {
                    context.rect(cx - radius, cy - radius, 2 * radius, 2 * radius);
                } else {
                    context.arc(cx, cy, radius, 0, 2 * Math.PI);
                }
                if (t != null) {
                    context.save();
                    context.clip();
                    context.drawImage(atlas, 0, t.index(c, o) * t.side, t.side, t.side,
                            cx - radius, cy - radius, 2 * radius, 2 * radius);
                    context.restore();
                } else {
                    context.setFillStyle(HeatMap.css(d.fill[c][o]));
                    context.fill();
                }
                context.setStrokeStyle(picked ? "#202124" : "#80868b");
                context.setLineWidth(picked ? 3 : 1);
                context.stroke();
                if (c > 0 && marked(saturated, c - 1, o)) {
                    context.beginPath();
                    context.arc(cx, cy, radius + 2.5, 0, 2 * Math.PI);
                    context.setStrokeStyle("#8e24aa"); // purple: the weights' lines are blue and orange
                    context.setLineWidth(2);
                    context.stroke();
                }
                if (c > 0 && marked(dead, c - 1, o)) {
                    double r = radius * 0.75;
                    context.beginPath();
                    context.moveTo(cx - r, cy - r);
                    context.lineTo(cx + r, cy + r);
                    context.moveTo(cx + r, cy - r);
                    context.lineTo(cx - r, cy + r);
                    context.setStrokeStyle("#d93025");
                    context.setLineWidth(2.5);
                    context.stroke();
                }
                if (t != null && d.marker != null && radius >= 5) {
                    // The selected point, in the colour of this neuron's output there.
                    double mx = cx - radius + 2 * radius * d.marker[0];
                    double my = cy - radius + 2 * radius * d.marker[1];
                    context.beginPath();
                    context.arc(mx, my, 2.2, 0, 2 * Math.PI);
                    context.setFillStyle(HeatMap.css(d.fill[c][o]));
                    context.fill();
                    context.setStrokeStyle("#202124");
                    context.setLineWidth(1);
                    context.stroke();
                }
                context.setFillStyle("#3c4043");
                context.setTextAlign("left");
                if (c == 0 && inputSlots == Diagram.FEATURE_ROWS) {
                    // named by the features' labels beside the column
                } else if (c == 0) {
                    context.setTextAlign("center");
                    context.setStrokeStyle("rgba(255, 255, 255, 0.85)"); // a halo, readable over the thumbnail
                    context.setLineWidth(3);
                    context.strokeText(d.inputs[o], cx, cy);
                    context.fillText(d.inputs[o], cx, cy);
                } else if ((radius >= 5 && rowStep(c) >= 12) || picked) {
                    // The bias beside its neuron, level with it: in its own row, never over the next neuron.
                    String text = d.bias[c][o];
                    double tx = cx + radius + 3;
                    double ty = cy;
                    context.setStrokeStyle("rgba(255, 255, 255, 0.85)"); // a halo, readable over the weights
                    context.setLineWidth(3);
                    context.strokeText(text, tx, ty);
                    context.fillText(text, tx, ty);
                }
            }
        }
    }

    /** Every thumbnail into the atlas, in one image-data write. */
    private void blit(Thumbnails t) {
        int height = t.side * t.count();
        if (atlasImage == null || atlas.getWidth() != t.side || atlas.getHeight() != height) {
            atlas.setWidth(t.side);
            atlas.setHeight(height);
            atlasImage = atlasContext.createImageData(t.side, height);
            atlasPixels = Int32Array.create(atlasImage.getData().getBuffer());
        }
        atlasPixels.set(t.pixels);
        atlasContext.putImageData(atlasImage, 0, 0);
        blitted = t;
    }

    /**
     * One button per neuron over its thumbnail, named for what it computes; rebuilt when the
     * network's shape changes, moved when the diagram's size does.
     */
    private void layOutButtons(Diagram d) {
        StringBuilder key = new StringBuilder();
        for (int w : widths) {
            key.append(w).append(',');
        }
        String shape = key.toString();
        boolean rebuilt = !shape.equals(laidOut.isEmpty() ? "" : laidOut.substring(0, laidOut.indexOf('|')));
        if (rebuilt) {
            if (!laidOut.isEmpty()) {
                listener.endPreview(); // the hovered button is gone and will hear no mouseleave
            }
            Dom.clear(overlay);
            buttons.clear();
            if (focusColumn >= widths.length || focusRow >= widths[focusColumn]) {
                focusColumn = Math.min(1, widths.length - 1);
                focusRow = 0;
            }
            for (int c = 0; c < widths.length; c++) {
                HTMLElement[] column = new HTMLElement[widths[c]];
                for (int o = 0; o < widths[c]; o++) {
                    column[o] = button(c, o);
                    overlay.appendChild(column[o]);
                }
                buttons.add(column);
            }
        }
        for (int c = 0; c < widths.length; c++) {
            for (int o = 0; o < widths[c]; o++) {
                Dom.attribute(buttons.get(c)[o], "aria-label", d.names[c][o]);
            }
        }
        String geometry = shape + "|" + canvas.getClientWidth() + "x" + canvas.getClientHeight() + "|"
                + layerControls.getChildNodes().getLength() + java.util.Arrays.toString(inputRows);
        placeLayerControls(); // cheap, and LayerEditor may have rebuilt them
        if (!geometry.equals(laidOut)) {
            laidOut = geometry;
            double size = 2 * radius + 4;
            for (int c = 0; c < widths.length; c++) {
                for (int o = 0; o < widths[c]; o++) {
                    var style = buttons.get(c)[o].getStyle();
                    style.setProperty("left", px(x(c) - size / 2));
                    style.setProperty("top", px(y(c, o) - size / 2));
                    style.setProperty("width", px(size));
                    style.setProperty("height", px(size));
                }
            }
        }
    }

    /** Each hidden layer's controls (LayerEditor's, marked data-layer) centred over its column. */
    private void placeLayerControls() {
        org.teavm.jso.dom.xml.NodeList<? extends HTMLElement> boxes = layerControls.querySelectorAll("[data-layer]");
        for (int i = 0; i < boxes.getLength(); i++) {
            HTMLElement box = boxes.get(i);
            int layer = Integer.parseInt(box.getAttribute("data-layer"));
            if (layer + 1 < widths.length) {
                box.getStyle().setProperty("left", px(x(layer + 1)));
            }
        }
    }

    private static String px(double v) {
        return Math.round(v * 10) / 10.0 + "px";
    }

    private HTMLElement button(int column, int row) {
        HTMLElement b = document.createElement("button");
        b.setAttribute("type", "button");
        b.setClassName("neuron-button");
        b.setAttribute("data-column", Integer.toString(column));
        b.setAttribute("data-row", Integer.toString(row));
        b.setAttribute("tabindex", column == focusColumn && row == focusRow ? "0" : "-1");
        b.addEventListener("mouseenter", e -> listener.preview(column - 1, row));
        b.addEventListener("mouseleave", e -> {
            if (document.getActiveElement() == b) {
                return; // still focused: still shown
            }
            HTMLElement focused = focusedNeuron();
            if (focused != null) {
                listener.preview(Integer.parseInt(focused.getAttribute("data-column")) - 1,
                        Integer.parseInt(focused.getAttribute("data-row")));
            } else {
                listener.endPreview();
            }
        });
        b.addEventListener("focus", e -> {
            takeTabStop(column, row);
            listener.preview(column - 1, row);
        });
        b.addEventListener("blur", e -> listener.endPreview());
        b.addEventListener("touchstart", e -> {
            touched = true;
            tappedFocused = document.getActiveElement() == b;
        });
        b.addEventListener("click", e -> {
            if (touched && tappedFocused) { // a second tap: back to the output
                touched = false;
                b.blur();
                return;
            }
            touched = false;
            if (column > 0) {
                listener.picked(column - 1, row);
            }
        });
        b.addEventListener("keydown", e -> key((KeyboardEvent) e, column, row));
        return b;
    }

    /** The neuron button with the keyboard focus, or null. */
    private HTMLElement focusedNeuron() {
        for (HTMLElement[] column : buttons) {
            for (HTMLElement b : column) {
                if (document.getActiveElement() == b) {
                    return b;
                }
            }
        }
        return null;
    }

    /** Arrow keys move between neurons (up and down a column, left and right across), Escape ends the preview. */
    private void key(KeyboardEvent e, int column, int row) {
        int c = column;
        int r = row;
        switch (e.getKey()) {
            case "ArrowUp":
                r--;
                break;
            case "ArrowDown":
                r++;
                break;
            case "ArrowLeft":
                c--;
                break;
            case "ArrowRight":
                c++;
                break;
            case "Escape":
                listener.endPreview();
                e.preventDefault();
                e.stopPropagation();
                return;
            default:
                return;
        }
        e.preventDefault();
        e.stopPropagation(); // not the page's own keys
        c = Math.max(0, Math.min(widths.length - 1, c));
        r = Math.max(0, Math.min(widths[c] - 1, r));
        buttons.get(c)[r].focus();
    }

    /** The neuron at (column, row) becomes the one tab stop of the diagram. */
    private void takeTabStop(int column, int row) {
        if (column == focusColumn && row == focusRow) {
            return;
        }
        if (focusColumn < buttons.size() && focusRow < buttons.get(focusColumn).length) {
            buttons.get(focusColumn)[focusRow].setAttribute("tabindex", "-1");
        }
        focusColumn = column;
        focusRow = row;
        buttons.get(column)[row].setAttribute("tabindex", "0");
    }
}

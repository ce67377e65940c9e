package scratchnet.web.inspector;

import scratchnet.playground.inspect.ComputationGraph;
import scratchnet.playground.picture.HeatMap;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.events.WheelEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import scratchnet.web.Dom;

/**
 * Draws a {@link ComputationGraph} micrograd-style: a box per value {@code label | data | grad},
 * a circle for the operation that made it, edges from inputs to the operation. Columns run from
 * the inputs (left) to the loss (right). Drag pans, the wheel zooms around the pointer; a click
 * (a press that did not move) selects the node under it. Text is left out when zoomed too far
 * out to read, and nodes outside the canvas are skipped, so big graphs stay cheap.
 */
final class GraphView {
    /** Told when a click selects a node (or -1 for none). */
    interface Listener {
        void picked(int node);
    }

    // Layout in graph units (CSS pixels at zoom 1).
    private static final double BOX_W = 186;
    private static final double BOX_H = 24;
    private static final double LABEL_W = 62;
    private static final double COLUMN_W = 246;
    private static final double ROW_H = 34;
    private static final double OP_R = 11;
    private static final double MIN_SCALE = 0.02;
    private static final double MAX_SCALE = 4;
    private static final String POSITIVE = HeatMap.css(HeatMap.POSITIVE);
    private static final String NEGATIVE = "#c26a0a"; // HeatMap's orange, darkened to be readable as text

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private final Listener listener;
    private ComputationGraph graph;
    private double[] xs = new double[0]; // each node's box, top-left corner
    private double[] ys = new double[0];
    private String shape = ""; // the graph's layout, to keep the view while only numbers change
    private int selected = -1;
    // The view: screen = graph * scale + offset (CSS pixels).
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private boolean fitted;
    // A press in progress.
    private boolean pressed;
    private boolean dragged;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;

    GraphView(HTMLCanvasElement canvas, Listener listener) {
        this.canvas = canvas;
        this.listener = listener;
        context = (CanvasRenderingContext2D) canvas.getContext("2d");
        canvas.addEventListener("pointerdown", e -> {
            MouseEvent m = (MouseEvent) e;
            pressed = true;
            dragged = false;
            pressX = lastX = m.getOffsetX();
            pressY = lastY = m.getOffsetY();
        });
        canvas.addEventListener("pointermove", e -> {
            if (!pressed) {
                return;
            }
            MouseEvent m = (MouseEvent) e;
            double x = m.getOffsetX();
            double y = m.getOffsetY();
            if (Math.abs(x - pressX) + Math.abs(y - pressY) > 4) {
                dragged = true;
            }
            if (dragged) {
                offsetX += x - lastX;
                offsetY += y - lastY;
                paint();
            }
            lastX = x;
            lastY = y;
        });
        canvas.addEventListener("pointerup", e -> {
            if (pressed && !dragged) {
                MouseEvent m = (MouseEvent) e;
                selected = nodeAt(m.getOffsetX(), m.getOffsetY());
                paint();
                listener.picked(selected);
            }
            pressed = false;
        });
        canvas.addEventListener("pointerleave", e -> pressed = false);
        canvas.addEventListener("wheel", e -> {
            WheelEvent w = (WheelEvent) e;
            e.preventDefault(); // zoom the graph, not scroll the page
            zoomAt(Math.exp(-w.getDeltaY() * 0.0015), w.getOffsetX(), w.getOffsetY());
        });
    }

    /** Shows {@code g}; the view is kept while the layout stays the same (only the numbers moved). */
    void show(ComputationGraph g) {
        graph = g;
        int n = g.nodes.size();
        String newShape = n + "/" + g.columns + "/" + g.rows() + "/" + g.collapsed;
        if (!newShape.equals(shape)) {
            shape = newShape;
            layout();
            selected = -1;
            fitted = false;
        }
        if (!fitted) {
            home();
        }
        paint();
    }

    void clear() {
        graph = null;
        shape = "";
        selected = -1;
        paint();
    }

    /** Columns left to right, each centred vertically. */
    private void layout() {
        int n = graph.nodes.size();
        xs = new double[n];
        ys = new double[n];
        int[] count = new int[graph.columns];
        for (ComputationGraph.Node node : graph.nodes) {
            count[node.column]++;
        }
        double tallest = graph.rows();
        for (int k = 0; k < n; k++) {
            ComputationGraph.Node node = graph.nodes.get(k);
            xs[k] = node.column * COLUMN_W + 2 * OP_R + 8;
            ys[k] = (node.row + (tallest - count[node.column]) / 2) * ROW_H;
        }
    }

    /**
     * The first view of a graph: all of it if that is readable, otherwise the loss and the output
     * neuron at full size, where backward() starts.
     */
    private void home() {
        fit();
        if (graph == null || scale >= 0.6 || canvas.getClientWidth() == 0) {
            return;
        }
        int loss = graph.nodes.size() - 1;
        scale = Math.max(0.6, Math.min(0.9, canvas.getClientWidth() / (3.2 * COLUMN_W))); // about 3 columns
        offsetX = canvas.getClientWidth() - 16 - (xs[loss] + BOX_W) * scale;
        offsetY = canvas.getClientHeight() / 2.0 - (ys[loss] + BOX_H / 2) * scale;
    }

    /** The whole graph in view. */
    void fit() {
        if (graph == null || canvas.getClientWidth() == 0) {
            return;
        }
        double w = graph.columns * COLUMN_W;
        double h = graph.rows() * ROW_H;
        double cw = canvas.getClientWidth();
        double ch = canvas.getClientHeight();
        scale = Math.max(MIN_SCALE, Math.min(1, Math.min((cw - 16) / w, (ch - 16) / h)));
        offsetX = (cw - w * scale) / 2;
        offsetY = (ch - h * scale) / 2;
        fitted = true;
        paint();
    }

    /** Zooms by {@code factor} around the canvas's centre. */
    void zoom(double factor) {
        zoomAt(factor, canvas.getClientWidth() / 2.0, canvas.getClientHeight() / 2.0);
    }

    private void zoomAt(double factor, double x, double y) {
        double next = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        offsetX = x - (x - offsetX) * next / scale;
        offsetY = y - (y - offsetY) * next / scale;
        scale = next;
        paint();
    }

    /** Selects the first node labelled {@code label} and centres it at a readable size; false if there is none. */
    boolean find(String label) {
        if (graph == null) {
            return false;
        }
        for (int k = 0; k < graph.nodes.size(); k++) {
            if (graph.nodes.get(k).label.equals(label)) {
                selected = k;
                scale = Math.max(scale, 1);
                offsetX = canvas.getClientWidth() / 2.0 - (xs[k] + BOX_W / 2) * scale;
                offsetY = canvas.getClientHeight() / 2.0 - (ys[k] + BOX_H / 2) * scale;
                paint();
                return true;
            }
        }
        return false;
    }

    /** The selected node's index, or -1. */
    int selected() {
        return graph == null ? -1 : selected;
    }

    /** Matches the canvas's pixels to its size on screen. */
    void resize() {
        Dom.fitCanvas(canvas);
    }

    private int nodeAt(double x, double y) {
        if (graph == null) {
            return -1;
        }
        double gx = (x - offsetX) / scale;
        double gy = (y - offsetY) / scale;
        for (int k = 0; k < xs.length; k++) {
            if (gx >= xs[k] - 2 * OP_R - 4 && gx <= xs[k] + BOX_W && gy >= ys[k] && gy <= ys[k] + BOX_H) {
                return k;
            }
        }
        return -1;
    }

    void paint() {
        resize();
        double ratio = Window.current().getDevicePixelRatio();
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (graph == null) {
            return;
        }
        context.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * offsetX, ratio * offsetY);
        // What part of the graph is on screen, in graph units, with a margin for boxes half in view.
        double left = -offsetX / scale - BOX_W - COLUMN_W;
        double right = (canvas.getClientWidth() - offsetX) / scale + COLUMN_W;
        double top = -offsetY / scale - BOX_H;
        double bottom = (canvas.getClientHeight() - offsetY) / scale + BOX_H;
        int n = graph.nodes.size();

        // Edges: from an input's box to the circle of the operation that reads it.
        context.setLineWidth(1 / Math.max(scale, 0.5));
        context.setStrokeStyle("#b0b4b9");
        context.beginPath();
        for (int k = 0; k < n; k++) {
            ComputationGraph.Node node = graph.nodes.get(k);
            double tx = xs[k] - (node.op.isEmpty() ? 0 : 2 * OP_R + 4);
            double ty = ys[k] + BOX_H / 2;
            for (int c : node.children) {
                double sx = xs[c] + BOX_W;
                double sy = ys[c] + BOX_H / 2;
                if (Math.max(sx, tx) < left || Math.min(sx, tx) > right || Math.max(sy, ty) < top
                        || Math.min(sy, ty) > bottom) {
                    continue;
                }
                context.moveTo(sx, sy);
                double mid = (sx + tx) / 2;
                context.bezierCurveTo(mid, sy, mid, ty, tx, ty);
            }
        }
        context.stroke();

        // Boxes and operation circles, each kind in one path.
        context.setLineWidth(1 / Math.max(scale, 0.5));
        context.setFillStyle("#ffffff");
        context.setStrokeStyle("#80868b");
        context.beginPath();
        for (int k = 0; k < n; k++) {
            if (visible(k, left, right, top, bottom)) {
                context.rect(xs[k], ys[k], BOX_W, BOX_H);
            }
        }
        context.fill();
        context.stroke();
        context.setFillStyle("#eef3f8");
        context.beginPath();
        for (int k = 0; k < n; k++) {
            if (!graph.nodes.get(k).op.isEmpty() && visible(k, left, right, top, bottom)) {
                double cx = xs[k] - OP_R - 4;
                double cy = ys[k] + BOX_H / 2;
                context.moveTo(cx + OP_R, cy);
                context.arc(cx, cy, OP_R, 0, 2 * Math.PI);
                context.moveTo(cx + OP_R, cy);
                context.lineTo(xs[k], cy);
            }
        }
        context.fill();
        context.stroke();
        // Parameters (named weights and biases) get a tinted label cell; the loss and the selection a thick border.
        context.setFillStyle("#f1f3f4");
        context.beginPath();
        for (int k = 0; k < n; k++) {
            String label = graph.nodes.get(k).label;
            if ((label.startsWith("w[") || label.startsWith("b[")) && visible(k, left, right, top, bottom)) {
                context.rect(xs[k], ys[k], LABEL_W, BOX_H);
            }
        }
        context.fill();
        context.setLineWidth(2.5 / Math.max(scale, 0.3));
        context.setStrokeStyle("#202124");
        context.strokeRect(xs[n - 1], ys[n - 1], BOX_W, BOX_H);
        if (selected >= 0 && selected < n) {
            context.setStrokeStyle(HeatMap.css(HeatMap.POSITIVE));
            context.setLineWidth(3 / Math.max(scale, 0.2));
            context.strokeRect(xs[selected] - 2, ys[selected] - 2, BOX_W + 4, BOX_H + 4);
        }

        if (scale * 10 < 6) {
            return; // too small to read: the shape alone
        }
        context.setFont("10px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace");
        context.setTextBaseline("middle");
        context.setTextAlign("center");
        context.setFillStyle("#202124");
        for (int k = 0; k < n; k++) {
            ComputationGraph.Node node = graph.nodes.get(k);
            if (!node.op.isEmpty() && visible(k, left, right, top, bottom)) {
                context.fillText(node.op, xs[k] - OP_R - 4, ys[k] + BOX_H / 2, 2 * OP_R - 2);
            }
        }
        context.setTextAlign("left");
        double valueW = (BOX_W - LABEL_W) / 2;
        for (int k = 0; k < n; k++) {
            if (!visible(k, left, right, top, bottom)) {
                continue;
            }
            ComputationGraph.Node node = graph.nodes.get(k);
            double y = ys[k] + BOX_H / 2;
            context.setFillStyle("#202124");
            String label = node.label.equals(node.op) ? "" : node.label;
            context.fillText(label, xs[k] + 4, y, LABEL_W - 6);
            context.fillText(node.dataText(), xs[k] + LABEL_W + 3, y, valueW - 5);
            context.setFillStyle(node.grad > 0 ? POSITIVE : node.grad < 0 ? NEGATIVE : "#5f6368");
            context.fillText(node.gradText(), xs[k] + LABEL_W + valueW + 3, y, valueW - 5);
        }
        // Separators inside the boxes.
        context.setStrokeStyle("#dadce0");
        context.setLineWidth(1 / Math.max(scale, 0.5));
        context.beginPath();
        for (int k = 0; k < n; k++) {
            if (visible(k, left, right, top, bottom)) {
                context.moveTo(xs[k] + LABEL_W, ys[k] + 3);
                context.lineTo(xs[k] + LABEL_W, ys[k] + BOX_H - 3);
                context.moveTo(xs[k] + LABEL_W + valueW, ys[k] + 3);
                context.lineTo(xs[k] + LABEL_W + valueW, ys[k] + BOX_H - 3);
            }
        }
        context.stroke();
    }

    private boolean visible(int k, double left, double right, double top, double bottom) {
        return xs[k] + BOX_W >= left && xs[k] - 2 * OP_R <= right && ys[k] + BOX_H >= top && ys[k] <= bottom;
    }
}

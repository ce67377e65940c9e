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
 * the inputs (left) to the loss (right). A graph by neuron is drawn as taller boxes of three lines
 * (label, data, grad) joined box to box, and top to bottom when the canvas shows it larger so (a
 * phone's). Drag pans, the wheel zooms around the pointer; a click (a press that did not move)
 * selects the node under it. Text is left out when zoomed too far out to read, and nodes outside
 * the canvas are skipped, so big graphs stay cheap.
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
    // A graph by neuron: boxes of three lines, the text a little larger.
    private static final double NEURON_W = 88;
    private static final double NEURON_H = 44;
    private static final double NEURON_FONT = 11;
    private static final double LOSS_W = 108; // the loss's box, for "loss (out - y)²" at full size
    private static final double ACROSS_GAP = 58; // between layers drawn left to right, room for the edges
    private static final double ALONG_GAP = 12; // between the neurons of a layer drawn in a column
    private static final double DOWN_GAP = 30; // between layers drawn top to bottom
    private static final double SIDE_GAP = 6; // between the neurons of a layer drawn in a row
    private static final double FONT = 10;
    /** Text smaller than this on screen (CSS px) is too small to read. */
    private static final double MIN_TEXT_PX = 9;
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
    private boolean downwards; // a graph by neuron drawn top to bottom
    private double boxW = BOX_W; // the boxes' size, the whole graph's or the neurons'
    private double boxH = BOX_H;
    private double extentW; // the laid-out graph's size in graph units
    private double extentH;
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
        String newShape = n + "/" + g.columns + "/" + g.rows() + "/" + g.collapsed + "/" + g.wholeSize;
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

    /**
     * True if {@code g} drawn whole in this canvas ("fit") has text of at least {@link #MIN_TEXT_PX}
     * on screen; false too before the canvas has a size.
     */
    boolean readableAtFit(ComputationGraph g) {
        double[] e = g.collapsed ? neuronExtent(g, better(g)) : new double[] {g.columns * COLUMN_W, g.rows() * ROW_H};
        return canvas.getClientWidth() > 0 && fitScale(e[0], e[1]) * (g.collapsed ? NEURON_FONT : FONT) >= MIN_TEXT_PX;
    }

    /** The scale at which a graph of {@code w} × {@code h} units fills the canvas (at most 1). */
    private double fitScale(double w, double h) {
        double cw = canvas.getClientWidth();
        double ch = canvas.getClientHeight();
        return Math.max(MIN_SCALE, Math.min(1, Math.min((cw - 16) / w, (ch - 16) / h)));
    }

    /** A graph by neuron: true to draw it top to bottom, when the canvas shows it larger that way. */
    private boolean better(ComputationGraph g) {
        double[] across = neuronExtent(g, false);
        double[] down = neuronExtent(g, true);
        return fitScale(down[0], down[1]) > 1.05 * fitScale(across[0], across[1]);
    }

    /** The size of graph by neuron {@code g} laid out left to right, or top to bottom. */
    private static double[] neuronExtent(ComputationGraph g, boolean downwards) {
        double layers = g.columns;
        double widest = g.rows();
        return downwards
                ? new double[] {Math.max(LOSS_W, widest * (NEURON_W + SIDE_GAP) - SIDE_GAP),
                        layers * (NEURON_H + DOWN_GAP) - DOWN_GAP}
                : new double[] {layers * (NEURON_W + ACROSS_GAP) - ACROSS_GAP + LOSS_W - NEURON_W,
                        widest * (NEURON_H + ALONG_GAP) - ALONG_GAP};
    }

    /** Columns left to right, each centred vertically (a graph by neuron maybe top to bottom instead). */
    private void layout() {
        int n = graph.nodes.size();
        xs = new double[n];
        ys = new double[n];
        int[] count = new int[graph.columns];
        for (ComputationGraph.Node node : graph.nodes) {
            count[node.column]++;
        }
        double tallest = graph.rows();
        downwards = graph.collapsed && canvas.getClientWidth() > 0 && better(graph);
        boxW = graph.collapsed ? NEURON_W : BOX_W;
        boxH = graph.collapsed ? NEURON_H : BOX_H;
        for (int k = 0; k < n; k++) {
            ComputationGraph.Node node = graph.nodes.get(k);
            double along = node.row + (tallest - count[node.column]) / 2; // place in its column, centred
            if (!graph.collapsed) {
                xs[k] = node.column * COLUMN_W + 2 * OP_R + 8;
                ys[k] = along * ROW_H;
            } else if (downwards) { // each row centred on the widest (or on the loss's box, if that is wider)
                double span = Math.max(LOSS_W, tallest * (NEURON_W + SIDE_GAP) - SIDE_GAP);
                xs[k] = (span - (tallest * (NEURON_W + SIDE_GAP) - SIDE_GAP)) / 2 + along * (NEURON_W + SIDE_GAP)
                        - (k == n - 1 ? (LOSS_W - NEURON_W) / 2 : 0);
                ys[k] = node.column * (NEURON_H + DOWN_GAP);
            } else {
                xs[k] = node.column * (NEURON_W + ACROSS_GAP);
                ys[k] = along * (NEURON_H + ALONG_GAP);
            }
        }
        double[] e = graph.collapsed ? neuronExtent(graph, downwards)
                : new double[] {graph.columns * COLUMN_W, tallest * ROW_H};
        extentW = e[0];
        extentH = e[1];
    }

    /**
     * The first view of a graph: all of it if that is readable, otherwise the loss (and what feeds
     * it) at a readable size, where backward() starts.
     */
    private void home() {
        fit();
        if (graph == null || scale >= (graph.collapsed ? MIN_TEXT_PX / NEURON_FONT : 0.6) || canvas.getClientWidth() == 0) {
            return;
        }
        int loss = graph.nodes.size() - 1;
        double cw = canvas.getClientWidth();
        double ch = canvas.getClientHeight();
        if (!graph.collapsed) {
            scale = Math.max(0.6, Math.min(0.9, cw / (3.2 * COLUMN_W))); // about 3 columns
        } else {
            scale = 1.1 * MIN_TEXT_PX / NEURON_FONT; // a little over the least readable size
        }
        if (downwards) { // the loss at the bottom
            offsetX = cw / 2.0 - (xs[loss] + width(loss) / 2) * scale;
            offsetY = ch - 16 - (ys[loss] + boxH) * scale;
        } else { // the loss at the right
            offsetX = cw - 16 - (xs[loss] + width(loss)) * scale;
            offsetY = ch / 2.0 - (ys[loss] + boxH / 2) * scale;
        }
    }

    /** The whole graph in view. */
    void fit() {
        if (graph == null || canvas.getClientWidth() == 0) {
            return;
        }
        if (graph.collapsed && better(graph) != downwards) {
            layout(); // the canvas changed shape since: lay the neurons out the way it shows them larger
        }
        double cw = canvas.getClientWidth();
        double ch = canvas.getClientHeight();
        scale = fitScale(extentW, extentH);
        offsetX = (cw - extentW * scale) / 2;
        offsetY = (ch - extentH * scale) / 2;
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

    /** Selects node {@code k} and centres it at a readable size (at least as large as now). */
    void select(int k) {
        if (graph == null || k < 0 || k >= graph.nodes.size()) {
            return;
        }
        selected = k;
        scale = Math.max(scale, 1);
        offsetX = canvas.getClientWidth() / 2.0 - (xs[k] + width(k) / 2) * scale;
        offsetY = canvas.getClientHeight() / 2.0 - (ys[k] + boxH / 2) * scale;
        paint();
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
        double circle = graph.collapsed ? 0 : 2 * OP_R + 4;
        for (int k = 0; k < xs.length; k++) {
            if (gx >= xs[k] - circle && gx <= xs[k] + width(k) && gy >= ys[k] && gy <= ys[k] + boxH) {
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
        double left = -offsetX / scale - Math.max(boxW, LOSS_W) - COLUMN_W;
        double right = (canvas.getClientWidth() - offsetX) / scale + COLUMN_W;
        double top = -offsetY / scale - boxH - DOWN_GAP;
        double bottom = (canvas.getClientHeight() - offsetY) / scale + boxH + DOWN_GAP;
        if (graph.collapsed) {
            paintNeurons(left, right, top, bottom);
        } else {
            paintWhole(left, right, top, bottom);
        }
    }

    /** The whole graph: a one-line box per value, a circle per operation. */
    private void paintWhole(double left, double right, double top, double bottom) {
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

        if (scale * FONT < 6) {
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


    /** A graph by neuron: boxes of three lines (label, data, grad), each joined to every box it reads. */
    private void paintNeurons(double left, double right, double top, double bottom) {
        int n = graph.nodes.size();
        double line = 1 / Math.max(scale, 0.5);
        context.setLineWidth(line);
        context.setStrokeStyle("#b0b4b9");
        context.beginPath();
        for (int k = 0; k < n; k++) {
            // Into the box's top (drawn downwards) or its left side, from the reading box's bottom or right side.
            double tx = downwards ? xs[k] + width(k) / 2 : xs[k];
            double ty = downwards ? ys[k] : ys[k] + boxH / 2;
            for (int c : graph.nodes.get(k).children) {
                double sx = downwards ? xs[c] + boxW / 2 : xs[c] + boxW;
                double sy = downwards ? ys[c] + boxH : ys[c] + boxH / 2;
                if (Math.max(sx, tx) < left || Math.min(sx, tx) > right || Math.max(sy, ty) < top
                        || Math.min(sy, ty) > bottom) {
                    continue;
                }
                context.moveTo(sx, sy);
                if (downwards) {
                    double mid = (sy + ty) / 2;
                    context.bezierCurveTo(sx, mid, tx, mid, tx, ty);
                } else {
                    double mid = (sx + tx) / 2;
                    context.bezierCurveTo(mid, sy, mid, ty, tx, ty);
                }
            }
        }
        context.stroke();
        context.setFillStyle("#ffffff");
        context.setStrokeStyle("#80868b");
        context.beginPath();
        for (int k = 0; k < n; k++) {
            if (visible(k, left, right, top, bottom)) {
                context.rect(xs[k], ys[k], width(k), boxH);
            }
        }
        context.fill();
        context.stroke();
        // The label's line tinted, as a heading.
        context.setFillStyle("#f1f3f4");
        context.beginPath();
        for (int k = 0; k < n; k++) {
            if (visible(k, left, right, top, bottom)) {
                context.rect(xs[k] + line / 2, ys[k] + line / 2, width(k) - line, boxH / 3 - line / 2);
            }
        }
        context.fill();
        context.setLineWidth(2.5 / Math.max(scale, 0.3));
        context.setStrokeStyle("#202124");
        context.strokeRect(xs[n - 1], ys[n - 1], width(n - 1), boxH);
        if (selected >= 0 && selected < n) {
            context.setStrokeStyle(HeatMap.css(HeatMap.POSITIVE));
            context.setLineWidth(3 / Math.max(scale, 0.2));
            context.strokeRect(xs[selected] - 2, ys[selected] - 2, width(selected) + 4, boxH + 4);
        }
        if (scale * NEURON_FONT < 6) {
            return; // too small to read: the shape alone
        }
        context.setFont(NEURON_FONT + "px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace");
        context.setTextBaseline("middle");
        double pad = 3;
        double third = boxH / 3;
        for (int k = 0; k < n; k++) {
            if (!visible(k, left, right, top, bottom)) {
                continue;
            }
            ComputationGraph.Node node = graph.nodes.get(k);
            double x = xs[k] + pad;
            double end = xs[k] + width(k) - pad;
            context.setTextAlign("left");
            context.setFillStyle("#202124");
            context.fillText(node.label, x, ys[k] + third / 2, width(k) - 2 * pad);
            context.setFillStyle("#5f6368");
            context.fillText("data", x, ys[k] + 1.5 * third);
            context.fillText("grad", x, ys[k] + 2.5 * third);
            context.setTextAlign("right");
            context.setFillStyle("#202124");
            context.fillText(node.dataText(), end, ys[k] + 1.5 * third, width(k) - 2 * pad - 30);
            context.setFillStyle(node.grad > 0 ? POSITIVE : node.grad < 0 ? NEGATIVE : "#5f6368");
            context.fillText(node.gradText(), end, ys[k] + 2.5 * third, width(k) - 2 * pad - 30);
        }
    }

    /** Box {@code k}'s width: by neuron, the loss's box is wider, for its label. */
    private double width(int k) {
        return graph.collapsed && k == graph.nodes.size() - 1 ? LOSS_W : boxW;
    }

    private boolean visible(int k, double left, double right, double top, double bottom) {
        return xs[k] + width(k) >= left && xs[k] - 2 * OP_R <= right && ys[k] + boxH >= top && ys[k] <= bottom;
    }
}

package scratchnet.web.inspector;

import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.inspect.WarpMap;
import scratchnet.playground.inspect.WarpPicture;
import scratchnet.playground.picture.HeatMap;
import scratchnet.web.Dom;

/**
 * The "Warp" view under the diagram: the input plane's grid as one layer sees it, cells in the
 * network's decision colours, the training points on top; beside it a small picture per hidden
 * layer; the hovered (or selected) point ringed in every one, and its path through the layers in
 * words. It draws what {@link WarpMap} computes, in each picture's fixed frame.
 */
final class WarpView {
    private static final String[] AXES_LABELS = {"principal components", "two neurons"};
    private static final String[] STAGE_LABELS = {"w·x", "w·x + b", "act(w·x + b)"};

    private final HTMLDocument document;
    private final Inspector inspector;
    private final HTMLSelectElement axes;
    private final HTMLSelectElement stage;
    private final HTMLElement neurons;
    private final HTMLCanvasElement map;
    private final HTMLElement layers;
    private final HTMLElement landing;
    private final HTMLElement axesText;
    private final HTMLElement problem;
    private HTMLCanvasElement[] smalls = new HTMLCanvasElement[0];
    private int drawn = -1;
    private int hovered = -1; // the training point under the pointer, or -1
    private String marked = ""; // the point ringed when last drawn

    WarpView(HTMLDocument document, Inspector inspector, Runnable changed) {
        this.document = document;
        this.inspector = inspector;
        axes = (HTMLSelectElement) Dom.element(document, "set-warpAxes");
        stage = (HTMLSelectElement) Dom.element(document, "set-warpStage");
        neurons = Dom.element(document, "warp-neurons");
        map = (HTMLCanvasElement) Dom.element(document, "warp-map");
        layers = Dom.element(document, "warp-layers");
        landing = Dom.element(document, "warp-landing");
        axesText = Dom.element(document, "warp-axes");
        problem = Dom.element(document, "warp-problem");
        Dom.element(document, "warp-fit").addEventListener("click", e -> {
            inspector.warp().refit();
            changed.run();
        });
        for (String type : new String[] {"pointermove", "pointerdown"}) { // a mouse hovers; a finger taps or drags
            map.addEventListener(type, e -> {
                MouseEvent m = (MouseEvent) e;
                double w = map.getClientWidth();
                double h = map.getClientHeight();
                int near = w > 0 ? inspector.warp().nearest(m.getOffsetX() / w, m.getOffsetY() / h, 8 / w) : -1;
                if (near != hovered) {
                    hovered = near;
                    changed.run();
                }
            });
        }
        map.addEventListener("pointerleave", e -> {
            if (hovered >= 0) {
                hovered = -1;
                changed.run();
            }
        });
    }

    /** One frame while the view is shown: remakes the pictures if due and draws what changed. True if a remake waits. */
    boolean paint(String axesKind) {
        Dom.labels(axes, AXES_LABELS);
        Dom.labels(stage, STAGE_LABELS);
        Dom.show(neurons, axesKind.equals("neurons"));
        WarpMap w = inspector.warp();
        inspector.refreshWarp();
        String problemText = w.problem();
        Dom.show(problem, problemText != null);
        Dom.text(problem, problemText == null ? "" : problemText);
        WarpPicture p = w.picture();
        double[] point = hovered >= 0 && p != null && hovered < p.points.length / 2 ? w.point(hovered) : inspector.selectedPoint();
        String mark = point == null ? "" : point[0] + "," + point[1];
        if (w.version() == drawn && mark.equals(marked)) {
            return w.pending();
        }
        drawn = w.version();
        marked = mark;
        Dom.text(axesText, w.axesText());
        if (p == null) {
            Dom.fitCanvas(map);
            ((CanvasRenderingContext2D) map.getContext("2d")).clearRect(0, 0, map.getWidth(), map.getHeight());
            Dom.clear(layers);
            smalls = new HTMLCanvasElement[0];
            Dom.text(landing, "");
            return w.pending();
        }
        double[][] at = point == null ? null : w.landing(point[0], point[1]);
        draw(map, p, true, at == null ? null : at[0]);
        WarpPicture[] small = w.small();
        if (small.length != smalls.length) {
            build(small.length);
        }
        for (int k = 0; k < small.length; k++) {
            draw(smalls[k], small[k], false, at == null ? null : at[k + 1]);
        }
        Dom.text(landing, point == null ? "Hover a point on the warp, or select one on the picture, to see where it lands in every layer."
                : (hovered >= 0 ? "The hovered point " : "The selected point ") + w.landingText(point[0], point[1]));
        return w.pending();
    }

    /** Draw afresh at the next paint (the view shown again, the page resized). */
    void refresh() {
        drawn = -1;
    }

    private void build(int n) {
        Dom.clear(layers);
        smalls = new HTMLCanvasElement[n];
        for (int k = 0; k < n; k++) {
            HTMLElement figure = document.createElement("figure");
            HTMLCanvasElement c = (HTMLCanvasElement) document.createElement("canvas");
            c.setId("warp-layer-" + k);
            c.setAttribute("role", "img");
            c.setAttribute("aria-label", "layer " + (k + 1) + "'s outputs on its first two principal components, with the plane's grid");
            c.setWidth(72);
            c.setHeight(72);
            HTMLElement caption = document.createElement("figcaption");
            caption.setTextContent("layer " + (k + 1));
            figure.appendChild(c);
            figure.appendChild(caption);
            layers.appendChild(figure);
            smalls[k] = c;
        }
    }

    /** A picture: cells (the chosen one only), the grid's lines, the points, and the marked point's ring. */
    private static void draw(HTMLCanvasElement c, WarpPicture p, boolean cells, double[] mark) {
        Dom.fitCanvas(c);
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) c.getContext("2d");
        double unit = Window.current().getDevicePixelRatio();
        double w = c.getWidth();
        double h = c.getHeight();
        g.setFillStyle("#fafafa");
        g.fillRect(0, 0, w, h);
        if (cells) {
            int side = WarpPicture.CELLS + 1;
            for (int r = 0; r < WarpPicture.CELLS; r++) {
                for (int col = 0; col < WarpPicture.CELLS; col++) {
                    int a = (r * side + col) * 2;
                    int b = (r * side + col + 1) * 2;
                    int d = ((r + 1) * side + col + 1) * 2;
                    int e = ((r + 1) * side + col) * 2;
                    g.beginPath();
                    g.moveTo(p.fx(p.corners[a]) * w, p.fy(p.corners[a + 1]) * h);
                    g.lineTo(p.fx(p.corners[b]) * w, p.fy(p.corners[b + 1]) * h);
                    g.lineTo(p.fx(p.corners[d]) * w, p.fy(p.corners[d + 1]) * h);
                    g.lineTo(p.fx(p.corners[e]) * w, p.fy(p.corners[e + 1]) * h);
                    g.closePath();
                    String colour = HeatMap.css(p.cells[r * WarpPicture.CELLS + col]);
                    g.setFillStyle(colour);
                    g.setStrokeStyle(colour); // no hairline gaps between neighbours
                    g.setLineWidth(0.5 * unit);
                    g.fill();
                    g.stroke();
                }
            }
        }
        g.setStrokeStyle("rgba(32, 33, 36, 0.45)");
        g.setLineWidth((cells ? 0.8 : 0.6) * unit);
        g.beginPath();
        for (double[] line : p.lines) {
            for (int j = 0; j + 1 < line.length; j += 2) {
                double x = p.fx(line[j]) * w;
                double y = p.fy(line[j + 1]) * h;
                if (j == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
        }
        g.stroke();
        double radius = (cells ? 2.6 : 1.6) * unit;
        g.setLineWidth(0.8 * unit);
        g.setStrokeStyle("#ffffff");
        for (int i = 0; i < p.points.length / 2; i++) {
            g.beginPath();
            g.arc(p.fx(p.points[2 * i]) * w, p.fy(p.points[2 * i + 1]) * h, radius, 0, 2 * Math.PI);
            g.setFillStyle(HeatMap.css(p.pointColours[i]));
            g.fill();
            if (cells) {
                g.stroke();
            }
        }
        if (mark != null) {
            g.beginPath();
            g.arc(p.fx(mark[0]) * w, p.fy(mark[1]) * h, (cells ? 6 : 4) * unit, 0, 2 * Math.PI);
            g.setStrokeStyle("#202124");
            g.setLineWidth(2 * unit);
            g.stroke();
        }
    }
}

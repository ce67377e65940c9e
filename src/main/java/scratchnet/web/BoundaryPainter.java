package scratchnet.web;


import scratchnet.playground.Playground;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Marks;
import scratchnet.playground.picture.View;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * Paints the decision boundary: the heat map the playground hands it as pixels (one per grid
 * cell) and the data points on top. The grid goes into a small off-screen canvas in one
 * image-data write and is scaled up, smoothed, onto the visible canvas, so the cost does not grow
 * with the screen.
 */
final class BoundaryPainter {
    private static final String OUTLINE = "#202124";

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private final HTMLCanvasElement cells;
    private final CanvasRenderingContext2D cellsContext;
    private ImageData image;
    private Int32Array pixels; // the image's RGBA bytes, one int per pixel
    private int[] heat = new int[0];
    private int side;

    BoundaryPainter(HTMLDocument document, HTMLCanvasElement canvas) {
        this.canvas = canvas;
        context = (CanvasRenderingContext2D) canvas.getContext("2d");
        cells = (HTMLCanvasElement) document.createElement("canvas");
        cellsContext = (CanvasRenderingContext2D) cells.getContext("2d");
        fit();
    }

    /** Makes the off-screen grid {@code side × side} cells (bigger networks get coarser grids). */
    private void resize(int side) {
        this.side = side;
        cells.setWidth(side);
        cells.setHeight(side);
        image = cellsContext.createImageData(side, side);
        pixels = Int32Array.create(image.getData().getBuffer());
        heat = new int[side * side];
    }

    /**
     * Matches the canvas's pixels to its width on screen, square like the plane it shows, and
     * between 200 and 2000 device pixels so painting costs stay bounded on any screen.
     */
    void fit() {
        int size = (int) Math.round(canvas.getClientWidth() * Window.current().getDevicePixelRatio());
        size = Math.max(200, Math.min(2000, size));
        if (canvas.getWidth() != size) {
            canvas.setWidth(size);
            canvas.setHeight(size);
        }
    }

    void paint(Playground playground) {
        paint(playground, false);
    }

    /** Run A's picture, or ({@code runB}) run B's while two runs are compared: B's heat map, the same points. */
    void paint(Playground playground, boolean runB) {
        int n = playground.picture().gridSide();
        if (n != side) {
            resize(n);
        }
        if (runB) {
            playground.twoRuns().heatMapB(side, heat);
        } else {
            playground.picture().heatMap(side, heat);
        }
        pixels.set(heat);
        cellsContext.putImageData(image, 0, 0);
        double size = canvas.getWidth();
        context.drawImage(cells, 0, 0, size, size);

        View view = playground.picture().view();
        lines(playground.picture().firstLayerLines(), view, size);
        // Every point outlined dark, so it stands out on any background, its own class's region too.
        double radius = Math.max(2.5, size / 110);
        context.setLineWidth(Math.max(1, size / 320));
        context.setStrokeStyle(OUTLINE);
        points(playground.picture().trainMarks(), view, radius, false);
        Marks test = playground.picture().testMarks();
        if (test != null) {
            context.setLineWidth(Math.max(1.5, size / 250));
            points(test, view, radius, true);
        }
        axes(view);
    }

    /**
     * Marks along the bottom (x) and the left (y) edge in the data's units: a short tick and its
     * label (over an x tick, above a y tick) in dark text on a light halo, readable on every colour of the map, inside the picture's
     * edge so they cover only a strip of it. Both axes share one scale: the picture is square.
     */
    private void axes(View view) {
        double size = canvas.getWidth();
        int font = (int) Math.max(10, Math.round(size / 40));
        double tick = font / 2;
        context.setFont(font + "px system-ui, sans-serif");
        context.setLineWidth(Math.max(1, Math.round(size / 320)));
        context.setLineJoin("round");
        View.Axis x = view.xAxis();
        context.setTextAlign("center");
        context.setTextBaseline("bottom");
        for (int i = 0; i < x.values.length; i++) {
            double px = Math.floor(view.pixelX(x.values[i], size)) + 0.5; // a crisp line: on a pixel's centre
            double half = context.measureText(x.labels[i]).getWidth() / 2 + 2;
            mark(px, size, px, size - tick, x.labels[i], Math.max(half, Math.min(size - half, px)), size - tick - 1);
        }
        View.Axis y = view.yAxis();
        // A y label stands just above its tick, not after it: a tick before "2" read as "−2".
        context.setTextAlign("left");
        for (int i = 0; i < y.values.length; i++) {
            double py = Math.floor(view.pixelY(y.values[i], size)) + 0.5;
            if (py > size - 2.5 * font) {
                continue; // the x labels' strip
            }
            boolean below = py < font + 3; // no room above at the top edge
            context.setTextBaseline(below ? "top" : "bottom");
            mark(0, py, tick, py, y.labels[i], 2, below ? py + 2 : py - 1);
        }
    }

    /** One tick from (x0, y0) to (x1, y1) and its label at (tx, ty), each dark on a light halo. */
    private void mark(double x0, double y0, double x1, double y1, String label, double tx, double ty) {
        double line = context.getLineWidth();
        context.beginPath();
        context.moveTo(x0, y0);
        context.lineTo(x1, y1);
        context.setStrokeStyle("rgba(255, 255, 255, 0.85)");
        context.setLineWidth(line * 3);
        context.stroke();
        context.setStrokeStyle(OUTLINE);
        context.setLineWidth(line);
        context.stroke();
        context.setLineWidth(line * 3);
        context.setStrokeStyle("rgba(255, 255, 255, 0.85)");
        context.strokeText(label, tx, ty);
        context.setFillStyle(OUTLINE);
        context.fillText(label, tx, ty);
        context.setLineWidth(line);
    }

    /** The first layer's lines w·x + b = 0 (4 plane numbers a line), dark on a white halo, under the points. */
    private void lines(double[] lines, View view, double size) {
        if (lines.length == 0) {
            return;
        }
        context.beginPath();
        for (int i = 0; i < lines.length; i += 4) {
            context.moveTo(view.pixelX(lines[i], size), view.pixelY(lines[i + 1], size));
            context.lineTo(view.pixelX(lines[i + 2], size), view.pixelY(lines[i + 3], size));
        }
        context.setStrokeStyle("rgba(255, 255, 255, 0.8)");
        context.setLineWidth(Math.max(3, size / 160));
        context.stroke();
        context.setStrokeStyle(OUTLINE);
        context.setLineWidth(Math.max(1.5, size / 400));
        context.stroke();
    }

    /** Each kind of point in one path: filled with its colour, or only ringed in it for test data. */
    private void points(Marks marks, View view, double radius, boolean hollow) {
        double size = canvas.getWidth();
        for (int k = 0; k < marks.colours.length; k++) {
            context.beginPath();
            for (int i = 0; i < marks.size(); i++) {
                if (marks.kind[i] != k) {
                    continue;
                }
                double x = view.pixelX(marks.x[i], size);
                double y = view.pixelY(marks.y[i], size);
                context.moveTo(x + radius, y);
                context.arc(x, y, radius, 0, 2 * Math.PI);
            }
            String colour = HeatMap.css(marks.colours[k]);
            if (hollow) {
                context.setFillStyle("#ffffff");
                context.fill();
                context.setStrokeStyle(colour);
            } else {
                context.setFillStyle(colour);
                context.fill();
            }
            context.stroke();
        }
    }

    /** A ring around the inspector's selected point ({x, y}, or null for none). */
    void ring(double[] point, View view) {
        if (point == null) {
            return;
        }
        double size = canvas.getWidth();
        double x = view.pixelX(point[0], size);
        double y = view.pixelY(point[1], size);
        double r = Math.max(7, size / 50);
        context.setLineWidth(Math.max(2, size / 250));
        context.setStrokeStyle("#ffffff");
        context.beginPath();
        context.arc(x, y, r + size / 250, 0, 2 * Math.PI);
        context.stroke();
        context.setStrokeStyle("#202124");
        context.beginPath();
        context.arc(x, y, r, 0, 2 * Math.PI);
        context.stroke();
    }
}

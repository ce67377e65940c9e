package scratchnet.web;

import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.playground.HeatMap;
import scratchnet.playground.Marks;
import scratchnet.playground.Playground;
import scratchnet.playground.View;

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
        int n = playground.gridSide();
        if (n != side) {
            resize(n);
        }
        playground.heatMap(side, heat);
        pixels.set(heat);
        cellsContext.putImageData(image, 0, 0);
        double size = canvas.getWidth();
        context.drawImage(cells, 0, 0, size, size);

        View view = playground.view();
        lines(playground.firstLayerLines(), view, size);
        // Every point outlined dark, so it stands out on any background, its own class's region too.
        double radius = Math.max(2.5, size / 110);
        context.setLineWidth(Math.max(1, size / 320));
        context.setStrokeStyle(OUTLINE);
        points(playground.trainMarks(), view, radius, false);
        Marks test = playground.testMarks();
        if (test != null) {
            context.setLineWidth(Math.max(1.5, size / 250));
            points(test, view, radius, true);
        }
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

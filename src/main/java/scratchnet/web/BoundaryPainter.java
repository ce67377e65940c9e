package scratchnet.web;

import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.playground.HeatMap;

/**
 * Paints the decision boundary: a heat map it is handed as pixels (one per grid cell) and the
 * data points on top. The grid goes into a small off-screen canvas in one image-data write and is
 * scaled up, smoothed, onto the visible canvas, so the cost does not grow with the screen.
 */
final class BoundaryPainter {
    private static final String NEGATIVE = HeatMap.css(HeatMap.NEGATIVE);
    private static final String POSITIVE = HeatMap.css(HeatMap.POSITIVE);

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private final HTMLCanvasElement cells;
    private final CanvasRenderingContext2D cellsContext;
    private ImageData image;
    private Int32Array pixels; // the image's RGBA bytes, one int per pixel
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
    }

    /** Matches the canvas's pixels to its size on screen (sharp on high-density displays). */
    void fit() {
        int size = (int) Math.round(canvas.getClientWidth() * Window.current().getDevicePixelRatio());
        size = Math.max(200, Math.min(2000, size));
        if (canvas.getWidth() != size) {
            canvas.setWidth(size);
            canvas.setHeight(size);
        }
    }

    /**
     * @param heat {@code side × side} pixels from {@link HeatMap#paint}, row 0 at the top
     * @param view {xMin, xMax, yMin, yMax} of the plane the grid covers
     */
    void paint(int[] heat, int side, double[] view, Dataset train, Dataset test, boolean showTest) {
        if (side != this.side) {
            resize(side);
        }
        pixels.set(heat);
        cellsContext.putImageData(image, 0, 0);
        double size = canvas.getWidth();
        context.drawImage(cells, 0, 0, size, size);

        double radius = Math.max(2.5, size / 110);
        context.setLineWidth(Math.max(1, size / 400));
        context.setStrokeStyle("#ffffff");
        points(train, view, radius, -1, false);
        points(train, view, radius, +1, false);
        if (showTest) {
            context.setLineWidth(Math.max(1.5, size / 250));
            points(test, view, radius, -1, true);
            points(test, view, radius, +1, true);
        }
    }

    /** All points of one class in one path: filled with the class colour, or only ringed in it for test data. */
    private void points(Dataset data, double[] view, double radius, int label, boolean hollow) {
        double size = canvas.getWidth();
        double sx = size / (view[1] - view[0]);
        double sy = size / (view[3] - view[2]);
        context.beginPath();
        for (Point p : data.points) {
            if (p.label != label) {
                continue;
            }
            double x = (p.x - view[0]) * sx;
            double y = (view[3] - p.y) * sy;
            context.moveTo(x + radius, y);
            context.arc(x, y, radius, 0, 2 * Math.PI);
        }
        String colour = label > 0 ? POSITIVE : NEGATIVE;
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

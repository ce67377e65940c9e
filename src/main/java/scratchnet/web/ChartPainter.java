package scratchnet.web;

import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import scratchnet.playground.LossCurve;
import scratchnet.playground.Session;

/** Draws the live chart: train and test loss (scaled to the largest seen) and train accuracy (0–100%). */
final class ChartPainter {
    static final String TRAIN = "#202124";
    static final String TEST = "#9aa0a6";
    static final String ACCURACY = "#1e8e3e";

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;

    ChartPainter(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        context = (CanvasRenderingContext2D) canvas.getContext("2d");
        fit();
    }

    void fit() {
        double ratio = Window.current().getDevicePixelRatio();
        int width = (int) Math.round(Math.max(100, canvas.getClientWidth()) * ratio);
        int height = (int) Math.round(Math.max(40, canvas.getClientHeight()) * ratio);
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
        }
    }

    void paint(LossCurve curve) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double ratio = Window.current().getDevicePixelRatio();
        context.clearRect(0, 0, w, h);
        double pad = 4 * ratio;
        context.setStrokeStyle("#e0e0e0");
        context.setLineWidth(1);
        context.beginPath();
        for (int i = 0; i <= 4; i++) {
            double y = Math.round(pad + (h - 2 * pad) * i / 4) + 0.5;
            context.moveTo(0, y);
            context.lineTo(w, y);
        }
        context.stroke();
        int n = curve.size();
        if (n == 0) {
            return;
        }
        double maxLoss = curve.maxLoss();
        double lastStep = Math.max(1, curve.step(n - 1));
        context.setLineWidth(1.5 * ratio);
        line(curve, 0, maxLoss, lastStep, pad, TEST);
        line(curve, 1, 1, lastStep, pad, ACCURACY);
        line(curve, 2, maxLoss, lastStep, pad, TRAIN);

        context.setFillStyle("#5f6368");
        context.setFont(Math.round(11 * ratio) + "px system-ui, sans-serif");
        context.setTextBaseline("top");
        context.setTextAlign("left");
        context.fillText("loss " + Session.Readout.fixed(maxLoss, 3), pad, pad + 2);
        context.setTextAlign("right");
        context.setTextBaseline("bottom");
        context.fillText("step " + curve.step(n - 1), w - pad, h - pad);
    }

    /** One series: 0 test loss, 1 train accuracy, 2 train loss; non-finite values break the line. */
    private void line(LossCurve curve, int series, double max, double lastStep, double pad, String colour) {
        double w = canvas.getWidth() - 2 * pad;
        double h = canvas.getHeight() - 2 * pad;
        context.setStrokeStyle(colour);
        context.beginPath();
        boolean drawing = false;
        for (int i = 0; i < curve.size(); i++) {
            double v = series == 0 ? curve.testLoss(i) : series == 1 ? curve.trainAccuracy(i) : curve.trainLoss(i);
            if (!Double.isFinite(v) || max <= 0) {
                drawing = false;
                continue;
            }
            double x = pad + w * curve.step(i) / lastStep;
            double y = pad + h * (1 - Math.min(1, v / max));
            if (drawing) {
                context.lineTo(x, y);
            } else {
                context.moveTo(x, y);
                drawing = true;
            }
        }
        context.stroke();
    }
}

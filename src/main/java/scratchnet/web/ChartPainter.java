package scratchnet.web;

import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import scratchnet.playground.LossCurve;

/**
 * Draws the live chart: train and test loss (scaled to the largest seen) and train and test
 * accuracy (0–100%); test lines dashed; and, when it changes over the run (a schedule or decay),
 * the learning rate on its own axis (0 to the largest, labelled at the right). Colours match the
 * legend in index.html.
 */
final class ChartPainter {
    private static final String TRAIN = "#202124";
    private static final String TEST = "#9aa0a6";
    private static final String ACCURACY = "#1e8e3e";
    /** The learning rate's line; also {@code .swatch.lr} in style.css. */
    static final String LEARNING_RATE = "#a142f4";

    private enum Series { TEST_LOSS, TEST_ACCURACY, TRAIN_ACCURACY, TRAIN_LOSS }

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;

    ChartPainter(HTMLCanvasElement canvas) {
        this.canvas = canvas;
        context = (CanvasRenderingContext2D) canvas.getContext("2d");
        fit();
    }

    void fit() {
        Dom.fitCanvas(canvas, 100, 40);
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
        double lastStep = Math.max(1, curve.step(n - 1));
        context.setLineWidth(1.5 * ratio);
        for (Series s : Series.values()) {
            line(curve, s, lastStep, pad, ratio);
        }
        context.setLineDash(JSArray.create());
        boolean lr = curve.learningRateVaries();
        if (lr) {
            learningRate(curve, lastStep, pad);
        }

        context.setFillStyle("#5f6368");
        context.setFont(Math.round(11 * ratio) + "px system-ui, sans-serif");
        context.setTextBaseline("top");
        context.setTextAlign("left");
        context.fillText(curve.maxLossText(), pad, pad + 2);
        if (lr) {
            context.setTextAlign("right");
            context.setFillStyle(LEARNING_RATE);
            context.fillText(curve.maxLearningRateText(), w - pad, pad + 2);
            context.setFillStyle("#5f6368");
        }
        context.setTextAlign("right");
        context.setTextBaseline("bottom");
        context.fillText("step " + curve.step(n - 1), w - pad, h - pad);
    }

    /** One series; non-finite values break the line. */
    private void line(LossCurve curve, Series series, double lastStep, double pad, double ratio) {
        double w = canvas.getWidth() - 2 * pad;
        double h = canvas.getHeight() - 2 * pad;
        boolean loss = series == Series.TEST_LOSS || series == Series.TRAIN_LOSS;
        boolean test = series == Series.TEST_LOSS || series == Series.TEST_ACCURACY;
        double max = loss ? curve.maxLoss() : 1;
        context.setStrokeStyle(loss ? (test ? TEST : TRAIN) : ACCURACY);
        context.setLineDash(test ? dash(ratio) : JSArray.create());
        context.beginPath();
        boolean drawing = false;
        for (int i = 0; i < curve.size(); i++) {
            double v = series == Series.TEST_LOSS ? curve.testLoss(i) : series == Series.TEST_ACCURACY
                    ? curve.testAccuracy(i) : series == Series.TRAIN_ACCURACY ? curve.trainAccuracy(i) : curve.trainLoss(i);
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

    /** The learning rate over the steps, scaled from 0 (bottom) to the largest recorded (top). */
    private void learningRate(LossCurve curve, double lastStep, double pad) {
        double w = canvas.getWidth() - 2 * pad;
        double h = canvas.getHeight() - 2 * pad;
        double max = curve.maxLearningRate();
        if (max <= 0) {
            return;
        }
        context.setStrokeStyle(LEARNING_RATE);
        context.beginPath();
        boolean drawing = false;
        for (int i = 0; i < curve.size(); i++) {
            double v = curve.learningRate(i);
            if (!Double.isFinite(v)) {
                drawing = false;
                continue;
            }
            double x = pad + w * curve.step(i) / lastStep;
            double y = pad + h * (1 - v / max);
            if (drawing) {
                context.lineTo(x, y);
            } else {
                context.moveTo(x, y);
                drawing = true;
            }
        }
        context.stroke();
    }

    private static JSArray<JSObject> dash(double ratio) {
        JSArray<JSObject> dash = JSArray.create();
        dash.push(JSNumber.valueOf(4 * ratio));
        dash.push(JSNumber.valueOf(3 * ratio));
        return dash;
    }
}

package scratchnet.web;

import scratchnet.playground.session.LossCurve;
import java.util.function.IntToDoubleFunction;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLCanvasElement;

/**
 * Draws the live chart: train and test loss (scaled to the largest seen) and train and test
 * accuracy (0–100%); test lines dashed; when two runs are compared, run B's lines over A's in B's
 * own colours, on the same scales; and, when it changes over the run (a schedule or decay), the
 * learning rate on its own axis (0 to the largest, labelled at the right; B's dotted). Colours
 * match the legend in index.html.
 */
final class ChartPainter {
    private static final String TRAIN = "#202124";
    private static final String TEST = "#9aa0a6";
    private static final String ACCURACY = "#1e8e3e";
    /** The learning rate's line; also {@code .swatch.lr} in style.css. */
    static final String LEARNING_RATE = "#00838f";
    private static final String B_TRAIN = "#8430ce";
    private static final String B_TEST = "#c58af9";
    private static final String B_ACCURACY = "#e37400";

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
        paint(curve, null);
    }

    /** Run A's curve, and run B's over it ({@code b} null: one run). */
    void paint(LossCurve curve, LossCurve b) {
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
        int nb = b == null ? 0 : b.size();
        double lastStep = Math.max(1, Math.max(curve.step(n - 1), nb > 0 ? b.step(nb - 1) : 0));
        double maxLoss = Math.max(curve.maxLoss(), nb > 0 ? b.maxLoss() : 0);
        context.setLineWidth(1.5 * ratio);
        for (Series s : Series.values()) {
            line(curve, s, lastStep, maxLoss, pad, ratio, false);
        }
        if (nb > 0) {
            for (Series s : Series.values()) {
                line(b, s, lastStep, maxLoss, pad, ratio, true);
            }
        }
        context.setLineDash(JSArray.create());
        boolean lr = curve.learningRateVaries() || (nb > 0 && b.learningRateVaries());
        double maxLr = Math.max(curve.maxLearningRate(), nb > 0 ? b.maxLearningRate() : 0);
        if (lr) {
            learningRate(curve, lastStep, maxLr, pad, null);
            if (nb > 0) {
                learningRate(b, lastStep, maxLr, pad, Dom.dash(1.5 * ratio, 2.5 * ratio));
            }
            context.setLineDash(JSArray.create());
        }

        context.setFillStyle("#5f6368");
        context.setFont(Math.round(11 * ratio) + "px system-ui, sans-serif");
        context.setTextBaseline("top");
        context.setTextAlign("left");
        label(nb > 0 && b.maxLoss() > curve.maxLoss() ? b.maxLossText() : curve.maxLossText(), pad, pad + 2, ratio,
                "#5f6368");
        if (lr) {
            context.setTextAlign("right");
            label(LossCurve.learningRateText(maxLr), w - pad, pad + 2, ratio, LEARNING_RATE);
        }
        context.setTextAlign("right");
        context.setTextBaseline("bottom");
        label("step " + curve.step(n - 1), w - pad, h - pad, ratio, "#5f6368");
    }

    /**
     * A label on a pale box, so the curves drawn under it never hide a letter (the train loss starts
     * at the top left, where "loss 2.538" stands, and read as "oss 2.538").
     */
    private void label(String text, double x, double y, double ratio, String colour) {
        double width = context.measureText(text).getWidth();
        double height = 13 * ratio;
        String align = context.getTextAlign();
        double left = align.equals("right") ? x - width : x;
        double top = context.getTextBaseline().equals("bottom") ? y - height : y - ratio;
        context.setFillStyle("rgba(255, 255, 255, 0.88)");
        context.fillRect(left - 2 * ratio, top, width + 4 * ratio, height);
        context.setFillStyle(colour);
        context.fillText(text, x, y);
    }

    /** One series; non-finite values break the line. */
    private void line(LossCurve curve, Series series, double lastStep, double max, double pad, double ratio, boolean runB) {
        boolean loss = series == Series.TEST_LOSS || series == Series.TRAIN_LOSS;
        boolean test = series == Series.TEST_LOSS || series == Series.TEST_ACCURACY;
        if (!loss) {
            max = 1;
        }
        context.setStrokeStyle(runB ? (loss ? (test ? B_TEST : B_TRAIN) : B_ACCURACY) : loss ? (test ? TEST : TRAIN) : ACCURACY);
        context.setLineDash(test ? Dom.dash(4 * ratio, 3 * ratio) : JSArray.create());
        polyline(curve, i -> series == Series.TEST_LOSS ? curve.testLoss(i) : series == Series.TEST_ACCURACY
                ? curve.testAccuracy(i) : series == Series.TRAIN_ACCURACY ? curve.trainAccuracy(i) : curve.trainLoss(i),
                lastStep, max, pad);
    }

    /** The learning rate over the steps, scaled from 0 (bottom) to the largest recorded (top). */
    private void learningRate(LossCurve curve, double lastStep, double max, double pad, JSArray<JSObject> dash) {
        context.setLineDash(dash == null ? JSArray.create() : dash);
        context.setStrokeStyle(LEARNING_RATE);
        polyline(curve, curve::learningRate, lastStep, max, pad);
    }

    /** The curve's values from 0 (bottom) to max (top; higher ones at the top), over the steps; non-finite values break the line. */
    private void polyline(LossCurve curve, IntToDoubleFunction value, double lastStep, double max, double pad) {
        double w = canvas.getWidth() - 2 * pad;
        double h = canvas.getHeight() - 2 * pad;
        context.beginPath();
        boolean drawing = false;
        for (int i = 0; i < curve.size(); i++) {
            double v = value.applyAsDouble(i);
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

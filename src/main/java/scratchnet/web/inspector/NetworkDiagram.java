package scratchnet.web.inspector;

import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import scratchnet.playground.Diagram;
import scratchnet.playground.HeatMap;
import scratchnet.web.Dom;

/**
 * The network as a picture ({@link Diagram}'s numbers): the inputs on the left, a column per
 * layer, the output on the right. Every weight is a line, as wide as its size and coloured by its
 * sign (blue +, orange −); every neuron is filled by its output on the selected point and shows
 * its bias beside it. Clicking a neuron selects it (the listener hears its layer and index).
 */
final class NetworkDiagram {
    interface Listener {
        void picked(int layer, int neuron);
    }

    private static final String POSITIVE = HeatMap.css(HeatMap.POSITIVE);
    private static final String NEGATIVE = HeatMap.css(HeatMap.NEGATIVE);

    private final HTMLCanvasElement canvas;
    private final CanvasRenderingContext2D context;
    private int[] widths = new int[0]; // widths[0] = inputs, then each layer
    private double radius;

    NetworkDiagram(HTMLCanvasElement canvas, Listener listener) {
        this.canvas = canvas;
        context = (CanvasRenderingContext2D) canvas.getContext("2d");
        canvas.addEventListener("click", e -> {
            MouseEvent m = (MouseEvent) e;
            for (int c = 1; c < widths.length; c++) {
                for (int o = 0; o < widths[c]; o++) {
                    double dx = m.getOffsetX() - x(c);
                    double dy = m.getOffsetY() - y(c, o);
                    if (dx * dx + dy * dy <= (radius + 4) * (radius + 4)) {
                        listener.picked(c - 1, o);
                        return;
                    }
                }
            }
        });
    }

    private double x(int column) {
        double w = canvas.getClientWidth();
        double margin = 22;
        return margin + (w - 2 * margin - 40) * column / Math.max(1, widths.length - 1);
    }

    private double y(int column, int row) {
        double h = canvas.getClientHeight();
        double step = (h - 16) / widths[column];
        return 8 + step * (row + 0.5);
    }

    private final JSArray<JSObject> solid = JSArray.create();
    private final JSArray<JSObject> nearZeroDash = dash(2, 3);

    private static JSArray<JSObject> dash(double on, double off) {
        JSArray<JSObject> dash = JSArray.create();
        dash.push(JSNumber.valueOf(on));
        dash.push(JSNumber.valueOf(off));
        return dash;
    }

    /** @param selectedLayer the selected neuron's layer (0 = first hidden) */
    void paint(Diagram d, int selectedLayer, int selectedNeuron) {
        Dom.fitCanvas(canvas);
        double ratio = Window.current().getDevicePixelRatio();
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        context.setTransform(ratio, 0, 0, ratio, 0, 0);
        widths = d.widths;
        int tallest = 0;
        for (int w : widths) {
            tallest = Math.max(tallest, w);
        }
        radius = Math.max(3, Math.min(11, (canvas.getClientHeight() - 16) / tallest * 0.36));

        // The weights: positive and negative each in four width classes, one path per class; near
        // zero (class 0, where L1 drives many) a faint dashed hairline, so they read as "off".
        for (int sign = -1; sign <= 1; sign += 2) {
            context.setStrokeStyle(sign > 0 ? POSITIVE : NEGATIVE);
            for (int width = 0; width <= 4; width++) {
                context.setLineWidth(width == 0 ? 0.5 : width == 1 ? 0.6 : width * 1.1 - 0.6);
                context.setGlobalAlpha(width == 0 ? 0.3 : width == 1 ? 0.45 : 0.8);
                context.setLineDash(width == 0 ? nearZeroDash : solid);
                context.beginPath();
                for (int l = 0; l < d.weights.length; l++) {
                    for (int o = 0; o < d.weights[l].length; o++) {
                        double[] row = d.weights[l][o];
                        for (int i = 0; i < row.length; i++) {
                            if ((row[i] >= 0) != (sign > 0) || d.widthClass(row[i]) != width) {
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

        // The neurons, filled by their output on the selected point; the inputs are squares.
        context.setFont("10px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace");
        context.setTextBaseline("middle");
        for (int c = 0; c < widths.length; c++) {
            for (int o = 0; o < widths[c]; o++) {
                context.setFillStyle(HeatMap.css(d.fill[c][o]));
                boolean picked = c - 1 == selectedLayer && o == selectedNeuron;
                context.setStrokeStyle(picked ? "#202124" : "#80868b");
                context.setLineWidth(picked ? 3 : 1);
                context.beginPath();
                if (c == 0) {
                    context.rect(x(c) - radius, y(c, o) - radius, 2 * radius, 2 * radius);
                } else {
                    context.arc(x(c), y(c, o), radius, 0, 2 * Math.PI);
                }
                context.fill();
                context.stroke();
                context.setFillStyle("#3c4043");
                context.setTextAlign("left");
                if (c == 0) {
                    context.setTextAlign("center");
                    context.fillText(d.inputs[o], x(c), y(c, o));
                } else if (radius >= 5 || picked) {
                    // The bias, every one of them, beside its neuron.
                    String text = d.bias[c][o];
                    double tx = x(c) + radius + 2;
                    double ty = y(c, o) + radius * 0.9;
                    context.setStrokeStyle("rgba(255, 255, 255, 0.85)"); // a halo, readable over the weights
                    context.setLineWidth(3);
                    context.strokeText(text, tx, ty);
                    context.fillText(text, tx, ty);
                }
            }
        }
    }
}

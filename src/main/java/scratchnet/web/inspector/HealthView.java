package scratchnet.web.inspector;

import java.util.List;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.playground.inspect.HealthReport;
import scratchnet.playground.inspect.Inspector;
import scratchnet.web.Dom;

/**
 * The "Health" view under the diagram: what looks wrong in words, then per layer its numbers and
 * two histograms over the training points (its outputs, with tanh's or sigmoid's saturation
 * thresholds dashed, and the gradients reaching them), then two charts along training: the
 * update:data ratio with its 10⁻³ line and the gradient norm per layer. It draws what
 * {@link HealthReport} computes, measured again after each step (every few frames while playing).
 */
final class HealthView {
    /** Each layer's line in the charts; the output layer takes the last colour. */
    static final String[] COLOURS = {"#1a73e8", "#e8710a", "#188038", "#a142f4", "#d93025", "#007b83", "#5f6368"};
    private static final String OUTPUTS = "#1a73e8";
    private static final String GRADIENTS = "#e8710a";

    private final HTMLDocument document;
    private final Inspector inspector;
    private final HTMLElement findings;
    private final HTMLElement scope;
    private final HTMLElement layersBox;
    private final HTMLElement key;
    private final HTMLCanvasElement ratio;
    private final HTMLCanvasElement norm;
    private HTMLElement[] titles = new HTMLElement[0];
    private HTMLElement[] numbers = new HTMLElement[0];
    private HTMLCanvasElement[] outputBars = new HTMLCanvasElement[0];
    private HTMLCanvasElement[] gradientBars = new HTMLCanvasElement[0];
    private List<String> listed = List.of();
    private int drawn = -1; // the report's version last drawn
    private int charted = -1; // the step the charts were last drawn for

    HealthView(HTMLDocument document, Inspector inspector) {
        this.document = document;
        this.inspector = inspector;
        findings = Dom.element(document, "health-findings");
        scope = Dom.element(document, "health-scope");
        layersBox = Dom.element(document, "health-layers");
        key = Dom.element(document, "health-key");
        ratio = (HTMLCanvasElement) Dom.element(document, "health-ratio");
        norm = (HTMLCanvasElement) Dom.element(document, "health-norm");
    }

    /** One frame while the view is shown: measures again if due and draws what changed. */
    void paint() {
        HealthReport report = inspector.health();
        boolean measured = inspector.refreshHealth();
        int step = inspector.trainer().steps();
        if (measured || report.version() != drawn) {
            drawn = report.version();
            drawLayers(report);
        }
        if (measured || step != charted) {
            charted = step;
            chart(ratio, report.ratioChart());
            chart(norm, report.normChart());
        }
    }

    /** Draw everything afresh at the next paint (the view shown again, the page resized). */
    void refresh() {
        drawn = -1;
        charted = -1;
    }

    private void drawLayers(HealthReport report) {
        int n = report.layerCount();
        if (n != titles.length) {
            build(n);
        }
        List<String> said = report.findings();
        if (!said.equals(listed)) { // rebuilt only when the words change
            listed = said;
            Dom.clear(findings);
            for (String s : said) {
                HTMLElement li = document.createElement("li");
                li.setTextContent(s);
                findings.appendChild(li);
            }
        }
        Dom.text(scope, report.scope());
        for (int l = 0; l < n; l++) {
            Dom.text(titles[l], report.title(l));
            Dom.text(numbers[l], report.numbers(l));
            bars(outputBars[l], report.outputs(l), OUTPUTS, "outputs");
            bars(gradientBars[l], report.gradients(l), GRADIENTS, "gradients");
        }
    }

    /** One block per layer: its title, its numbers, its two histograms; and the charts' colour key. */
    private void build(int n) {
        Dom.clear(layersBox);
        Dom.clear(key);
        titles = new HTMLElement[n];
        numbers = new HTMLElement[n];
        outputBars = new HTMLCanvasElement[n];
        gradientBars = new HTMLCanvasElement[n];
        for (int l = 0; l < n; l++) {
            HTMLElement block = document.createElement("div");
            block.setClassName("health-layer");
            titles[l] = document.createElement("h4");
            numbers[l] = document.createElement("p");
            numbers[l].setClassName("hint");
            HTMLElement bars = document.createElement("div");
            bars.setClassName("health-bars");
            outputBars[l] = canvas("health-outputs-" + l);
            gradientBars[l] = canvas("health-gradients-" + l);
            bars.appendChild(outputBars[l]);
            bars.appendChild(gradientBars[l]);
            block.appendChild(titles[l]);
            block.appendChild(numbers[l]);
            block.appendChild(bars);
            layersBox.appendChild(block);
            HTMLElement swatch = document.createElement("span");
            swatch.setTextContent("▬ " + (l == n - 1 ? "output" : "layer " + (l + 1)));
            swatch.getStyle().setProperty("color", colour(l, n));
            key.appendChild(swatch);
        }
    }

    private HTMLCanvasElement canvas(String id) {
        HTMLCanvasElement c = (HTMLCanvasElement) document.createElement("canvas");
        c.setId(id);
        c.setAttribute("role", "img");
        c.setWidth(120);
        c.setHeight(48);
        return c;
    }

    /** A histogram: bars to scale of the tallest, the range's ends beneath, the saturation thresholds dashed. */
    private static void bars(HTMLCanvasElement c, HealthReport.Histogram h, String colour, String what) {
        Dom.fitCanvas(c);
        c.setAttribute("aria-label", "histogram of the layer's " + what + " from " + h.low + " to " + h.high
                + ", tallest bar " + h.tallest);
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) c.getContext("2d");
        double unit = Window.current().getDevicePixelRatio();
        double w = c.getWidth();
        double height = c.getHeight();
        double base = height - 11 * unit;
        g.clearRect(0, 0, w, height);
        int bins = h.counts.length;
        g.setFillStyle(colour);
        for (int k = 0; k < bins && h.tallest > 0; k++) {
            double top = base * (1 - (double) h.counts[k] / h.tallest);
            if (h.counts[k] > 0) {
                g.fillRect(k * w / bins + 0.5 * unit, top, w / bins - unit, Math.max(unit, base - top));
            }
        }
        g.setStrokeStyle("#d93025");
        g.setLineWidth(unit);
        g.setLineDash(Dom.dash(3 * unit, 2 * unit));
        g.beginPath();
        for (double m : h.marks) {
            g.moveTo(m * w, 0);
            g.lineTo(m * w, base);
        }
        g.stroke();
        g.setLineDash(JSArray.create());
        g.setFillStyle("#5f6368");
        g.setFont(Math.round(9 * unit) + "px system-ui, sans-serif");
        g.setTextBaseline("bottom");
        g.setTextAlign("left");
        g.fillText(h.low, unit, height);
        g.setTextAlign("center");
        g.fillText(what, w / 2, height);
        g.setTextAlign("right");
        g.fillText(h.high, w - unit, height);
    }

    /** A chart: a line per layer, labelled decades at the left, the reference line dashed. */
    private static void chart(HTMLCanvasElement c, HealthReport.Chart chart) {
        Dom.fitCanvas(c);
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) c.getContext("2d");
        double unit = Window.current().getDevicePixelRatio();
        double w = c.getWidth();
        double h = c.getHeight();
        double left = 30 * unit;
        double bottom = h - 12 * unit;
        double top = 4 * unit;
        double right = w - 4 * unit;
        g.clearRect(0, 0, w, h);
        g.setFont(Math.round(9 * unit) + "px system-ui, sans-serif");
        g.setFillStyle("#5f6368");
        g.setTextBaseline("middle");
        g.setTextAlign("right");
        g.setStrokeStyle("#e0e0e0");
        g.setLineWidth(unit);
        for (int i = 0; i < chart.ticks.length; i++) {
            double y = bottom - chart.ticks[i] * (bottom - top);
            g.beginPath();
            g.moveTo(left, y);
            g.lineTo(right, y);
            g.stroke();
            g.fillText(chart.tickLabels[i], left - 3 * unit, y);
        }
        if (!Double.isNaN(chart.reference)) {
            double y = bottom - chart.reference * (bottom - top);
            g.setStrokeStyle("#202124");
            g.setLineDash(Dom.dash(4 * unit, 3 * unit));
            g.beginPath();
            g.moveTo(left, y);
            g.lineTo(right, y);
            g.stroke();
            g.setLineDash(JSArray.create());
        }
        g.setTextBaseline("bottom");
        g.setTextAlign("left");
        g.fillText(chart.from, left, h);
        g.setTextAlign("right");
        g.fillText(chart.to, right, h);
        int n = chart.xs.length;
        g.setLineWidth(1.5 * unit);
        for (int l = 0; l < n; l++) {
            g.setStrokeStyle(colour(l, n));
            g.beginPath();
            boolean pen = false;
            double[] xs = chart.xs[l];
            double[] ys = chart.ys[l];
            for (int i = 0; i < xs.length; i++) {
                if (Double.isNaN(ys[i])) {
                    pen = false;
                    continue;
                }
                double x = left + xs[i] * (right - left);
                double y = bottom - ys[i] * (bottom - top);
                if (pen) {
                    g.lineTo(x, y);
                } else {
                    g.moveTo(x, y);
                    g.lineTo(x + 0.01, y); // a lone point still shows with a round cap
                    pen = true;
                }
            }
            g.setLineCap("round");
            g.stroke();
        }
    }

    /** Layer {@code l}'s colour of {@code n}: the output layer always the last (grey), the hidden layers in turn. */
    private static String colour(int l, int n) {
        return l == n - 1 ? COLOURS[COLOURS.length - 1] : COLOURS[l % (COLOURS.length - 1)];
    }
}

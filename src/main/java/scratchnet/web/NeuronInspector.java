package scratchnet.web;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;
import scratchnet.playground.HeatMap;
import scratchnet.playground.Inspection;

/**
 * One neuron up close: its formula with the live numbers of the selected point, its own output
 * over the plane as a heat map, and its weights and bias with their gradients. The bias is an
 * input: a committed edit changes the model at once and the listener is told.
 */
final class NeuronInspector {
    private static final int GRID = 48;

    private final HTMLDocument document;
    private final HTMLElement title;
    private final HTMLElement formula;
    private final HTMLInputElement bias;
    private final HTMLElement biasGrad;
    private final HTMLElement weights;
    private final CanvasRenderingContext2D mapContext;
    private final HTMLCanvasElement map;
    private final ImageData image;
    private final Int32Array pixels;
    private final double[] grid = new double[GRID * GRID];
    private final int[] heat = new int[GRID * GRID];
    private final List<HTMLElement[]> rows = new ArrayList<>(); // per weight: value and grad cells
    private Neuron shown;
    private String shownBias = "";

    NeuronInspector(HTMLDocument document, Runnable edited) {
        this.document = document;
        title = document.getElementById("neuron-title");
        formula = document.getElementById("neuron-formula");
        bias = (HTMLInputElement) document.getElementById("neuron-bias");
        biasGrad = document.getElementById("neuron-bias-grad");
        weights = document.getElementById("neuron-weights");
        map = (HTMLCanvasElement) document.getElementById("neuron-map");
        map.setWidth(GRID);
        map.setHeight(GRID);
        mapContext = (CanvasRenderingContext2D) map.getContext("2d");
        image = mapContext.createImageData(GRID, GRID);
        pixels = Int32Array.create(image.getData().getBuffer());
        bias.addEventListener("change", e -> {
            double v = parse(bias.getValue());
            if (shown != null && Double.isFinite(v)) {
                shown.b.data = v;
                shownBias = "";
                edited.run();
            } else {
                bias.setValue(shownBias); // not a number: put the bias back
            }
        });
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Shows neuron {@code o} of layer {@code l} ({@code point} the selected input, or null).
     *
     * @param view {xMin, xMax, yMin, yMax} of the plane, for the heat map
     */
    void show(MLP model, int l, int o, double[] point, double[] view) {
        Neuron n = model.layers.get(l).neurons.get(o);
        boolean output = l == model.layers.size() - 1;
        if (n != shown) {
            shown = n;
            shownBias = "";
            title.setTextContent(output ? "the output neuron (layer " + l + ")" : "layer " + l + ", neuron " + o);
            rebuildRows(n, l, o);
        }
        formula.setTextContent(point == null ? "select a point to see the numbers"
                : Inspection.formula(model, l, o, point));
        String b = Double.toString(n.b.data);
        if (!b.equals(shownBias) && document.getActiveElement() != bias) { // not while it is being typed into
            bias.setValue(b);
            shownBias = b;
        }
        bias.setAttribute("data-value", b);
        biasGrad.setTextContent(Inspection.number(n.b.grad));
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[0].setTextContent(Inspection.number(n.w.get(i).data));
            rows.get(i)[1].setTextContent(Inspection.number(n.w.get(i).grad));
        }
        if (model.nin() == 2) {
            model.snapshot().grid(l, o, view[0], view[1], view[2], view[3], GRID, GRID, grid);
            HeatMap.paint(grid, grid.length, n.activation == Activation.TANH, false, heat);
            pixels.set(heat);
            mapContext.putImageData(image, 0, 0);
        }
    }

    private void rebuildRows(Neuron n, int l, int o) {
        while (weights.getFirstChild() != null) {
            weights.removeChild(weights.getFirstChild());
        }
        rows.clear();
        for (int i = 0; i < n.w.size(); i++) {
            HTMLElement row = document.createElement("tr");
            HTMLElement name = document.createElement("th");
            name.setAttribute("scope", "row");
            name.setTextContent("w[" + l + "][" + o + "][" + i + "]");
            HTMLElement value = document.createElement("td");
            HTMLElement grad = document.createElement("td");
            row.appendChild(name);
            row.appendChild(value);
            row.appendChild(grad);
            weights.appendChild(row);
            rows.add(new HTMLElement[] {value, grad});
        }
    }
}

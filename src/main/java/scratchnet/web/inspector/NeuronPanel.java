package scratchnet.web.inspector;

import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.inspect.NeuronView;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.web.Dom;

/**
 * One neuron up close ({@link NeuronView}): its formula with the live numbers of the selected
 * point, its own output over the plane as a heat map, and its weights and bias with their
 * gradients. The bias is an input: a committed edit goes to the inspector and the listener is told.
 */
final class NeuronPanel {
    private static final int SIDE = NeuronView.MAP_SIDE;

    private final HTMLDocument document;
    private final HTMLElement title;
    private final HTMLElement formula;
    private final HTMLInputElement bias;
    private final HTMLElement biasGrad;
    private final HTMLElement weights;
    private final CanvasRenderingContext2D mapContext;
    private final ImageData image;
    private final Int32Array pixels;
    private final List<HTMLElement[]> rows = new ArrayList<>(); // per weight: value and grad cells
    private final List<HTMLInputElement> fields = new ArrayList<>(); // per weight: its editable value
    private final List<String> shownWeights = new ArrayList<>();
    private final Inspector inspector;
    private final Runnable edited;
    private String shown = ""; // the neuron shown: layer/neuron/weights
    private String shownBias = "";
    private int chosen = -1; // the weight picked on the diagram, marked in the table
    private final List<HTMLElement> rowElements = new ArrayList<>();

    NeuronPanel(HTMLDocument document, Inspector inspector, Runnable edited) {
        this.document = document;
        this.inspector = inspector;
        this.edited = edited;
        title = Dom.element(document, "neuron-title");
        formula = Dom.element(document, "neuron-formula");
        bias = (HTMLInputElement) Dom.element(document, "neuron-bias");
        biasGrad = Dom.element(document, "neuron-bias-grad");
        weights = Dom.element(document, "neuron-weights");
        HTMLCanvasElement map = (HTMLCanvasElement) Dom.element(document, "neuron-map");
        map.setWidth(SIDE);
        map.setHeight(SIDE);
        mapContext = (CanvasRenderingContext2D) map.getContext("2d");
        image = mapContext.createImageData(SIDE, SIDE);
        pixels = Int32Array.create(image.getData().getBuffer());
        bias.addEventListener("change", e -> {
            if (inspector.setBias(bias.getValue())) {
                shownBias = "";
                edited.run();
            } else {
                bias.setValue(shownBias); // not a number: put the bias back
            }
        });
    }

    /** Marks weight {@code input} of the neuron shown next (a line picked on the diagram); −1 for none. */
    void choose(int input) {
        chosen = input;
        markChosen();
    }

    private void markChosen() {
        for (int i = 0; i < rowElements.size(); i++) {
            rowElements.get(i).setClassName(i == chosen ? "chosen" : "");
        }
        if (chosen >= 0 && chosen < rowElements.size()) {
            HTMLElement box = document.querySelector(".neuron-scroll"); // its own box only, not the page
            if (box != null) {
                box.setScrollTop(Math.max(0, rowElements.get(chosen).getOffsetTop() - 24));
            }
        }
    }

    void show(NeuronView n) {
        String which = n.layer + "/" + n.neuron + "/" + n.weights.length;
        if (!which.equals(shown)) {
            shown = which;
            shownBias = "";
            title.setTextContent(n.title);
            rebuildRows(n);
            markChosen();
        }
        Dom.text(formula, n.formula);
        if (!n.bias.equals(shownBias) && document.getActiveElement() != bias) { // not while it is being typed into
            bias.setValue(n.bias);
            // Wide enough for the exact text: cut short, −5.4e-4 read as "-5.3958352489", i.e. −5.4.
            bias.getStyle().setProperty("width", Math.max(8, n.bias.length() + 3) + "ch");
            shownBias = n.bias;
        }
        bias.setAttribute("data-value", n.bias);
        Dom.text(biasGrad, n.biasGrad);
        for (int i = 0; i < rows.size(); i++) {
            HTMLInputElement field = fields.get(i);
            if (!n.weights[i][1].equals(shownWeights.get(i)) && document.getActiveElement() != field) {
                field.setValue(n.weights[i][1]); // not while it is being typed into
                field.getStyle().setProperty("width", Math.max(8, n.weights[i][1].length() + 3) + "ch");
                shownWeights.set(i, n.weights[i][1]);
            }
            field.setAttribute("data-value", n.weights[i][1]);
            Dom.text(rows.get(i)[1], n.weights[i][2]);
        }
        if (n.map != null) {
            pixels.set(n.map);
            mapContext.putImageData(image, 0, 0);
        }
    }

    private void rebuildRows(NeuronView n) {
        while (weights.getFirstChild() != null) {
            weights.removeChild(weights.getFirstChild());
        }
        rows.clear();
        rowElements.clear();
        fields.clear();
        shownWeights.clear();
        for (String[] w : n.weights) {
            HTMLElement row = document.createElement("tr");
            HTMLElement name = document.createElement("th");
            name.setAttribute("scope", "row");
            name.setTextContent(w[0]);
            HTMLElement value = document.createElement("td");
            // Editable as the bias is, with the same validation: a committed number sets the weight.
            HTMLInputElement field = (HTMLInputElement) document.createElement("input");
            field.setType("number");
            field.setAttribute("step", "any");
            field.setAttribute("inputmode", "decimal");
            field.setAttribute("aria-label", w[0]);
            field.setClassName("weight-field");
            int input = fields.size();
            field.addEventListener("change", e -> {
                if (inspector.setWeight(input, field.getValue())) {
                    shownWeights.set(input, "");
                    edited.run();
                } else {
                    field.setValue(shownWeights.get(input)); // not a number: put the weight back
                }
            });
            value.appendChild(field);
            fields.add(field);
            shownWeights.add("");
            HTMLElement grad = document.createElement("td");
            row.appendChild(name);
            row.appendChild(value);
            row.appendChild(grad);
            weights.appendChild(row);
            rows.add(new HTMLElement[] {value, grad});
            rowElements.add(row);
        }
    }
}

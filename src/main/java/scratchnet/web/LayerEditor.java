package scratchnet.web;

import scratchnet.playground.settings.Setting;
import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * Buttons that shape the hidden layers, on the network diagram: add or remove a layer, and +/−
 * neurons over each layer's column; and each layer's activation, a select per layer. Every edit is handed on as the new text of the
 * {@code layers} setting (e.g. {@code "8,4"}, {@code "0"} for none) or of the {@code activation}
 * setting (e.g. {@code "tanh,relu"}), the same text the share link holds.
 */
final class LayerEditor {
    private static final int NEW_LAYER_WIDTH = 4;

    private final HTMLDocument document;
    private final HTMLElement columns;
    private final HTMLElement addLayer;
    private final HTMLElement removeLayer;
    private final HTMLElement count; // "2 hidden layers"
    private final Controls.Listener listener;
    private int[] widths = new int[0];
    private String[] activations = new String[0]; // one per hidden layer
    private final List<HTMLSelectElement> selects = new ArrayList<>();
    private final List<String> choices = activationChoices();

    LayerEditor(HTMLDocument document, Controls.Listener listener) {
        this.document = document;
        this.listener = listener;
        columns = Dom.element(document, "layers-editor");
        addLayer = Dom.element(document, "add-layer");
        removeLayer = Dom.element(document, "remove-layer");
        count = Dom.element(document, "hidden-count");
        addLayer.addEventListener("click", e -> {
            if (widths.length < Settings.MAX_LAYERS) {
                int[] more = Arrays.copyOf(widths, widths.length + 1);
                more[widths.length] = NEW_LAYER_WIDTH;
                edit(more);
            }
        });
        removeLayer.addEventListener("click", e -> {
            if (widths.length > 0) {
                edit(Arrays.copyOf(widths, widths.length - 1));
            }
        });
    }

    /**
     * Shows one column per hidden layer with its activation ({@code activation} as the link writes
     * it: one name for all, or one per layer); rebuilt only when the shape changed, so a select
     * being used keeps the keyboard focus.
     */
    void show(int[] layers, String activation) {
        String[] given = activation.split(",");
        String[] perLayer = new String[layers.length];
        for (int i = 0; i < perLayer.length; i++) {
            perLayer[i] = given[Math.min(i, given.length - 1)];
        }
        activations = perLayer;
        if (Arrays.equals(layers, widths) && columns.getFirstChild() != null) {
            for (int i = 0; i < selects.size(); i++) {
                if (!selects.get(i).getValue().equals(perLayer[i])) {
                    selects.get(i).setValue(perLayer[i]);
                }
            }
            return;
        }
        widths = layers.clone();
        Dom.text(count, widths.length == 0 ? "no hidden layer" : widths.length == 1 ? "1 hidden layer"
                : widths.length + " hidden layers");
        selects.clear();
        while (columns.getFirstChild() != null) {
            columns.removeChild(columns.getFirstChild());
        }
        if (widths.length == 0) {
            HTMLElement none = document.createElement("p");
            none.setClassName("hint");
            none.setTextContent("the boundary is a straight line");
            columns.appendChild(none);
        }
        for (int i = 0; i < widths.length; i++) {
            columns.appendChild(column(i));
        }
        enable(addLayer, widths.length < Settings.MAX_LAYERS);
        enable(removeLayer, widths.length > 0);
    }

    private HTMLElement column(int layer) {
        HTMLElement column = document.createElement("div");
        column.setClassName("layer");
        column.setAttribute("data-layer", Integer.toString(layer)); // NetworkDiagram centres it over the layer's column
        HTMLElement count = document.createElement("strong");
        count.setTextContent(Integer.toString(widths[layer]));
        column.appendChild(button("−", "fewer neurons in layer " + (layer + 1), layer, -1));
        column.appendChild(count);
        column.appendChild(button("+", "more neurons in layer " + (layer + 1), layer, +1));
        column.appendChild(activationSelect(layer));
        return column;
    }

    /** Layer {@code layer}'s activation: a labelled select whose change sets that layer's only. */
    private HTMLElement activationSelect(int layer) {
        HTMLSelectElement select = (HTMLSelectElement) document.createElement("select");
        String id = "layer-activation-" + (layer + 1);
        select.setAttribute("id", id);
        select.setClassName("layer-activation");
        for (String choice : choices) {
            HTMLElement o = document.createElement("option");
            o.setAttribute("value", choice);
            o.setTextContent(choice);
            select.appendChild(o);
        }
        select.setValue(activations[layer]);
        select.addEventListener("change", e -> {
            String[] changed = activations.clone();
            changed[layer] = select.getValue();
            listener.edited("activation", String.join(",", changed));
        });
        selects.add(select);
        HTMLElement label = document.createElement("label");
        label.setAttribute("for", id);
        label.setClassName("visually-hidden");
        label.setTextContent("activation of layer " + (layer + 1));
        HTMLElement wrap = document.createElement("span");
        wrap.setClassName("layer-activation-field");
        wrap.appendChild(label);
        wrap.appendChild(select);
        return wrap;
    }

    private static List<String> activationChoices() {
        for (Setting setting : Settings.table()) {
            if (setting.kind == Setting.Kind.ACTIVATIONS) {
                return setting.options;
            }
        }
        throw new IllegalStateException("the settings table has no activations");
    }

    private HTMLElement button(String text, String label, int layer, int delta) {
        HTMLElement b = document.createElement("button");
        b.setAttribute("type", "button");
        b.setAttribute("aria-label", label);
        b.setTextContent(text);
        int next = widths[layer] + delta;
        enable(b, next >= 1 && next <= Settings.MAX_NEURONS);
        b.addEventListener("click", e -> {
            int[] changed = widths.clone();
            changed[layer] = Math.max(1, Math.min(Settings.MAX_NEURONS, changed[layer] + delta));
            edit(changed);
        });
        return b;
    }

    private void edit(int[] layers) {
        listener.edited("layers", Settings.formatLayers(layers));
    }

    private static void enable(HTMLElement button, boolean enabled) {
        if (enabled) {
            button.removeAttribute("disabled");
        } else {
            button.setAttribute("disabled", "");
        }
    }
}

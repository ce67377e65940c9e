package scratchnet.web;

import java.util.Arrays;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.playground.Settings;

/**
 * Buttons that shape the hidden layers: add or remove a layer, and +/− neurons in each. Every
 * edit is handed on as the new text of the {@code layers} setting (e.g. {@code "8,4"}, {@code "0"}
 * for none), the same text the share link and the layers field hold.
 */
final class LayerEditor {
    private static final int NEW_LAYER_WIDTH = 4;

    private final HTMLDocument document;
    private final HTMLElement columns;
    private final HTMLElement addLayer;
    private final HTMLElement removeLayer;
    private final Controls.Listener listener;
    private int[] widths = new int[0];

    LayerEditor(HTMLDocument document, Controls.Listener listener) {
        this.document = document;
        this.listener = listener;
        columns = Dom.element(document, "layers-editor");
        addLayer = Dom.element(document, "add-layer");
        removeLayer = Dom.element(document, "remove-layer");
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

    /** Shows one column per hidden layer; rebuilt only when the shape changed. */
    void show(int[] layers) {
        if (Arrays.equals(layers, widths) && columns.getFirstChild() != null) {
            return;
        }
        widths = layers.clone();
        while (columns.getFirstChild() != null) {
            columns.removeChild(columns.getFirstChild());
        }
        if (widths.length == 0) {
            HTMLElement none = document.createElement("p");
            none.setClassName("hint");
            none.setTextContent("no hidden layer: the boundary is a straight line");
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
        HTMLElement title = document.createElement("span");
        title.setClassName("layer-title");
        title.setTextContent("layer " + (layer + 1));
        HTMLElement count = document.createElement("strong");
        count.setTextContent(Integer.toString(widths[layer]));
        column.appendChild(title);
        column.appendChild(button("−", "fewer neurons in layer " + (layer + 1), layer, -1));
        column.appendChild(count);
        column.appendChild(button("+", "more neurons in layer " + (layer + 1), layer, +1));
        return column;
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

package scratchnet.web;

import java.util.Arrays;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.playground.Settings;

/**
 * "Why hidden layers matter": {@code #toggle-hidden} switches between no hidden layer (one tanh
 * neuron, so a straight boundary) and the architecture it had, on the same data. Its text says
 * what the next click does.
 */
final class HiddenLayerToggle {
    private final HTMLElement button;
    private int[] current = new int[0];
    private int[] remembered = Settings.fromHash("").settings.layers; // the default, until there is another

    HiddenLayerToggle(HTMLDocument document, Controls.Listener listener) {
        button = document.getElementById("toggle-hidden");
        button.addEventListener("click", e -> {
            if (current.length > 0) {
                remembered = current.clone();
                listener.edited("layers", "0");
            } else {
                listener.edited("layers", text(remembered));
            }
        });
    }

    void show(int[] layers) {
        if (Arrays.equals(layers, current) && button.getTextContent().length() > 0) {
            return;
        }
        current = layers.clone();
        button.setTextContent(current.length > 0
                ? "Remove hidden layers (straight line)"
                : "Bring back the hidden layers " + text(remembered));
        button.setAttribute("aria-pressed", current.length > 0 ? "false" : "true");
    }

    private static String text(int[] layers) {
        StringBuilder s = new StringBuilder();
        for (int w : layers) {
            s.append(s.length() > 0 ? "," : "").append(w);
        }
        return s.toString();
    }
}

package scratchnet.web.inspector;

import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.web.Dom;

/**
 * The views under the network diagram, one at a time: tabs ({@code #tab-NAME}) over panels
 * ({@code #view-NAME}). A click or Enter shows one; the arrow keys move between tabs and show
 * them, as the WAI-ARIA tabs pattern has it. Another view is one more name in {@link #NAMES}.
 */
final class Views {
    static final String[] NAMES = {"neuron", "phases", "gradcheck", "nudge"};

    private final HTMLElement[] tabs = new HTMLElement[NAMES.length];
    private final HTMLElement[] panels = new HTMLElement[NAMES.length];
    private int shown;

    Views(HTMLDocument document) {
        for (int i = 0; i < NAMES.length; i++) {
            int index = i;
            tabs[i] = Dom.element(document, "tab-" + NAMES[i]);
            panels[i] = Dom.element(document, "view-" + NAMES[i]);
            tabs[i].addEventListener("click", e -> show(index));
            tabs[i].addEventListener("keydown", e -> {
                String key = ((KeyboardEvent) e).getKey();
                int to = key.equals("ArrowRight") ? index + 1 : key.equals("ArrowLeft") ? index - 1
                        : key.equals("Home") ? 0 : key.equals("End") ? NAMES.length - 1 : -2;
                if (to != -2) {
                    e.preventDefault();
                    show((to + NAMES.length) % NAMES.length);
                    tabs[shown].focus();
                }
            });
        }
    }

    /** Shows the view called {@code name} (one of {@link #NAMES}). */
    void show(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                show(i);
            }
        }
    }

    private void show(int index) {
        shown = index;
        for (int i = 0; i < NAMES.length; i++) {
            boolean on = i == index;
            Dom.attribute(tabs[i], "aria-selected", on ? "true" : "false");
            Dom.attribute(tabs[i], "tabindex", on ? "0" : "-1");
            Dom.show(panels[i], on);
        }
    }
}

package scratchnet.web.inspector;

import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import java.util.function.Consumer;
import scratchnet.playground.settings.Settings;
import scratchnet.web.Dom;

/**
 * The views under the network diagram, one at a time: tabs ({@code #tab-NAME}) over panels
 * ({@code #view-NAME}). A click or Enter shows one; the arrow keys move between tabs and show
 * them, as the WAI-ARIA tabs pattern has it. Another view is one more name in {@link #NAMES}.
 */
final class Views {
    static final String[] NAMES = Settings.VIEWS;

    private final HTMLElement[] tabs = new HTMLElement[NAMES.length];
    private final HTMLElement[] panels = new HTMLElement[NAMES.length];
    private int shown;
    private final Consumer<String> chosen;

    /** {@code chosen} hears each view a person (or a link from another view) shows: the {@code view} setting. */
    Views(HTMLDocument document, Consumer<String> chosen) {
        this.chosen = chosen;
        for (int i = 0; i < NAMES.length; i++) {
            int index = i;
            tabs[i] = Dom.element(document, "tab-" + NAMES[i]);
            panels[i] = Dom.element(document, "view-" + NAMES[i]);
            tabs[i].addEventListener("click", e -> choose(index));
            tabs[i].addEventListener("keydown", e -> {
                String key = ((KeyboardEvent) e).getKey();
                int to = key.equals("ArrowRight") ? index + 1 : key.equals("ArrowLeft") ? index - 1
                        : key.equals("Home") ? 0 : key.equals("End") ? NAMES.length - 1 : -2;
                if (to != -2) {
                    e.preventDefault();
                    choose((to + NAMES.length) % NAMES.length);
                    tabs[shown].focus();
                }
            });
        }
    }

    /** Shows the view called {@code name} (one of {@link #NAMES}) as a person's choice: the setting follows. */
    void show(String name) {
        choose(index(name));
    }

    /** Shows the view the {@code view} setting names, if another is shown (a link, undo, a restored session). */
    void follow(String name) {
        int i = index(name);
        if (i != shown) {
            show(i);
        }
    }

    private static int index(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return 0;
    }

    private void choose(int index) {
        boolean other = index != shown;
        show(index);
        if (other) {
            chosen.accept(NAMES[index]);
        }
    }

    /** The view shown now. */
    String shown() {
        return NAMES[shown];
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

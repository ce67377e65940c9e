package scratchnet.web;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import scratchnet.playground.Playground;

/**
 * The lesson's four examples in the output panel, in place of the picture while the lesson is
 * shown (the document then has the class {@code lesson}, which style.css reads): each example's
 * inputs, target, output and (out − y)², one row a button that shows that example in every view.
 */
final class LessonPanel {
    private static final int COLUMNS = 6;
    private final HTMLDocument document;
    private final Playground playground;
    private final HTMLElement[] buttons;
    private final HTMLElement[][] cells;
    private final HTMLElement total;
    private boolean shown;

    LessonPanel(HTMLDocument document, Playground playground, Runnable changed) {
        this.document = document;
        this.playground = playground;
        int examples = playground.inspector().lessonExamples();
        buttons = new HTMLElement[examples];
        cells = new HTMLElement[examples][COLUMNS];
        HTMLElement rows = Dom.element(document, "lesson-rows");
        total = Dom.element(document, "lesson-total");
        for (int k = 0; k < buttons.length; k++) {
            HTMLElement row = document.createElement("tr");
            HTMLElement head = document.createElement("th");
            head.setAttribute("scope", "row");
            HTMLElement button = document.createElement("button");
            button.setAttribute("type", "button");
            button.setAttribute("id", "lesson-example-" + k);
            button.setAttribute("aria-pressed", "false");
            button.setAttribute("title", "Show example " + k + " in the diagram, the neuron and the graph");
            button.setTextContent(Integer.toString(k));
            int chosen = k;
            button.addEventListener("click", e -> {
                playground.inspector().chooseClassicExample(chosen);
                changed.run();
            });
            buttons[k] = button;
            head.appendChild(button);
            row.appendChild(head);
            for (int c = 0; c < COLUMNS; c++) {
                cells[k][c] = document.createElement("td");
                row.appendChild(cells[k][c]);
            }
            rows.appendChild(row);
        }
    }

    /** Shows the lesson (or leaves the page's own panels) and, while shown, its numbers now. */
    void show() {
        boolean on = playground.lesson();
        if (on != shown) {
            HTMLElement html = document.getDocumentElement();
            if (on) { // only this class: others (comparing, embed) stay
                html.getClassList().add("lesson");
            } else {
                html.getClassList().remove("lesson");
            }
            shown = on;
        }
        if (!on) {
            return;
        }
        int chosen = playground.inspector().classicExample();
        for (int k = 0; k < buttons.length; k++) {
            String[] row = playground.inspector().lessonRow(k);
            for (int c = 0; c < COLUMNS; c++) {
                Dom.text(cells[k][c], row[c]);
            }
            Dom.attribute(buttons[k], "aria-pressed", k == chosen ? "true" : "false");
        }
        Dom.text(total, playground.inspector().classicSummary());
    }
}

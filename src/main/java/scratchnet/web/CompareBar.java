package scratchnet.web;

import scratchnet.playground.Playground;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * The comparison's controls: the "Compare A | B" toggle, the switch saying which run the training
 * controls edit, "Keep B", and the one-line summary of what differs. While comparing, the
 * document has the class {@code comparing}, which shows B's picture, readouts and legend (style.css).
 */
final class CompareBar {
    private final HTMLDocument document;
    private final Playground playground;
    private final HTMLElement toggle;
    private final HTMLInputElement editA;
    private final HTMLInputElement editB;
    private final HTMLElement summary;

    CompareBar(HTMLDocument document, Playground playground, Runnable changed) {
        this.document = document;
        this.playground = playground;
        toggle = Dom.element(document, "compare");
        editA = (HTMLInputElement) Dom.element(document, "edit-a");
        editB = (HTMLInputElement) Dom.element(document, "edit-b");
        summary = Dom.element(document, "compare-summary");
        toggle.addEventListener("click", e -> {
            playground.twoRuns().compare(!playground.twoRuns().comparing());
            changed.run();
        });
        editA.addEventListener("change", e -> {
            playground.twoRuns().editB(false);
            changed.run();
        });
        editB.addEventListener("change", e -> {
            playground.twoRuns().editB(true);
            changed.run();
        });
        Dom.element(document, "keep-b").addEventListener("click", e -> {
            playground.twoRuns().keepB();
            changed.run();
        });
    }

    /** Shows whether two runs are compared, which one the controls edit, and what differs. */
    void show() {
        boolean on = playground.twoRuns().comparing();
        HTMLElement html = document.getDocumentElement();
        if (on) { // only this class: others (embed, tour-dismissed) stay
            html.getClassList().add("comparing");
        } else {
            html.getClassList().remove("comparing");
        }
        toggle.setAttribute("aria-pressed", on ? "true" : "false");
        Dom.text(toggle, on ? "Stop comparing (keep A)" : "Compare A | B");
        editA.setChecked(!playground.twoRuns().editingB());
        editB.setChecked(playground.twoRuns().editingB());
        Dom.text(summary, playground.twoRuns().comparisonSummary());
    }
}

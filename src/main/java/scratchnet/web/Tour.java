package scratchnet.web;

import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * A five-step guided tour of the live page: neuron → layer → loss → backward → update. Each step
 * outlines the part of the page it talks about. Back, Next and Close are buttons; Escape closes,
 * the arrow keys step. A small invitation offers the tour until it is taken or dismissed, which
 * is remembered in localStorage where the browser allows it.
 */
final class Tour {
    private static final String DISMISSED_KEY = "scratchnet.tour.dismissed";

    /** One step: the id of the element it outlines, a title and the text. */
    private static final String[][] STEPS = {
        {"toggle-hidden", "1. A neuron",
            "A neuron computes tanh(w·x + b): a weighted sum of its inputs x plus a bias b, squashed into −1…1."
                + " With no hidden layer the whole network is one neuron and its boundary is a straight line:"
                + " press the outlined button to see it, and again to bring the layers back."},
        {"layers-editor", "2. A layer",
            "A layer is a row of neurons that all read the same inputs; the next layer reads their outputs."
                + " Each neuron bends the boundary a little; + and − change how many there are."},
        {"readouts", "3. The loss",
            "The loss measures how far the outputs are from the labels (orange −1, blue +1), averaged over"
                + " the training points: lower is better. Accuracy counts the points on the right side."},
        {"step", "4. Backward",
            "Step runs the network forward on the training points, then backward(): the chain rule, applied"
                + " from the loss back through every neuron, gives each weight and bias its gradient — how"
                + " fast the loss grows when that parameter grows."},
        {"set-lr", "5. Update",
            "Then every parameter moves against its gradient: p ← p − learning rate × gradient. Play repeats"
                + " forward, backward and update many times a second: watch the loss fall and the boundary bend."},
    };

    private final HTMLDocument document;
    private final HTMLElement panel;
    private final HTMLElement title;
    private final HTMLElement text;
    private final HTMLElement progress;
    private final HTMLElement back;
    private final HTMLElement next;
    private final HTMLElement invite;
    private final HTMLElement toolbar;
    private HTMLElement outlined;
    private int step = -1; // -1 while closed

    Tour(HTMLDocument document) {
        this.document = document;
        panel = Dom.element(document, "tour");
        title = Dom.element(document, "tour-title");
        text = Dom.element(document, "tour-text");
        progress = Dom.element(document, "tour-progress");
        back = Dom.element(document, "tour-back");
        next = Dom.element(document, "tour-next");
        invite = Dom.element(document, "tour-invite");
        toolbar = document.querySelector(".toolbar");
        Dom.element(document, "tour-open").addEventListener("click", e -> open());
        Dom.element(document, "tour-invite-start").addEventListener("click", e -> open());
        Dom.element(document, "tour-invite-dismiss").addEventListener("click", e -> dismiss());
        Dom.element(document, "tour-close").addEventListener("click", e -> close());
        back.addEventListener("click", e -> go(step - 1));
        next.addEventListener("click", e -> {
            if (step == STEPS.length - 1) {
                close();
            } else {
                go(step + 1);
            }
        });
        panel.addEventListener("keydown", e -> key((KeyboardEvent) e));
        if (!"1".equals(LocalStore.get(DISMISSED_KEY))) {
            invite.removeAttribute("hidden");
        }
    }

    private void open() {
        dismiss();
        panel.removeAttribute("hidden");
        go(0);
        next.focus();
    }

    private void go(int to) {
        step = Math.max(0, Math.min(STEPS.length - 1, to));
        String[] s = STEPS[step];
        title.setTextContent(s[1]);
        text.setTextContent(s[2]);
        progress.setTextContent("step " + (step + 1) + " of " + STEPS.length);
        if (step == 0) {
            back.setAttribute("disabled", "");
        } else {
            back.removeAttribute("disabled");
        }
        next.setTextContent(step == STEPS.length - 1 ? "Done" : "Next →");
        outline(Dom.element(document, s[0]));
    }

    private void outline(HTMLElement target) {
        if (outlined != null) {
            outlined.getClassList().remove("tour-target");
        }
        outlined = target;
        if (target == null) {
            return;
        }
        target.getClassList().add("tour-target");
        // In sight means below the toolbar (sticky on phones) and above the tour (fixed at the
        // bottom on phones); otherwise scroll, and style.css's scroll-margin clears both.
        int top = target.getBoundingClientRect().getTop();
        int bottom = target.getBoundingClientRect().getBottom();
        int above = Math.max(0, toolbar.getBoundingClientRect().getBottom());
        int height = Window.current().getInnerHeight();
        boolean docked = panel.getBoundingClientRect().getBottom() >= height - 16; // fixed at the bottom
        int below = docked ? panel.getBoundingClientRect().getTop() : height;
        if (top < above || bottom > below) {
            target.scrollIntoView();
        }
    }

    private void close() {
        outline(null);
        step = -1;
        panel.setAttribute("hidden", "");
        Dom.element(document, "tour-open").focus();
    }

    private void dismiss() {
        invite.setAttribute("hidden", "");
        LocalStore.set(DISMISSED_KEY, "1");
    }

    private void key(KeyboardEvent e) {
        String k = e.getKey();
        if (k.equals("Escape")) {
            close();
        } else if (k.equals("ArrowRight")) {
            go(step + 1);
        } else if (k.equals("ArrowLeft")) {
            go(step - 1);
        } else if (k.equals(" ")) {
            e.stopPropagation(); // space presses the focused tour button, not the page's play key
        }
    }
}

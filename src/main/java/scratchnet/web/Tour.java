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

    /** What the tour needs from the page to show a step on the live network. */
    interface Host {
        /** Pauses and runs the step's phases by hand until {@code phase} ("backward" or "update") has run. */
        void runUpTo(String phase);

        /** The diagram's lines show each weight's gradient (true) or the weights again. */
        void showGradients(boolean on);

        /** Opens the weight the last update moved most in the neuron view; what happened to it, or "" before any update. */
        String showMovedWeight();

        /** Shows the view under the diagram called {@code name} ("neuron", "phases"). */
        void showView(String name);

        /** The tour begins: it walks through the data's network and picture (so not the lesson's example). */
        void begin();
    }

    /** One step: the id of the element it outlines, a title and the text. */
    private static final String[][] STEPS = {
        {"network", "1. A neuron",
            "Each circle on the diagram is a neuron: it computes tanh(w·x + b), a weighted sum of its inputs x"
                + " (the lines into it; blue weights are positive, orange negative, wider when larger) plus a bias b,"
                + " squashed into −1…1. Its little picture is its output over the plane. Click one to see its"
                + " formula with live numbers below."},
        {"net-top", "2. A layer",
            "A layer is a column of neurons that all read the same inputs; the next layer reads their outputs."
                + " Each neuron bends the boundary a little: + and − over a column change how many it has, + and −"
                + " at the left how many layers there are. With none, the boundary is a straight line."},
        {"readouts", "3. The loss",
            "The loss measures how far the outputs are from the labels, averaged over the training points:"
                + " lower is better. Accuracy counts the points on the right side. The chart below keeps its history."},
        {"network", "4. Backward",
            "One step has begun: forward computed the loss, then backward() applied the chain rule from the loss"
                + " back through every neuron. The diagram's lines now show each weight's gradient, how fast the"
                + " loss grows when that weight grows: blue where it grows, orange where it falls, wider when faster."},
        {"view-neuron", "5. Update",
            "Then every parameter moves against its gradient: p.data −= lr · p.grad. Play repeats forward,"
                + " backward and update many times a second: watch the loss fall and the boundary bend."},
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
    private final Host host;
    private HTMLElement outlined;
    private int step = -1; // -1 while closed

    Tour(HTMLDocument document, Host host) {
        this.document = document;
        this.host = host;
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
        host.begin();
        panel.removeAttribute("hidden");
        go(0);
        next.focus();
    }

    private void go(int to) {
        step = Math.max(0, Math.min(STEPS.length - 1, to));
        String[] s = STEPS[step];
        title.setTextContent(s[1]);
        text.setTextContent(s[2]);
        // The steps that show learning run it: backward's gradients on the diagram, update's moved weight.
        host.showGradients(step == 3);
        if (step == 3) {
            host.runUpTo("backward");
            host.showView("phases");
        } else if (step == 4) {
            host.runUpTo("update");
            String moved = host.showMovedWeight();
            if (!moved.isEmpty()) {
                text.setTextContent(s[2] + " Here " + moved + ".");
            }
        }
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
        host.showGradients(false);
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

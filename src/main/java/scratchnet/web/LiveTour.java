package scratchnet.web;

import scratchnet.playground.Playground;
import scratchnet.playground.inspect.Moves;
import scratchnet.web.inspector.InspectorPanel;

/**
 * The tour's steps on the live network: "backward" runs the step's phases by hand and shows the
 * gradients on the diagram, "update" runs the update and opens the weight it moved most.
 */
final class LiveTour implements Tour.Host {
    private final Playground playground;
    private final InspectorPanel inspector;
    private final Runnable pause;
    private final Runnable changed;

    LiveTour(Playground playground, InspectorPanel inspector, Runnable pause, Runnable changed) {
        this.playground = playground;
        this.inspector = inspector;
        this.pause = pause;
        this.changed = changed;
    }

    @Override
    public void begin() {
        if (playground.lesson()) { // its layers, picture and loss are the data's network's
            pause.run();
            playground.set("lesson", "0");
            changed.run();
        }
    }

    @Override
    public void runUpTo(String phase) {
        pause.run();
        for (int i = 0; i < 3 && !ran(phase); i++) {
            if (!playground.runPhase()) {
                break; // nothing to train on, or it diverged: the page says so
            }
        }
        changed.run();
    }

    private boolean ran(String phase) {
        return phase.equals("backward") ? playground.inspector().phaseNext().equals("update")
                : playground.inspector().phaseLit().equals("update");
    }

    @Override
    public void showGradients(boolean on) {
        inspector.showGradients(on);
    }

    @Override
    public String showMovedWeight() {
        Moves moves = playground.inspector().moves();
        int[] w = moves.mostMoved();
        if (w == null) {
            return "";
        }
        inspector.openWeight(w[0], w[1], w[2]);
        return moves.movedText(w[0], w[1], w[2]);
    }

    @Override
    public void showView(String name) {
        inspector.showView(name);
    }
}

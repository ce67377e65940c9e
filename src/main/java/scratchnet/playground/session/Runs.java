package scratchnet.playground.session;

import scratchnet.playground.settings.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import scratchnet.train.Trainer;

/**
 * Run A, and run B while two runs are compared: they step together, restart together, and B
 * follows A's data and every row it may not differ in ({@link Comparison}).
 */
public final class Runs {
    /** Training stops for the frame after this long, so the page keeps answering at any speed. */
    public static final double FRAME_BUDGET_MS = 12;

    public final Run a;
    private Run b; // null: one run
    private boolean editingB; // the training controls edit run B
    private List<String> forkNotes = new ArrayList<>(); // what the last fork could not keep of run B
    private Runnable afterEachStep = () -> {};

    public Runs(Session session) {
        a = new Run(session);
    }

    /** Run B, or null when not comparing. */
    public Run b() {
        return b;
    }

    public boolean comparing() {
        return b != null;
    }

    // ---- training ----

    /**
     * One animation frame's training: up to {@code speed} steps of each run, but none after
     * {@link #FRAME_BUDGET_MS} (at least one), stopping at a diverged step or a stop rule.
     *
     * @return the steps taken
     */
    public int train(int speed, DoubleSupplier now) {
        double start = now.getAsDouble();
        int steps = 0;
        do {
            steps++;
            if (!step()) {
                break;
            }
        } while (steps < speed && now.getAsDouble() - start < FRAME_BUDGET_MS);
        return steps;
    }

    /** Calls {@code observer} after every step both runs took (the downhill view's paths). */
    public void afterEachStep(Runnable observer) {
        afterEachStep = observer;
    }

    /** One step of run A and, when comparing, of run B on the same data; false if one diverged or a stop rule fired. */
    public boolean step() {
        if (!a.step()) {
            return false; // a diverged A takes no step, so B waits too
        }
        boolean went = stepB();
        afterEachStep.run();
        return went && !stops();
    }

    /** A's step was taken phase by phase ({@code result}): B keeps pace with it. */
    public boolean stepped(Trainer.Result result) {
        boolean went = a.check(result) && stepB();
        afterEachStep.run();
        return went;
    }

    private boolean stepB() {
        if (b == null) {
            return true;
        }
        b.session.follow(a.session);
        return b.step();
    }

    /** Checks the stop rules after a step, each run by its own settings (B's may differ): true if one fired. */
    private boolean stops() {
        return a.stops() || b != null && b.stops();
    }

    /** Why training stopped (a loss or gradient that is not finite), "Run B: ..." for B; null while it may go on. */
    public String diverged() {
        return a.diverged() != null ? a.diverged() : b == null ? null : b.diverged();
    }

    /** Why a run's loss no longer moves ({@link Run#stalled()}), "Run B: ..." for B, or null. */
    public String stalled() {
        return a.stalled() != null ? a.stalled() : b == null ? null : b.stalled();
    }

    /** Why a stop rule ended play, "Run B: ..." for B, or null. */
    public String stopped() {
        return a.stopped() != null ? a.stopped() : b == null ? null : b.stopped();
    }

    /** Play was pressed: a stop for divergence or by a stop rule is forgotten. */
    public void resume() {
        a.resume();
        if (b != null) {
            b.resume();
        }
    }

    /**
     * Step 0 again (reset, new weights, new data, new network, a file): the curves and any alarm
     * start over, and a comparison forks run B afresh from A, keeping what B may still differ in.
     *
     * @return what the fork could not keep of run B (empty when not comparing)
     */
    public List<String> restarted() {
        a.restart();
        forkNotes = new ArrayList<>();
        if (b != null) {
            fork(Comparison.overlay(a.session.settings(), b.session.settings(), forkNotes));
        }
        return forkNotes;
    }

    // ---- comparing ----

    /** "Compare": forks run B from A now, with A's settings until B's are changed. Off: back to run A alone. */
    public void compare(boolean on) {
        if (on == (b != null)) {
            return;
        }
        if (on) {
            fork(a.session.settings());
        } else {
            stopComparing();
        }
    }

    /** Forks run B from A now with {@code settings}: both curves and alarms start at the fork. */
    public void fork(Settings settings) {
        b = a.fork(settings);
        a.restart();
    }

    /** Back to run A alone. */
    public void stopComparing() {
        b = null;
        editingB = false;
    }

    /** "Keep B": run B's settings, weights and step become run A's; the comparison ends. */
    public void keepB() {
        a.session.takeOver(b.session);
        stopComparing();
        restarted();
    }

    /** Which run the training controls edit: B (true) or A; only while comparing. */
    public void editB(boolean on) {
        editingB = on && b != null;
    }

    public boolean editingB() {
        return editingB;
    }

    /** A person set one of B's rows while the controls edit B; the notes say what was not taken. */
    public List<String> setForB(String key, String text) {
        List<String> said = new ArrayList<>();
        Settings before = b.session.settings();
        Settings next = Comparison.setForB(a.session.settings(), before, key, text, said);
        if (next != null) {
            Settings.Affects change = before.difference(next);
            if (change == Settings.Affects.MODEL || change == Settings.Affects.DATA) {
                boolean underWay = a.session.trainer().steps() > 0;
                fork(next); // a new activation: the race starts again from A's weights now
                if (underWay) {
                    said.add("run B's activation changed: both runs start again from A's weights now");
                }
            } else {
                b.session.apply(next);
            }
        }
        return said;
    }

    /** A's training or view settings changed: B takes the same, except in the rows where it differs. */
    public void followA(List<String> said) {
        Settings before = b.session.settings();
        Settings next = Comparison.overlay(a.session.settings(), before, said);
        Settings.Affects change = before.difference(next);
        if (change == Settings.Affects.MODEL || change == Settings.Affects.DATA) {
            fork(next);
        } else {
            b.session.apply(next);
        }
    }

    /** Run B on A's current data (after hand edits), for its readouts and picture. */
    public Run followedB() {
        b.session.follow(a.session);
        return b;
    }
}

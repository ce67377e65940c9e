package scratchnet.playground.session;

import scratchnet.playground.settings.Settings;
import scratchnet.train.StopRule;
import scratchnet.train.Trainer;

/**
 * What one run is: a {@link Session} training, its stop rule, its loss curve, and whether it
 * diverged or a stop rule ended play. Run A and run B of a comparison are two of these.
 */
public final class Run {
    /** The chart's samples: every curve keeps at most this many. */
    public static final int CHART_SAMPLES = 400;

    public final Session session;
    public final LossCurve curve = new LossCurve(CHART_SAMPLES);
    private final String name; // "" for run A, "Run B: " before what is said of B
    private final StopRule rule = new StopRule();
    private String diverged; // why training stopped, or null
    private String stopped; // why a stop rule ended play, or null
    private final Stall stall = new Stall();
    private String stalled; // why the loss no longer moves, or null

    /** Run A: the playground's own session. */
    public Run(Session session) {
        this(session, "");
    }

    private Run(Session session, String name) {
        this.session = session;
        this.name = name;
    }

    /**
     * Run B, forked from this run now ({@link Session#fork}): {@code settings} (which keep the
     * parameter shapes: see {@link Comparison#overlay}) on this very data and weights.
     */
    public Run fork(Settings settings) {
        return new Run(session.fork(settings), "Run B: ");
    }

    /** One training step; false (and {@link #diverged()} says why) if its loss or gradient is not finite. */
    public boolean step() {
        return check(session.step());
    }

    /** Takes the result of a step run elsewhere (phase by phase): false if it diverged. */
    public boolean check(Trainer.Result result) {
        if (!result.diverged) {
            if (stalled == null && stall.step(result.step, result.loss)) {
                stalled = name + TrainingText.stalled(stall.held(), stall.since(), result.step, largestGrad());
            }
            return true;
        }
        diverged = name + "Training diverged (loss is NaN/∞) after step " + result.step
                + ". Try a smaller learning rate, then reset.";
        return false;
    }

    /** Checks the run's stop rules after a step; true (and {@link #stopped()} says why) if one fired. */
    public boolean stops() {
        StopRule.Stop stop = session.checkStop(rule);
        if (stop != null) {
            stopped = name + TrainingText.stopped(stop);
        }
        return stop != null;
    }

    private double largestGrad() {
        double largest = 0;
        for (scratchnet.engine.Value p : session.model().parameters()) {
            largest = Math.max(largest, Math.abs(p.grad));
        }
        return largest;
    }

    /** Why the training loss no longer moves (see {@link Stall}), or null. Training goes on; the page says it. */
    public String stalled() {
        return stalled;
    }

    /** Why training stopped (a loss or gradient that is not finite), or null while it may go on. */
    public String diverged() {
        return diverged;
    }

    /** Why a stop rule ended play, or null. Play goes on from there, until a rule newly fires ({@link StopRule}). */
    public String stopped() {
        return stopped;
    }

    /** Play was pressed: a stop is forgotten (the weights are the last good ones); the rules stay armed as they are. */
    public void resume() {
        diverged = null;
        stopped = null;
        stalled = null;
        stall.restart();
    }

    /** Step 0 again (or a fork): the curve, the alarms and the stop rules start over. */
    public void restart() {
        curve.clear();
        resume();
        rule.restart();
    }

    /** The readouts now; each call also records them for the curve. */
    public Readout readout() {
        Readout r = session.readout();
        curve.record(r);
        return r;
    }
}

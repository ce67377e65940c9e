package scratchnet.playground.inspect;

import java.util.List;
import scratchnet.engine.Value;
import scratchnet.io.Format;
import scratchnet.train.Loss;
import scratchnet.train.Trainer;

/**
 * "One step, phase by phase": runs the trainer's next phase (forward, backward or update) by hand
 * and says what just happened, for the page's three lit pills and its note. Play and step finish
 * a step begun here.
 */
public final class PhaseWalk {
    private static final String IDLE = "Run one training step in three parts; play and step finish a step begun here.";

    private Trainer walked;   // the trainer of the last phase run here
    private int updatedAt = -1; // its step count after the last update run here
    private Trainer.Result forward;

    /**
     * Runs {@code trainer}'s next phase.
     *
     * @return the update's result when the phase was the update (check it for divergence), else null
     */
    public Trainer.Result run(Trainer trainer) {
        Trainer.Phase phase = trainer.nextPhase();
        Trainer.Result r = Inspection.nextPhase(trainer);
        walked = trainer;
        if (phase == Trainer.Phase.FORWARD) {
            forward = r;
            return null;
        }
        if (phase == Trainer.Phase.UPDATE) {
            updatedAt = r.diverged ? -1 : trainer.steps();
            return r;
        }
        return null;
    }

    /** The phase just run here on {@code trainer}: "forward", "backward", "update", or "" for none. */
    public String lit(Trainer trainer) {
        if (trainer != walked) {
            return "";
        }
        switch (trainer.nextPhase()) {
            case BACKWARD:
                return "forward";
            case UPDATE:
                return "backward";
            default:
                return updatedAt == trainer.steps() ? "update" : "";
        }
    }

    /** What the lit phase did, in a sentence. */
    public String note(Trainer trainer) {
        switch (lit(trainer)) {
            case "forward":
                return "forward: the batch's loss is " + (forward == null ? "—" : Format.fixed(forward.loss, 4))
                        + regularisation(trainer) + "; every grad is zeroed, waiting for backward()";
            case "backward":
                return "backward: every grad is filled in — the table shows how the batch's loss changes with each parameter";
            case "update":
                return "update: each parameter moved by −lr·grad (the table's last change, after − before) with lr = "
                        + Format.significant(trainer.lastLearningRate(), 4) + ", this step's rate — step " + trainer.steps()
                        + " done";
            default:
                return IDLE;
        }
    }

    /** What regularisation adds to the loss, e.g. " (with L1 0.0123·Σ|p| = 0.0456)"; "" without. */
    static String regularisation(Trainer trainer) {
        if (trainer.l1 <= 0 && trainer.l2 <= 0) {
            return "";
        }
        List<Value> ps = trainer.model.parameters();
        StringBuilder s = new StringBuilder(" (with");
        if (trainer.l1 > 0) {
            s.append(" L1 ").append(Format.number(trainer.l1)).append("·Σ|p| = ")
                    .append(Format.significant(Loss.penalty(ps, trainer.l1, 0), 4));
        }
        if (trainer.l2 > 0) {
            s.append(trainer.l1 > 0 ? " and" : "").append(" L2 ").append(Format.number(trainer.l2)).append("·Σp² = ")
                    .append(Format.significant(Loss.penalty(ps, 0, trainer.l2), 4));
        }
        return s.append(')').toString();
    }

    /** The next phase's name, lower case: what the button runs. */
    public static String next(Trainer trainer) {
        return trainer.nextPhase().name().toLowerCase();
    }
}

package scratchnet.playground.inspect;

import scratchnet.data.Dataset;
import scratchnet.nn.MLP;
import scratchnet.train.GradientCheck;
import scratchnet.train.Trainer;

/**
 * The gradient check as the page runs it: one slice of finite differences per animation frame
 * ({@link GradientCheck.Job}, on its own copy of the model), so even the largest network's check
 * leaves the page painting and training. Big networks are checked on their first few training
 * points ({@link Inspection#pointsToCheck}), and the result says so.
 */
public final class CheckRun {
    private final GradientCheck.Job job;
    private final String[] names;
    private final String scope;
    private int slices;

    CheckRun(Trainer trainer) {
        MLP model = trainer.model;
        int size = trainer.size();
        int points = Inspection.pointsToCheck(model.parameters().size(), size);
        Dataset train = trainer.data();
        if (train == null) { // a network of raw inputs: the lesson's four examples
            double[][] xs = java.util.Arrays.copyOf(trainer.inputs(), points);
            double[] ys = java.util.Arrays.copyOf(trainer.targets(trainer.loss), points);
            job = new GradientCheck.Job(model, xs, ys, trainer.loss, trainer.l1, trainer.l2);
        } else {
            Dataset checked = points == size ? train : new Dataset(train.points.subList(0, points), train.classes);
            job = new GradientCheck.Job(model, checked, trainer.loss, trainer.l1, trainer.l2);
        }
        names = Names.parameters(model);
        String what = train == null ? " examples" : " training points";
        scope = job.parameters() + " parameters, " + (points == size ? "all " + points + what
                : "the first " + points + " of " + size + what + " (a big network)")
                + " · at step " + trainer.steps();
    }

    /** One slice; returns whether the check is done. */
    public boolean advance() {
        if (!job.done()) {
            job.advance();
            slices++;
        }
        return job.done();
    }

    public boolean done() {
        return job.done();
    }

    /** Slices taken so far. */
    public int slices() {
        return slices;
    }

    /** The check's state, or its verdict once done. */
    public String text() {
        if (slices == 0 && !job.done()) {
            return "checking " + job.parameters() + " parameters…";
        }
        if (!job.done()) {
            return "checking… " + job.checked() + " of " + job.parameters() + " parameters";
        }
        return Inspection.verdict(job.result(), names) + " · " + scope;
    }

    /** The largest relative error found, once done. */
    public double error() {
        return job.result().maxRelativeError;
    }
}

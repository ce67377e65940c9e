package scratchnet.playground.inspect;

import java.util.List;
import scratchnet.engine.Value;
import scratchnet.io.Decimal;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import java.util.function.Supplier;
import scratchnet.train.Nudge;
import scratchnet.train.Trainer;

/**
 * A parameter moving, as the page shows it: on purpose (a nudge by Δ beside grad × Δ, and putting
 * it back) or by the last update (the weight it moved most, with the update rule's arithmetic, for
 * the tour). The inspector notices the moved weights by itself and redraws what shows them.
 */
public final class Moves {
    private final Supplier<Trainer> shown; // the trainer the views show, and so its model

    Moves(Supplier<Trainer> shown) {
        this.shown = shown;
    }

    private int nudged = -1; // the parameter the last nudge raised, until put back
    private double nudgedFrom;
    private MLP nudgedModel;

    /**
     * Raises parameter {@code name} (e.g. "w[2][0][3]", "b[1][4]") by {@code deltaText} and says what
     * the training loss did, beside grad × Δ, for Δ, Δ/10 and Δ/100 (computed at the weights before
     * the raise). {@link #putBack()} undoes it exactly.
     *
     * @return the nudge, or null if the name or Δ is not one (a finite number other than 0), or there are no training points
     */
    public NudgeView nudge(String name, String deltaText) {
        String t = deltaText.trim();
        double delta = Decimal.isDecimal(t) ? Decimal.parse(t) : Double.NaN;
        Trainer tr = shown.get();
        MLP model = tr.model;
        int k = java.util.Arrays.asList(Names.parameters(model)).indexOf(name);
        if (k < 0 || !(Double.isFinite(delta) && delta != 0) || tr.size() == 0) {
            return null;
        }
        NudgeView view = new NudgeView(name, Nudge.of(tr, k, delta));
        Value p = model.parameters().get(k);
        nudged = k;
        nudgedFrom = p.data;
        nudgedModel = model;
        p.data += delta;
        return view;
    }

    /** True if a nudge can be put back (the same model, not yet put back). */
    public boolean canPutBack() {
        return nudged >= 0 && nudgedModel == shown.get().model;
    }

    /** Puts the last nudged parameter back to its value before the nudge, exactly. */
    public void putBack() {
        if (canPutBack()) {
            shown.get().model.parameters().get(nudged).data = nudgedFrom;
        }
        nudged = -1;
    }

    /**
     * The weight the last update moved most, as {layer, neuron, input}, with what happened to it in
     * words ({@link #movedText}); null before any update.
     */
    public int[] mostMoved() {
        MLP model = shown.get().model;
        double[] update = shown.get().lastUpdate();
        List<Value> params = model.parameters();
        java.util.Map<Value, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            index.put(params.get(i), i);
        }
        int[] best = null;
        double most = 0;
        for (int l = 0; l < model.layers.size(); l++) {
            for (int o = 0; o < model.layers.get(l).nout(); o++) {
                List<Value> w = model.layers.get(l).neurons.get(o).w;
                for (int i = 0; i < w.size(); i++) {
                    int k = index.get(w.get(i));
                    double moved = k < update.length ? Math.abs(update[k]) : 0;
                    if (moved > most) {
                        most = moved;
                        best = new int[] {l, o, i};
                    }
                }
            }
        }
        return best;
    }

    /**
     * What the last update did to weight {@code w[layer][neuron][input]}, e.g. "w[0][3][1] went from
     * 0.5378 to 0.5397: p.data −= lr · p.grad, 0.5378 − 0.3 × (−0.0063)"; for momentum and Adam, the
     * move and the gradient it went against.
     */
    public String movedText(int layer, int neuron, int input) {
        Trainer t = shown.get();
        MLP model = t.model;
        Value p = model.layers.get(layer).neurons.get(neuron).w.get(input);
        int k = model.parameters().indexOf(p);
        double[] update = t.lastUpdate();
        double change = k >= 0 && k < update.length ? update[k] : 0; // before − after
        double before = p.data + change;
        String name = "w[" + layer + "][" + neuron + "][" + input + "]";
        String moved = name + " went from " + Format.compact(before) + " to " + Format.compact(p.data);
        if (t.optimizer.label().equals("sgd")) { // its grad has the regularisation's share: the penalty is in the loss
            return moved + ": p.data −= lr · p.grad, " + Format.compact(before) + " − "
                    + Format.number(t.lastLearningRate()) + " × (" + Format.compact(p.grad) + ")";
        }
        return moved + ", against its gradient " + Format.compact(p.grad) + " (" + t.optimizer.label() + "'s step)";
    }
}

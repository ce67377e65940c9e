package scratchnet.train;

import java.util.List;
import scratchnet.engine.Value;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Neuron;

/**
 * Two numbers per layer after every step, over the whole run: the update:data ratio
 * log10(std(update) / std(w)) of the layer's weights (the step's update: lr · grad for plain SGD;
 * Karpathy's rule of thumb puts it near −3; biases left out, as in makemore part 3) and the norm
 * √Σ (d loss / d output)² of the gradient backward() passed to the layer's outputs over the step's
 * batch (a vanishing gradient shows as a staircase, the first layer lowest). A weight's gradient
 * is that times its input, so in a deep sigmoid net whose later inputs sit near 0.5 the weights'
 * own gradient norms hide the staircase; the outputs' show it. At most {@link #CAPACITY} records, evenly spread from the
 * first step to now: when full, every other one is dropped and only every second step after is
 * kept (the newest step is always the last record).
 */
public final class HealthHistory {
    /** Records kept at most. */
    public static final int CAPACITY = 400;

    private final Health health = new Health(); // for a step on the scalar path
    private int layers = -1;
    private MLP model;
    private int[] steps = new int[CAPACITY];
    private double[][] ratios = new double[CAPACITY][];
    private double[][] norms = new double[CAPACITY][];
    private int size;
    private boolean latest; // the last record is the newest step, not a stride-th one
    private long records;
    private long stride = 1;

    /**
     * Records {@code trainer}'s state after a step: its last update and its weights' grads. A new
     * network (another model) starts the history afresh; a call for a step already recorded, or
     * before the first step, adds nothing.
     */
    public void record(Trainer trainer) {
        MLP m = trainer.model;
        int step = trainer.steps();
        if (m != model || m.layers.size() != layers || step < (size == 0 ? 1 : steps[size - 1])) {
            clear();
            model = m;
            layers = m.layers.size();
        }
        if (step == 0 || size > 0 && steps[size - 1] == step) {
            return;
        }
        if (latest) {
            size--; // the last record was only the newest; this step replaces it
        }
        double[] ratio = new double[layers];
        double[] norm = new double[layers];
        ratios(m, trainer.lastUpdate(), ratio);
        double[] batchNorms = trainer.lastOutputGradientNorms();
        if (batchNorms == null) { // the scalar path (the lesson): the same gradients, over every point, at the weights now
            List<Health.Layer> layers = health.measure(trainer);
            for (int l = 0; l < norm.length; l++) {
                norm[l] = Health.norm(layers.get(l).grads);
            }
        } else {
            System.arraycopy(batchNorms, 0, norm, 0, norm.length);
        }
        steps[size] = step;
        ratios[size] = ratio;
        norms[size] = norm;
        size++;
        boolean strideth = records % stride == 0;
        records++;
        latest = !strideth;
        if (!latest && size == CAPACITY) {
            int half = 0;
            for (int i = 0; i < size - 1; i += 2) { // the first, the third, ...; CAPACITY is even
                move(i, half++);
            }
            move(size - 1, half); // and the newest, as the latest
            size = half + 1;
            latest = true;
            stride *= 2;
        }
    }

    private void move(int from, int to) {
        steps[to] = steps[from];
        ratios[to] = ratios[from];
        norms[to] = norms[from];
    }

    /** Forgets every record. */
    public void clear() {
        size = 0;
        latest = false;
        records = 0;
        stride = 1;
        model = null;
        layers = -1;
    }

    /** Records kept. */
    public int size() {
        return size;
    }

    /** The step of record {@code i}. */
    public int step(int i) {
        return steps[i];
    }

    /** Record {@code i}'s update:data ratio, log10, of layer {@code layer}; NaN when undefined (no spread in the weights, or no update). */
    public double ratio(int i, int layer) {
        return ratios[i][layer];
    }

    /** Record {@code i}'s norm of the gradient reaching layer {@code layer}'s outputs. */
    public double norm(int i, int layer) {
        return norms[i][layer];
    }

    /** Layers per record (the output layer last); 0 before the first record. */
    public int layers() {
        return size == 0 ? 0 : layers;
    }

    /**
     * Each layer's ratio log10(std(update) / std(w)) into {@code ratio}; {@code update[i]} is
     * parameter i's before − after, in {@link MLP#parameters()}'s order (layer by layer, neuron by
     * neuron, its weights then its bias).
     */
    static void ratios(MLP model, double[] update, double[] ratio) {
        int at = 0;
        for (int l = 0; l < model.layers.size(); l++) {
            Layer layer = model.layers.get(l);
            int count = layer.nin() * layer.nout();
            double[] w = new double[count];
            double[] u = new double[count];
            int k = 0;
            for (Neuron n : layer.neurons) {
                List<Value> ws = n.w;
                for (int i = 0; i < ws.size(); i++) {
                    w[k] = ws.get(i).data;
                    u[k] = at < update.length ? update[at] : Double.NaN;
                    k++;
                    at++;
                }
                at++; // the bias
            }
            double sw = spread(w);
            double su = spread(u);
            ratio[l] = sw > 0 && su > 0 ? Math.log10(su / sw) : Double.NaN;
        }
    }

    /** The standard deviation (divided by the count). */
    static double spread(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }
}

package scratchnet.playground.inspect;

import scratchnet.playground.picture.Thumbnails;
import scratchnet.playground.session.Data;
import scratchnet.playground.session.Session;
import scratchnet.playground.session.TrainingText;
import scratchnet.playground.settings.Settings;
import java.util.function.Supplier;
import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.io.Decimal;
import scratchnet.io.Format;
import scratchnet.nn.MLP;
import scratchnet.train.Trainer;

/**
 * The "inside the network" panel's state and numbers: the selected training point and its
 * computation graph (or the classic four-example network's), the selected neuron, the parameter
 * table's rows, one step phase by phase, and the gradient check. The page draws what this hands
 * it and reports clicks; {@link #frame} says which costly views to redraw (see {@link RedrawPolicy}).
 *
 * <p>Looking never changes training: graphs and checks leave every parameter's data and grad as
 * they were.
 */
public final class Inspector {
    private final Session session;
    private final RedrawPolicy redraws = new RedrawPolicy();
    private final PhaseWalk phases = new PhaseWalk();
    private CheckRun check; // the latest gradient check, running or done

    private Point selected;  // the selected training point, or null
    private int selectedLayer = -1; // the selected neuron; -1: the output neuron
    private int selectedNeuron;
    private ClassicExample classic; // made when first shown
    private boolean showClassic; // as the lesson setting was when last looked at
    private int classicExample;

    private ComputationGraph graph;
    private boolean byNeuron; // the graph one box per neuron (graph.byNeuron()) rather than every value
    private String graphSummary = "";
    private boolean graphStale = true;
    private double[] seen = new double[0]; // the parameters' data when the graph was last built
    private MLP seenModel;
    private Point seenPoint;
    private String[] names = new String[0];
    private MLP namedModel;
    private final ThumbnailPolicy thumbnailPolicy = new ThumbnailPolicy();
    private Thumbnails thumbnails;
    private boolean playing;
    private int previewLayer = NO_PREVIEW; // the neuron shown on the picture instead of the output
    private int previewNeuron;
    private static final int NO_PREVIEW = -2;

    private final Moves moves;
    private final Downhill downhill = new Downhill(this::trainer);
    private Supplier<Trainer> compared = () -> null; // run B's trainer while two runs are compared
    private final HealthReport health = new HealthReport();
    private final WarpMap warp;
    private final NetworkPlane plane = new NetworkPlane(this::trainer, () -> showsClassic() ? null : compared.get());

    public Inspector(Session session) {
        moves = new Moves(this::trainer);
        this.session = session;
        warp = new WarpMap(this::trainer, session::view);
    }

    /**
     * The trainer the views look at: the lesson's ({@link ClassicExample}, while it is shown) or the
     * session's. Its model is {@link #model()}.
     */
    public Trainer trainer() {
        return showsClassic() ? classic.trainer : session.trainer();
    }

    /** The network the views show: the lesson's {@code MLP(3, [4, 4, 1])} while it is shown, else the session's. */
    public MLP model() {
        return trainer().model;
    }

    /** The lesson's example, made when first shown; null before. */
    public ClassicExample classic() {
        return classic;
    }

    // ---- commands ----

    /**
     * Selects the training point nearest to (x, y) and shows its graph (once the lesson is not
     * shown). Returns false if there are no training points.
     */
    public boolean selectNear(double x, double y) {
        List<Point> points = session.train().points;
        int i = Data.nearest(points, x, y);
        if (i < 0) {
            return false;
        }
        selected = points.get(i);
        graphStale = true;
        return true;
    }

    /** Selects neuron {@code neuron} of layer {@code layer} (0 = the first hidden layer). */
    public void selectNeuron(int layer, int neuron) {
        selectedLayer = layer;
        selectedNeuron = neuron;
    }

    /**
     * Selects the neuron that parameter {@code name} belongs to ("w[1][3][0]", "b[1][3]"), so the
     * nudge view lists it.
     *
     * @return false if the network has no parameter of that name
     */
    public boolean selectParameter(String name) {
        if (!java.util.Arrays.asList(parameterNames()).contains(name)) {
            return false;
        }
        int open = name.indexOf('['); // "w[1][3][0]", "b[1][3]": the layer, then the neuron
        int close = name.indexOf(']', open);
        int layer = Integer.parseInt(name.substring(open + 1, close));
        int neuron = Integer.parseInt(name.substring(close + 2, name.indexOf(']', close + 1)));
        selectNeuron(layer, neuron);
        return true;
    }

    /**
     * Shows neuron {@code neuron} of layer {@code layer} (0 = the first hidden, −1 = the inputs)
     * on the picture instead of the model's output, until {@link #endPreview}.
     */
    public void preview(int layer, int neuron) {
        previewLayer = layer;
        previewNeuron = neuron;
    }

    /** The picture shows the model's output again. */
    public void endPreview() {
        previewLayer = NO_PREVIEW;
    }

    /** The previewed neuron as {layer, neuron} (layer −1: an input), or null: none, or no longer in the network. */
    public int[] previewed() {
        MLP model = model();
        if (previewLayer == NO_PREVIEW || model.features == null || previewLayer >= model.layers.size()) {
            return null;
        }
        int width = previewLayer < 0 ? model.nin() : model.layers.get(previewLayer).nout();
        return previewNeuron < width ? new int[] {previewLayer, previewNeuron} : null;
    }

    /** What the picture shows when it shows a neuron, e.g. "layer 0, neuron 3: tanh(w·x + b)"; "" otherwise. */
    public String previewCaption() {
        int[] p = previewed();
        return p == null ? "" : Diagram.name(model(), p[0], p[1]);
    }

    /** True while the lesson's example is shown (the {@code lesson} setting): every view shows it. */
    public boolean showsClassic() {
        boolean on = session.current().lesson;
        if (on && classic == null) {
            classic = new ClassicExample();
        }
        if (on != showClassic) {
            showClassic = on;
            graphStale = true;
            check = null;
        }
        return on;
    }

    /** Which of the classic example's four examples the graph shows. */
    public void chooseClassicExample(int k) {
        classicExample = Math.max(0, Math.min(ClassicExample.XS.length - 1, k));
        graphStale = true;
    }

    /** The lesson's examples' number: the rows of its examples table. */
    public int lessonExamples() {
        return ClassicExample.XS.length;
    }

    /** The lesson's example {@code k} as its table shows it ({@link ClassicExample#row}); made if not yet. */
    public String[] lessonRow(int k) {
        if (classic == null) {
            classic = new ClassicExample();
        }
        return classic.row(k);
    }

    /** The classic example's example shown (0 .. 3). */
    public int classicExample() {
        return classicExample;
    }

    /** The lesson starts over: its first weights, step 0. */
    public void classicReset() {
        classic = new ClassicExample();
        check = null;
        graphStale = true;
    }

    /**
     * Sets the selected neuron's bias from text.
     *
     * @return false if the text is not a finite number (nothing changed)
     */
    public boolean setBias(String text) {
        return set(-1, text);
    }

    /**
     * Sets the selected neuron's weight on input {@code input} from text, as {@link #setBias}.
     *
     * @return false if the text is not a finite number or there is no such weight (nothing changed)
     */
    public boolean setWeight(int input, String text) {
        return input >= 0 && set(input, text);
    }

    // input −1: the bias
    private boolean set(int input, String text) {
        String t = text.trim();
        double v = Decimal.isDecimal(t) ? Decimal.parse(t) : Double.NaN; // exact, and the link's grammar
        if (!Double.isFinite(v)) {
            return false;
        }
        MLP model = model();
        settleNeuron(model);
        scratchnet.nn.Neuron n = model.layers.get(selectedLayer).neurons.get(selectedNeuron);
        if (input >= n.w.size()) {
            return false;
        }
        (input < 0 ? n.b : n.w.get(input)).data = v;
        graphStale = true;
        return true;
    }

    /**
     * Runs the live trainer's next phase (forward, backward, update).
     *
     * @return the update's result after an update (check it for divergence), else null
     */
    public Trainer.Result runPhase() {
        return phases.run(trainer());
    }

    /** Starts a gradient check of the live model (dropping one under way). */
    public void startCheck() {
        check = new CheckRun(trainer());
    }

    /** The latest gradient check, running or done; null before the first. */
    public CheckRun check() {
        return check;
    }

    /**
     * Shows the graph one box per neuron (true) or with every value (false, the default). A graph of
     * more than {@link ComputationGraph#MAX_NODES} nodes has only the boxes per neuron either way.
     */
    public void groupByNeuron(boolean on) {
        byNeuron = on;
        graphStale = true;
    }

    public boolean groupedByNeuron() {
        return byNeuron;
    }

    /** Everything is to be drawn afresh (the panel opened, the page resized). */
    public void refresh() {
        graphStale = true;
    }

    // ---- frames ----

    /** Starts a painted frame: the costly views to redraw now; report each with {@link #drawn}. */
    public List<RedrawPolicy.Part> frame(boolean playing, boolean tableOpen) {
        return frame(playing, true, tableOpen);
    }

    /**
     * {@link #frame(boolean, boolean)} for a page whose graph may be out of sight: a closed graph is
     * not built (it stays out of date until it is open), the diagram always is.
     */
    public List<RedrawPolicy.Part> frame(boolean playing, boolean graphOpen, boolean tableOpen) {
        this.playing = playing;
        selectedIndex();
        if (modelMoved(model()) || selected != seenPoint) {
            graphStale = true;
        }
        return redraws.choose(playing, graphOpen && graphStale, true, tableOpen);
    }

    public void drawn(RedrawPolicy.Part part, double ms) {
        redraws.drawn(part, ms);
    }

    /** True if a wanted view was left for a later frame. */
    public boolean behind() {
        return redraws.behind();
    }

    // ---- views ----

    /** The selected point's {x, y}, or null (none while the lesson is shown: it has no plane). */
    public double[] selectedPoint() {
        if (showsClassic()) {
            return null;
        }
        selectedIndex();
        return selected == null ? null : new double[] {selected.x, selected.y};
    }

    /**
     * What the views' numbers are computed on: the selected point's {x, y} (a network of the plane),
     * the lesson's shown example's raw inputs, or null.
     */
    private double[] selectedInputs() {
        return showsClassic() ? ClassicExample.XS[classicExample].clone() : selectedPoint();
    }

    /** Rebuilds the graph to show (null when there is none) and its summary. */
    public ComputationGraph buildGraph() {
        graphStale = false;
        int index = selectedIndex();
        seenPoint = selected;
        if (showsClassic()) {
            int k = classicExample;
            graph = classic.graph(k);
            double[] x = ClassicExample.XS[k];
            graphSummary = "example " + k + ": x = (" + x[0] + ", " + x[1] + ", " + x[2] + "), y = "
                    + (int) ClassicExample.YS[k] + " · output " + Format.fixed(graph.output, 4)
                    + " · loss (out − y)² " + Format.fixed(graph.loss, 4);
        } else if (selected == null) {
            graph = null;
            graphSummary = "no training points: add some to see a graph";
        } else {
            boolean ce = session.model().nout() > 1;
            graph = Inspection.graph(session.model(), selected, ce);
            int k = session.classes();
            String what = k == 2 ? "label " + (selected.label > 0 ? "+1" : "-1")
                    : k == Dataset.REGRESSION ? "target " + Format.fixed(selected.target, 3) : "class " + selected.label;
            graphSummary = "point #" + index + " (" + Format.fixed(selected.x, 3) + ", " + Format.fixed(selected.y, 3)
                    + "), " + what + (ce ? " · softmax p(its class) " + Format.fixed(graph.output, 4)
                    + " · loss −log p " : " · output " + Format.fixed(graph.output, 4) + " · loss (out − y)² ")
                    + Format.fixed(graph.loss, 4);
        }
        if (graph != null && byNeuron) {
            graph = graph.byNeuron(); // the same values, one box per neuron
        }
        return graph;
    }

    public String graphSummary() {
        return graphSummary;
    }

    /** E.g. "120 nodes", or "120 nodes, shown as 9 neurons — untick to see every value", and why a big graph is. */
    public String graphSize() {
        if (graph == null) {
            return "";
        }
        return graph.wholeSize + " nodes" + (!graph.collapsed ? "" : ", shown as " + graph.neurons + " neurons — "
                + (graph.whole() == null ? "more than " + ComputationGraph.MAX_NODES + " are too many to draw one by one"
                        : "untick to see every value"));
    }

    /** Node {@code k}'s numbers as text (the boxes may be too small to read). */
    public String nodeText(int k) {
        if (graph == null || k < 0 || k >= graph.nodes.size()) {
            return "click a node (or find one by name) to read it";
        }
        ComputationGraph.Node node = graph.nodes.get(k);
        return node.label + (node.op.isEmpty() || node.label.equals(node.op) || node.label.endsWith(" " + node.op)
                ? "" : " (" + node.op + ")")
                + ": data " + Format.compact(node.data) + ", grad " + Format.compact(node.grad);
    }

    /** The classic example's parameters, summed by layer, step and loss, e.g. "3·4+4 + 4·4+4 + 4·1+1 = 41 parameters · step 3 · loss ...". */
    public String classicSummary() {
        return Names.parameterSum(classic.model) + " parameters · step " + classic.steps()
                + " · loss Σ over the 4 examples " + Format.fixed(classic.loss(), 4);
    }

    /** The classic example's loss over its four examples, in full. */
    public double classicLoss() {
        return classic.loss();
    }

    /**
     * The diagram, each neuron filled by its output on the selected point, with every neuron's
     * thumbnail (made afresh when {@link ThumbnailPolicy} says so).
     */
    public Diagram diagram() {
        MLP model = model();
        settleNeuron(model);
        if (model.features == null) {
            thumbnails = null;
        } else if (thumbnails == null || thumbnailPolicy.stale(model, session.view(), playing)) {
            thumbnails = new Thumbnails(model, session.view());
            thumbnailPolicy.made(model, session.view());
        }
        return new Diagram(model, selectedInputs(), thumbnails, session.view());
    }

    /** The selected neuron (layer and index, see {@link #selectedLayer()}), up close. */
    public NeuronView neuron() {
        MLP model = model();
        settleNeuron(model);
        return new NeuronView(model, selectedLayer, selectedNeuron, selectedInputs(), session.view());
    }

    public int selectedLayer() {
        settleNeuron(model());
        return selectedLayer;
    }

    public int selectedNeuron() {
        settleNeuron(model());
        return selectedNeuron;
    }

    /** A parameter moved on purpose (a nudge, put back) or by the last update (the one it moved most). */
    public Moves moves() {
        return moves;
    }

    /** The loss over two parameters, the gradient as an arrow, the step as a move (the "Downhill" view). */
    public Downhill downhill() {
        Settings s = session.current();
        downhill.choose(s.p1, s.p2);
        return downhill;
    }

    /** The whole network's loss on a plane (the "Downhill" view's other maps). */
    public NetworkPlane plane() {
        return plane;
    }

    /** Where run B's trainer is found while two runs are compared (null otherwise): the runs' plane. */
    public void comparedWith(Supplier<Trainer> runB) {
        compared = runB;
    }

    /** Each layer's health and its history along training (the "Health" view). */
    public HealthReport health() {
        return health;
    }

    /** What a layer does to the plane (the "Warp" view), as the settings choose it. */
    public WarpMap warp() {
        Settings s = session.current();
        warp.choose(s.warpLayer, s.warpAxes, s.warpX, s.warpY, s.warpStage);
        return warp;
    }

    /** Remakes the warp view's pictures if they are out of date (rationed while playing, see {@link WarpMap#advance(boolean)}); true if they changed. */
    public boolean refreshWarp() {
        return warp().advance(playing);
    }

    /** Measures the layers again if they are out of date (see {@link HealthReport#refresh}); true if they changed. */
    public boolean refreshHealth() {
        return health.refresh(trainer(), playing);
    }

    /** After each training step of the trainer shown: the downhill view's paths and the health charts follow it, shown or not. */
    public void afterStep() {
        downhill().afterStep();
        plane.afterStep();
        health.afterStep(trainer());
    }

    /** The selected neuron's parameters' names: its weights, then its bias. */
    public String[] neuronParameters() {
        MLP model = model();
        settleNeuron(model);
        int n = model.layers.get(selectedLayer).nin();
        String[] names = new String[n + 1];
        for (int i = 0; i < n; i++) {
            names[i] = Names.weight(selectedLayer, selectedNeuron, i);
        }
        names[n] = Names.bias(selectedLayer, selectedNeuron);
        return names;
    }

    /** The parameter count summed by layer ({@link Names#parameterSum}): "2·8+8 + 8·8+8 + 8·1+1 = 105". */
    public String parameterSum() {
        return Names.parameterSum(model());
    }

    /** Every parameter's name; the same array as long as the model is the same. */
    public String[] parameterNames() {
        MLP model = model();
        if (model != namedModel) {
            namedModel = model;
            names = Names.parameters(model);
        }
        return names;
    }

    /**
     * Rows {@code first .. first + count - 1} of the parameter table, 4 texts a row: name, data,
     * grad, and the change the last update made ({@code after − before}, {@code −lr · grad} for SGD:
     * the sign the weight moved by, as the update note says it).
     */
    public void parameterRows(int first, int count, String[] texts) {
        List<Value> params = model().parameters();
        String[] all = parameterNames();
        double[] update = trainer().lastUpdate();
        for (int k = 0; k < count; k++) {
            int i = first + k;
            Value p = params.get(i);
            texts[4 * k] = all[i];
            texts[4 * k + 1] = Format.compact(p.data);
            texts[4 * k + 2] = Format.compact(p.grad);
            texts[4 * k + 3] = i < update.length ? Format.compact(-update[i]) : ""; // lastUpdate is before − after
        }
    }

    /** The phase just run by hand ("forward", "backward", "update"), or "". */
    public String phaseLit() {
        return phases.lit(trainer());
    }

    public String phaseNote() {
        return phases.note(trainer());
    }

    /**
     * The parameter table's update rule with this run's numbers: the learning rate the last update
     * used and the next one will (the schedule's), and what regularisation adds to the loss.
     */
    public String updateNote() {
        Trainer t = trainer();
        double last = t.lastLearningRate();
        return (t.optimizer.label().equals("sgd") ? "update: p.data −= lr · p.grad"
                        : "update: " + t.optimizer.label() + "'s step, scaled by lr")
                + (Double.isNaN(last) ? "" : "; the last step's lr was " + Format.significant(last, 4))
                + "; the next step's is " + Format.significant(t.currentLearningRate(), 4)
                + (t.schedule.kind == scratchnet.train.Schedule.Kind.CONSTANT && t.schedule.warmup == 0 && t.decay == 0
                        ? "" : " (" + TrainingText.formula(t.schedule) + (t.decay > 0 ? ", ÷ (1 + " + Format.number(t.decay) + "·k)" : "")
                        + ", k the step)")
                + (t.l1 > 0 || t.l2 > 0 ? "; the loss" + PhaseWalk.regularisation(t) : "");
    }

    /** The next phase, lower case. */
    public String phaseNext() {
        return PhaseWalk.next(trainer());
    }

    // ---- helpers ----

    /** The selected point's index in the training data, choosing the first point if there is none yet. */
    private int selectedIndex() {
        List<Point> points = session.train().points;
        int i = selected == null ? -1 : points.indexOf(selected);
        if (i < 0) {
            selected = points.isEmpty() ? null : points.get(0);
            i = selected == null ? -1 : 0;
        }
        return i;
    }

    /** Keeps the selected neuron inside the network (the output neuron when it is not). */
    private void settleNeuron(MLP model) {
        int layers = model.layers.size();
        if (selectedLayer < 0 || selectedLayer >= layers || selectedNeuron >= model.layers.get(selectedLayer).nout()) {
            selectedLayer = layers - 1;
            selectedNeuron = 0;
        }
    }

    /** True if the model or any parameter's data differs from when this was last asked. */
    private boolean modelMoved(MLP model) {
        List<Value> params = model.parameters();
        boolean moved = model != seenModel || params.size() != seen.length;
        if (moved) {
            seen = new double[params.size()];
        }
        for (int i = 0; i < seen.length; i++) {
            double d = params.get(i).data;
            if (d != seen[i] && !(Double.isNaN(d) && Double.isNaN(seen[i]))) {
                seen[i] = d;
                moved = true;
            }
        }
        seenModel = model;
        return moved;
    }
}

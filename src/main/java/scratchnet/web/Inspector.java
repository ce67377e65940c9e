package scratchnet.web;

import java.util.List;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;
import scratchnet.playground.ClassicExample;
import scratchnet.playground.ComputationGraph;
import scratchnet.playground.Inspection;
import scratchnet.playground.Session;
import scratchnet.train.GradientCheck;
import scratchnet.train.Trainer;

/**
 * The "inside the network" panel: a selected training point's computation graph (or the classic
 * four-example network's), the network diagram with a neuron inspector, the parameter table,
 * one step phase by phase, and the gradient check. The playground calls {@link #paint} once per
 * painted frame; while training plays, at most one expensive view is redone per frame, each at
 * most every {@link #EVERY}th frame and less often when it is costly (see {@link #due}), and
 * nothing is done while the panel is closed.
 *
 * <p>Clicks on the boundary canvas select the nearest training point, unless a
 * {@code <select id="click-mode">} says the click means something else (anything but "inspect").
 */
final class Inspector {
    /** What the inspector needs from the playground. */
    interface Host {
        /** Paint another frame (the model or a selection changed). */
        void changed();

        /** Stop playing (a phase is about to be run by hand). */
        void pause();

        /** A step was completed by hand: check it for divergence and paint. */
        void stepped(Trainer.Result result);
    }

    private static final int EVERY = 4;
    // While playing, a view is redrawn when the frames since its last redraw have paid for it at
    // this many ms each: the network diagram of the largest network (~18 ms) then comes every
    // ~9th frame instead of every 4th, and the page keeps its frame rate.
    private static final double VIEW_MS_PER_FRAME = 2;
    private static final int GRAPH = 0, NETWORK = 1, TABLE = 2;
    private final double[] viewCost = new double[3]; // ms the view's last redraw took
    private final int[] viewAge = new int[3]; // frames since then

    private final HTMLDocument document;
    private final Session session;
    private final Host host;
    private final HTMLCanvasElement boundary;
    private final CanvasRenderingContext2D boundaryContext;
    private final HTMLElement panel;
    private final HTMLElement paramsPanel;
    private final GraphView graph;
    private final NetworkDiagram diagram;
    private final NeuronInspector neuron;
    private final ParameterTable table;
    private final HTMLSelectElement source;
    private final HTMLSelectElement classicChoice;
    private final HTMLElement classicControls;
    private final HTMLElement classicReadout;
    private final HTMLElement summary;
    private final HTMLElement nodeCount;
    private final HTMLElement nodeReadout;
    private final HTMLElement paramsCount;
    private final HTMLElement phaseNext;
    private final HTMLElement[] pills;
    private final HTMLElement phaseNote;
    private final HTMLElement gradcheckResult;
    private GradientCheck.Job check; // the gradient check under way, or null
    private String[] checkNames;
    private String checkScope;
    private int checkSlices;

    private Point selected;         // the selected training point, or null
    private int selectedLayer = -1; // the selected neuron; -1: the output neuron
    private int selectedNeuron;
    private ClassicExample classic;
    private ComputationGraph shownGraph;
    private double[] seen = new double[0]; // the parameters' data when the graph was last built
    private MLP seenModel;
    private Point seenPoint;
    private boolean graphStale = true;
    // Phase by phase: the trainer and step count of the last update run here, and forward's result.
    private Trainer phaseTrainer;
    private int updatedAt = -1;
    private Trainer.Result forwardResult;
    private String litPhase = "";

    Inspector(HTMLDocument document, Session session, HTMLCanvasElement boundary, Host host) {
        this.document = document;
        this.session = session;
        this.host = host;
        this.boundary = boundary;
        boundaryContext = (CanvasRenderingContext2D) boundary.getContext("2d");
        panel = element("inspector");
        paramsPanel = element("params-panel");
        graph = new GraphView((HTMLCanvasElement) element("graph"), node -> showNode());
        diagram = new NetworkDiagram((HTMLCanvasElement) element("network"), (l, o) -> {
            selectedLayer = l;
            selectedNeuron = o;
            host.changed();
        });
        neuron = new NeuronInspector(document, () -> {
            graphStale = true;
            host.changed();
        });
        table = new ParameterTable(document, element("param-rows"), element("param-scroll"));
        source = (HTMLSelectElement) element("graph-source");
        classicChoice = (HTMLSelectElement) element("classic-example");
        classicControls = element("classic-controls");
        classicReadout = element("classic-readout");
        summary = element("graph-summary");
        nodeCount = element("graph-nodes");
        nodeReadout = element("graph-node");
        paramsCount = element("params-count");
        phaseNext = element("phase-next");
        pills = new HTMLElement[] {element("phase-forward"), element("phase-backward"), element("phase-update")};
        phaseNote = element("phase-note");
        gradcheckResult = element("gradcheck-result");

        boundary.addEventListener("click", e -> pickPoint((MouseEvent) e));
        source.addEventListener("change", e -> {
            boolean isClassic = source.getValue().equals("classic");
            if (isClassic && classic == null) {
                classic = new ClassicExample();
            }
            show(classicControls, isClassic);
            graphStale = true;
            host.changed();
        });
        classicChoice.addEventListener("change", e -> refreshGraph());
        element("classic-step").addEventListener("click", e -> {
            classic.step();
            refreshGraph();
        });
        element("classic-reset").addEventListener("click", e -> {
            classic = new ClassicExample();
            refreshGraph();
        });
        element("graph-zoom-in").addEventListener("click", e -> graph.zoom(1.4));
        element("graph-zoom-out").addEventListener("click", e -> graph.zoom(1 / 1.4));
        element("graph-fit").addEventListener("click", e -> graph.fit());
        HTMLInputElement find = (HTMLInputElement) element("graph-find");
        find.addEventListener("change", e -> {
            if (graph.find(find.getValue().trim())) {
                showNode();
            } else {
                nodeReadout.setTextContent("no node labelled \"" + find.getValue().trim() + "\"");
            }
        });
        phaseNext.addEventListener("click", e -> runPhase());
        element("gradcheck").addEventListener("click", e -> startGradientCheck());
        // Opening a closed panel, or resizing, needs everything drawn afresh.
        panel.addEventListener("toggle", e -> refreshGraph());
        paramsPanel.addEventListener("toggle", e -> host.changed());
        element("param-scroll").addEventListener("scroll", e -> { // fill the rows scrolled into view
            table.scrolled();
            host.changed();
        });
        Window.current().addEventListener("resize", e -> refreshGraph());
    }

    private void refreshGraph() {
        graphStale = true;
        host.changed();
    }

    // ---- the selected point ----

    private void pickPoint(MouseEvent e) {
        HTMLElement mode = document.getElementById("click-mode");
        if (mode != null && !((HTMLSelectElement) mode).getValue().equals("inspect")) {
            return; // the click adds or removes a point
        }
        double[] view = session.view();
        double fx = e.getOffsetX() / (double) Math.max(1, boundary.getClientWidth());
        double fy = e.getOffsetY() / (double) Math.max(1, boundary.getClientHeight());
        Dataset train = session.train();
        int i = Inspection.nearest(train, view[0] + fx * (view[1] - view[0]), view[3] - fy * (view[3] - view[2]));
        if (i >= 0) {
            selected = train.points.get(i);
            if (source.getValue().equals("classic")) {
                source.setValue("point"); // a click on the data means "this point's graph"
                show(classicControls, false);
            }
            graphStale = true;
            host.changed();
        }
    }

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

    // ---- painting ----

    /** After the boundary is painted: the selection ring on it, then the panel's views that are due. */
    void paint(boolean playing) {
        int index = selectedIndex();
        ring();
        if (!panel.hasAttribute("open")) {
            return;
        }
        MLP model = session.model();
        if (modelMoved(model) || selected != seenPoint) {
            graphStale = true;
        }
        boolean[] wanted = {graphStale, true, paramsPanel.hasAttribute("open")};
        for (int v = 0; v < 3; v++) {
            viewAge[v]++;
        }
        if (!playing) {
            for (int v = 0; v < 3; v++) {
                if (wanted[v]) {
                    redraw(v, model, index);
                }
            }
        } else {
            int next = -1; // the longest-waiting view that is due
            for (int v = 0; v < 3; v++) {
                if (wanted[v] && due(v) && (next < 0 || viewAge[v] > viewAge[next])) {
                    next = v;
                }
            }
            if (next >= 0) {
                redraw(next, model, index);
            }
        }
        boolean skipped = false;
        for (int v = 0; v < 3; v++) {
            skipped |= wanted[v] && viewAge[v] > 0;
        }
        Dom.text(paramsCount, Integer.toString(model.parameters().size()));
        showPhase();
        if (skipped) {
            host.changed(); // so the frame after a pause brings every view up to date
        }
    }

    /** Whether view {@code v} may be redrawn in this frame while playing. */
    private boolean due(int v) {
        return viewAge[v] >= EVERY && viewAge[v] * VIEW_MS_PER_FRAME >= viewCost[v];
    }

    private void redraw(int v, MLP model, int index) {
        double start = Performance.now();
        if (v == GRAPH) {
            buildGraph(model, index);
        } else if (v == NETWORK) {
            showNetwork(model);
        } else {
            table.show(model, session.trainer().lastUpdate());
        }
        viewCost[v] = Performance.now() - start;
        viewAge[v] = 0;
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

    private void buildGraph(MLP model, int index) {
        graphStale = false;
        seenPoint = selected;
        if (source.getValue().equals("classic")) {
            int k = classicChoice.getSelectedIndex();
            shownGraph = classic.graph(k);
            double[] x = ClassicExample.XS[k];
            summary.setTextContent("example " + k + ": x = (" + x[0] + ", " + x[1] + ", " + x[2] + "), y = "
                    + (int) ClassicExample.YS[k] + " · output " + Inspection.fixed(shownGraph.output, 4)
                    + " · loss (out − y)² " + Inspection.fixed(shownGraph.loss, 4));
            classicReadout.setTextContent(classic.model.parameters().size() + " parameters · step " + classic.steps()
                    + " · loss Σ over the 4 examples " + Inspection.fixed(classic.loss(), 4));
            classicReadout.setAttribute("data-loss", Double.toString(classic.loss()));
        } else if (selected == null) {
            shownGraph = null;
            summary.setTextContent("no training points: add some to see a graph");
        } else {
            shownGraph = Inspection.graph(model, new double[] {selected.x, selected.y}, selected.label);
            summary.setTextContent("point #" + index + " (" + Inspection.fixed(selected.x, 3) + ", "
                    + Inspection.fixed(selected.y, 3) + "), label " + (selected.label > 0 ? "+1" : "-1")
                    + " · output " + Inspection.fixed(shownGraph.output, 4) + " · loss (out − y)² "
                    + Inspection.fixed(shownGraph.loss, 4));
        }
        if (shownGraph == null) {
            graph.clear();
            nodeCount.setTextContent("");
        } else {
            graph.show(shownGraph);
            int n = shownGraph.nodes.size();
            nodeCount.setAttribute("data-count", Integer.toString(n));
            nodeCount.setTextContent(n + " nodes" + (shownGraph.collapsed
                    ? " — one per neuron: the whole graph has more than " + ComputationGraph.MAX_NODES : ""));
        }
        showNode();
    }

    /** The selected graph node's numbers as text (the boxes may be too small to read). */
    private void showNode() {
        int k = graph.selected();
        if (shownGraph == null || k < 0 || k >= shownGraph.nodes.size()) {
            nodeReadout.setTextContent("click a node (or find one by name) to read it");
            return;
        }
        ComputationGraph.Node node = shownGraph.nodes.get(k);
        nodeReadout.setTextContent(node.label + (node.op.isEmpty() || node.label.equals(node.op) ? "" : " (" + node.op + ")")
                + ": data " + Inspection.number(node.data) + ", grad " + Inspection.number(node.grad));
    }

    /** The diagram, filled with each neuron's output on the selected point, and the selected neuron. */
    private void showNetwork(MLP model) {
        int layers = model.layers.size();
        if (selectedLayer < 0 || selectedLayer >= layers || selectedNeuron >= model.layers.get(selectedLayer).nout()) {
            selectedLayer = layers - 1;
            selectedNeuron = 0;
        }
        double[] x = selected == null ? null : new double[] {selected.x, selected.y};
        double[][] activity = null;
        if (x != null) {
            Snapshot s = model.snapshot();
            s.predict(x);
            activity = new double[layers + 1][];
            activity[0] = x;
            for (int l = 0; l < layers; l++) {
                activity[l + 1] = s.activity(l).clone();
            }
        }
        diagram.paint(model, activity, selectedLayer, selectedNeuron);
        neuron.show(model, selectedLayer, selectedNeuron, x, session.view());
    }

    /** A ring around the selected point on the boundary picture. */
    private void ring() {
        if (selected == null) {
            return;
        }
        double[] view = session.view();
        double size = boundary.getWidth();
        double x = (selected.x - view[0]) * size / (view[1] - view[0]);
        double y = (view[3] - selected.y) * size / (view[3] - view[2]);
        double r = Math.max(7, size / 50);
        boundaryContext.setLineWidth(Math.max(2, size / 250));
        boundaryContext.setStrokeStyle("#ffffff");
        boundaryContext.beginPath();
        boundaryContext.arc(x, y, r + size / 250, 0, 2 * Math.PI);
        boundaryContext.stroke();
        boundaryContext.setStrokeStyle("#202124");
        boundaryContext.beginPath();
        boundaryContext.arc(x, y, r, 0, 2 * Math.PI);
        boundaryContext.stroke();
    }

    // ---- step by phase ----

    private void runPhase() {
        host.pause();
        Trainer trainer = session.trainer();
        Trainer.Phase phase = trainer.nextPhase();
        Trainer.Result r = Inspection.nextPhase(trainer);
        phaseTrainer = trainer;
        if (phase == Trainer.Phase.FORWARD) {
            forwardResult = r;
            host.changed();
        } else if (phase == Trainer.Phase.UPDATE) {
            updatedAt = r.diverged ? -1 : trainer.steps();
            host.stepped(r);
        } else {
            host.changed();
        }
    }

    private void showPhase() {
        Trainer trainer = session.trainer();
        Trainer.Phase next = trainer.nextPhase();
        String lit = "";
        String note;
        if (trainer != phaseTrainer) {
            note = "Run one training step in three parts; play and step finish a step begun here.";
        } else if (next == Trainer.Phase.BACKWARD) {
            lit = "forward";
            note = "forward: the batch's loss is " + (forwardResult == null ? "—" : Inspection.fixed(forwardResult.loss, 4))
                    + "; every grad is zeroed, waiting for backward()";
        } else if (next == Trainer.Phase.UPDATE) {
            lit = "backward";
            note = "backward: every grad is filled in — the table shows how the batch's loss changes with each parameter";
        } else if (updatedAt == trainer.steps()) {
            lit = "update";
            note = "update: each parameter moved by −lr·grad (the table's last update) — step " + trainer.steps() + " done";
        } else {
            note = "Run one training step in three parts; play and step finish a step begun here.";
        }
        if (!lit.equals(litPhase)) {
            litPhase = lit;
            String[] names = {"forward", "backward", "update"};
            for (int i = 0; i < pills.length; i++) {
                pills[i].setClassName(names[i].equals(lit) ? "lit" : "");
            }
        }
        Dom.text(phaseNext, "Run " + next.name().toLowerCase());
        if (!next.name().toLowerCase().equals(phaseNext.getAttribute("data-next"))) {
            phaseNext.setAttribute("data-next", next.name().toLowerCase());
        }
        Dom.text(phaseNote, note);
    }

    // ---- gradient check ----

    // One slice of finite differences per frame (GradientCheck.Job), so even the largest network's
    // check leaves the page painting and answering; training may go on, the check has its own copy.
    private void startGradientCheck() {
        Trainer trainer = session.trainer();
        MLP model = session.model();
        Dataset train = session.train();
        int points = Inspection.pointsToCheck(model.parameters().size(), train.size());
        Dataset checked = points == train.size() ? train : new Dataset(train.points.subList(0, points));
        boolean running = check != null;
        check = new GradientCheck.Job(model, checked, trainer.loss, trainer.l2);
        checkNames = Inspection.names(model);
        checkScope = check.parameters() + " parameters, " + (points == train.size() ? "all " + points + " training points"
                : "the first " + points + " of " + train.size() + " training points (a big network)")
                + " · at step " + session.readout().step;
        checkSlices = 0;
        gradcheckResult.removeAttribute("data-error");
        gradcheckResult.removeAttribute("data-slices");
        gradcheckResult.setTextContent("checking " + check.parameters() + " parameters…");
        if (!running) {
            Window.requestAnimationFrame(t -> checkSlice());
        }
    }

    private void checkSlice() {
        GradientCheck.Job job = check;
        job.advance();
        checkSlices++;
        if (!job.done()) {
            gradcheckResult.setTextContent("checking… " + job.checked() + " of " + job.parameters() + " parameters");
            Window.requestAnimationFrame(t -> checkSlice());
            return;
        }
        check = null;
        GradientCheck.Result r = job.result();
        gradcheckResult.setTextContent(Inspection.verdict(r, checkNames) + " · " + checkScope);
        gradcheckResult.setAttribute("data-slices", Integer.toString(checkSlices));
        gradcheckResult.setAttribute("data-error", Double.toString(r.maxRelativeError));
    }

    // ---- helpers ----

    private HTMLElement element(String id) {
        return Dom.element(document, id);
    }

    private static void show(HTMLElement e, boolean visible) {
        Dom.show(e, visible);
    }
}

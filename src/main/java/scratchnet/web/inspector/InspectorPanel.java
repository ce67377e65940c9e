package scratchnet.web.inspector;

import scratchnet.playground.inspect.CheckRun;
import scratchnet.playground.inspect.ComputationGraph;
import scratchnet.playground.inspect.Diagram;
import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.inspect.NudgeView;
import scratchnet.playground.inspect.RedrawPolicy;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import scratchnet.web.Dom;

/**
 * The "inside the network" panel's elements, bound to the playground's {@link Inspector}: the
 * computation graph, the network diagram and neuron panel, the parameter table, one step phase by
 * phase, and the gradient check. The page calls {@link #paint} once per painted frame; the
 * inspector says which costly views to redraw. The diagram and the views under it are on the
 * first screen and always drawn; the graph and the parameter table lie in a panel below, built
 * only once it is opened.
 */
public final class InspectorPanel {
    /** What the panel needs from the page. */
    public interface Host {
        /** Paint another frame (the model or a selection changed). */
        void changed();

        /** Pause, run the next phase of a step by hand, and paint. */
        void runPhase();

        /** Show the lesson's example in every view (the {@code lesson} setting), or the data's network. */
        void lesson(boolean on);

        /** The toolbar's Step. */
        void step();

        /** The toolbar's Reset. */
        void reset();

        /** Sets a setting (the view shown, downhill's map and parameters) as a person's edit. */
        void set(String key, String text);

        /** A setting's value now, as a link writes it. */
        String setting(String key);
    }

    private final Inspector inspector;
    private final Host host;
    private final HTMLElement panel;
    private final HTMLElement paramsPanel;
    private final GraphView graph;
    private final NetworkDiagram diagram;
    private final HTMLElement diagramLayers;
    private final HTMLElement paramSum; // under the diagram
    private final HTMLElement paramsSum; // the parameter table's heading
    private final NeuronPanel neuron;
    private final Views views;
    private final ParameterTable table;
    private final DownhillView downhill;
    private final HealthView health;
    private final WarpView warp;
    private final HTMLSelectElement source;
    private final HTMLSelectElement classicChoice;
    private final HTMLElement classicControls;
    private final HTMLElement classicReadout;
    private final HTMLElement summary;
    private final HTMLElement nodeCount;
    private final HTMLElement nodeReadout;
    private final HTMLInputElement byNeuron;
    private ComputationGraph shown; // the graph drawn, or null
    private String groupedFor = ""; // the network (its whole graph's size, its neurons) "one box per neuron" was set for
    private final HTMLElement paramsCount;
    private final HTMLElement phaseNext;
    private final HTMLElement[] pills;
    private final HTMLElement phaseNote;
    private final HTMLElement paramsNote;
    private final HTMLElement diagramNote;
    private final HTMLElement gradcheckResult;
    private final HTMLSelectElement nudgeParam;
    private final HTMLInputElement nudgeDelta;
    private final HTMLElement nudgeUndo;
    private final HTMLElement nudgeSummary;
    private final HTMLElement nudgeRows;
    private String nudgeNeuron = ""; // whose parameters the select lists
    private String nudgeChoice; // a weight picked on the diagram, to choose once the select lists it
    private final HTMLDocument document;
    private CheckRun running; // the gradient check whose slices are being run, or null
    private String litPhase = "";

    public InspectorPanel(HTMLDocument document, Inspector inspector, Host host) {
        this.document = document;
        this.inspector = inspector;
        this.host = host;
        panel = Dom.element(document, "inspector");
        paramsPanel = Dom.element(document, "params-panel");
        graph = new GraphView((HTMLCanvasElement) Dom.element(document, "graph"), node -> showNode());
        views = new Views(document, name -> host.set("view", name));
        views.follow(host.setting("view")); // the link's view, before the first paint
        diagram = new NetworkDiagram(document, (HTMLCanvasElement) Dom.element(document, "network"),
                Dom.element(document, "network-neurons"), Dom.element(document, "layers-editor"),
                new NetworkDiagram.Listener() {
                    @Override
                    public void picked(int layer, int neuron) {
                        inspector.selectNeuron(layer, neuron);
                        InspectorPanel.this.neuron.choose(-1);
                        views.show("neuron");
                        host.changed();
                    }

                    @Override
                    public void pickedWeight(int layer, int neuron, int input) {
                        inspector.selectNeuron(layer, neuron);
                        if (views.shown().equals("downhill")) { // two weights picked in turn are the map's pair
                            mapPair(java.util.Arrays.asList(inspector.parameterNames()).indexOf(inspector.neuronParameters()[input]));
                            return;
                        }
                        nudgeChoice = inspector.neuronParameters()[input];
                        InspectorPanel.this.neuron.choose(input);
                        views.show("neuron");
                        host.changed();
                    }

                    @Override
                    public void preview(int layer, int neuron) {
                        inspector.preview(layer, neuron);
                        host.changed();
                    }

                    @Override
                    public void endPreview() {
                        inspector.endPreview();
                        host.changed();
                    }
                });
        diagramLayers = Dom.element(document, "network-layers");
        paramSum = Dom.element(document, "param-sum");
        paramsSum = Dom.element(document, "params-sum");
        neuron = new NeuronPanel(document, inspector, host::changed);
        HTMLElement scroller = Dom.element(document, "param-scroll");
        downhill = new DownhillView(document, inspector);
        health = new HealthView(document, inspector);
        warp = new WarpView(document, inspector, host::changed);
        table = new ParameterTable(document, Dom.element(document, "param-rows"), scroller, this::nudgeFromTable, this::mapFromTable);
        source = (HTMLSelectElement) Dom.element(document, "graph-source");
        classicChoice = (HTMLSelectElement) Dom.element(document, "classic-example");
        classicControls = Dom.element(document, "classic-controls");
        classicReadout = Dom.element(document, "classic-readout");
        summary = Dom.element(document, "graph-summary");
        nodeCount = Dom.element(document, "graph-nodes");
        nodeReadout = Dom.element(document, "graph-node");
        byNeuron = (HTMLInputElement) Dom.element(document, "graph-by-neuron");
        paramsCount = Dom.element(document, "params-count");
        phaseNext = Dom.element(document, "phase-next");
        pills = new HTMLElement[] {Dom.element(document, "phase-forward"), Dom.element(document, "phase-backward"),
                Dom.element(document, "phase-update")};
        phaseNote = Dom.element(document, "phase-note");
        paramsNote = Dom.element(document, "params-note");
        diagramNote = Dom.element(document, "diagram-note");
        gradcheckResult = Dom.element(document, "gradcheck-result");

        source.addEventListener("change", e -> {
            host.lesson(source.getValue().equals("classic"));
        });
        classicChoice.addEventListener("change", e -> {
            inspector.chooseClassicExample(classicChoice.getSelectedIndex());
            host.changed();
        });
        Dom.element(document, "classic-step").addEventListener("click", e -> {
            host.step();
        });
        Dom.element(document, "classic-reset").addEventListener("click", e -> host.reset());
        Dom.element(document, "graph-zoom-in").addEventListener("click", e -> graph.zoom(1.4));
        Dom.element(document, "graph-zoom-out").addEventListener("click", e -> graph.zoom(1 / 1.4));
        Dom.element(document, "graph-fit").addEventListener("click", e -> graph.fit());
        byNeuron.addEventListener("change", e -> groupByNeuron(byNeuron.isChecked()));
        HTMLInputElement find = (HTMLInputElement) Dom.element(document, "graph-find");
        find.addEventListener("change", e -> find(find.getValue().trim()));
        phaseNext.addEventListener("click", e -> host.runPhase());
        nudgeParam = (HTMLSelectElement) Dom.element(document, "nudge-param");
        nudgeDelta = (HTMLInputElement) Dom.element(document, "nudge-delta");
        nudgeUndo = Dom.element(document, "nudge-undo");
        nudgeSummary = Dom.element(document, "nudge-summary");
        nudgeRows = Dom.element(document, "nudge-rows");
        Dom.element(document, "nudge-apply").addEventListener("click", e -> nudge());
        nudgeUndo.addEventListener("click", e -> {
            inspector.moves().putBack();
            nudgeSummary.setTextContent(nudgeParam.getValue() + " is back where it was.");
            host.changed();
        });
        Dom.element(document, "open-graph").addEventListener("click", e -> reveal(document, "graph-title"));
        Dom.element(document, "open-params").addEventListener("click", e -> {
            paramsPanel.setAttribute("open", "");
            reveal(document, "params-panel");
        });
        Dom.element(document, "gradcheck").addEventListener("click", e -> startGradientCheck());
        // Opening a closed panel needs everything drawn afresh.
        panel.addEventListener("toggle", e -> refresh());
        paramsPanel.addEventListener("toggle", e -> host.changed());
        scroller.addEventListener("scroll", e -> { // fill the rows scrolled into view
            table.scrolled();
            host.changed();
        });
    }

    /** The diagram's lines show the weights' grads (the tour's "backward"), or the weights again. */
    public void showGradients(boolean on) {
        diagram.showGradients(on);
        refresh();
    }

    /** Opens weight {@code w[layer][neuron][input]} in the neuron view, its row marked. */
    public void openWeight(int layer, int neuron, int input) {
        inspector.selectNeuron(layer, neuron);
        this.neuron.choose(input);
        views.show("neuron");
        host.changed();
    }

    /** Shows the view under the diagram called {@code name}: "neuron", "phases" or "gradcheck". */
    public void showView(String name) {
        views.show(name);
    }

    /** A parameter table row's "nudge": its neuron selected, the parameter chosen in the Nudge view, shown. */
    /** A row's "map": that parameter across in Downhill, the one across before it up. */
    private void mapFromTable(String name) {
        inspector.selectParameter(name);
        mapPair(java.util.Arrays.asList(inspector.parameterNames()).indexOf(name));
        views.show("downhill");
        reveal(document, "view-downhill");
    }

    /** {@code picked} across in Downhill's two-parameter map, the one across before it up. */
    private void mapPair(int picked) {
        int[] pair = inspector.downhill().pair();
        if (picked >= 0 && picked != pair[0]) {
            host.set("p2", Integer.toString(pair[0]));
            host.set("p1", Integer.toString(picked));
        }
        host.set("surface", "pair");
    }

    private void nudgeFromTable(String name) {
        if (!inspector.selectParameter(name)) {
            return;
        }
        nudgeChoice = name;
        views.show("nudge");
        host.changed();
        reveal(document, "view-nudge");
    }

    private void nudge() {
        NudgeView n = inspector.moves().nudge(nudgeParam.getValue(), nudgeDelta.getValue());
        Dom.clear(nudgeRows);
        if (n == null) {
            nudgeSummary.setTextContent("Δ must be a number other than 0 (e.g. 0.01), and there must be training points.");
            host.changed();
            return;
        }
        nudgeSummary.setTextContent(n.summary);
        for (String[] r : n.rows) {
            HTMLElement row = document.createElement("tr");
            for (int c = 0; c < r.length; c++) {
                HTMLElement cell = document.createElement(c == 0 ? "th" : "td");
                if (c == 0) {
                    cell.setAttribute("scope", "row");
                }
                cell.setTextContent(r[c]);
                row.appendChild(cell);
            }
            nudgeRows.appendChild(row);
        }
        host.changed();
    }

    /** The nudge's choice of parameter: the selected neuron's, kept when it is the same neuron. */
    private void showNudgeChoices() {
        String[] names = inspector.neuronParameters();
        String key = String.join(",", names);
        if (!key.equals(nudgeNeuron)) {
            nudgeNeuron = key;
            Dom.clear(nudgeParam);
            for (String name : names) {
                HTMLElement o = document.createElement("option");
                o.setAttribute("value", name);
                o.setTextContent(name);
                nudgeParam.appendChild(o);
            }
        }
        if (nudgeChoice != null) {
            nudgeParam.setValue(nudgeChoice);
            nudgeChoice = null;
        }
        if (inspector.moves().canPutBack()) {
            nudgeUndo.removeAttribute("disabled");
        } else if (!nudgeUndo.hasAttribute("disabled")) {
            nudgeUndo.setAttribute("disabled", "");
        }
    }

    /** Opens the panel below (the graph and the parameters) and brings {@code id} into view. */
    private void reveal(HTMLDocument document, String id) {
        panel.setAttribute("open", "");
        refresh();
        Dom.element(document, id).scrollIntoView();
    }

    /** Draw everything afresh in the next frame (the panel opened, the page resized). */
    public void refresh() {
        inspector.refresh();
        host.changed();
    }

    /** Once per painted frame: the views that are due. */
    public void paint(boolean playing) {
        views.follow(host.setting("view"));
        boolean open = panel.hasAttribute("open"); // the graph and the table are built only once it is
        for (RedrawPolicy.Part part : inspector.frame(playing, open, open && paramsPanel.hasAttribute("open"))) {
            double start = Performance.now();
            if (part == RedrawPolicy.Part.GRAPH) {
                showGraph();
            } else if (part == RedrawPolicy.Part.NETWORK) {
                Diagram d = inspector.diagram();
                boolean marked = views.shown().equals("health");
                diagram.marks(marked ? inspector.health().dead() : null, marked ? inspector.health().saturated() : null);
                diagram.paint(d, inspector.selectedLayer(), inspector.selectedNeuron());
                Dom.text(diagramLayers, d.layers);
                Dom.text(paramSum, inspector.parameterSum());
                Dom.text(diagramNote, d.nearZeroText());
                neuron.show(inspector.neuron());
                showNudgeChoices();
            } else {
                table.show(inspector);
            }
            inspector.drawn(part, Performance.now() - start);
        }
        Dom.text(paramsCount, Integer.toString(inspector.parameterNames().length));
        if (open) {
            Dom.text(paramsSum, inspector.parameterSum());
        }
        showPhase();
        if (views.shown().equals("downhill") && downhill.paint(host.setting("surface"))) {
            host.changed(); // the map's next slice in the next frame
        }
        if (views.shown().equals("health")) {
            int before = inspector.health().version();
            health.paint();
            if (inspector.health().version() != before || inspector.health().pending()) {
                host.changed(); // the diagram's marks follow the new measure; a measure skipped while playing comes next
            }
        } else {
            health.refresh();
        }
        if (views.shown().equals("warp")) {
            if (warp.paint(host.setting("warpAxes"))) {
                host.changed(); // a picture left for a later frame while playing
            }
        } else {
            warp.refresh();
        }
        if (inspector.behind()) {
            host.changed(); // so the frame after a pause brings every view up to date
        }
    }

    /** The person's choice: the graph one box per neuron or every value, the same value kept selected and in view. */
    private void groupByNeuron(boolean on) {
        int same = shown == null ? -1 : shown.counterpart(graph.selected());
        inspector.groupByNeuron(on);
        showGraph();
        graph.select(same);
        showNode();
    }

    /**
     * Selects the node called {@code name}. One only in the other view (a weight while by neuron, a
     * neuron's box while whole) switches to it; with only boxes by neuron, a weight's neuron is selected.
     */
    private void find(String name) {
        if (shown == null) {
            return;
        }
        ComputationGraph other = shown.collapsed ? shown.whole() : shown.byNeuron();
        if (shown.find(name) < 0 && other != null && other.find(name) >= 0) {
            groupByNeuron(!shown.collapsed);
        }
        int k = shown.find(name);
        int holder = shown.holder(name);
        graph.select(k >= 0 ? k : holder);
        if (k >= 0) {
            showNode();
        } else if (holder >= 0) {
            nodeReadout.setTextContent(name + " is inside this neuron's box (the whole graph is too big to draw): "
                    + inspector.nodeText(holder));
        } else {
            nodeReadout.setTextContent("no node labelled \"" + name + "\"");
        }
    }

    private void showGraph() {
        ComputationGraph g = inspector.buildGraph();
        String network = g == null ? "" : g.wholeSize + "/" + g.neurons;
        if (g != null && !network.equals(groupedFor)) {
            // A new network: one box per neuron unless every value reads at "fit"; then the person decides.
            groupedFor = network;
            boolean group = g.whole() == null || !graph.readableAtFit(g.whole());
            if (group != inspector.groupedByNeuron()) {
                inspector.groupByNeuron(group);
                g = inspector.buildGraph();
            }
        }
        shown = g;
        byNeuron.setChecked(g != null && g.collapsed);
        byNeuron.setDisabled(g == null || g.whole() == null); // too big to draw value by value
        boolean classic = inspector.showsClassic();
        source.setValue(classic ? "classic" : "point"); // a click on the data means "this point's graph"
        Dom.show(classicControls, classic);
        if (classic) {
            classicChoice.setSelectedIndex(inspector.classicExample()); // chosen here or in the examples table
            classicReadout.setTextContent(inspector.classicSummary());
            classicReadout.setAttribute("data-loss", Double.toString(inspector.classicLoss()));
        }
        summary.setTextContent(inspector.graphSummary());
        if (g == null) {
            graph.clear();
        } else {
            graph.show(g);
            nodeCount.setAttribute("data-count", Integer.toString(g.nodes.size()));
        }
        nodeCount.setTextContent(inspector.graphSize());
        showNode();
    }

    /** The selected graph node's numbers as text (the boxes may be too small to read). */
    private void showNode() {
        nodeReadout.setTextContent(inspector.nodeText(graph.selected()));
    }

    private void showPhase() {
        String lit = inspector.phaseLit();
        if (!lit.equals(litPhase)) {
            litPhase = lit;
            String[] names = {"forward", "backward", "update"};
            for (int i = 0; i < pills.length; i++) {
                pills[i].setClassName(names[i].equals(lit) ? "lit" : "");
            }
        }
        String next = inspector.phaseNext();
        Dom.text(phaseNext, "Run " + next);
        Dom.attribute(phaseNext, "data-next", next);
        Dom.text(phaseNote, inspector.phaseNote());
        Dom.text(paramsNote, inspector.updateNote());
    }

    // One slice of finite differences per frame, so even the largest network's check leaves the
    // page painting and answering; training may go on, the check has its own copy of the model.
    private void startGradientCheck() {
        inspector.startCheck();
        gradcheckResult.removeAttribute("data-error");
        gradcheckResult.removeAttribute("data-slices");
        gradcheckResult.setTextContent(inspector.check().text());
        if (running == null) {
            Window.requestAnimationFrame(t -> checkSlice());
        }
        running = inspector.check();
    }

    private void checkSlice() {
        running = inspector.check();
        boolean done = running.advance();
        gradcheckResult.setTextContent(running.text());
        if (!done) {
            Window.requestAnimationFrame(t -> checkSlice());
            return;
        }
        gradcheckResult.setAttribute("data-slices", Integer.toString(running.slices()));
        gradcheckResult.setAttribute("data-error", Double.toString(running.error()));
        running = null;
    }
}

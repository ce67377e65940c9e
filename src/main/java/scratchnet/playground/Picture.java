package scratchnet.playground;

import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Legend;
import scratchnet.playground.picture.Marks;
import scratchnet.playground.picture.Overlay;
import scratchnet.playground.picture.Tool;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.PointTools;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import scratchnet.data.Dataset;

/**
 * The picture of run A (and of run B, through the door): what a press on it does (the tools, the
 * paint class, the legend), and what it shows: the heat map's pixels, the view, the points, the
 * first layer's lines and the captions.
 */
public final class Picture {
    private final Session session;
    private final Inspector inspector;
    private double[] grid = new double[0];
    private int[] cells = new int[0];

    private final PointTools tools;
    private Tool tool = Tool.INSPECT;
    private double paintValue = 1; // the label, class index or target that add and brush make

    Picture(Session session, Inspector inspector, PointTools tools) {
        this.session = session;
        this.inspector = inspector;
        this.tools = tools;
    }

    // ---- the tools: what a press does ----

    /** From now on a press on the picture uses this tool: a {@link Tool#label}; unknown ones mean inspect. */
    public void setTool(String label) {
        tool = Tool.byLabel(label);
    }

    public Tool tool() {
        return tool;
    }

    /** What add and brush make, one of {@link #paintClasses()}'s values (a label, class index or target). */
    public void setPaintValue(String value) {
        for (String[] c : paintClasses()) {
            if (c[0].equals(value)) {
                paintValue = Settings.parseNumber(value);
            }
        }
    }

    /** The value add and brush make now, as {@link #paintClasses()} writes it. */
    public String paintValue() {
        String[][] choices = paintClasses();
        for (String[] c : choices) {
            if (Settings.parseNumber(c[0]) == paintValue) {
                return c[0];
            }
        }
        paintValue = Settings.parseNumber(choices[choices.length > 2 ? 0 : 1][0]); // the problem changed
        return paintValue();
    }

    /** What a point can be painted as, in the picker's order, as {value, name} ({@link Legend#paintClasses}). */
    public String[][] paintClasses() {
        return new Legend(session.classes(), session.classNames()).paintClasses();
    }

    /** The picture's legend: {colour as CSS, text} for each class, or a regression's scale. */
    public String[][] legend() {
        return new Legend(session.classes(), session.classNames()).entries();
    }

    /**
     * A press at pixel (px, py) of the picture, {@code width} × {@code height} pixels: selects the
     * nearest point for the inspector, or uses the tool ({@link PointTools}).
     *
     * @return what to tell the person ("" for nothing)
     */
    public String press(double px, double py, double width, double height) {
        if (tool != Tool.INSPECT) {
            return tools.press(tool, paintValue, px, py, width, height);
        }
        View v = session.view();
        inspector.selectNear(v.planeX(px, width), v.planeY(py, height));
        return "";
    }

    /** The pointer moved to (px, py) while pressed: a brush or eraser stroke goes on. */
    public String drag(double px, double py, double width, double height) {
        return tools.drag(paintValue, px, py, width, height);
    }

    /** The pointer was released: a stroke ends. */
    public void release() {
        tools.release();
    }

    /** "clear points": removes every point so a person can draw a dataset. */
    public String clearPoints() {
        return tools.clear();
    }

    // ---- what it shows ----

    public View view() {
        return session.view();
    }

    /** Heat-map cells per side for the current network. */
    public int gridSide() {
        return session.gridSide();
    }

    /**
     * The heat map: the model's output over the view as {@code side × side} canvas pixels (row 0
     * at the top), coloured by {@link HeatMap#paint}; or, while the inspector previews a neuron
     * ({@link Inspector#preview}), that neuron's output, as its thumbnail colours it.
     */
    public void heatMap(int side, int[] pixels) {
        heatMap(session, side, pixels);
    }

    void heatMap(Session run, int side, int[] pixels) {
        if (grid.length != side * side) {
            grid = new double[side * side];
            cells = new int[side * side];
        }
        int outputs = run.model().nout();
        boolean discretize = run.current().discretize;
        int[] neuron = inspector.previewed();
        if (neuron != null) {
            run.neuronGrid(neuron[0], neuron[1], side, grid);
            boolean bounded = neuron[0] >= 0
                    && HeatMap.bounded(run.model().layers.get(neuron[0]).neurons.get(neuron[1]).activation);
            HeatMap.paint(grid, grid.length, bounded, false, pixels);
        } else if (outputs > 1) {
            run.classGrid(side, side, cells, grid);
            HeatMap.paintClasses(cells, grid, grid.length, outputs, discretize, pixels);
        } else {
            run.grid(side, side, grid);
            // A regression's targets lie in [-1, 1]: its output is painted on that scale, not squashed.
            boolean bounded = HeatMap.bounded(run.current().output) || run.classes() == Dataset.REGRESSION;
            HeatMap.paint(grid, grid.length, bounded, discretize, pixels);
        }
    }

    /**
     * With {@code lines} on: each first-layer neuron's line w·x + b = 0 inside the view
     * ({@link Overlay#firstLayerLines}), 4 numbers a line; otherwise none.
     */
    public double[] firstLayerLines() {
        return session.current().showLines ? Overlay.firstLayerLines(session.model(), session.view()) : new double[0];
    }

    /** How the inputs are standardised ({@link Overlay#scalingText}), or null where they are not. */
    public String scalingText() {
        return Overlay.scalingText(session.model().scaling);
    }

    /** What the picture shows if not the model's output, e.g. "layer 0, neuron 3: tanh(w·x + b)"; "" when it is. */
    public String caption() {
        return inspector.previewCaption();
    }

    public Marks trainMarks() {
        return Marks.of(session.train().points, session.classes());
    }

    /** The test points, or null when they are not shown. */
    public Marks testMarks() {
        Settings s = session.current();
        return s.showTest ? Marks.of(session.test().points, session.classes()) : null;
    }
}

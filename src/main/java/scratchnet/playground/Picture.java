package scratchnet.playground;

import scratchnet.playground.inspect.Inspector;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.Marks;
import scratchnet.playground.picture.Overlay;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.Session;
import scratchnet.playground.settings.Settings;
import scratchnet.data.Dataset;

/**
 * What the picture shows of run A (and of run B, through the door): the heat map's pixels, the
 * view, the points, the first layer's lines and the captions.
 */
public final class Picture {
    private final Session session;
    private final Inspector inspector;
    private double[] grid = new double[0];
    private int[] cells = new int[0];

    Picture(Session session, Inspector inspector) {
        this.session = session;
        this.inspector = inspector;
    }

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
            boolean bounded = run.boundedOutput() || run.classes() == Dataset.REGRESSION;
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

package scratchnet.playground.picture;

import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.io.Format;

/**
 * The picture's classes in words and colours: the legend, and what a point can be painted as.
 * {@code classes} is the kind of problem (2, K, or {@link Dataset#REGRESSION}); {@code names} the
 * classes' names as imported, in class order, or empty for the usual ones.
 */
public final class Legend {
    private final int classes;
    private final List<String> names;

    public Legend(int classes, List<String> names) {
        this.classes = classes;
        this.names = names;
    }

    /** Class {@code c}'s name as imported (clipped), or {@code usual}. */
    private String named(int c, String usual) {
        return names.isEmpty() ? usual : Format.clip(names.get(c));
    }

    /**
     * What a point can be painted as, in the picker's order, as {value, name}: -1 and +1 for two
     * classes, the class indices for more, a few targets from -1 to +1 for a regression.
     */
    public String[][] paintClasses() {
        if (classes == 2) {
            return new String[][] {{"-1", named(0, "orange") + " (−1)"}, {"1", named(1, "blue") + " (+1)"}};
        }
        if (classes == Dataset.REGRESSION) {
            return new String[][] {{"-1", "target −1"}, {"-0.5", "target −0.5"}, {"0", "target 0"},
                {"0.5", "target 0.5"}, {"1", "target +1"}};
        }
        String[][] choices = new String[classes][];
        for (int c = 0; c < classes; c++) {
            choices[c] = new String[] {Integer.toString(c), named(c, "class " + c) + " (" + HeatMap.CLASS_NAMES[c] + ")"};
        }
        return choices;
    }

    /** The legend: {colour as CSS, text} for each class, or the ends and middle of a regression's scale. */
    public String[][] entries() {
        if (classes == Dataset.REGRESSION) {
            return new String[][] {{HeatMap.css(HeatMap.targetColour(-1)), "−1"}, {HeatMap.css(HeatMap.NEUTRAL), "0"},
                {HeatMap.css(HeatMap.targetColour(1)), "+1 (target and prediction)"}};
        }
        if (classes == 2) {
            return new String[][] {{HeatMap.css(HeatMap.NEGATIVE), named(0, "−1")}, {HeatMap.css(HeatMap.POSITIVE), named(1, "+1")}};
        }
        String[][] legend = new String[classes][];
        for (int c = 0; c < classes; c++) {
            legend[c] = new String[] {HeatMap.css(HeatMap.CLASSES[c]), named(c, "class " + c)};
        }
        return legend;
    }
}

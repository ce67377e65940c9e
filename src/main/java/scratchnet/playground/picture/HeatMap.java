package scratchnet.playground.picture;

import scratchnet.engine.Tanh;
import scratchnet.nn.Activation;

/**
 * Colours for the picture: the model's output over the plane becomes pixels, orange where it
 * says -1 and blue where it says +1, paler where it is less sure. Plain numbers in, plain
 * numbers out, so the page only copies the result into a canvas.
 */
public final class HeatMap {
    /** Class -1 (TensorFlow Playground's orange). */
    public static final int NEGATIVE = 0xF59322;
    /** Class +1 (TensorFlow Playground's blue). */
    public static final int POSITIVE = 0x0877BD;
    /** An output of 0: undecided. */
    public static final int NEUTRAL = 0xE8EAEB;
    /**
     * The colours of classes 0 .. 5 when there are more than two: orange and blue as for two
     * classes, then wine, sand, indigo, purple. Chosen so that any two stay apart (CIE ΔE ≥ 20) for
     * readers with protanopia, deuteranopia or tritanopia too (HeatMapTest simulates them).
     */
    public static final int[] CLASSES = {NEGATIVE, POSITIVE, 0x882255, 0xDDCC77, 0x332288, 0xCC79A7};
    /** Each of {@link #CLASSES} by name, for the legend and the paint picker. */
    public static final String[] CLASS_NAMES = {"orange", "blue", "wine", "sand", "indigo", "purple"};
    // A fully confident cell stops short of the class colour, so the data points stay visible on it.
    private static final double MAX_MIX = 0.75;

    private HeatMap() {
    }

    /**
     * True if a neuron with this activation gives values in [-1, 1] (tanh, sine), painted as they
     * are; any other is squashed by tanh first ({@link #paint}'s {@code bounded}).
     */
    /**
     * Cells per side of a grid whose every cell costs {@code perCell} multiply-adds, so the whole
     * costs about {@code budget}: as many as that allows, within [{@code min}, {@code max}].
     */
    public static int side(long perCell, double budget, int min, int max) {
        int side = (int) Math.sqrt(budget / Math.max(1, perCell));
        return Math.max(min, Math.min(max, side));
    }

    public static boolean bounded(Activation a) {
        return a == Activation.TANH || a == Activation.SINE;
    }

    /**
     * Colours {@code count} outputs. An output of {@code bounded} models (tanh) lies in [-1, 1]
     * and is its own confidence; an unbounded (linear) score is squashed by tanh first. With
     * {@code discretize} only the sign counts (0 counts as -1, as in accuracy). NaN is painted
     * neutral rather than as garbage.
     *
     * @param pixels receives one pixel per output as {@code 0xAABBGGRR}: the canvas's RGBA bytes
     *               read as a little-endian int, i.e. ready for an {@code Int32Array} view of an
     *               {@code ImageData}
     */
    public static void paint(double[] outputs, int count, boolean bounded, boolean discretize, int[] pixels) {
        for (int i = 0; i < count; i++) {
            pixels[i] = pixel(strength(outputs[i], bounded, discretize));
        }
    }

    /** The signed confidence in [-1, 1] that an output is painted with. */
    static double strength(double output, boolean bounded, boolean discretize) {
        if (Double.isNaN(output)) {
            return 0;
        }
        if (discretize) {
            return output > 0 ? 1 : -1;
        }
        double s = bounded ? output : Tanh.tanh(output);
        return Math.max(-1, Math.min(1, s));
    }

    /**
     * Colours a grid of K-class decisions: each cell in its class's colour, paler the less sure the
     * network is (its probability from 1/K, a guess, to 1); with {@code discretize} only the class.
     */
    public static void paintClasses(int[] classes, double[] confidence, int count, int k, boolean discretize,
                                    int[] pixels) {
        for (int i = 0; i < count; i++) {
            double sure = discretize ? 1 : Math.max(0, Math.min(1, (confidence[i] - 1.0 / k) / (1 - 1.0 / k)));
            pixels[i] = abgr(mixed(CLASSES[classes[i]], Double.isNaN(sure) ? 0 : sure));
        }
    }

    /** {@code target} mixed from NEUTRAL by {@code t} of {@link #MAX_MIX}, as 0xRRGGBB. */
    public static int mixed(int target, double t) {
        double m = t * MAX_MIX;
        return mix(NEUTRAL >> 16 & 0xFF, target >> 16 & 0xFF, m) << 16 | mix(NEUTRAL >> 8 & 0xFF, target >> 8 & 0xFF, m) << 8
                | mix(NEUTRAL & 0xFF, target & 0xFF, m);
    }

    /** 0xRRGGBB as a canvas pixel, 0xAABBGGRR. */
    public static int abgr(int rgb) {
        return 0xFF000000 | (rgb & 0xFF) << 16 | rgb & 0xFF00 | rgb >> 16 & 0xFF;
    }

    /**
     * The colour (0xRRGGBB) of a signed confidence in [-1, 1]: NEUTRAL mixed towards the class
     * colour of its sign, by its size. The heat map and the diagram's neurons share it.
     */
    public static int colour(double strength) {
        return mixed(strength > 0 ? POSITIVE : NEGATIVE, Math.abs(strength));
    }

    /** {@link #colour} as a canvas pixel, 0xAABBGGRR. */
    static int pixel(double strength) {
        return abgr(colour(strength));
    }

    /** A point's own colour for a regression target: the diverging scale at full strength, clamped to [-1, 1]. */
    public static int targetColour(double target) {
        double s = Math.max(-1, Math.min(1, target));
        int c = s > 0 ? POSITIVE : NEGATIVE;
        double t = Math.abs(s);
        return mix(NEUTRAL >> 16 & 0xFF, c >> 16 & 0xFF, t) << 16 | mix(NEUTRAL >> 8 & 0xFF, c >> 8 & 0xFF, t) << 8
                | mix(NEUTRAL & 0xFF, c & 0xFF, t);
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    /** A colour as CSS text, e.g. {@code "#0877bd"}. */
    public static String css(int rgb) {
        String hex = Integer.toHexString(rgb & 0xFFFFFF);
        return "#" + "000000".substring(hex.length()) + hex;
    }
}

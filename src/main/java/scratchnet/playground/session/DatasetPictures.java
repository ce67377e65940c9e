package scratchnet.playground.session;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Point;
import scratchnet.data.Shape;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.View;
import scratchnet.playground.settings.Settings;

/**
 * A small picture of every dataset, to choose one by sight: each drawn as the settings would draw
 * it (their classes, noise and generator version, the first data seed), its points as dots in their
 * class's colour (a regression's by its target) on the picture's neutral ground. Made again only
 * when one of those settings changes. The page blits {@link #pixels}.
 */
public final class DatasetPictures {
    /** Pixels a side of each picture. */
    public static final int SIDE = 40;
    /** Points in each picture: enough to show the shape, few enough to tell the dots apart. */
    static final int POINTS = 150;

    private static final List<Shape> SHAPES = List.of(Shape.values());
    /** The datasets' names (their {@code data} setting) in the order shown: every {@link Shape}. */
    public static final List<String> LABELS = labels();
    /** {@code pixels[i]}: dataset i's picture, SIDE × SIDE, row by row, as canvas pixels 0xAABBGGRR. */
    public final int[][] pixels;
    /** What the pictures were drawn from: the settings they share, as a link would hold them. */
    public final String key;

    private DatasetPictures(Settings settings, String key) {
        this.key = key;
        pixels = new int[SHAPES.size()][];
        for (int i = 0; i < SHAPES.size(); i++) {
            Settings s = settings.copy();
            s.data = SHAPES.get(i);
            s.points = POINTS;
            s.dataSeed = 1;
            s.split = 100;
            pixels[i] = draw(Data.generate(s).train().points, SHAPES.get(i).isRegression());
        }
    }

    /** The pictures for {@code settings}: {@code last} again if it was drawn from the same ones. */
    public static DatasetPictures of(Settings settings, DatasetPictures last) {
        String key = key(settings);
        return last != null && last.key.equals(key) ? last : new DatasetPictures(settings, key);
    }

    private static List<String> labels() {
        List<String> labels = new ArrayList<>();
        for (Shape shape : SHAPES) {
            labels.add(shape.label);
        }
        return List.copyOf(labels);
    }

    private static String key(Settings settings) {
        StringBuilder key = new StringBuilder();
        for (String k : new String[] {"classes", "noise", "gen"}) {
            if (Settings.find(k) != null) {
                key.append(k).append('=').append(settings.get(k)).append('&');
            }
        }
        return key.toString();
    }

    /** The points as 2×2-pixel dots over the neutral ground, in the view that holds them all. */
    public static int[] draw(List<Point> points, boolean regression) {
        int[] out = new int[SIDE * SIDE];
        java.util.Arrays.fill(out, HeatMap.abgr(0xF4F5F6));
        return draw(points, regression, out);
    }

    /** The points as dots over {@code out} ({@link #SIDE} × {@link #SIDE} canvas pixels, e.g. a heat map of {@link View#around} them), which it returns. */
    public static int[] draw(List<Point> points, boolean regression, int[] out) {
        View view = View.around(new ArrayList<>(points));
        for (Point p : points) {
            int colour = HeatMap.abgr(regression ? HeatMap.targetColour(p.target) : HeatMap.CLASSES[p.classIndex()]);
            int x = (int) Math.floor(view.pixelX(p.x, SIDE));
            int y = (int) Math.floor(view.pixelY(p.y, SIDE));
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    int px = Math.max(0, Math.min(SIDE - 1, x + dx - 1));
                    int py = Math.max(0, Math.min(SIDE - 1, y + dy - 1));
                    out[py * SIDE + px] = colour;
                }
            }
        }
        return out;
    }
}

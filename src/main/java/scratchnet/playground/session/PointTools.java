package scratchnet.playground.session;

import scratchnet.playground.picture.Tool;
import scratchnet.playground.picture.View;
import scratchnet.playground.settings.Settings;
import scratchnet.data.Rng;

/**
 * The picture's tools that edit the points: add one, remove the nearest, paint (spray points of
 * the paint class) and erase; each change one undo step in {@link History}, however long a stroke.
 * Pixels are the picture's CSS pixels, {@code width} × {@code height} of them.
 */
public final class PointTools {
    // A click removes the nearest point within this many CSS pixels.
    static final double REMOVE_RADIUS_PX = 12;

    private final Session session;
    private final History history;
    private final Rng spray = new Rng(1); // the brush's scatter: any spread will do, but the same each run
    private Tool stroke; // BRUSH or ERASE while a stroke goes on, else null
    private double[] lastDab; // where the brush last sprayed, in pixels

    public PointTools(Session session, History history) {
        this.session = session;
        this.history = history;
    }

    /**
     * A press with {@code tool} (not {@link Tool#INSPECT}) at pixel (px, py): adds a point of
     * {@code value} (a label, class index or target), removes the nearest, or starts a brush or
     * eraser stroke.
     *
     * @return what to tell the person ("" for nothing)
     */
    public String press(Tool tool, double value, double px, double py, double width, double height) {
        View v = session.view();
        double x = v.planeX(px, width);
        double y = v.planeY(py, height);
        PointEdits before = session.edits();
        Settings settings = session.current();
        switch (tool) {
            case REMOVE:
                if (!session.removeNearest(x, y, v.planeLength(REMOVE_RADIUS_PX, width), settings.showTest)) {
                    return "No point there to remove.";
                }
                history.record(History.State.edits("remove a point", before));
                return "";
            case ADD:
                try {
                    session.addPoint(x, y, value);
                } catch (IllegalArgumentException tooMany) {
                    return tooMany.getMessage();
                }
                history.record(History.State.edits("add a point", before));
                return "";
            default:
                history.record(History.State.edits(tool == Tool.BRUSH ? "paint" : "erase", before));
                stroke = tool;
                lastDab = null;
                return drag(value, px, py, width, height);
        }
    }

    /**
     * The pointer moved to (px, py) while pressed: the brush sprays {@code density} points of
     * {@code value} in a disc of {@code brush} pixels wherever the pointer has moved half a radius
     * since the last dab; the eraser removes every point in the disc.
     */
    public String drag(double value, double px, double py, double width, double height) {
        if (stroke == null) {
            return "";
        }
        Settings settings = session.current();
        if (lastDab != null && Math.hypot(px - lastDab[0], py - lastDab[1]) < settings.brush / 2.0) {
            return "";
        }
        lastDab = new double[] {px, py};
        View v = session.view();
        double x = v.planeX(px, width);
        double y = v.planeY(py, height);
        double radius = v.planeLength(settings.brush, width);
        if (stroke == Tool.ERASE) {
            session.removeWithin(x, y, radius, settings.showTest);
            return "";
        }
        for (int i = 0; i < settings.density; i++) {
            // Uniform in the disc: the square root spreads points evenly over its area.
            double r = radius * Math.sqrt(spray.nextDouble());
            double angle = 2 * Math.PI * spray.nextDouble();
            try {
                session.addPoint(x + r * Math.cos(angle), y + r * Math.sin(angle), value);
            } catch (IllegalArgumentException full) {
                return full.getMessage();
            }
        }
        return "";
    }

    /** The pointer was released: a stroke ends. */
    public void release() {
        stroke = null;
    }

    /** "clear points": removes every point so a person can draw a dataset. */
    public String clear() {
        history.record(History.State.edits("clear", session.edits()));
        session.clearPoints();
        return "All points removed: pick “add” or “brush” above and click the picture to draw your own.";
    }
}

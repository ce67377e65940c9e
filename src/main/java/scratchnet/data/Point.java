package scratchnet.data;

/** A labelled point of the plane; {@code label} is -1 or +1. */
public final class Point {
    public final double x;
    public final double y;
    public final int label;

    public Point(double x, double y, int label) {
        if (label != -1 && label != 1) {
            throw new IllegalArgumentException("label must be -1 or +1, was " + label);
        }
        this.x = x;
        this.y = y;
        this.label = label;
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ") " + (label > 0 ? "+1" : "-1");
    }
}

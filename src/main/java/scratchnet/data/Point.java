package scratchnet.data;

/**
 * A point of the plane and what a network should answer there. Three kinds, one per problem:
 *
 * <ul>
 *   <li>two classes: {@code label} is -1 or +1, as binary problems have always been shown and
 *       trained ({@link #Point(double, double, int)});
 *   <li>K classes (3 to {@link #MAX_CLASSES}): {@code label} is the class index 0 .. K−1
 *       ({@link #ofClass});
 *   <li>regression: {@code target} is a real number, usually in [-1, 1]; {@code label} is 0
 *       ({@link #ofTarget}).
 * </ul>
 *
 * {@code target} is the number a loss on one output compares with: the label for classes, the
 * real value for regression. Equality is identity: two points at the same place are two points.
 */
public final class Point {
    /** The most classes a dataset may have. */
    public static final int MAX_CLASSES = 6;

    public final double x;
    public final double y;
    /** -1 or +1 with two classes; the class index 0 .. K−1 with K classes; 0 for regression. */
    public final int label;
    /** The label as a double for classes; the real-valued target for regression. */
    public final double target;

    /** A point of a two-class problem: {@code label} is -1 or +1. */
    public Point(double x, double y, int label) {
        this(x, y, label, label);
        if (label != -1 && label != 1) {
            throw new IllegalArgumentException("label must be -1 or +1, was " + label);
        }
    }

    private Point(double x, double y, int label, double target) {
        this.x = x;
        this.y = y;
        this.label = label;
        this.target = target;
    }

    /** A point of class {@code index} (0 .. {@link #MAX_CLASSES} − 1) of a problem with three or more classes. */
    public static Point ofClass(double x, double y, int index) {
        if (index < 0 || index >= MAX_CLASSES) {
            throw new IllegalArgumentException("class index must be 0 to " + (MAX_CLASSES - 1) + ", was " + index);
        }
        return new Point(x, y, index, index);
    }

    /** A point of a regression problem, whose output should be {@code target} (a finite number). */
    public static Point ofTarget(double x, double y, double target) {
        if (!Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be a finite number, was " + target);
        }
        return new Point(x, y, 0, target);
    }

    /**
     * The class as an index 0 .. K−1, what a softmax output is trained towards: a two-class point's
     * -1 is class 0 and +1 is class 1; a K-class point's label is its index already.
     */
    public int classIndex() {
        return label == -1 ? 0 : label;
    }

    @Override
    public String toString() {
        String what = label == 1 ? "+1" : label == -1 ? "-1" : target == label ? "class " + label : "target " + target;
        return "(" + x + ", " + y + ") " + what;
    }
}

package scratchnet.nn;

import scratchnet.engine.Value;

/**
 * One input a network can read from a point (x, y) of the plane. Each is computed twice, side by
 * side: from {@link Value}s, so a point's computation graph shows it (x² is the node x·x), and
 * from plain doubles for pictures and readouts. Both do the same operations, so the same bits.
 */
public enum Feature {
    X("x", "x", true, false) {
        public Value of(Value x, Value y) { return x; }
        public double of(double x, double y) { return x; }
    },
    Y("y", "y", false, true) {
        public Value of(Value x, Value y) { return y; }
        public double of(double x, double y) { return y; }
    },
    X2("x2", "x²", true, false) {
        public Value of(Value x, Value y) { return x.mul(x); }
        public double of(double x, double y) { return x * x; }
    },
    Y2("y2", "y²", false, true) {
        public Value of(Value x, Value y) { return y.mul(y); }
        public double of(double x, double y) { return y * y; }
    },
    XY("xy", "xy", true, true) {
        public Value of(Value x, Value y) { return x.mul(y); }
        public double of(double x, double y) { return x * y; }
    },
    SINX("sinx", "sin x", true, false) {
        public Value of(Value x, Value y) { return x.sin(); }
        public double of(double x, double y) { return Math.sin(x); }
    },
    SINY("siny", "sin y", false, true) {
        public Value of(Value x, Value y) { return y.sin(); }
        public double of(double x, double y) { return Math.sin(y); }
    };

    /** The name in share links and model files, e.g. "x2". */
    public final String key;
    /** The name on the network diagram, e.g. "x²". */
    public final String label;
    /** Whether it changes with x, with y (a picture computes an x-only feature once per column). */
    final boolean readsX;
    final boolean readsY;

    Feature(String key, String label, boolean readsX, boolean readsY) {
        this.key = key;
        this.label = label;
        this.readsX = readsX;
        this.readsY = readsY;
    }

    /** This feature of the point (x, y) as a node of the graph (x and y themselves for X and Y). */
    public abstract Value of(Value x, Value y);

    /** This feature of the point (x, y) as a number. */
    public abstract double of(double x, double y);

    /** The feature whose {@link #key} is {@code key}, or null if there is none. */
    public static Feature byKey(String key) {
        for (Feature f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }
}

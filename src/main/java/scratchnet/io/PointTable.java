package scratchnet.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Points of the plane with a class or a target each, as {@link Csv} reads and writes them:
 * the rows, their kind, the class names and a one-line summary for a preview. Immutable, and
 * independent of the playground's own point type.
 */
public final class PointTable {
    /** {@link Csv.Kind#CLASSES} or {@link Csv.Kind#REGRESSION}, never AUTO. */
    public final Csv.Kind kind;
    /** In the file's order; unmodifiable. */
    public final List<Row> rows;
    /** Class {@code i}'s name at index {@code i}, e.g. ["-1", "+1"] or ["cat", "dog"]; empty for regression. */
    public final List<String> classNames;
    /** E.g. "412 points, 3 classes (cat: 140, dog: 136, bird: 136), x in [-2.31, 4.50], y in [0, 1000]". */
    public final String summary;

    /** One point: x, y, and a class index or a target. */
    public static final class Row {
        public final double x;
        public final double y;
        /** 0 to classes − 1 for classes; -1 for regression. */
        public final int classIndex;
        /** The value to learn for regression; NaN for classes. */
        public final double target;

        private Row(double x, double y, int classIndex, double target) {
            this.x = x;
            this.y = y;
            this.classIndex = classIndex;
            this.target = target;
        }

        public static Row ofClass(double x, double y, int classIndex) {
            if (classIndex < 0) {
                throw new IllegalArgumentException("a class index is 0 or more, was " + classIndex);
            }
            return new Row(x, y, classIndex, Double.NaN);
        }

        public static Row ofTarget(double x, double y, double target) {
            return new Row(x, y, -1, target);
        }

        /** Same bits in every number: what "read back identically" means. */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Row)) {
                return false;
            }
            Row r = (Row) o;
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(r.x)
                    && Double.doubleToLongBits(y) == Double.doubleToLongBits(r.y)
                    && classIndex == r.classIndex
                    && Double.doubleToLongBits(target) == Double.doubleToLongBits(r.target);
        }

        @Override
        public int hashCode() {
            long h = Double.doubleToLongBits(x) * 31 + Double.doubleToLongBits(y);
            h = h * 31 + (classIndex >= 0 ? classIndex : Double.doubleToLongBits(target));
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public String toString() {
            return "(" + x + ", " + y + ") " + (classIndex >= 0 ? "class " + classIndex : "target " + target);
        }
    }

    PointTable(Csv.Kind kind, List<Row> rows, List<String> classNames) {
        this.kind = kind;
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
        this.classNames = Collections.unmodifiableList(new ArrayList<>(classNames));
        this.summary = summarize();
    }

    /** How many rows each class has, by class index; empty for regression. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (Row r : rows) {
            if (r.classIndex >= 0) {
                counts[r.classIndex]++;
            }
        }
        return counts;
    }

    private String summarize() {
        StringBuilder s = new StringBuilder();
        s.append(rows.size()).append(rows.size() == 1 ? " point" : " points");
        if (kind == Csv.Kind.CLASSES) {
            int[] counts = classCounts();
            s.append(", ").append(counts.length).append(counts.length == 1 ? " class (" : " classes (");
            for (int i = 0; i < counts.length; i++) {
                s.append(i > 0 ? ", " : "").append(Format.clip(classNames.get(i))).append(": ").append(counts[i]);
            }
            s.append(')');
        }
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        double[] t = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i).x;
            y[i] = rows.get(i).y;
            t[i] = rows.get(i).target;
        }
        s.append(", x in ").append(range(x)).append(", y in ").append(range(y));
        if (kind == Csv.Kind.REGRESSION) {
            s.append(", target in ").append(range(t));
        }
        return s.toString();
    }

    private static String range(double[] v) {
        if (v.length == 0) {
            return "[]";
        }
        double min = v[0];
        double max = v[0];
        for (double d : v) {
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return "[" + Format.significant(min, 3) + ", " + Format.significant(max, 3) + "]";
    }
}

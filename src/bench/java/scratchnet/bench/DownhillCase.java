package scratchnet.bench;

import java.util.List;
import java.util.Map;
import scratchnet.io.Json;

/**
 * The downhill benchmark case, as src/bench/workloads/downhill.json declares it: which two
 * parameters of the trained W1 model are mapped, on how many cells a side, and the reference
 * checksum (the sum of the cells, a few named cells, the sum of the line's samples) that every
 * target must reproduce to {@link #tolerance}, relative. DownhillWorkloadTest computes the
 * reference two independent ways and checks the file against both.
 */
public final class DownhillCase {
    /** The workload whose trained model is mapped (W1). */
    public final String workload;
    /** The two parameters, as indices into {@code MLP.parameters()}, and the cells a side. */
    public final int first;
    public final int second;
    public final int size;
    /** Relative: |value − reference| ≤ tolerance × |reference|. */
    public final double tolerance;
    /** The sum of the size × size cells, row by row. */
    public final double sum;
    /** The named cells: {row, col} each, and their losses. */
    public final int[][] cells;
    public final double[] cellLosses;
    /** The sum of the gradient line's samples. */
    public final double lineSum;

    private DownhillCase(Map<?, ?> json) {
        workload = (String) json.get("workload");
        first = integer(json.get("first"));
        second = integer(json.get("second"));
        size = integer(json.get("size"));
        tolerance = (Double) json.get("tolerance");
        Map<?, ?> reference = (Map<?, ?>) json.get("reference");
        sum = (Double) reference.get("sum");
        lineSum = (Double) reference.get("lineSum");
        List<?> named = (List<?>) reference.get("cells");
        cells = new int[named.size()][];
        cellLosses = new double[named.size()];
        for (int k = 0; k < cells.length; k++) {
            List<?> cell = (List<?>) named.get(k);
            cells[k] = new int[] {integer(cell.get(0)), integer(cell.get(1))};
            cellLosses[k] = (Double) cell.get(2);
        }
    }

    /**
     * Reads the case from the text of downhill.json.
     *
     * @throws IllegalArgumentException for a file that is not one
     */
    public static DownhillCase parse(String jsonText) {
        try {
            return new DownhillCase((Map<?, ?>) Json.parse(jsonText));
        } catch (Json.JsonException | ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("downhill: not a downhill case file: " + e);
        }
    }

    /** Null if a target's checksum matches the reference, else a message saying what differs. */
    public String mismatch(double gotSum, double[] gotCells, double gotLineSum) {
        StringBuilder s = new StringBuilder();
        differs(s, "sum of the cells", gotSum, sum);
        for (int k = 0; k < cells.length; k++) {
            differs(s, "cell (" + cells[k][0] + ", " + cells[k][1] + ")", k < gotCells.length ? gotCells[k] : Double.NaN,
                    cellLosses[k]);
        }
        differs(s, "sum of the line", gotLineSum, lineSum);
        return s.length() == 0 ? null : "downhill:" + s + " (tolerance " + tolerance + " relative)";
    }

    private void differs(StringBuilder s, String what, double got, double expected) {
        if (!(Math.abs(got - expected) <= tolerance * Math.abs(expected))) {
            s.append(' ').append(what).append(' ').append(got).append(", expected ").append(expected).append(';');
        }
    }

    private static int integer(Object o) {
        return ((Double) o).intValue();
    }
}

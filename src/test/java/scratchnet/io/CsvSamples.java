package scratchnet.io;

import java.util.ArrayList;
import java.util.List;
import scratchnet.data.Rng;

/** Points made up for tests of CSV import and export, exact to the bit. */
public final class CsvSamples {
    private CsvSamples() {
    }

    /** {@code n} points of {@code names.length} named classes (or targets if null), from a seed, as exact CSV. */
    public static String csv(int n, String[] names, double scale, long seed) {
        Rng rng = new Rng(seed);
        List<PointTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = scale * rng.nextDouble();
            double y = scale * rng.nextDouble();
            rows.add(names == null ? PointTable.Row.ofTarget(x, y, rng.uniform(-1, 1))
                    : PointTable.Row.ofClass(x, y, i % names.length));
        }
        return names == null ? Csv.write(rows, Csv.Kind.REGRESSION, List.of())
                : Csv.write(rows, Csv.Kind.CLASSES, List.of(names));
    }

    /**
     * {@code n} points with x and y in [0, 1000] (3 decimals), two classes split by a curve:
     * "above" where y > 500 + 250 sin(2πx / 1000), else "below". Real-world units: tanh on the raw
     * coordinates saturates; standardised, a small network separates them.
     */
    public static String curve(int n, long seed) {
        Rng rng = new Rng(seed);
        List<PointTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = Math.rint(1e6 * rng.nextDouble()) / 1000;
            double y = Math.rint(1e6 * rng.nextDouble()) / 1000;
            rows.add(PointTable.Row.ofClass(x, y, y > 500 + 250 * Math.sin(2 * Math.PI * x / 1000) ? 1 : 0));
        }
        return Csv.write(rows, Csv.Kind.CLASSES, List.of("below", "above"));
    }
}

package scratchnet.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import scratchnet.engine.Value;

/**
 * The inputs a network reads from a point of the plane: a set of {@link Feature}s, always in the
 * order x, y, x², y², xy, sin x, sin y. {@link #XY}, x and y as they are, is the default. A
 * network's input size is {@link #size()}.
 */
public final class Features {
    /** x and y: the default, what every network read before features were offered. */
    public static final Features XY = of(Feature.X, Feature.Y);

    private final Feature[] features;

    private Features(Feature[] features) {
        this.features = features;
    }

    /**
     * The set of {@code features}, in the fixed order; repeats count once.
     *
     * @throws IllegalArgumentException if there are none
     */
    public static Features of(Feature... features) {
        boolean[] chosen = new boolean[Feature.values().length];
        for (Feature f : features) {
            chosen[f.ordinal()] = true;
        }
        List<Feature> set = new ArrayList<>();
        for (Feature f : Feature.values()) {
            if (chosen[f.ordinal()]) {
                set.add(f);
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one feature");
        }
        return new Features(set.toArray(new Feature[0]));
    }

    /**
     * Reads {@link #key()}'s form: keys separated by commas, e.g. "x,y,x2".
     *
     * @throws IllegalArgumentException naming the first unknown key, or if there is none
     */
    public static Features parse(String text) {
        List<Feature> list = new ArrayList<>();
        for (String key : text.split(",", -1)) {
            Feature f = Feature.byKey(key.trim());
            if (f == null) {
                throw new IllegalArgumentException("unknown feature '" + key.trim() + "'; features are x, y, x2, y2, xy, sinx, siny");
            }
            list.add(f);
        }
        return of(list.toArray(new Feature[0]));
    }

    public int size() {
        return features.length;
    }

    public Feature get(int i) {
        return features[i];
    }

    public List<Feature> list() {
        return List.of(features);
    }

    /** The keys joined by commas, e.g. "x,y,x2": what {@link #parse} reads. */
    public String key() {
        StringBuilder s = new StringBuilder();
        for (Feature f : features) {
            s.append(s.length() == 0 ? "" : ",").append(f.key);
        }
        return s.toString();
    }

    /** The names for a diagram, e.g. {"x", "y", "x²"}. */
    public String[] labels() {
        String[] labels = new String[features.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = features[i].label;
        }
        return labels;
    }

    /** The features of the point whose coordinates are the nodes x and y, as nodes of the same graph. */
    public List<Value> values(Value x, Value y) {
        List<Value> in = new ArrayList<>(features.length);
        for (Feature f : features) {
            in.add(f.of(x, y));
        }
        return in;
    }

    /** The features of (x, y) into {@code out[0 .. size() - 1]}. */
    public void map(double x, double y, double[] out) {
        for (int i = 0; i < features.length; i++) {
            out[i] = features[i].of(x, y);
        }
    }

    /** The features of (x, y) as a new array. */
    public double[] map(double x, double y) {
        double[] out = new double[features.length];
        map(x, y, out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Features && Arrays.equals(features, ((Features) o).features);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        return String.join(", ", labels());
    }
}

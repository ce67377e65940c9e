package scratchnet.data;

import java.util.List;

/** Makes a 2-D dataset; every shape shares this one signature. */
public interface Generator {
    /**
     * @param count how many points (at least 0)
     * @param noise how much Gaussian noise is added to each coordinate (at least 0): its standard
     *     deviation in plane units for a shape itself (version 1), in the shape's own
     *     {@link Shape#scale} for its {@link Shape#generator version 2}
     * @param classes how many classes: 2 (labels ±1) or 3 .. {@link Point#MAX_CLASSES} (class
     *     indices) where the shape lets it vary; shapes with a fixed number, and regression shapes,
     *     ignore it ({@link Shape#classes(int)} says what a shape makes)
     * @param rng the only source of randomness
     */
    List<Point> generate(int count, double noise, int classes, Rng rng);
}

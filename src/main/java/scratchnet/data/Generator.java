package scratchnet.data;

import java.util.List;

/** Makes a labelled 2-D dataset; every shape shares this one signature. */
public interface Generator {
    /**
     * @param count how many points (at least 0)
     * @param noise the standard deviation of the Gaussian noise added to each coordinate (at least 0)
     * @param rng the only source of randomness
     */
    List<Point> generate(int count, double noise, Rng rng);
}

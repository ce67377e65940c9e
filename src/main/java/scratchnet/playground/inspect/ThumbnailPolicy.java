package scratchnet.playground.inspect;

import scratchnet.playground.picture.View;
import java.util.List;
import scratchnet.engine.Value;
import scratchnet.nn.MLP;

/**
 * When the diagram's thumbnails are computed afresh. Paused: whenever anything they show changed
 * (the model, the view, any parameter). While training plays: when the model or view changed, or
 * some parameter moved by more than {@link #MOVE} since they were made, so late in training, when
 * the weights creep, the diagram's redraws reuse them. (How often the diagram itself is redrawn
 * is {@link RedrawPolicy}'s business; its cost includes the thumbnails when they are remade.)
 */
public final class ThumbnailPolicy {
    /** The largest parameter change, while playing, that leaves the thumbnails as they are. */
    public static final double MOVE = 0.005;

    private MLP model;
    private View view;
    private double[] seen = new double[0]; // the parameters' data when the thumbnails were made

    /** True if thumbnails of {@code model} over {@code view} need making afresh. */
    public boolean stale(MLP model, View view, boolean playing) {
        if (model != this.model || !same(view, this.view)) {
            return true;
        }
        List<Value> params = model.parameters();
        if (params.size() != seen.length) {
            return true;
        }
        double limit = playing ? MOVE : 0;
        for (int i = 0; i < seen.length; i++) {
            double d = params.get(i).data;
            if (!(Math.abs(d - seen[i]) <= limit) && !(Double.isNaN(d) && Double.isNaN(seen[i]))) {
                return true;
            }
        }
        return false;
    }

    /** Thumbnails of {@code model} over {@code view} were just made. */
    public void made(MLP model, View view) {
        this.model = model;
        this.view = view;
        List<Value> params = model.parameters();
        seen = new double[params.size()];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = params.get(i).data;
        }
    }

    private static boolean same(View a, View b) {
        return b != null && a.xMin == b.xMin && a.xMax == b.xMax && a.yMin == b.yMin && a.yMax == b.yMax;
    }
}

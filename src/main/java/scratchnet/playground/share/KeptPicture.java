package scratchnet.playground.share;

import java.util.List;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.nn.Snapshot;
import scratchnet.playground.picture.HeatMap;
import scratchnet.playground.picture.View;
import scratchnet.playground.session.DatasetPictures;

/** A kept session's small picture: its network's decision over its training points' view, the points on top, as the datasets' pictures are drawn. */
final class KeptPicture {
    private KeptPicture() {
    }

    /** {@link DatasetPictures#SIDE} × SIDE canvas pixels (0xAABBGGRR), row 0 at the top. */
    static int[] of(ModelFile.Contents file) {
        int side = DatasetPictures.SIDE;
        List<Point> points = file.train.points;
        View view = View.around(points);
        Snapshot net = file.model.snapshot();
        int outputs = file.model.nout();
        double[] strength = new double[side * side];
        int[] classes = new int[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double[] out = net.predict(view.planeX(c + 0.5, side), view.planeY(r + 0.5, side));
                int i = r * side + c;
                if (outputs == 1) {
                    strength[i] = out[0];
                } else {
                    int best = Snapshot.argmax(out, 0, outputs);
                    double sum = 0;
                    for (double o : out) {
                        sum += Math.exp(o - out[best]);
                    }
                    classes[i] = best;
                    strength[i] = 1 / sum;
                }
            }
        }
        int[] pixels = new int[side * side];
        boolean regression = file.train.classes == Dataset.REGRESSION;
        if (outputs == 1) {
            HeatMap.paint(strength, strength.length, HeatMap.bounded(file.settings.output) || regression, false, pixels);
        } else {
            HeatMap.paintClasses(classes, strength, strength.length, outputs, false, pixels);
        }
        return DatasetPictures.draw(points, regression, pixels);
    }
}

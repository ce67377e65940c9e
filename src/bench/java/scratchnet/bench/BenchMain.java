package scratchnet.bench;

import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.canvas.ImageData;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.typedarrays.Int32Array;
import scratchnet.nn.MLP;
import scratchnet.train.Trainer;

/**
 * The benchmark's browser entry point, compiled by TeaVM to JS and to Wasm GC (profile
 * {@code bench}). bench.js (src/bench/web) calls these exports, times them and compares them with
 * the hand-written JS baseline, which offers the same functions.
 *
 * <p>Call order: {@link #benchLoad} for each workload, then for each case either
 * {@link #benchCheck} (reference check) or {@link #benchPrepare} and then {@link #benchSteps}
 * repeatedly; for the heat map {@link #benchHeatmapPrepare} then {@link #benchHeatmap}; for the
 * downhill map {@link #benchDownhillPrepare}, then for each whole map {@link #benchDownhillStart}
 * and {@link #benchDownhillAdvance} until it returns true (bench.js times each call), then the
 * checksum: {@link #benchDownhillSum}, {@link #benchDownhillCell}, {@link #benchDownhillLineSum}.
 */
public final class BenchMain {
    private static final Map<String, Workload> WORKLOADS = new HashMap<>();
    private static double lastAccuracy;
    private static Trainer trainer;

    private static MLP heatModel;
    private static double[] scores;
    private static int[] pixels;
    private static ImageData image;
    private static Int32Array imageWords; // the image's RGBA bytes, four at a time
    private static CanvasRenderingContext2D context;

    private static DownhillMap downhill;

    private BenchMain() {
    }

    public static void main(String[] args) {
    }

    /** Reads workload {@code name} ("W1", "W2", "W3") from the text of its JSON file. */
    @JSExport
    public static void benchLoad(String name, String json) {
        WORKLOADS.put(name, Workload.parse(name, json));
    }

    /** Trains a fresh model for the workload's reference steps; returns the loss ({@link #benchAccuracy} the accuracy). */
    @JSExport
    public static double benchCheck(String name, boolean batched) {
        double[] result = WORKLOADS.get(name).train(batched);
        lastAccuracy = result[1];
        return result[0];
    }

    @JSExport
    public static double benchAccuracy() {
        return lastAccuracy;
    }

    /** A fresh trainer for {@link #benchSteps}. */
    @JSExport
    public static void benchPrepare(String name, boolean batched) {
        trainer = WORKLOADS.get(name).trainer(batched);
    }

    /** Takes {@code n} training steps, exactly as the page does; returns the last step's loss. */
    @JSExport
    public static double benchSteps(int n) {
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss = trainer.step().loss;
        }
        return loss;
    }

    /** The W1 model after its reference training, and a 100 × 100 canvas to paint its heat map on. */
    @JSExport
    public static void benchHeatmapPrepare(String canvasId) {
        heatModel = WORKLOADS.get("W1").trained(true).model;
        int n = Workload.GRID;
        scores = new double[n * n];
        pixels = new int[n * n];
        HTMLCanvasElement canvas = (HTMLCanvasElement) HTMLDocument.current().getElementById(canvasId);
        canvas.setWidth(n);
        canvas.setHeight(n);
        context = (CanvasRenderingContext2D) canvas.getContext("2d");
        image = context.createImageData(n, n);
        imageWords = Int32Array.create(image.getData().getBuffer());
    }

    /**
     * {@code n} frames of the heat map: the model's output over the grid (snapshot of the weights
     * included, as the page takes one per frame), coloured, written into the ImageData and put on
     * the canvas. Returns a checksum of the scores.
     */
    @JSExport
    public static double benchHeatmap(int n) {
        double[] v = Workload.VIEW;
        int size = Workload.GRID;
        double sum = 0;
        for (int f = 0; f < n; f++) {
            heatModel.snapshot().grid(v[0], v[1], v[2], v[3], size, size, scores);
            for (int i = 0; i < scores.length; i++) {
                pixels[i] = colour(scores[i]);
            }
            imageWords.set(pixels);
            context.putImageData(image, 0, 0);
            sum += scores[0];
        }
        return sum;
    }

    /** The W1 model after its reference training, mapped over parameters {@code first} and {@code second}, {@code size} cells a side. */
    @JSExport
    public static void benchDownhillPrepare(int first, int second, int size) {
        downhill = new DownhillMap(WORKLOADS.get("W1").trained(true), first, second, size);
    }

    /** A new map: the landscape (a copy, one backward pass, one loss), nothing computed yet. */
    @JSExport
    public static void benchDownhillStart() {
        downhill.start();
    }

    /** The map's next slice, as the page takes one per frame; returns whether the map is done. */
    @JSExport
    public static boolean benchDownhillAdvance() {
        return downhill.advance();
    }

    /** The sum of the last map's cells. */
    @JSExport
    public static double benchDownhillSum() {
        return downhill.sum();
    }

    @JSExport
    public static double benchDownhillCell(int row, int col) {
        return downhill.cell(row, col);
    }

    /** The sum of the last map's gradient-line samples. */
    @JSExport
    public static double benchDownhillLineSum() {
        return downhill.lineSum();
    }

    /** -1 → orange, +1 → blue, 0 → white, as little-endian RGBA. */
    static int colour(double s) {
        double t = s < -1 ? -1 : s > 1 ? 1 : s;
        int r, g, b;
        if (t < 0) {
            r = 255 + (int) (t * (255 - 245));
            g = 255 + (int) (t * (255 - 147));
            b = 255 + (int) (t * (255 - 34));
        } else {
            r = 255 - (int) (t * (255 - 8));
            g = 255 - (int) (t * (255 - 119));
            b = 255 - (int) (t * (255 - 189));
        }
        return 0xff000000 | b << 16 | g << 8 | r;
    }
}

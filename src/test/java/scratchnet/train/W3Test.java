package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.io.Json;
import scratchnet.nn.Activation;
import scratchnet.nn.Layer;
import scratchnet.nn.MLP;
import scratchnet.nn.Snapshot;

/**
 * Workload W3 of the benchmark (src/test/resources/bench/W3.json, see the bench README): a 3-class
 * spiral of 300 points, [2, 16, 16, 3] with tanh hidden layers and linear logits, mean softmax
 * cross-entropy, full-batch SGD at lr 0.5 for 100 steps from the file's weights. Both engines
 * reproduce the reference, which two independent float64 implementations agree on.
 */
class W3Test {
    static final double INITIAL_LOSS = 1.2679465391, INITIAL_ACCURACY = 0.4;
    static final double FINAL_LOSS = 0.1968663975, FINAL_ACCURACY = 0.976667;

    final Map<String, Object> json;

    W3Test() throws IOException, Json.JsonException {
        try (InputStream in = W3Test.class.getResourceAsStream("/bench/W3.json")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            json = map;
        }
    }

    Dataset data() {
        List<?> xs = (List<?>) json.get("X");
        List<?> ys = (List<?>) json.get("y");
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            List<?> row = (List<?>) xs.get(i);
            points.add(Point.ofClass(number(row.get(0)), number(row.get(1)), (int) number(ys.get(i))));
        }
        return new Dataset(points, (int) number(json.get("classes")));
    }

    MLP model() {
        MLP model = new MLP(2, new int[] {16, 16, 3}, Activation.TANH, Activation.LINEAR, new Rng(0));
        List<?> ws = (List<?>) json.get("W");
        List<?> bs = (List<?>) json.get("B");
        for (int l = 0; l < 3; l++) {
            Layer layer = model.layers.get(l);
            for (int o = 0; o < layer.nout(); o++) {
                List<?> w = (List<?>) ((List<?>) ws.get(l)).get(o);
                for (int i = 0; i < layer.nin(); i++) {
                    layer.neurons.get(o).w.get(i).data = number(w.get(i));
                }
                layer.neurons.get(o).b.data = number(((List<?>) bs.get(l)).get(o));
            }
        }
        return model;
    }

    /** {loss, accuracy} of the model over all the data, on plain numbers. */
    static double[] evaluate(MLP model, Dataset data) {
        Snapshot s = model.snapshot();
        double[] logits = new double[data.size() * 3];
        s.outputs(model.inputs(data), logits);
        double[] classes = Loss.CROSS_ENTROPY.targets(data);
        return new double[] {Loss.CROSS_ENTROPY.value(logits, classes), Loss.accuracy(logits, classes)};
    }

    @Test
    void bothEnginesReproduceTheReference() {
        assertEquals(100, (int) number(json.get("steps")));
        assertEquals(0.5, number(json.get("lr")));
        Dataset data = data();
        double[] initial = evaluate(model(), data);
        System.out.printf("W3 initial: loss %.10f accuracy %.6f%n", initial[0], initial[1]);
        assertEquals(INITIAL_LOSS, initial[0], 1e-10);
        assertEquals(INITIAL_ACCURACY, initial[1], 1e-12);
        for (boolean batched : new boolean[] {true, false}) {
            Trainer t = new Trainer(model(), data, Loss.CROSS_ENTROPY, new Optimizer.Sgd(), new Rng(1));
            t.learningRate = 0.5;
            t.batched = batched;
            Trainer.Result first = t.step();
            assertEquals(INITIAL_LOSS, first.loss, 1e-10, "the first step's loss is the initial model's");
            assertEquals(INITIAL_ACCURACY, first.accuracy, 1e-12);
            for (int k = 1; k < 100; k++) {
                t.step();
            }
            double[] after = evaluate(t.model, data);
            System.out.printf("W3 %s after 100 steps: loss %.10f accuracy %.6f%n", batched ? "batched" : "scalar ", after[0], after[1]);
            assertEquals(FINAL_LOSS, after[0], 1e-10);
            assertEquals(FINAL_ACCURACY, after[1], 1e-6);
        }
    }

    private static double number(Object o) {
        return (Double) o;
    }
}

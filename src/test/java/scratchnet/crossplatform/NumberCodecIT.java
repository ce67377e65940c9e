package scratchnet.crossplatform;

import scratchnet.playground.session.PointEdits;
import scratchnet.playground.settings.Settings;
import scratchnet.playground.share.ModelFile;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.TeaVMTestRunner;
import org.teavm.junit.WholeClassCompilation;
import scratchnet.data.Dataset;
import scratchnet.data.Point;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.engine.Value;
import scratchnet.io.Decimal;
import scratchnet.io.Format;
import scratchnet.io.Json;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;
import scratchnet.train.Loss;
import scratchnet.train.Optimizer;
import scratchnet.train.Trainer;

/**
 * The one number codec ({@link Decimal#text} and {@link Decimal#parse}, which {@link Format#number}
 * and {@link Json} use) gives back every bit of every double on the JVM, as JS and as Wasm GC, and
 * so does a model file of a trained six-hidden-layer network. TeaVM 0.16's own
 * {@code Double.parseDouble} and {@code Double.toString} would not (see {@link Decimal}).
 */
@RunWith(TeaVMTestRunner.class)
@WholeClassCompilation
public class NumberCodecIT {
    private static final long SIGN = 0x8000000000000000L;

    /** The edges: ±0, the smallest subnormal and normal, the largest double, 2^53 and its neighbours, ±1e308. */
    static final long[] EDGES = {0x0L, SIGN, 0x1L, 0x1L | SIGN, 0x000FFFFFFFFFFFFFL, 0x0010000000000000L,
        0x7FEFFFFFFFFFFFFFL, 0xFFEFFFFFFFFFFFFFL, 0x4340000000000000L, 0x433FFFFFFFFFFFFFL, 0x4340000000000001L,
        0x7FE1CCF385EBC8A0L, 0xFFE1CCF385EBC8A0L, 0x3FB999999999999AL, 0x3FAEDD5C6BDFFE60L, 0x430C6BF526340000L};

    @Test
    public void aHundredThousandDoublesRoundTripBitForBit() {
        Rng rng = new Rng(18);
        int count = 0;
        for (long bits : EDGES) {
            assertRoundTrips(Double.longBitsToDouble(bits));
            count++;
        }
        for (int k = -323; k <= 308; k++) {
            long power = Double.doubleToRawLongBits(Decimal.parse("1e" + k));
            assertRoundTrips(Double.longBitsToDouble(power));
            assertRoundTrips(Double.longBitsToDouble(power + 1));
            assertRoundTrips(Double.longBitsToDouble(power - 1));
            count += 3;
        }
        while (count < 100_000) {
            assertRoundTrips(random(rng));
            count++;
        }
        assertEquals("2", Format.number(2.0));
        assertEquals("0.1", Format.number(0.1));
        assertEquals("-0", Format.number(Double.longBitsToDouble(SIGN)));
        assertEquals("NaN", Format.number(Double.NaN));
    }

    /** One double of the kinds a file holds and the kinds that are hard to convert. */
    static double random(Rng rng) {
        long sign = rng.nextInt(2) == 0 ? 0 : SIGN; // by its bit: TeaVM's Wasm GC negates 0 as 0.0 - x
        switch (rng.nextInt(7)) {
            case 0: { // any bit pattern
                double v = Double.longBitsToDouble(rng.nextLong());
                return Double.isFinite(v) ? v : 0.5;
            }
            case 1: // a subnormal
                return Double.longBitsToDouble(rng.nextLong() & 0x000FFFFFFFFFFFFFL | sign);
            case 2: { // 17 significant digits
                String digits = Long.toString(10_000_000_000_000_000L + (rng.nextLong() >>> 1) % 90_000_000_000_000_000L);
                return Decimal.parse((sign != 0 ? "-" : "") + digits.charAt(0) + "." + digits.substring(1) + "e" + (rng.nextInt(615) - 307));
            }
            case 3: // an integer near 2^53, or near 10^15 where Format.number stops writing whole numbers
                return (rng.nextInt(2) == 0 ? 9007199254740992L : 1_000_000_000_000_000L) + rng.nextInt(2001) - 1000;
            case 4: // a weight
                return rng.uniform(-1, 1) * (rng.nextInt(4) == 0 ? Math.pow(10, rng.nextInt(20) - 10) : 1);
            case 5: // a short decimal, as people type them
                return Decimal.parse((rng.nextInt(200001) - 100000) + "e" + (rng.nextInt(13) - 9));
            default: // near the ends of the range
                return Double.longBitsToDouble((rng.nextInt(2) == 0 ? 0x7FEFFFFFFFFFFFFFL - rng.nextInt(1 << 20) : rng.nextInt(1 << 20) + 0x0010000000000000L - (1 << 19)) | sign);
        }
    }

    private static void assertRoundTrips(double v) {
        String s = Decimal.text(v);
        assertEquals(s, Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(Decimal.parse(s)));
        assertEquals(s, Format.number(v));
    }

    @Test
    public void jsonCarriesEveryBit() throws Json.JsonException {
        Rng rng = new Rng(53);
        double[] numbers = new double[5000];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = random(rng);
        }
        List<?> back = (List<?>) Json.parse(Json.write(numbers));
        for (int i = 0; i < numbers.length; i++) {
            assertEquals("number " + i, Double.doubleToRawLongBits(numbers[i]), Double.doubleToRawLongBits((Double) back.get(i)));
        }
        assertEquals("[-0,2,0.1,1.0E-7,-123456.789]", Json.write(new double[] {Double.longBitsToDouble(SIGN), 2, 0.1, 1e-7, -123456.789}));
    }

    @Test
    public void aTrainedDeepModelFileReadsBackBitForBit() throws ModelFile.InvalidModel {
        Settings settings = Settings.fromHash("data=moons&layers=32,32,32,32,32,32").settings;
        Rng rng = new Rng(6);
        Dataset train = Dataset.generate(Shape.MOONS, 40, 0.1, rng);
        Dataset test = Dataset.generate(Shape.MOONS, 10, 0.1, rng);
        MLP model = new MLP(settings.features, new int[] {32, 32, 32, 32, 32, 32, 1}, Activation.TANH, Activation.TANH, rng);
        Trainer trainer = new Trainer(model, train, Loss.MEAN_SQUARED, new Optimizer.Adam(0.9, 0.999, 1e-8), rng);
        trainer.learningRate = 0.01;
        for (int k = 0; k < 3; k++) {
            trainer.step();
        }
        String text = ModelFile.write(settings, new PointEdits(), model, train, test, trainer.steps());
        ModelFile.Contents back = ModelFile.read(text);

        List<Value> written = model.parameters();
        List<Value> read = back.model.parameters();
        assertEquals(6 * 32 + 1, back.model.layers.stream().mapToInt(l -> l.nout()).sum());
        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++) {
            assertEquals("parameter " + i, Double.doubleToRawLongBits(written.get(i).data), Double.doubleToRawLongBits(read.get(i).data));
        }
        assertSamePoints(train, back.train);
        assertSamePoints(test, back.test);
        assertEquals(3, back.step);
        assertEquals(text, ModelFile.write(back.settings, new PointEdits(), back.model, back.train, back.test, back.step));
    }

    private static void assertSamePoints(Dataset written, Dataset read) {
        assertEquals(written.size(), read.size());
        List<Long> a = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            Point p = written.points.get(i);
            Point q = read.points.get(i);
            a.add(Double.doubleToRawLongBits(p.x));
            a.add(Double.doubleToRawLongBits(p.y));
            b.add(Double.doubleToRawLongBits(q.x));
            b.add(Double.doubleToRawLongBits(q.y));
            assertTrue("label of point " + i, p.label == q.label);
        }
        assertEquals(a, b);
    }
}

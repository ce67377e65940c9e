package scratchnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import scratchnet.data.Dataset;
import scratchnet.data.Rng;
import scratchnet.data.Shape;
import scratchnet.nn.Activation;
import scratchnet.nn.MLP;

/** Each schedule's rate at chosen steps, computed by hand; the trainer's updates use them. */
class ScheduleTest {
    @Test
    void constantIsTheBaseRateExactly() {
        for (int k : new int[] {0, 1, 99, 100000}) {
            assertEquals(0.3, Schedule.CONSTANT.rate(0.3, k), 0);
        }
    }

    @Test
    void stepDecayMultipliesByTheFactorEveryNSteps() {
        Schedule s = new Schedule(Schedule.Kind.STEP, 10, 0.5, 0);
        assertEquals(0.8, s.rate(0.8, 0), 0);
        assertEquals(0.8, s.rate(0.8, 9), 0);
        assertEquals(0.4, s.rate(0.8, 10), 0);
        assertEquals(0.4, s.rate(0.8, 19), 0);
        assertEquals(0.1, s.rate(0.8, 35), 0);
    }

    @Test
    void exponentialIsTheSmoothStepDecay() {
        Schedule s = new Schedule(Schedule.Kind.EXP, 10, 0.5, 0);
        assertEquals(0.8, s.rate(0.8, 0), 0);
        assertEquals(0.8 * Math.sqrt(0.5), s.rate(0.8, 5), 1e-15);
        assertEquals(0.4, s.rate(0.8, 10), 1e-15);
        assertEquals(0.8 * Math.exp(-Math.log(2) / 10 * 23), s.rate(0.8, 23), 1e-15, "e^(-rate k), rate = ln 2 / 10");
    }

    @Test
    void cosineGoesFromTheBaseToItsFloorAndStays() {
        Schedule s = new Schedule(Schedule.Kind.COSINE, 100, 0.1, 0);
        assertEquals(1.0, s.rate(1.0, 0), 0);
        assertEquals(0.55, s.rate(1.0, 50), 1e-15, "half way: the mean of 1 and 0.1");
        assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, s.rate(1.0, 25), 1e-15);
        assertEquals(0.1, s.rate(1.0, 100), 1e-15);
        assertEquals(0.1, s.rate(1.0, 5000), 1e-15);
        assertEquals(0, new Schedule(Schedule.Kind.COSINE, 100, 0, 0).rate(1.0, 100), 1e-16, "to 0");
    }

    @Test
    void microgradsDemoScheduleIgnoresTheBaseRateAndStopsAtATenth() {
        Schedule s = new Schedule(Schedule.Kind.MICROGRAD, 100, 0.5, 0);
        assertEquals(1.0, s.rate(0.003, 0), 0);
        assertEquals(1.0 - 0.9 * 37 / 100, s.rate(0.003, 37), 0, "micrograd: learning_rate = 1.0 - 0.9*k/100");
        assertEquals(1.0 - 0.9 * 99 / 100, s.rate(0.003, 99), 0);
        assertEquals(0.1, s.rate(0.003, 100), 1e-15);
        assertEquals(0.1, s.rate(0.003, 1000), 1e-15);
    }

    @Test
    void warmUpRampsLinearlyThenLeavesTheScheduleAlone() {
        Schedule s = new Schedule(Schedule.Kind.STEP, 10, 0.5, 4);
        assertEquals(0.2, s.rate(0.8, 0), 1e-15);
        assertEquals(0.4, s.rate(0.8, 1), 1e-15);
        assertEquals(0.8, s.rate(0.8, 3), 1e-15);
        assertEquals(0.8, s.rate(0.8, 4), 0);
        assertEquals(0.4, s.rate(0.8, 10), 0, "the schedule's clock is not shifted by the warm-up");
    }

    @Test
    void badSchedulesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(Schedule.Kind.STEP, 0, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(Schedule.Kind.STEP, 1, 1.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(Schedule.Kind.STEP, 1, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(Schedule.Kind.STEP, 1, 0.5, -1));
    }

    @Test
    void theTrainerUpdatesWithTheScheduledRateDividedByTheDecay() {
        Rng rng = new Rng(3);
        Dataset data = Dataset.generate(Shape.MOONS, 40, 0.1, rng);
        MLP model = new MLP(2, new int[] {4, 1}, Activation.TANH, Activation.TANH, rng);
        Trainer t = new Trainer(model, data, Loss.MEAN_SQUARED, new Optimizer.Sgd(), rng);
        t.learningRate = 0.5;
        t.schedule = new Schedule(Schedule.Kind.STEP, 3, 0.5, 2);
        t.decay = 0.1;
        for (int k = 0; k < 8; k++) {
            double expected = t.schedule.rate(0.5, k) / (1 + 0.1 * k);
            assertEquals(expected, t.currentLearningRate(), 0);
            double[] before = new double[model.parameters().size()];
            for (int i = 0; i < before.length; i++) {
                before[i] = model.parameters().get(i).data;
            }
            t.step();
            assertEquals(expected, t.lastLearningRate(), 0);
            double[] update = t.lastUpdate();
            for (int i = 0; i < before.length; i++) {
                // sgd: before − after = lr · grad
                assertEquals(expected * model.parameters().get(i).grad, update[i], 1e-15, "step " + k + " parameter " + i);
            }
        }
    }
}

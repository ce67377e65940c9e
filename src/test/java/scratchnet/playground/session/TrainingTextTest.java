package scratchnet.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import scratchnet.train.Schedule;
import scratchnet.train.StopRule;

/** The sentences the page shows for the stop rules and the schedules, from the core's numbers. */
class TrainingTextTest {
    @Test
    void eachStopRuleSaysWhyItStopped() {
        StopRule epochs = new StopRule();
        epochs.epochs = 3;
        assertEquals("stopped: 3 epochs done at step 15", TrainingText.stopped(epochs.check(15, 3, () -> 1, true, () -> 1)));
        epochs.restart();
        epochs.epochs = 1;
        assertEquals("stopped: 1 epoch done at step 5", TrainingText.stopped(epochs.check(5, 1, () -> 1, true, () -> 1)));

        StopRule loss = new StopRule();
        loss.belowLoss = 0.01;
        assertEquals("stopped: train loss 0.0098 fell below 0.01 at step 341",
                TrainingText.stopped(loss.check(341, 341, () -> 0.0098, true, () -> 1)));

        StopRule patience = new StopRule();
        patience.patience = 2;
        double[] test = {0.5, 0.4, 0.41, 0.40};
        StopRule.Stop stop = null;
        for (int epoch = 1; epoch <= test.length; epoch++) {
            double t = test[epoch - 1];
            stop = patience.check(epoch * 4, epoch, () -> 1, true, () -> t);
        }
        assertEquals("stopped: test loss has not improved on 0.4000 (epoch 2) for 2 epochs, at step 16",
                TrainingText.stopped(stop));
        patience.restart();
        patience.patience = 1;
        patience.check(1, 1, () -> 1, true, () -> 0.5);
        assertEquals("stopped: test loss has not improved on 0.5000 (epoch 1) for 1 epoch, at step 2",
                TrainingText.stopped(patience.check(2, 2, () -> 1, true, () -> 0.5)));
    }

    @Test
    void formulasSayWhatTheyCompute() {
        assertEquals("lr", TrainingText.formula(Schedule.CONSTANT));
        assertEquals("lr · 0.5^⌊k/100⌋", TrainingText.formula(new Schedule(Schedule.Kind.STEP, 100, 0.5, 0)));
        assertEquals("lr · 0.9^(k/20)", TrainingText.formula(new Schedule(Schedule.Kind.EXP, 20, 0.9, 0)));
        assertEquals("cosine from lr to lr · 0.05 over 250 steps, warm-up over 10 steps",
                TrainingText.formula(new Schedule(Schedule.Kind.COSINE, 250, 0.05, 10)));
        assertEquals("1.0 − 0.9 · min(k, 100)/100, warm-up over 5 steps",
                TrainingText.formula(new Schedule(Schedule.Kind.MICROGRAD, 100, 0.5, 5)));
    }
}

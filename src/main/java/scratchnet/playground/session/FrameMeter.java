package scratchnet.playground.session;

import scratchnet.io.Format;

/**
 * What the page's footer says about its own speed: the last frame's training steps and costs,
 * and while playing the frame rate, smoothed over about ten frames.
 */
public final class FrameMeter {
    private double lastFrameAt;
    private double interval; // smoothed ms between frames while playing
    private int steps;
    private double trainMs;
    private double paintMs;
    private boolean playing;

    /** Play started or stopped: the next interval is measured afresh. */
    public void restart() {
        lastFrameAt = 0;
    }

    /**
     * One frame began at {@code start} (ms), trained {@code steps} steps until {@code trained},
     * and painted until {@code painted}.
     */
    public void frame(boolean playing, double start, int steps, double trained, double painted) {
        this.playing = playing;
        if (playing) {
            if (lastFrameAt > 0) {
                double gap = start - lastFrameAt;
                interval = interval == 0 ? gap : 0.9 * interval + 0.1 * gap;
            }
            lastFrameAt = start;
        }
        this.steps = steps;
        trainMs = trained - start;
        paintMs = painted - trained;
    }

    /** E.g. "last frame: 2 steps in 0.3 ms, painting 1.6 ms · 60 fps". */
    public String text() {
        String text = "last frame: " + steps + " steps in " + Format.fixed(trainMs, 1) + " ms, painting "
                + Format.fixed(paintMs, 1) + " ms";
        if (playing && interval > 0) {
            text += " · " + Format.fixed(1000 / interval, 0) + " fps";
        }
        return text;
    }
}

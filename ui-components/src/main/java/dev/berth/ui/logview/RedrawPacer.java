package dev.berth.ui.logview;

import javafx.animation.AnimationTimer;

/**
 * How often a {@link LineFlow} redraws while lines stream in: at most {@value #STREAM_FPS} times a
 * second, and {@value #FLOOD_FPS} times during a flood. Nobody reads faster, and in software
 * rendering each full redraw costs the render thread (and the FX thread waits for it).
 */
final class RedrawPacer {

    static final int STREAM_FPS = 30;
    private static final long STREAM_FRAME_NANOS = 1_000_000_000L / STREAM_FPS;
    static final int FLOOD_FPS = 10;
    private static final long FLOOD_FRAME_NANOS = 1_000_000_000L / FLOOD_FPS;
    private static final int FLOOD_LINES = 200;

    private final Runnable redraw;
    private int linesSinceDraw;
    private long lastDraw;
    private boolean redrawPending;
    private final AnimationTimer redrawLater = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (due()) {
                stop();
                redrawPending = false;
                redraw.run();
            }
        }
    };

    RedrawPacer(Runnable redraw) {
        this.redraw = redraw;
    }

    /** Lines were added (or dropped, or filtered): redraws now if a frame is due, else once it is. */
    void linesChanged(int added) {
        linesSinceDraw += added;
        if (due()) {
            redraw.run();
        } else if (!redrawPending) {
            redrawPending = true;
            redrawLater.start();
        }
    }

    /** The flow draws now; the next frame is counted from here. */
    void drawing() {
        lastDraw = System.nanoTime();
        linesSinceDraw = 0;
    }

    private boolean due() {
        // A flood (more than a screenful a frame) is unreadable anyway: redraw it less often.
        long interval = linesSinceDraw > FLOOD_LINES ? FLOOD_FRAME_NANOS : STREAM_FRAME_NANOS;
        return System.nanoTime() - lastDraw >= interval;
    }
}

package dev.berth.app.concurrent;

import javafx.application.Platform;

/** Where results are handed to the UI: the FX thread in the app, the calling thread in tests. */
@FunctionalInterface
public interface UiThread {

    void run(Runnable action);

    static UiThread fx() {
        return Platform::runLater;
    }

    static UiThread direct() {
        return Runnable::run;
    }
}

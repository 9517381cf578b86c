package dev.berth.app;

import javafx.application.Application;

/**
 * Entry point. Separate from {@link BerthApp} so the app starts from a plain class path, where
 * JavaFX refuses to launch a main class that extends Application.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(BerthApp.class, args);
    }
}

package dev.berth.app;

import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Entry point. Separate from {@link BerthApp} so the app starts from a plain class path, where
 * JavaFX refuses to launch a main class that extends Application.
 */
public final class Main {

    /** Held so the level sticks: java.util.logging keeps loggers weakly. */
    private static final Logger HTTP_CLIENT_LOG = Logger.getLogger("org.apache.hc");

    private Main() {
    }

    public static void main(String[] args) {
        // The HTTP client logs every retried request at INFO; an engine restart is not news.
        HTTP_CLIENT_LOG.setLevel(Level.WARNING);
        BerthApp.connectEarly();
        Application.launch(BerthApp.class, args);
    }
}

package dev.berth.app.common;

import dev.berth.engine.ErrorMessages;

/**
 * Shows short messages to the user (the shell draws them as toasts). Failures always go through
 * {@link #error(String, Throwable)}, so every error is worded by {@link ErrorMessages}.
 */
public interface Notifier {

    /** Drops every message; for code that runs before a window exists. */
    static Notifier silent() {
        return new Notifier() {
            @Override
            public void info(String message) {
            }

            @Override
            public void show(String title, String message, boolean isError) {
            }
        };
    }

    void info(String message);

    void show(String title, String message, boolean isError);

    /** "Could not stop web" + the engine's own reason. Call on the UI thread. */
    default void error(String title, Throwable cause) {
        show(title, ErrorMessages.describe(cause), true);
    }
}

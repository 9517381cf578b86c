package dev.berth.app.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Opens addresses in the user's web browser. The application installs its host services at
 * start; tests install a recorder to see what would have been opened.
 */
public final class Browser {

    private static final Logger LOG = Logger.getLogger(Browser.class.getName());
    private static volatile Consumer<String> opener = url -> LOG.info(() -> "No browser to open " + url);

    private Browser() {
    }

    /** Sets what opening an address does (e.g. {@code getHostServices()::showDocument}). */
    public static void use(Consumer<String> newOpener) {
        opener = Objects.requireNonNull(newOpener);
    }

    public static void open(String url) {
        opener.accept(url);
    }
}

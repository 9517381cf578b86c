package dev.berth.app.common;

/** Takes the user from one page to another's item: the main window implements it. */
@FunctionalInterface
public interface Navigator {

    /** Nowhere to go (a view shown on its own, as in tests). */
    Navigator NONE = project -> { };

    /** Opens the Compose page on a stack. */
    void showStack(String project);
}

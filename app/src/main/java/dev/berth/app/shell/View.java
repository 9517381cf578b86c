package dev.berth.app.shell;

import javafx.scene.Node;

/** A page shown in the main window's content area. Closing it releases its streams and listeners. */
public interface View extends AutoCloseable {

    Node node();

    @Override
    default void close() {
    }
}

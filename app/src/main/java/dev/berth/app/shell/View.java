package dev.berth.app.shell;

import javafx.scene.Node;

/** A page shown in the main window's content area. Closing it releases its streams and listeners. */
public interface View extends AutoCloseable {

    Node node();

    /** Shows one of the page's items (a stack by its project name, say); pages without items ignore it. */
    default void reveal(String item) {
    }

    @Override
    default void close() {
    }
}

package dev.berth.app.common;

import dev.berth.ui.keyvalue.KeyValueEditor;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Dialog;

/** A dialog's window does not grow with its content by itself. */
public final class DialogSizing {

    private DialogSizing() {
    }

    /** Grows {@code dialog} as rows are added to {@code editors}, so its buttons stay in view. */
    public static void growWith(Dialog<?> dialog, KeyValueEditor... editors) {
        ListChangeListener<KeyValueEditor.Entry> grow = c -> Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        for (KeyValueEditor editor : editors) {
            editor.getEntries().addListener(grow);
        }
    }
}

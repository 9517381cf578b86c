package dev.berth.app.theme;

import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.stage.Window;

/**
 * Gives a dialog or secondary window the look of the window that owns it: Berth's stylesheet and
 * the dark switch (JavaFX dialogs have scenes of their own, which do not inherit either).
 */
public final class DialogTheme {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private DialogTheme() {
    }

    public static void adopt(Window owner, Parent root) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        root.getStylesheets().addAll(owner.getScene().getStylesheets());
        root.pseudoClassStateChanged(DARK, owner.getScene().getRoot().getPseudoClassStates().contains(DARK));
    }
}

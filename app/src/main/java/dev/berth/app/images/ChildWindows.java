package dev.berth.app.images;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Gives a window opened from the main one the same stylesheets and light/dark state. */
final class ChildWindows {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private ChildWindows() {
    }

    static void styleLike(Stage stage, Scene scene, Window owner) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        Scene parent = owner.getScene();
        scene.getStylesheets().setAll(parent.getStylesheets());
        scene.getRoot().pseudoClassStateChanged(DARK, parent.getRoot().getPseudoClassStates().contains(DARK));
        stage.initOwner(owner);
    }
}

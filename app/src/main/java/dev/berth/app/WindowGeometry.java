package dev.berth.app;

import java.util.prefs.Preferences;
import javafx.stage.Stage;

/** Remembers the window's size, position and maximised state between runs. */
final class WindowGeometry {

    private final Preferences prefs;

    WindowGeometry(Preferences prefs) {
        this.prefs = prefs;
    }

    double width() {
        return prefs.getDouble("window.width", 1200);
    }

    double height() {
        return prefs.getDouble("window.height", 760);
    }

    void restore(Stage stage) {
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(prefs.getBoolean("window.maximized", false));
        stage.setOnHiding(e -> save(stage));
    }

    private static boolean onSomeScreen(double x, double y) {
        return !javafx.stage.Screen.getScreensForRectangle(x, y, 100, 50).isEmpty();
    }

    private void save(Stage stage) {
        prefs.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
        }
    }
}

package dev.berth.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

/**
 * Light and dark themes: AtlantaFX's Primer as the user-agent stylesheet, Berth's own rules on
 * top, and a {@code :dark} pseudo-class on the root for the few rules that differ.
 */
public final class ThemeManager {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String APP_CSS = Objects.requireNonNull(
            ThemeManager.class.getResource("berth.css")).toExternalForm();
    private static final String PREF_DARK = "theme.dark";

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Preferences prefs;

    /** @param prefs where the choice is remembered, or null not to remember it */
    public ThemeManager(Preferences prefs) {
        this.prefs = prefs;
        dark.set(prefs != null && prefs.getBoolean(PREF_DARK, false));
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** Styles the scene now and whenever the dark switch changes. */
    public void install(Scene scene) {
        scene.getStylesheets().add(APP_CSS);
        apply(scene);
        dark.addListener((obs, was, now) -> {
            apply(scene);
            if (prefs != null) {
                prefs.putBoolean(PREF_DARK, now);
            }
        });
    }

    private void apply(Scene scene) {
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getRoot().pseudoClassStateChanged(DARK, dark.get());
    }
}

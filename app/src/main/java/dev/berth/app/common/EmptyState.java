package dev.berth.app.common;

import dev.berth.app.theme.Css;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** What an empty list shows instead of blank rows: an icon over a line or two saying why. */
public final class EmptyState {

    static final String DISCONNECTED = "Not connected to the engine.\nThe list fills in once it answers again.";

    private EmptyState() {
    }

    public static Node of(Ikon icon, String text) {
        return box(new FontIcon(icon), new Label(text));
    }

    /**
     * An engine's list: says {@code text} while {@code connected}, and that the engine is away
     * otherwise (an empty list then says nothing about the engine's contents).
     */
    public static Node of(Ikon icon, String text, ObservableBooleanValue connected) {
        Label label = new Label();
        label.textProperty().bind(Bindings.when(connected).then(text).otherwise(DISCONNECTED));
        FontIcon glyph = new FontIcon();
        glyph.iconCodeProperty().bind(Bindings.when(connected).then(icon).otherwise((Ikon) Material2AL.CLOUD_OFF));
        return box(glyph, label);
    }

    private static Node box(FontIcon glyph, Label label) {
        label.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        label.setWrapText(true);
        glyph.getStyleClass().add(Css.PLACEHOLDER_ICON);
        VBox box = new VBox(8, glyph, label);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}

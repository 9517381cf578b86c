package dev.berth.app.common;

import dev.berth.app.theme.Css;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** What an empty list shows instead of blank rows: an icon over a line or two saying why. */
public final class EmptyState {

    private EmptyState() {
    }

    public static Node of(Ikon icon, String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        label.setWrapText(true);
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add(Css.PLACEHOLDER_ICON);
        VBox box = new VBox(8, glyph, label);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}

package dev.berth.app.shell;

import dev.berth.app.theme.Css;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Placeholder for a section that a later release fills in. */
final class ComingSoonView implements View {

    private final VBox root;

    ComingSoonView(Section section, String description) {
        FontIcon icon = new FontIcon(section.icon());
        icon.getStyleClass().add(Css.COMING_SOON_ICON);
        Label title = new Label(section.title());
        title.getStyleClass().add(Css.VIEW_TITLE);
        Label text = new Label(description);
        text.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        text.setWrapText(true);
        text.setMaxWidth(460);
        Label soon = new Label("Coming soon");
        soon.getStyleClass().add(Css.COMING_SOON_TAG);
        root = new VBox(12, icon, title, text, soon);
        root.setAlignment(Pos.CENTER);
        root.setId("coming-soon-" + section.name().toLowerCase());
    }

    @Override
    public Node node() {
        return root;
    }
}

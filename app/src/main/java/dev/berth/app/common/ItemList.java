package dev.berth.app.common;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * A confirmation's "these will go" list: an intro line over every item (long ones wrap),
 * scrolling past about ten lines, so a question about 40 volumes still shows each of them. The
 * box holding the items' labels has the id {@code item-list}.
 */
public final class ItemList {

    private static final int SCROLL_AFTER = 8;
    private static final double SCROLL_HEIGHT = 240;

    private ItemList() {
    }

    public static Node of(String intro, List<String> items) {
        Label first = new Label(intro);
        first.setWrapText(true);
        VBox lines = new VBox(4);
        lines.setId("item-list");
        lines.setPadding(new Insets(6, 8, 6, 8));
        for (String item : items) {
            Label line = new Label(item);
            line.setWrapText(true);
            line.getStyleClass().add("monospace");
            lines.getChildren().add(line);
        }
        Node shown = lines;
        if (items.size() > SCROLL_AFTER) {
            ScrollPane scroll = new ScrollPane(lines);
            scroll.setFitToWidth(true);
            scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            scroll.setPrefViewportHeight(SCROLL_HEIGHT);
            shown = scroll;
        }
        VBox box = new VBox(6, first, shown);
        box.setPadding(new Insets(8, 14, 4, 14));
        box.setPrefWidth(560);
        return box;
    }

    /** The items a dialog's list shows, for tests and accessibility checks. */
    public static List<String> items(Node dialogContent) {
        Node list = dialogContent.lookup("#item-list");
        return list == null ? List.of()
                : ((VBox) list).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}

package dev.berth.app.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import dev.berth.app.common.Notifier;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Toasts in the window's lower right corner. Errors stay longer than information and both can be
 * closed; at most a handful are stacked so a burst of failures cannot cover the window.
 */
final class ToastNotifier implements Notifier {

    private static final int MAX_VISIBLE = 4;

    private final VBox layer = new VBox(8);

    ToastNotifier() {
        layer.setId("toasts");
        layer.setAlignment(Pos.BOTTOM_RIGHT);
        layer.setPickOnBounds(false);
        layer.setPadding(new Insets(16, 16, 40, 16));
        layer.setMaxWidth(Double.MAX_VALUE);
    }

    VBox layer() {
        return layer;
    }

    @Override
    public void info(String message) {
        show(null, message, false);
    }

    @Override
    public void show(String title, String message, boolean isError) {
        String text = title == null ? message : title + "\n" + message;
        Notification toast = new Notification(text,
                new FontIcon(isError ? Material2OutlinedAL.ERROR_OUTLINE : Material2AL.INFO));
        toast.getStyleClass().addAll(Styles.ELEVATED_1, isError ? Styles.DANGER : Styles.ACCENT, "toast");
        toast.setPrefWidth(380);
        toast.setMaxWidth(380);
        toast.setMaxHeight(Label.USE_PREF_SIZE);
        toast.setOnClose(e -> layer.getChildren().remove(toast));
        if (layer.getChildren().size() >= MAX_VISIBLE) {
            layer.getChildren().remove(0);
        }
        layer.getChildren().add(toast);
        PauseTransition life = new PauseTransition(Duration.seconds(isError ? 12 : 5));
        life.setOnFinished(e -> layer.getChildren().remove(toast));
        life.play();
    }
}

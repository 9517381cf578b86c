package dev.berth.app.logs;

import dev.berth.app.common.AppServices;
import dev.berth.logs.MergedLogs;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Several containers' logs merged in a window of their own (a compose stack's, or a selection of
 * containers), styled like the window it opens from. Closing the window closes the streams.
 *
 * <pre>{@code
 * LogsWindow.open(services, ownerWindow, "shop (compose)", List.of(
 *         new MergedLogs.Source(webId, "web"), new MergedLogs.Source(dbId, "db")));
 * }</pre>
 */
public final class LogsWindow {

    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private LogsWindow() {
    }

    public static Stage open(AppServices services, Window owner, String title, List<MergedLogs.Source> sources) {
        AggregatedLogsPane pane = new AggregatedLogsPane(services, sources);
        Scene scene = new Scene((Parent) pane.node(), 1100, 680);
        if (owner != null && owner.getScene() != null) {
            // Same stylesheets and light/dark choice as the window it opens from.
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().pseudoClassStateChanged(DARK,
                    owner.getScene().getRoot().getPseudoClassStates().contains(DARK));
        }
        Stage stage = new Stage();
        stage.setTitle("Logs \u00b7 " + title);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(e -> pane.close());
        stage.show();
        return stage;
    }
}

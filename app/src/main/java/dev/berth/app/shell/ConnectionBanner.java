package dev.berth.app.shell;

import dev.berth.engine.ConnectionAttempt;
import dev.berth.engine.ConnectionState;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Shown above the views while no engine answers: what Berth tried, why each failed, and that it
 * keeps retrying. Hidden while connected.
 */
final class ConnectionBanner extends VBox {

    private final GridPane attempts = new GridPane();

    ConnectionBanner(ConnectionViewModel model) {
        setId("connection-banner");
        getStyleClass().add("connection-banner");
        Label title = new Label("No container engine answers. Berth keeps retrying.");
        title.getStyleClass().add("banner-title");
        title.setGraphic(new FontIcon(Material2AL.CLOUD_OFF));
        Button retry = new Button("Retry now", new FontIcon(Material2MZ.REFRESH));
        retry.setId("retry-now");
        retry.setOnAction(e -> model.retryNow());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, title, spacer, retry);
        header.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("Start Docker (or Podman), or set DOCKER_HOST to the engine's address.");
        hint.getStyleClass().add("banner-hint");
        attempts.setHgap(12);
        attempts.setVgap(2);
        attempts.getStyleClass().add("banner-attempts");
        setSpacing(6);
        setPadding(new Insets(10, 16, 10, 16));
        getChildren().addAll(header, attempts, hint);

        model.stateProperty().addListener((obs, old, state) -> show(state));
        model.attempts().addListener((javafx.collections.ListChangeListener<ConnectionAttempt>) c -> fill(model));
        show(model.stateProperty().get());
        fill(model);
    }

    private void show(ConnectionState state) {
        boolean visible = state.phase() == ConnectionState.Phase.DISCONNECTED;
        setVisible(visible);
        setManaged(visible);
    }

    private void fill(ConnectionViewModel model) {
        attempts.getChildren().clear();
        int row = 0;
        for (ConnectionAttempt attempt : model.attempts()) {
            Label where = new Label(attempt.endpoint().uri());
            where.getStyleClass().add("attempt-uri");
            Label source = new Label(attempt.endpoint().source());
            source.getStyleClass().add("attempt-source");
            Label why = new Label(attempt.failure());
            why.getStyleClass().add("attempt-failure");
            attempts.addRow(row++, where, source, why);
        }
    }
}

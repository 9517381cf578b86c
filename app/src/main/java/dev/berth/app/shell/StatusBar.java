package dev.berth.app.shell;

import dev.berth.engine.ConnectionState;
import java.time.Instant;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.util.Duration;

/** Bottom bar: connection state with a coloured dot, the engine, and its address. */
final class StatusBar extends HBox {

    private final Circle dot = new Circle(5);
    private final Label headline = new Label();
    private final Label engine = new Label();
    private final Label endpoint = new Label();
    private final Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
    private final ConnectionViewModel model;

    StatusBar(ConnectionViewModel model) {
        this.model = model;
        setId("status-bar");
        getStyleClass().add("status-bar");
        headline.setId("connection-state");
        engine.setId("engine-summary");
        endpoint.setId("engine-endpoint");
        engine.getStyleClass().add("status-engine");
        endpoint.getStyleClass().add("status-endpoint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));
        getChildren().addAll(dot, headline, engine, spacer, endpoint);
        countdown.setCycleCount(Timeline.INDEFINITE);
        model.stateProperty().addListener((obs, old, state) -> refresh());
        refresh();
    }

    private void refresh() {
        ConnectionState state = model.stateProperty().get();
        headline.setText(ConnectionViewModel.headline(state, Instant.now()));
        engine.setText(ConnectionViewModel.engineText(state));
        endpoint.setText(state.info() == null ? "" : state.info().endpoint().uri());
        dot.getStyleClass().setAll("status-dot", "status-" + state.phase().name().toLowerCase());
        if (state.phase() == ConnectionState.Phase.DISCONNECTED) {
            if (countdown.getStatus() != Timeline.Status.RUNNING) {
                countdown.play();
            }
        } else {
            countdown.stop();
        }
    }
}

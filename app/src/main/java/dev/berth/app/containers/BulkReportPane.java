package dev.berth.app.containers;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The outcome of a bulk action above the table: a summary line, then each container with a tick
 * or the engine's reason it failed. Stays until closed or replaced by the next report.
 */
final class BulkReportPane extends VBox {

    private final Label summary = new Label();
    private final VBox lines = new VBox(2);

    BulkReportPane() {
        setId("bulk-report");
        getStyleClass().add("bulk-report");
        summary.getStyleClass().add("bulk-report-summary");
        summary.setId("bulk-report-summary");
        Button close = new Button(null, new FontIcon(Material2AL.CLOSE));
        close.setId("bulk-report-close");
        close.getStyleClass().add("bulk-report-close");
        close.setTooltip(new Tooltip("Close"));
        close.setOnAction(e -> show(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, summary, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        // As tall as the lines, up to about seven of them; beyond that it scrolls.
        scroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(150, lines.getHeight()), lines.heightProperty()));
        scroll.getStyleClass().add("bulk-report-scroll");
        getChildren().addAll(header, scroll);
        setSpacing(6);
        setPadding(new Insets(8, 12, 8, 12));
        show(null);
    }

    /** Shows a report, or hides the pane for null. */
    void show(BulkReport report) {
        setVisible(report != null);
        setManaged(report != null);
        if (report == null) {
            lines.getChildren().clear();
            return;
        }
        boolean allGood = report.failures().isEmpty();
        pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, !allGood);
        pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_SUCCESS, allGood);
        summary.setText(report.summary());
        summary.setGraphic(new FontIcon(allGood ? Material2AL.CHECK_CIRCLE : Material2OutlinedAL.ERROR_OUTLINE));
        lines.getChildren().clear();
        // Failures first: they are what the user has to act on.
        report.outcomes().stream().sorted((a, b) -> Boolean.compare(a.succeeded(), b.succeeded()))
                .forEach(o -> lines.getChildren().add(line(report.action(), o)));
    }

    private static Label line(BulkAction action, BulkReport.Outcome outcome) {
        Label label = new Label(outcome.succeeded() ? outcome.name() + ": " + action.done().toLowerCase()
                : outcome.name() + ": " + outcome.failure(),
                new FontIcon(outcome.succeeded() ? Material2AL.CHECK : Material2MZ.WARNING));
        label.getStyleClass().addAll("bulk-report-line", outcome.succeeded() ? "succeeded" : "failed");
        label.setWrapText(true);
        return label;
    }
}

package dev.berth.app.images;

import dev.berth.app.theme.Css;
import dev.berth.ui.badge.Badge;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/** The build's steps as a table: a cache badge, the step, its time and what it produced (or its error). */
final class BuildStepTable {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass INTERNAL = PseudoClass.getPseudoClass("internal");

    private BuildStepTable() {
    }

    static TableView<StepRow> create(ObservableList<StepRow> steps) {
        TableView<StepRow> table = new TableView<>();
        table.setId("build-steps");
        table.setItems(steps);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label none = new Label("Steps appear here as the build runs.");
        none.getStyleClass().add(Css.PLACEHOLDER_TEXT);
        table.setPlaceholder(none);
        TableColumn<StepRow, StepRow> status = new TableColumn<>("Cache");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new CacheBadgeCell());
        status.setPrefWidth(80);
        status.setSortable(false);
        TableColumn<StepRow, String> step = new TableColumn<>("Step");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().step().title()));
        step.setPrefWidth(300);
        step.setSortable(false);
        TableColumn<StepRow, StepRow> time = new TableColumn<>("Time");
        time.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(StepRow row, boolean empty) {
                super.updateItem(row, empty);
                // Asked again on every refresh, so a running step's time keeps counting.
                setText(empty || row == null ? null : row.durationText(Instant.now()));
            }
        });
        time.setPrefWidth(64);
        time.setSortable(false);
        TableColumn<StepRow, String> layer = new TableColumn<>("Result");
        layer.setCellValueFactory(c -> new ReadOnlyStringWrapper(resultText(c.getValue())));
        layer.getStyleClass().add(Css.MONOSPACE);
        layer.setPrefWidth(190);
        layer.setSortable(false);
        table.getColumns().setAll(List.of(status, step, time, layer));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(StepRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FAILED, !empty && row != null && row.step().failed());
                pseudoClassStateChanged(INTERNAL, !empty && row != null && !row.step().isDockerfileStep());
                setTooltip(!empty && row != null && row.step().error() != null ? new Tooltip(row.step().error()) : null);
            }
        });
        return table;
    }

    private static String resultText(StepRow row) {
        if (row.step().error() != null) {
            return row.step().error();
        }
        if (row.step().producedId() != null) {
            return row.step().producedId();
        }
        return row.layer() == null ? "" : row.layer();
    }

    /** The step's status word as a coloured badge. */
    private static final class CacheBadgeCell extends TableCell<StepRow, StepRow> {
        private final Badge badge = new Badge();

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            String word = row.status();
            badge.setText(word);
            badge.setTone(switch (word) {
                case "cached" -> Badge.Tone.SUCCESS;
                case "failed" -> Badge.Tone.DANGER;
                case "running" -> Badge.Tone.ACCENT;
                case "built" -> Badge.Tone.WARNING;
                default -> Badge.Tone.NEUTRAL;
            });
            setGraphic(badge);
        }
    }
}

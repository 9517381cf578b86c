package dev.berth.app.logs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Tooltip;

/** The "how much history" choice of a logs pane, with "since a date…" asking for the date. */
final class HistoryPicker extends ComboBox<LogHistory> {

    private LogHistory previous = LogHistory.LAST_1000;
    private boolean adjusting;

    HistoryPicker(Consumer<LogHistory> onChange) {
        getItems().setAll(List.of(LogHistory.CHOICES));
        getItems().add(LogHistory.PICK_DATE);
        setValue(LogHistory.LAST_1000);
        setId("log-history");
        setTooltip(new Tooltip("How much of the log to load before following it"));
        setOnAction(e -> {
            LogHistory chosen = getValue();
            if (adjusting || chosen == null || chosen == previous) {
                return;
            }
            if (chosen == LogHistory.PICK_DATE) {
                Optional<LocalDate> day = askForDay();
                adjusting = true;
                try {
                    if (day.isEmpty()) {
                        setValue(previous);
                        return;
                    }
                    LogHistory since = LogHistory.sinceDay(day.get());
                    getItems().removeIf(h -> h.from() != null);
                    getItems().add(getItems().size() - 1, since);
                    setValue(since);
                    chosen = since;
                } finally {
                    adjusting = false;
                }
            }
            previous = chosen;
            onChange.accept(chosen);
        });
    }

    LogHistory history() {
        return previous;
    }

    private Optional<LocalDate> askForDay() {
        DatePicker picker = new DatePicker(LocalDate.now());
        picker.setId("log-since-day");
        Dialog<LocalDate> dialog = new Dialog<>();
        dialog.setTitle("Show the log since");
        dialog.setHeaderText("Load everything logged since the start of this day");
        dialog.getDialogPane().setContent(picker);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? picker.getValue() : null);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        return dialog.showAndWait();
    }
}

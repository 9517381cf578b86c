package dev.berth.app.images;

import javafx.collections.ListChangeListener;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The build's output, one line a row with errors marked; it follows the end while the build runs. */
final class BuildLog {

    private final ListView<BuildViewModel.LogLine> list = new ListView<>();
    private final BuildViewModel model;

    BuildLog(BuildViewModel model) {
        this.model = model;
        list.setId("build-log");
        list.setItems(model.log());
        list.getStyleClass().add("build-log");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(BuildViewModel.LogLine line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line.text());
                getStyleClass().remove("log-error");
                if (!empty && line != null && line.text().startsWith("ERROR: ")) {
                    getStyleClass().add("log-error");
                }
            }
        });
        model.log().addListener((ListChangeListener<BuildViewModel.LogLine>) change -> {
            if (!model.log().isEmpty() && model.stateProperty().get() == BuildViewModel.State.RUNNING) {
                list.scrollTo(model.log().size() - 1);
            }
        });
    }

    ListView<BuildViewModel.LogLine> node() {
        return list;
    }

    /** Scrolls to and selects the step's first line of output, if it has any. */
    void showStep(StepRow row) {
        for (int i = 0; i < model.log().size(); i++) {
            if (row.step().key().equals(model.log().get(i).stepKey())) {
                list.scrollTo(i);
                list.getSelectionModel().select(i);
                break;
            }
        }
    }
}

package dev.berth.app.layers;

import javafx.scene.control.ComboBox;

/** An editable image field whose list offers the local images, asked for when it first opens. */
final class LocalImagePicker {

    private final ComboBox<String> combo = new ComboBox<>();
    private boolean namesLoaded;

    LocalImagePicker(LayerInspectorViewModel model, String id, String prompt, double width) {
        combo.setId(id);
        combo.setEditable(true);
        combo.setPromptText(prompt);
        combo.setPrefWidth(width);
        combo.setOnShowing(e -> {
            if (!namesLoaded) {
                namesLoaded = true;
                model.loadImageNames(names -> combo.getItems().setAll(names));
            }
        });
    }

    ComboBox<String> node() {
        return combo;
    }

    /** What was typed, else what was picked. */
    String reference() {
        String typed = combo.getEditor().getText();
        return typed == null || typed.isBlank() ? combo.getValue() : typed;
    }

    void set(String reference) {
        combo.getEditor().setText(reference);
        combo.setValue(reference);
    }
}

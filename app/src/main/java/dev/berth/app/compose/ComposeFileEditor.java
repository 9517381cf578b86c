package dev.berth.app.compose;

import dev.berth.app.theme.Css;
import dev.berth.compose.ComposeProblem;
import dev.berth.ui.codeeditor.CodeEditor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The stack's compose file, editable: checked as the user types (the problems marked on their
 * lines and handed to the page), saved with Save or Ctrl+S, and never replaced by a re-read from
 * disk while it has unsaved changes.
 */
final class ComposeFileEditor {

    private static final Duration CHECK_AFTER = Duration.millis(250);

    private final ComposeViewModel model;
    private final CodeEditor editor = new CodeEditor();
    private final BorderPane root = new BorderPane();
    private final Label state = new Label();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final PauseTransition pause = new PauseTransition(CHECK_AFTER);
    private final Map<StackRow, String> drafts = new HashMap<>();
    private final Consumer<FileCheck> onChecked;
    private final Consumer<StackRow> onListed;
    private StackRow row;
    private String savedText = "";
    private boolean loading;
    private int generation;

    /**
     * @param onChecked gets each check of the edited text, on the UI thread
     * @param onListed  gets the row a saved file is listed under, to show it (another row when the
     *                  save changed the stack's name)
     */
    ComposeFileEditor(ComposeViewModel model, Consumer<FileCheck> onChecked, Consumer<StackRow> onListed) {
        this.model = model;
        this.onChecked = onChecked;
        this.onListed = onListed;
        editor.setId("stack-editor");
        editor.setHighlighter(new YamlHighlighter());
        editor.textProperty().addListener((obs, old, text) -> edited(text));
        pause.setOnFinished(e -> check());

        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("stack-save");
        save.disableProperty().bind(dirty.not());
        save.setOnAction(e -> save(saved -> { }));
        Button revert = new Button("Revert", new FontIcon(Material2MZ.UNDO));
        revert.setId("stack-revert");
        revert.disableProperty().bind(dirty.not());
        revert.setOnAction(e -> load(savedText));
        state.setId("stack-file-state");
        state.getStyleClass().add(Css.VIEW_SUBTITLE);
        HBox bar = new HBox(8, save, revert, state);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 0, 6, 0));
        root.setTop(bar);
        root.setCenter(editor);
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN).match(e)) {
                e.consume();
                if (dirty.get()) {
                    save(saved -> { });
                }
            }
        });
    }

    /**
     * Shows a stack's file. Unsaved edits are kept: those of the stack shown, and those of a stack
     * left for another, which come back when it is shown again.
     */
    void show(StackRow next, String diskText) {
        boolean same = row != null && next == row;
        if (!same && row != null && dirty.get()) {
            drafts.put(row, editor.getText());
        }
        row = next;
        if (same && (dirty.get() || diskText.equals(editor.getText()))) {
            savedText = same && dirty.get() ? savedText : diskText;
            return;
        }
        savedText = diskText;
        String draft = drafts.remove(next);
        load(draft != null ? draft : diskText);
        if (draft != null && !draft.equals(diskText)) {
            edited(draft);
        }
    }

    private void load(String text) {
        ++generation; // a check of the text this replaces must not mark it
        loading = true;
        try {
            if (!text.equals(editor.getText())) {
                editor.setText(text);
            }
        } finally {
            loading = false;
        }
        dirty.set(false);
        state.setText("");
        pause.stop();
    }

    private void edited(String text) {
        if (loading || row == null) {
            return;
        }
        dirty.set(!text.equals(savedText));
        state.setText(dirty.get() ? "Unsaved changes" : "");
        pause.playFromStart();
    }

    /** Checks the edited text in the background; answers to older text are dropped. */
    private void check() {
        Path file = row == null ? null : row.fileProperty().get();
        if (file == null) {
            return;
        }
        int mine = ++generation;
        model.check(file, editor.getText(), result -> {
            if (mine == generation) {
                mark(result.problems(), result.hasErrors());
                onChecked.accept(result);
            }
        });
    }

    /** Marks each problem's line: errors in red, warnings in amber. */
    void mark(List<ComposeProblem> problems, boolean errors) {
        editor.clearMarks(CodeEditor.Mark.ERROR);
        editor.clearMarks(CodeEditor.Mark.WARNING);
        for (ComposeProblem p : problems) {
            editor.markLine(p.line(), errors ? CodeEditor.Mark.ERROR : CodeEditor.Mark.WARNING, p.message());
        }
    }

    /** Writes the edited text to the file, then {@code onSaved} gets the stack's row. */
    void save(Consumer<StackRow> onSaved) {
        if (row == null || row.fileProperty().get() == null) {
            return;
        }
        String text = editor.getText();
        ++generation;
        model.save(row, text, listed -> {
            row = listed;
            savedText = text;
            dirty.set(!editor.getText().equals(text));
            state.setText(dirty.get() ? "Unsaved changes" : "Saved");
            onListed.accept(listed);
            onSaved.accept(listed);
        });
    }

    /** True while the text differs from the file. */
    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    CodeEditor editor() {
        return editor;
    }

    Node node() {
        return root;
    }
}

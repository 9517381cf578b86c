package dev.berth.ui.keyvalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class KeyValueEditorTest {

    private KeyValueEditor editor;

    @Start
    void start(Stage stage) {
        editor = new KeyValueEditor("Variable", "Value");
        editor.setKeyRule(k -> k.isEmpty() ? Optional.of("Needs a name")
                : k.contains(" ") ? Optional.of("No spaces") : Optional.empty());
        editor.setAll(Map.of("MODE", "prod"));
        stage.setScene(new Scene(editor, 480, 300));
        stage.show();
    }

    @Test
    void typingARowAddsItAndTheMapKeepsRowOrder(FxRobot robot) {
        robot.clickOn(".key-value-add");
        robot.write("DEBUG");
        robot.clickOn(robot.lookup(".value-field").nth(1).queryAs(TextField.class)).write("1");

        assertThat(editor.toMap()).containsExactly(Map.entry("MODE", "prod"), Map.entry("DEBUG", "1"));
        assertThat(editor.getProblem()).isNull();
    }

    @Test
    void problemsShowBesideTheRowAsYouType(FxRobot robot) {
        robot.clickOn(".key-value-add").write("BAD KEY");

        assertThat(editor.getProblem()).isEqualTo("Row 2: No spaces");
        Label problem = robot.lookup(".key-value-problem").match(n -> ((Label) n).isVisible()).queryAs(Label.class);
        assertThat(problem.getText()).isEqualTo("No spaces");

        robot.eraseText(7).write("MODE");
        assertThat(editor.getProblem()).isEqualTo("Row 2: Same key as row 1");

        robot.eraseText(4);
        assertThat(editor.getProblem()).as("a blank row is ignored").isNull();
        assertThat(editor.toMap()).containsOnlyKeys("MODE");
    }

    @Test
    void removingARowRemovesItsEntry(FxRobot robot) {
        robot.clickOn(".key-value-remove");

        assertThat(editor.getEntries()).isEmpty();
        assertThat(editor.toMap()).isEmpty();
    }

    @Test
    void pastingKeyValueLinesAddsARowPerLine(FxRobot robot) {
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("A=1\n# comment\nB=two words\n");
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn(".key-value-add");
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);

        assertThat(editor.toMap()).containsExactly(Map.entry("MODE", "prod"), Map.entry("A", "1"),
                Map.entry("B", "two words"));
        assertThat(robot.lookup(".key-field").queryAll()).hasSize(3);
    }
}

package dev.berth.ui.codeeditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CodeEditorTest {

    /** Upper-case words are keywords, '#' starts a comment. */
    private static final Highlighter WORDS = text -> {
        List<Highlighter.Span> spans = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)(#.*$)|\\b[A-Z]{2,}\\b").matcher(text);
        while (m.find()) {
            spans.add(new Highlighter.Span(m.start(), m.end(), m.group(1) != null ? "comment" : "keyword"));
        }
        return spans;
    };

    private CodeEditor editor;

    @Start
    void start(Stage stage) {
        editor = new CodeEditor();
        editor.setHighlighter(WORDS);
        editor.setText("# build\nFROM scratch\nRUN make\n");
        stage.setScene(new Scene(editor, 400, 200));
        stage.show();
    }

    @Test
    void highlightsWithTheHighlightersStyleClasses(FxRobot robot) {
        assertThat(editor.stylesAt(2)).containsExactly("comment");
        assertThat(editor.stylesAt(9)).containsExactly("keyword");
        assertThat(editor.stylesAt(14)).isEmpty();
    }

    @Test
    void editsAreHighlightedAgainAfterAPause(FxRobot robot) {
        robot.interact(() -> editor.revealLine(3));
        robot.clickOn(editor).type(KeyCode.END).write(" COPY");
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        int copy = editor.getText().indexOf("COPY");
        assertThat(copy).isPositive();
        assertThat(editor.stylesAt(copy + 1)).containsExactly("keyword");
    }

    @Test
    void marksLinesAndMovesTheCaretThere(FxRobot robot) {
        robot.interact(() -> {
            editor.markLine(2, CodeEditor.Mark.ERROR, "unknown instruction");
            editor.markLine(3, CodeEditor.Mark.CURRENT, null);
            editor.revealLine(3);
        });

        assertThat(editor.markedLines(CodeEditor.Mark.ERROR)).containsExactly(2);
        assertThat(editor.caretLineProperty().get()).isEqualTo(3);
        assertThat(robot.lookup(".code-gutter.code-line-error").queryAll()).hasSize(1);

        robot.interact(() -> editor.markLine(1, CodeEditor.Mark.CURRENT, null));
        assertThat(editor.markedLines(CodeEditor.Mark.CURRENT)).containsExactly(1);
        robot.interact(() -> editor.clearMarks(CodeEditor.Mark.ERROR));
        assertThat(editor.markedLines(CodeEditor.Mark.ERROR)).isEmpty();
        assertThat(robot.lookup(".code-gutter.code-line-error").queryAll()).isEmpty();
    }
}

package dev.berth.ui.codeeditor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * An editable code area with line numbers, syntax highlighting by a pluggable {@link Highlighter},
 * and line marks (an error with its message as a tooltip, a highlighted line).
 *
 * <pre>{@code
 * CodeEditor editor = new CodeEditor();
 * editor.setHighlighter(myLexer);
 * editor.setText("FROM scratch\n");
 * editor.markLine(1, CodeEditor.Mark.ERROR, "unknown instruction: FORM");
 * editor.revealLine(1);
 * }</pre>
 */
public class CodeEditor extends StackPane {

    /** How a marked line looks; its style class on the line and in the gutter. */
    public enum Mark {
        ERROR("code-line-error"), WARNING("code-line-warning"), CURRENT("code-line-current");

        private final String styleClass;

        Mark(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    private static final String STYLESHEET = Objects.requireNonNull(
            CodeEditor.class.getResource("codeeditor.css")).toExternalForm();

    private final CodeArea area = new CodeArea();
    private final ObjectProperty<Highlighter> highlighter = new SimpleObjectProperty<>(this, "highlighter",
            Highlighter.NONE);
    private final Map<Integer, Mark> marks = new LinkedHashMap<>();
    private final Map<Integer, String> markMessages = new LinkedHashMap<>();
    private final ReadOnlyIntegerWrapper caretLine = new ReadOnlyIntegerWrapper(this, "caretLine", 1);

    public CodeEditor() {
        getStyleClass().add("code-editor");
        area.getStyleClass().add("code-editor-area");
        area.setParagraphGraphicFactory(this::gutter);
        area.multiPlainChanges().successionEnds(Duration.ofMillis(60)).subscribe(ignored -> rehighlight());
        area.currentParagraphProperty().addListener((obs, old, now) -> caretLine.set(now + 1));
        highlighter.addListener((obs, old, now) -> rehighlight());
        getChildren().add(new VirtualizedScrollPane<>(area));
    }

    public String getText() {
        return area.getText();
    }

    /** Replaces the whole text (and the undo history: this is a new document). */
    public void setText(String text) {
        area.replaceText(text == null ? "" : text);
        area.getUndoManager().forgetHistory();
        area.moveTo(0);
        area.requestFollowCaret();
        rehighlight();
    }

    public ObservableValue<String> textProperty() {
        return area.textProperty();
    }

    public ObjectProperty<Highlighter> highlighterProperty() {
        return highlighter;
    }

    public void setHighlighter(Highlighter value) {
        highlighter.set(value == null ? Highlighter.NONE : value);
    }

    /** The 1-based line of the caret. */
    public ReadOnlyIntegerProperty caretLineProperty() {
        return caretLine.getReadOnlyProperty();
    }

    /** Marks a 1-based line; {@code message} (may be null) shows as the gutter's tooltip. */
    public void markLine(int line, Mark mark, String message) {
        if (line < 1 || line > area.getParagraphs().size()) {
            return;
        }
        clearMark(mark == Mark.CURRENT ? Mark.CURRENT : null, line);
        marks.put(line, mark);
        if (message != null) {
            markMessages.put(line, message);
        } else {
            markMessages.remove(line);
        }
        refreshLine(line);
    }

    /** Removes every mark of one kind. */
    public void clearMarks(Mark mark) {
        List<Integer> lines = new ArrayList<>();
        marks.forEach((line, m) -> {
            if (m == mark) {
                lines.add(line);
            }
        });
        for (Integer line : lines) {
            marks.remove(line);
            markMessages.remove(line);
            refreshLine(line);
        }
    }

    /** The lines carrying a mark of this kind, in order. */
    public List<Integer> markedLines(Mark mark) {
        List<Integer> out = new ArrayList<>();
        marks.forEach((line, m) -> {
            if (m == mark) {
                out.add(line);
            }
        });
        Collections.sort(out);
        return out;
    }

    /** Scrolls a 1-based line into view and puts the caret at its start. */
    public void revealLine(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(paragraph, 0);
        area.showParagraphAtCenter(paragraph);
    }

    public void setEditable(boolean editable) {
        area.setEditable(editable);
    }

    /** The style classes drawn at a character offset (for tests and tools). */
    public Collection<String> stylesAt(int offset) {
        return area.getStyleOfChar(offset);
    }

    /** The underlying area, for key bindings and focus. */
    public CodeArea area() {
        return area;
    }

    private void clearMark(Mark onlyThis, int exceptLine) {
        if (onlyThis == null) {
            return;
        }
        for (Integer line : markedLines(onlyThis)) {
            if (line != exceptLine) {
                marks.remove(line);
                markMessages.remove(line);
                refreshLine(line);
            }
        }
    }

    private void refreshLine(int line) {
        int paragraph = line - 1;
        if (paragraph < 0 || paragraph >= area.getParagraphs().size()) {
            return;
        }
        Mark mark = marks.get(line);
        area.setParagraphStyle(paragraph, mark == null ? List.of() : List.of(mark.styleClass()));
        // Recreate the gutter cell of that line.
        area.setParagraphGraphicFactory(null);
        area.setParagraphGraphicFactory(this::gutter);
    }

    private Node gutter(int paragraph) {
        int line = paragraph + 1;
        Label number = new Label(Integer.toString(line));
        number.getStyleClass().add("code-line-number");
        number.setAlignment(Pos.CENTER_RIGHT);
        number.setMinWidth(gutterWidth());
        Mark mark = marks.get(line);
        HBox box = new HBox(number);
        box.getStyleClass().add("code-gutter");
        if (mark != null) {
            box.getStyleClass().add(mark.styleClass());
            String message = markMessages.get(line);
            if (message != null) {
                Tooltip.install(box, new Tooltip(message));
            }
        }
        return box;
    }

    private double gutterWidth() {
        int digits = Integer.toString(Math.max(1, area.getParagraphs().size())).length();
        return 10 + digits * 8;
    }

    private void rehighlight() {
        String text = area.getText();
        List<Highlighter.Span> spans = highlighter.get().highlight(text);
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int at = 0;
        for (Highlighter.Span span : spans) {
            if (span.start() < at || span.end() > text.length() || span.end() <= span.start()) {
                continue;
            }
            builder.add(Collections.emptyList(), span.start() - at);
            builder.add(Collections.singleton(span.styleClass()), span.end() - span.start());
            at = span.end();
        }
        builder.add(Collections.emptyList(), text.length() - at);
        StyleSpans<Collection<String>> styles = builder.create();
        area.setStyleSpans(0, styles);
        IntFunction<Node> factory = this::gutter;
        area.setParagraphGraphicFactory(factory);
        marks.keySet().removeIf(line -> line > area.getParagraphs().size());
        for (Map.Entry<Integer, Mark> entry : marks.entrySet()) {
            area.setParagraphStyle(entry.getKey() - 1, List.of(entry.getValue().styleClass()));
        }
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}

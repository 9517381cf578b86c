package dev.berth.ui.keyvalue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

/**
 * Rows of key and value fields with add and remove, for environment variables, labels and the
 * like. Each row is checked as it is typed (a key rule you give, plus "no duplicate keys") and its
 * problem is shown beside it; {@link #problemProperty()} holds the first one for a form to show.
 * Rows left entirely blank are ignored.
 *
 * <pre>{@code
 * KeyValueEditor env = new KeyValueEditor("Variable", "Value");
 * env.setKeyRule(key -> key.contains("=") ? Optional.of("No '=' in names") : Optional.empty());
 * env.setAll(Map.of("MODE", "production"));
 * env.add("DEBUG", "1");
 * Map<String, String> values = env.toMap();      // {MODE=production, DEBUG=1}
 * }</pre>
 *
 * <p>Pasting lines such as {@code A=1} (one per line) into a key field adds a row per line.
 */
public class KeyValueEditor extends Control {

    private static final String STYLESHEET = Objects.requireNonNull(
            KeyValueEditor.class.getResource("keyvalue.css")).toExternalForm();

    private final ObservableList<Entry> entries = FXCollections.observableArrayList(
            e -> new Observable[] {e.key, e.value});
    private final ObjectProperty<Function<String, Optional<String>>> keyRule =
            new SimpleObjectProperty<>(this, "keyRule", key -> key.isEmpty()
                    ? Optional.of("Enter a key") : Optional.empty());
    private final StringProperty keyPrompt = new SimpleStringProperty(this, "keyPrompt", "Key");
    private final StringProperty valuePrompt = new SimpleStringProperty(this, "valuePrompt", "Value");
    private final StringProperty addText = new SimpleStringProperty(this, "addText", "Add");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

    /** One row: its key, its value and what is wrong with it (null when nothing). */
    public static final class Entry {
        private final StringProperty key = new SimpleStringProperty(this, "key", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");

        public Entry(String key, String value) {
            this.key.set(key == null ? "" : key);
            this.value.set(value == null ? "" : value);
        }

        public StringProperty keyProperty() {
            return key;
        }

        public StringProperty valueProperty() {
            return value;
        }

        public String getKey() {
            return key.get();
        }

        public String getValue() {
            return value.get();
        }

        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }

        public String getProblem() {
            return problem.get();
        }

        boolean isBlank() {
            return key.get().isEmpty() && value.get().isEmpty();
        }
    }

    public KeyValueEditor() {
        getStyleClass().add("key-value-editor");
        entries.addListener((ListChangeListener<Entry>) c -> validate());
        keyRule.addListener((obs, old, now) -> validate());
    }

    public KeyValueEditor(String keyPrompt, String valuePrompt) {
        this();
        setKeyPrompt(keyPrompt);
        setValuePrompt(valuePrompt);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new KeyValueEditorSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    /** The rows, blank ones included, in order. */
    public ObservableList<Entry> getEntries() {
        return entries;
    }

    public Entry add(String key, String value) {
        Entry entry = new Entry(key, value);
        entries.add(entry);
        return entry;
    }

    /** Replaces all rows with the map's entries, in its order. */
    public void setAll(Map<String, String> values) {
        List<Entry> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(new Entry(k, v)));
        entries.setAll(rows);
    }

    /** The non-blank rows as a map, in row order (a later duplicate key wins). */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!e.isBlank()) {
                map.put(e.getKey(), e.getValue());
            }
        }
        return map;
    }

    /**
     * Handles text pasted into a row's key field: lines of {@code KEY=VALUE} fill this row and add a
     * row for each further line. Returns false (paste normally) for text without '='.
     */
    public boolean pasteLines(Entry target, String text) {
        if (text == null || text.indexOf('=') < 0) {
            return false;
        }
        List<String> lines = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (lines.isEmpty()) {
            return false;
        }
        int index = entries.indexOf(target);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1);
            if (i == 0 && index >= 0) {
                target.key.set(key);
                target.value.set(value);
            } else {
                entries.add(index < 0 ? entries.size() : index + i, new Entry(key, value));
            }
        }
        return true;
    }

    /** The rule a non-blank row's key must follow; returns the problem or empty. */
    public ObjectProperty<Function<String, Optional<String>>> keyRuleProperty() {
        return keyRule;
    }

    public void setKeyRule(Function<String, Optional<String>> rule) {
        keyRule.set(Objects.requireNonNull(rule));
    }

    /** The first row's problem as "Row 2: ...", or null when every row is fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String getProblem() {
        return problem.get();
    }

    public StringProperty keyPromptProperty() {
        return keyPrompt;
    }

    public void setKeyPrompt(String text) {
        keyPrompt.set(text);
    }

    public StringProperty valuePromptProperty() {
        return valuePrompt;
    }

    public void setValuePrompt(String text) {
        valuePrompt.set(text);
    }

    /** Text of the button that adds a row. */
    public StringProperty addTextProperty() {
        return addText;
    }

    private void validate() {
        Map<String, Integer> firstRow = new HashMap<>();
        String first = null;
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String message = null;
            if (!e.isBlank()) {
                message = keyRule.get().apply(e.getKey()).orElse(null);
                Integer earlier = firstRow.putIfAbsent(e.getKey(), i);
                if (message == null && earlier != null) {
                    message = "Same key as row " + (earlier + 1);
                }
            }
            e.problem.set(message);
            if (first == null && message != null) {
                first = "Row " + (i + 1) + ": " + message;
            }
        }
        problem.set(first);
    }
}

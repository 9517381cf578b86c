package dev.berth.ui.badge;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;

/**
 * A small rounded label that shows a state in colour, e.g. "running" in green.
 *
 * <pre>{@code
 * Badge badge = new Badge("running", Badge.Tone.SUCCESS);
 * badge.setTone(Badge.Tone.DANGER);
 * }</pre>
 *
 * <p>The colour comes from the style class of its {@link Tone} ({@code badge-success}, ...), so a
 * theme can restyle every badge at once.
 */
public class Badge extends Label {

    /** The meaning a badge's colour conveys. */
    public enum Tone {
        NEUTRAL, ACCENT, SUCCESS, WARNING, DANGER;

        public String styleClass() {
            return "badge-" + name().toLowerCase();
        }
    }

    private static final String STYLESHEET = Objects.requireNonNull(
            Badge.class.getResource("badge.css")).toExternalForm();

    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(this, "tone", Tone.NEUTRAL) {
        @Override
        protected void invalidated() {
            for (Tone t : Tone.values()) {
                getStyleClass().remove(t.styleClass());
            }
            getStyleClass().add(get().styleClass());
        }
    };

    public Badge() {
        this("", Tone.NEUTRAL);
    }

    public Badge(String text, Tone tone) {
        super(text);
        getStyleClass().addAll("badge", Tone.NEUTRAL.styleClass());
        setTone(tone);
        setMinWidth(USE_PREF_SIZE);
    }

    public ObjectProperty<Tone> toneProperty() {
        return tone;
    }

    public Tone getTone() {
        return tone.get();
    }

    public void setTone(Tone value) {
        tone.set(Objects.requireNonNull(value));
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }
}

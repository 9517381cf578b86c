package dev.berth.ui.logview;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableBooleanProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableBooleanProperty;
import javafx.css.StyleableProperty;
import javafx.scene.control.Control;
import javafx.scene.text.Font;

/**
 * The {@link LogView}'s properties: what the embedding view sets (limits, follow, wrap,
 * timestamps, search, palette, font), what the view reports (counts, search errors), and the
 * CSS-settable dark palette. {@link LogView} adds the lines and what is done with them.
 *
 * <p>Apart so the property boilerplate does not bury the behaviour. Its public members are
 * {@code LogView}'s API: javac adds public bridges for the instance methods to {@code LogView},
 * so bindings and reflection by name find them there.
 */
abstract class LogViewBase extends Control {

    public static final int DEFAULT_MAX_LINES = 100_000;
    public static final int DEFAULT_MAX_LINE_LENGTH = 10_000;

    // Package-private where LogView listens to a property or keeps it up to date.
    final IntegerProperty maxLines = new SimpleIntegerProperty(this, "maxLines", DEFAULT_MAX_LINES);
    private final IntegerProperty maxLineLength = new SimpleIntegerProperty(this, "maxLineLength", DEFAULT_MAX_LINE_LENGTH);
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final BooleanProperty wrapText = new SimpleBooleanProperty(this, "wrapText", false);
    private final BooleanProperty showTimestamps = new SimpleBooleanProperty(this, "showTimestamps", false);
    final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    final BooleanProperty caseSensitive = new SimpleBooleanProperty(this, "caseSensitive", false);
    final BooleanProperty regex = new SimpleBooleanProperty(this, "regex", false);
    final BooleanProperty filterMode = new SimpleBooleanProperty(this, "filterMode", false);
    private final ObjectProperty<TerminalPalette> palette = new SimpleObjectProperty<>(this, "palette");

    final ReadOnlyIntegerWrapper lineCount = new ReadOnlyIntegerWrapper(this, "lineCount");
    final ReadOnlyIntegerWrapper shownCount = new ReadOnlyIntegerWrapper(this, "shownCount");
    final ReadOnlyLongWrapper droppedCount = new ReadOnlyLongWrapper(this, "droppedCount");
    final ReadOnlyLongWrapper matchCount = new ReadOnlyLongWrapper(this, "matchCount");
    final ReadOnlyLongWrapper currentMatch = new ReadOnlyLongWrapper(this, "currentMatch");
    final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper(this, "searchError");
    final ReadOnlyLongWrapper newWhileAway = new ReadOnlyLongWrapper(this, "newWhileAway");
    private final ReadOnlyObjectWrapper<TerminalPalette> effectivePalette =
            new ReadOnlyObjectWrapper<>(this, "effectivePalette", TerminalPalette.LIGHT);
    /** Bumped whenever what the lines look like changes without the lines changing. */
    final ReadOnlyIntegerWrapper appearance = new ReadOnlyIntegerWrapper(this, "appearance");
    /** Shown index of the line next/previous moved to; the skin scrolls there. */
    final ReadOnlyIntegerWrapper revealIndex = new ReadOnlyIntegerWrapper(this, "revealIndex", -1);

    private final StyleableBooleanProperty darkPalette =
            new SimpleStyleableBooleanProperty(DARK_PALETTE, this, "darkPalette", false);
    private final ObjectProperty<Font> font = new SimpleObjectProperty<>(this, "font", Font.font("Monospaced", 13));

    LogViewBase() {
        InvalidationListener repaint = o -> appearance.set(appearance.get() + 1);
        palette.addListener(o -> updatePalette());
        darkPalette.addListener(o -> updatePalette());
        effectivePalette.addListener(repaint);
        font.addListener(repaint);
        showTimestamps.addListener(repaint);
        maxLineLength.addListener(repaint);
        follow.addListener((obs, was, now) -> {
            if (now) {
                newWhileAway.set(0);
            }
        });
    }

    // ---- properties --------------------------------------------------------------------------

    public IntegerProperty maxLinesProperty() {
        return maxLines;
    }

    public int getMaxLines() {
        return maxLines.get();
    }

    /** Lines kept (default {@value #DEFAULT_MAX_LINES}); beyond it the oldest are dropped. */
    public void setMaxLines(int value) {
        maxLines.set(value);
    }

    public IntegerProperty maxLineLengthProperty() {
        return maxLineLength;
    }

    public int getMaxLineLength() {
        return maxLineLength.get();
    }

    /** Characters of one line drawn (default {@value #DEFAULT_MAX_LINE_LENGTH}); the rest is marked as cut. */
    public void setMaxLineLength(int value) {
        maxLineLength.set(value);
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public boolean isFollow() {
        return follow.get();
    }

    public void setFollow(boolean value) {
        follow.set(value);
    }

    public BooleanProperty wrapTextProperty() {
        return wrapText;
    }

    public boolean isWrapText() {
        return wrapText.get();
    }

    public void setWrapText(boolean value) {
        wrapText.set(value);
    }

    public BooleanProperty showTimestampsProperty() {
        return showTimestamps;
    }

    public boolean isShowTimestamps() {
        return showTimestamps.get();
    }

    public void setShowTimestamps(boolean value) {
        showTimestamps.set(value);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public String getSearchText() {
        return searchText.get();
    }

    public void setSearchText(String value) {
        searchText.set(value);
    }

    public BooleanProperty caseSensitiveProperty() {
        return caseSensitive;
    }

    public boolean isCaseSensitive() {
        return caseSensitive.get();
    }

    public void setCaseSensitive(boolean value) {
        caseSensitive.set(value);
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public boolean isRegex() {
        return regex.get();
    }

    public void setRegex(boolean value) {
        regex.set(value);
    }

    /** Shows only lines that match the search (notes stay). */
    public BooleanProperty filterModeProperty() {
        return filterMode;
    }

    public boolean isFilterMode() {
        return filterMode.get();
    }

    public void setFilterMode(boolean value) {
        filterMode.set(value);
    }

    /** Colours to draw with; null picks {@link TerminalPalette#LIGHT} or {@link TerminalPalette#DARK} from CSS. */
    public ObjectProperty<TerminalPalette> paletteProperty() {
        return palette;
    }

    public ReadOnlyObjectProperty<TerminalPalette> effectivePaletteProperty() {
        return effectivePalette.getReadOnlyProperty();
    }

    public TerminalPalette getEffectivePalette() {
        return effectivePalette.get();
    }

    private void updatePalette() {
        TerminalPalette explicit = palette.get();
        effectivePalette.set(explicit != null ? explicit : darkPalette.get() ? TerminalPalette.DARK : TerminalPalette.LIGHT);
    }

    /** The monospaced font lines are drawn in. */
    public ObjectProperty<Font> fontProperty() {
        return font;
    }

    public Font getFont() {
        return font.get();
    }

    public ReadOnlyIntegerProperty lineCountProperty() {
        return lineCount.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownCountProperty() {
        return shownCount.getReadOnlyProperty();
    }

    /** Lines dropped to stay within the cap since the view was last cleared. */
    public ReadOnlyLongProperty droppedCountProperty() {
        return droppedCount.getReadOnlyProperty();
    }

    /** Occurrences of the search in the shown lines. */
    public ReadOnlyLongProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** Number (from 1) of the match next/previous is on; 0 when none. */
    public ReadOnlyLongProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    /** Why the search expression is invalid, or null. */
    public ReadOnlyStringProperty searchErrorProperty() {
        return searchError.getReadOnlyProperty();
    }

    /** Lines that arrived since following stopped. */
    public ReadOnlyLongProperty newWhileAwayProperty() {
        return newWhileAway.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty appearanceProperty() {
        return appearance.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty revealIndexProperty() {
        return revealIndex.getReadOnlyProperty();
    }

    // ---- CSS ---------------------------------------------------------------------------------

    private static final CssMetaData<LogViewBase, Boolean> DARK_PALETTE = new CssMetaData<>("-log-dark-palette",
            StyleConverter.getBooleanConverter(), false) {
        @Override
        public boolean isSettable(LogViewBase view) {
            return !view.darkPalette.isBound();
        }

        @Override
        public StyleableProperty<Boolean> getStyleableProperty(LogViewBase view) {
            return view.darkPalette;
        }
    };

    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Control.getClassCssMetaData());
        list.add(DARK_PALETTE);
        CSS_META_DATA = List.copyOf(list);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}

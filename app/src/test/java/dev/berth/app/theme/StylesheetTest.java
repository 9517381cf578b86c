package dev.berth.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/** Berth's stylesheet parses cleanly: one stray brace silently drops every rule after it. */
class StylesheetTest {

    @Test
    void berthCssHasNoParseErrorsAndKeepsEveryViewsRules() throws IOException {
        CssParser parser = new CssParser();
        CssParser.errorsProperty().clear();
        Stylesheet sheet = parser.parse(Objects.requireNonNull(ThemeManager.class.getResource("berth.css")));

        assertThat(List.copyOf(CssParser.errorsProperty())).isEmpty();
        List<String> selectors = sheet.getRules().stream()
                .flatMap(r -> r.getSelectors().stream()).map(Object::toString).toList();
        assertThat(selectors).anyMatch(s -> s.contains("efficiency-score"))
                .anyMatch(s -> s.contains("form-problem"))
                .anyMatch(s -> s.contains("sidebar-button"));
        String text = new String(Objects.requireNonNull(ThemeManager.class.getResourceAsStream("berth.css")).readAllBytes());
        assertThat(text.chars().filter(c -> c == '{').count()).isEqualTo(text.chars().filter(c -> c == '}').count());
    }
}

package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvFileTest {

    @Test
    void readsLinesAsTheCliDoes() {
        String content = "\uFEFF# comment\n\n  DB_HOST=db\nQUOTED=\"kept as is\" \nFROM_ENV\nUNSET\r\nEMPTY=\n";

        assertThat(EnvFile.parse(content, Map.of("FROM_ENV", "here")::get))
                .containsExactly("DB_HOST=db", "QUOTED=\"kept as is\" ", "FROM_ENV=here", "EMPTY=");
    }

    @Test
    void namesTheBadLine() {
        assertThatThrownBy(() -> EnvFile.parse("OK=1\nBAD KEY=2\n", k -> null))
                .hasMessage("Line 2: variable 'BAD KEY' contains whitespace");
        assertThatThrownBy(() -> EnvFile.parse("=value", k -> null)).hasMessage("Line 1 has no variable name");
    }
}

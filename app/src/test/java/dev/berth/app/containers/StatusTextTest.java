package dev.berth.app.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTextTest {

    @Test
    void unitsAreShortenedAndTheEnginesWordsKept() {
        assertThat(StatusText.compact("Up Less than a second")).isEqualTo("Up <1 s");
        assertThat(StatusText.compact("Up 5 seconds")).isEqualTo("Up 5 s");
        assertThat(StatusText.compact("Up About a minute (healthy)")).isEqualTo("Up ~1 min (healthy)");
        assertThat(StatusText.compact("Exited (137) 5 minutes ago")).isEqualTo("Exited (137) 5 min ago");
        assertThat(StatusText.compact("Up 1 hour (Paused)")).isEqualTo("Up 1 h (Paused)");
        assertThat(StatusText.compact("Exited (0) 3 weeks ago")).isEqualTo("Exited (0) 3 wk ago");
        assertThat(StatusText.compact("Restarting (1) About an hour ago")).isEqualTo("Restarting (1) ~1 h ago");
        assertThat(StatusText.compact("Created")).isEqualTo("Created");
        assertThat(StatusText.compact("")).isEmpty();
        assertThat(StatusText.compact(null)).isNull();
    }
}

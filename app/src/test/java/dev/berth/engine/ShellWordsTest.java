package dev.berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsLikeAShell() {
        assertThat(ShellWords.split("sh -c \"echo 'hi there'\"")).containsExactly("sh", "-c", "echo 'hi there'");
        assertThat(ShellWords.split("  a\tb  ")).containsExactly("a", "b");
        assertThat(ShellWords.split("echo 'a \"b\"' c\\ d \"\\$HOME\" x''y")).containsExactly("echo", "a \"b\"", "c d",
                "$HOME", "xy");
        assertThat(ShellWords.split("''")).containsExactly("");
        assertThat(ShellWords.split("")).isEmpty();
    }

    @Test
    void unclosedQuotesAreReported() {
        assertThatThrownBy(() -> ShellWords.split("echo 'hi")).hasMessage("A single quote (') is not closed");
        assertThatThrownBy(() -> ShellWords.split("echo \"hi")).hasMessage("A double quote (\") is not closed");
        assertThatThrownBy(() -> ShellWords.split("echo \\")).hasMessage("The line ends in a backslash");
    }

    @Test
    void quotingRoundTrips() {
        List<String> words = List.of("sh", "-c", "trap 'exit 0' TERM; echo \"$HOME\"", "", "a=b", "/x/y.z");
        String line = ShellWords.join(words);

        assertThat(line).startsWith("sh -c 'trap '\\''exit 0'\\'' TERM;").endsWith(" '' a=b /x/y.z");
        assertThat(ShellWords.split(line)).isEqualTo(words);
    }
}

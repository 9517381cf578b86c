package dev.berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;

/** Reads compose text for the parser tests, as if from {@link #FILE}. */
final class ParserFixtures {

    static final Path FILE = Path.of("/projects/shop/compose.yaml").toAbsolutePath();

    private ParserFixtures() {
    }

    static ComposeProject parse(String yaml) {
        return ComposeParser.parse(FILE, yaml, Map.of());
    }

    /** The problems as (line, column, message), failing when the text is accepted. */
    static List<Tuple> problems(String yaml) {
        return problems(yaml, Map.of());
    }

    static List<Tuple> problems(String yaml, Map<String, String> env) {
        ComposeException e = catchThrowableOfType(ComposeException.class, () -> ComposeParser.parse(FILE, yaml, env));
        assertThat(e).as("the file should not be accepted").isNotNull();
        return e.problems().stream().map(p -> tuple(p.line(), p.column(), p.message())).toList();
    }

    static List<Tuple> warnings(String yaml, Map<String, String> env) {
        return ComposeParser.parse(FILE, yaml, env).warnings().stream()
                .map(p -> tuple(p.line(), p.column(), p.message())).toList();
    }
}
